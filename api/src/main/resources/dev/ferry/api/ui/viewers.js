// The result viewer of each demo, reading the demo's own output files; any demo without one
// gets the generic viewer (its result as JSON).
"use strict";

import * as generic from "./viewer-generic.js";
import * as regions from "./viewer-regions.js";
import * as faces from "./viewer-faces.js";
import * as vectorization from "./viewer-vectorization.js";
import * as clustering from "./viewer-clustering.js";
import * as sign from "./viewer-sign.js";
import * as asr from "./viewer-asr.js";
import * as similarity from "./viewer-similarity.js";

const VIEWERS = {
  regions,
  faces,
  vectorization,
  clustering,
  sign,
  asr,
  similarity,
};

/** Shows a succeeded job's result in container; may return a function that releases what it holds. */
export function showResult(container, job) {
  return (VIEWERS[job.demo] || generic).render(container, job);
}
