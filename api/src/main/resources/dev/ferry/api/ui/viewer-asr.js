// The asr viewer: the transcript word by word with its times, the speech segments, and the
// captions to download. A word is a button that seeks a player to it, and the word being
// heard is highlighted. The player plays the recording the job was given (or an audio output,
// should the demo ever write one); once the job's files have expired the transcript stands alone.
"use strict";

import { allFiles, fileSource, fileText } from "./api.js";
import { h } from "./dom.js";
import { clock, mediaPlayer, timedButton, viewer } from "./viewer-parts.js";

/** Seconds as Google writes them, "0.620s", → 0.62. */
function secondsOf(duration) {
  return parseFloat(duration);
}

function word(w) {
  const confidence = w.confidence === undefined ? "" : " · " + Math.round(w.confidence * 100) + " %";
  return timedButton("word" + (w.confidence < 0.5 ? " unsure" : ""), secondsOf(w.startTime), secondsOf(w.endTime),
    clock(secondsOf(w.startTime)) + confidence, w.word);
}

function transcriptOf(transcript) {
  return transcript.results.map((result) => {
    const words = (result.alternatives[0] || {}).words || [];
    return h("p", { className: "utterance" },
      words.length ? h("span", { className: "utterance-time" }, clock(secondsOf(words[0].startTime))) : null,
      " ", words.map((w) => [word(w), " "]));
  });
}

function segmentList(segments) {
  return h("ol", { className: "segments" }, segments.segments.map((s) =>
    h("li", {}, timedButton("segment", s.start, s.end, null, clock(s.start) + " – " + clock(s.end)))));
}

async function downloads(urls, result, releases) {
  const links = [];
  for (const [label, path] of [["SRT", result.srt], ["WebVTT", result.vtt], ["JSON", result.transcript]]) {
    if (path && urls.has(path)) {
      const source = await fileSource(urls.get(path));
      releases.push(source.release);
      links.push(h("a", { className: "button secondary", href: source.src, download: path.split("/").pop() },
        "Download " + label));
    }
  }
  return h("p", { className: "actions downloads" }, links);
}

async function load(container, job, releases) {
  const result = job.result;
  const files = await allFiles(job);
  const urls = new Map(files.map((f) => [f.path, f.url]));
  const segments = JSON.parse(await fileText(urls.get(result.segments_file)));
  const transcript = result.transcript ? JSON.parse(await fileText(urls.get(result.transcript))) : { results: [] };
  const body = h("div", { className: "asr-body" },
    h("h2", {}, "Transcript"),
    result.note ? h("p", { className: "hint" }, result.note) : null,
    h("div", { className: "transcript", lang: (transcript.results[0] || {}).languageCode },
      transcriptOf(transcript)),
    h("h2", {}, "Speech segments"),
    segmentList(segments));
  const player = await mediaPlayer(body, job, files, "asr");
  if (player) {
    releases.push(player.release);
  }
  container.append(h("div", { className: "asr-view" },
    h("p", { className: "asr-summary" }, [
      result.model ? "Model " + result.model + " (" + result.decoder + ")" : "No recognition model",
      clock(result.duration_s) + " of audio, " + clock(result.speech_s) + " of speech",
      result.segments + " segments" + (result.words === undefined ? "" : ", " + result.words + " words"),
    ].join(" · ")),
    player ? player.element
      : h("p", { className: "hint no-player" }, "The recording is no longer kept, so there is no player here."),
    await downloads(urls, result, releases),
    body));
}

export const render = viewer(load, "The transcript");
