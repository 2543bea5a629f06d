"use strict";

import { showResult } from "./viewers.js";

export function render(view) {
  view.textContent = "job page: to be written";
  view.dataset.viewer = typeof showResult;
}
