// The result of a demo without a viewer of its own: its JSON, as text.
"use strict";

import { h } from "./dom.js";

export function render(container, job) {
  container.append(h("pre", { className: "result-json" }, JSON.stringify(job.result, null, 2)));
}
