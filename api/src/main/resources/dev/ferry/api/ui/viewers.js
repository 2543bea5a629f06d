// The result viewer of each demo, reading the demo's own output files; any demo without one
// gets the generic viewer (its result as JSON).
"use strict";

import * as generic from "./viewer-generic.js";

const VIEWERS = {};

/** Shows a succeeded job's result in container; may return a function that releases what it holds. */
export function showResult(container, job) {
  return (VIEWERS[job.demo] || generic).render(container, job);
}
