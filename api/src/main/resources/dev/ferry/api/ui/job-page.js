// A job at its own address (#/jobs/{id}): a first version that reads the job until it has
// finished and then shows its result with the demo's viewer.
"use strict";

import { json } from "./api.js";
import { fill, h } from "./dom.js";
import { showResult } from "./viewers.js";

const FINAL = ["succeeded", "failed", "cancelled"];

export async function render(view, id) {
  const state = h("p", { className: "state" });
  const viewer = h("section", { className: "viewer", "aria-label": "Result" });
  view.append(h("h1", {}, id), state, viewer);
  let timer = null;
  let release = null;
  const read = async () => {
    const job = await json("/api/v1/jobs/" + encodeURIComponent(id));
    fill(state, job.state);
    state.className = "state state-" + job.state;
    if (job.state === "succeeded") {
      release = showResult(viewer, job) || null;
    } else if (!FINAL.includes(job.state)) {
      timer = setTimeout(read, 1000);
    }
  };
  await read();
  return () => {
    clearTimeout(timer);
    if (release) {
      release();
    }
  };
}
