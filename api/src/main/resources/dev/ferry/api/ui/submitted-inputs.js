// What this browser sent with each job it submitted (file names, URLs, earlier jobs), so the
// job page's "Use via API" panel can repeat exactly these inputs. The server keeps the inputs
// but not a list of them for clients; another browser sees placeholders instead.
"use strict";

const PREFIX = "ferry.inputs.";
const KEEP = 100;

/** inputs: {files: ["a.png", ...]} or {json: [{url}, {job, files}, ...]}. */
export function remember(id, inputs) {
  try {
    localStorage.setItem(PREFIX + id, JSON.stringify({ at: Date.now(), ...inputs }));
    forgetOldest();
  } catch (e) {
    // A full or disabled storage only costs the panel its exact inputs.
  }
}

export function recall(id) {
  try {
    return JSON.parse(localStorage.getItem(PREFIX + id) || "null");
  } catch (e) {
    return null;
  }
}

function forgetOldest() {
  const keys = Object.keys(localStorage).filter((k) => k.startsWith(PREFIX));
  if (keys.length <= KEEP) {
    return;
  }
  const at = (k) => (JSON.parse(localStorage.getItem(k)) || { at: 0 }).at;
  keys.sort((a, b) => at(a) - at(b)).slice(0, keys.length - KEEP).forEach((k) => localStorage.removeItem(k));
}
