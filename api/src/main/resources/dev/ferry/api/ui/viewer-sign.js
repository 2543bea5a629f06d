// The sign viewer: the most likely words with probability bars and, for a job cut into
// windows, the timeline of words and every window with its word. Each stretch is a button
// that seeks the video player — the video the job was given — to it.
"use strict";

import { allFiles, fileText } from "./api.js";
import { h } from "./dom.js";
import { clock, mediaPlayer, timedButton, viewer } from "./viewer-parts.js";

function percent(p) {
  return (p * 100).toFixed(p >= 0.995 || p < 0.001 ? 0 : 1) + " %";
}

function bar(p) {
  const fill = h("span", { className: "bar-fill" });
  fill.style.width = (p * 100).toFixed(1) + "%";
  return h("span", { className: "bar", "aria-hidden": "true" }, fill);
}

function topWords(topK) {
  return h("ol", { className: "top-words" }, topK.map((guess) =>
    h("li", {}, h("span", { className: "top-word" }, guess.label), bar(guess.probability),
      h("span", { className: "top-probability" }, percent(guess.probability)))));
}

/** The merged words placed on a track as long as the video. */
function track(timeline, duration) {
  const words = timeline.map((w) => {
    const button = timedButton("sign-word", w.start_seconds, w.end_seconds,
      clock(w.start_seconds) + " – " + clock(w.end_seconds) + " · " + percent(w.probability), w.label);
    button.style.left = (100 * w.start_seconds / duration).toFixed(2) + "%";
    button.style.width = (100 * (w.end_seconds - w.start_seconds) / duration).toFixed(2) + "%";
    return button;
  });
  return h("div", { className: "sign-track", role: "group", "aria-label": "Timeline of words" }, words);
}

function windowList(windows) {
  return h("ol", { className: "sign-windows" }, windows.map((w) => {
    const best = w.top_k[0] || { label: "—", probability: 0 };
    return h("li", {}, timedButton("sign-window", w.start_seconds, w.end_seconds, null,
      h("span", { className: "window-time" }, clock(w.start_seconds) + " – " + clock(w.end_seconds)),
      h("span", { className: "window-word" }, best.label),
      h("span", { className: "window-probability" }, percent(best.probability))));
  }));
}

async function load(container, job, releases) {
  const files = await allFiles(job);
  const urls = new Map(files.map((f) => [f.path, f.url]));
  const predictions = JSON.parse(await fileText(urls.get(job.result.predictions)));
  const windowed = predictions.mode === "windows";
  const body = h("div", { className: "sign-body" },
    h("h2", {}, windowed ? "Most likely words in any window" : "Most likely words"),
    topWords(predictions.top_k),
    windowed ? [
      h("h2", {}, "Timeline"),
      predictions.timeline.length ? track(predictions.timeline, predictions.duration_seconds)
        : h("p", { className: "hint" }, "No window was sure enough of a word."),
      h("h2", {}, "Windows"),
      windowList(predictions.windows),
    ] : null);
  const player = await mediaPlayer(body, job, files, "sign");
  if (player) {
    releases.push(player.release);
  }
  container.append(h("div", { className: "sign-view" },
    h("p", { className: "sign-summary" }, [predictions.source, clock(predictions.duration_seconds),
      predictions.width + " × " + predictions.height, "model " + predictions.model].join(" · ")),
    player ? player.element : null,
    body));
}

export const render = viewer(load, "The predictions");
