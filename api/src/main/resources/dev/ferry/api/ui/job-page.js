// A job at its own address (#/jobs/{id}): it survives a reload, a closed tab or another
// device, because everything on it is read from the server. Live over Server-Sent Events,
// with a slower read of the job beside them for its queue position (events are sent when the
// job changes, not when the line ahead of it moves) and as the fallback when a stream breaks.
"use strict";

import { allFiles, ApiError, fileSource, fileText, followEvents, hasKey, json } from "./api.js";
import { bytes, fill, h, route, seconds, status, when } from "./dom.js";
import { showResult } from "./viewers.js";

const FINAL = ["succeeded", "failed", "cancelled"];
const REFRESH_MS = 3000;
const FALLBACK_MS = 1000;

export async function render(view, id) {
  let job;
  try {
    job = await json("/api/v1/jobs/" + encodeURIComponent(id));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      status("No job " + id + " here: it never existed, or it expired and was deleted.");
      view.append(h("p", {}, h("a", { href: "#/jobs" }, "See the recent jobs")));
      return null;
    }
    throw e;
  }
  const page = new JobPage(view, job);
  page.follow();
  return () => page.stop();
}

function isFinal(job) {
  return FINAL.includes(job.state);
}

class JobPage {
  constructor(view, job) {
    this.job = job;
    this.stream = new AbortController();
    this.streaming = false;
    this.timer = null;
    this.releases = [];
    this.state = h("span", { id: "job-state", className: "state", role: "status" });
    this.bar = h("progress", { id: "job-progress", max: 1, value: 0, "aria-label": "Progress" });
    this.message = h("p", { id: "job-message", className: "hint" });
    this.queue = h("p", { id: "job-queue" });
    this.error = h("p", { id: "job-error", className: "error-text", role: "alert" });
    this.cancel = h("button", { type: "button", id: "cancel", className: "danger", onclick: () => this.cancelJob() }, "Cancel job");
    this.facts = h("dl", { className: "facts" });
    this.viewer = h("section", { className: "viewer", "aria-label": "Result" });
    this.files = h("section", { id: "job-files", "aria-label": "Output files" });
    this.inputs = h("section", { id: "job-inputs", "aria-label": "Inputs" });
    this.api = h("details", { className: "panel", id: "use-via-api" }, h("summary", {}, "Use via API"));
    view.append(
      h("p", { className: "crumbs" }, h("a", { href: route("demos", job.demo) }, "← " + job.demo), " · ", h("a", { href: "#/jobs" }, "all jobs")),
      h("h1", {}, job.demo + " job"),
      h("p", { className: "job-id" }, h("code", {}, job.id), " — this page's address is the job's: reload it, close it or open it elsewhere."),
      h("div", { className: "panel" }, h("p", {}, this.state), this.bar, this.message, this.queue, this.error, h("div", { className: "actions" }, this.cancel)),
      this.viewer, this.files, this.inputs, h("div", { className: "panel" }, h("h2", {}, "Details"), this.facts), this.api);
    this.show(job);
    this.showInputs(job).catch((e) => fill(this.inputs, h("p", { className: "error-text" }, "The inputs cannot be listed: " + e.message)));
  }

  /** Events for live progress, and a read every few seconds for the queue position and as a fallback. */
  follow() {
    if (isFinal(this.job)) {
      return;
    }
    this.streaming = true;
    followEvents(this.job.id, (job) => this.show(job), this.stream.signal)
      .catch(() => {})
      .finally(() => { this.streaming = false; });
    this.schedule();
  }

  schedule() {
    clearTimeout(this.timer);
    if (!isFinal(this.job)) {
      this.timer = setTimeout(() => this.refresh(), this.streaming ? REFRESH_MS : FALLBACK_MS);
    }
  }

  async refresh() {
    try {
      this.show(await json("/api/v1/jobs/" + encodeURIComponent(this.job.id)));
    } catch (e) {
      fill(this.message, "Cannot reach Ferry just now (" + e.message + "); trying again.");
    }
    this.schedule();
  }

  stopFollowing() {
    this.stream.abort();
    clearTimeout(this.timer);
  }

  stop() {
    this.stopFollowing();
    this.releases.forEach((release) => release());
  }

  show(job) {
    if (isFinal(this.job) && !isFinal(job)) {
      return; // an answer that left the server before the job finished
    }
    const finishedNow = !isFinal(this.job) && isFinal(job);
    this.job = job;
    fill(this.state, job.state);
    this.state.className = "state state-" + job.state;
    this.showProgress(job);
    fill(this.queue, queueLine(job));
    fill(this.error, errorLine(job));
    this.cancel.hidden = isFinal(job);
    showFacts(this.facts, job);
    if (isFinal(job)) {
      this.stopFollowing();
    }
    if (job.state === "succeeded" && (finishedNow || this.viewer.childElementCount === 0)) {
      this.showResult(job);
    }
    if (isFinal(job) && (finishedNow || this.files.childElementCount === 0)) {
      this.showFiles(job);
    }
  }

  showProgress(job) {
    const p = job.progress;
    if (job.state === "succeeded") {
      this.bar.max = 1;
      this.bar.value = 1;
    } else if (p.total > 0) {
      this.bar.max = p.total;
      this.bar.value = p.current;
    } else if (job.state === "running") {
      this.bar.removeAttribute("value"); // running, with no steps reported: an indeterminate bar
    } else {
      this.bar.value = 0;
    }
    fill(this.message, p.message || (p.total > 0 ? p.current + " of " + p.total : ""));
  }

  async showResult(job) {
    fill(this.viewer, h("h2", {}, "Result"));
    const release = await showResult(this.viewer, job);
    if (typeof release === "function") {
      this.releases.push(release);
    }
  }

  async showFiles(job) {
    const list = h("ul", { className: "file-list" });
    fill(this.files, h("h2", {}, "Files (" + job.file_count + ")"), list);
    if (job.file_count === 0) {
      list.append(h("li", {}, "This job wrote no files."));
      return;
    }
    const files = await allFiles(job);
    fill(list, files.map((file) => h("li", {},
      h("a", { href: file.url, download: file.path.split("/").pop(), onclick: (e) => this.download(e, file, file.path.split("/").pop()) }, file.path),
      h("span", { className: "hint" }, bytes(file.size) + " · " + file.content_type))));
  }

  /** The files the job was given, and the same job from a terminal with exactly these inputs. */
  async showInputs(job) {
    const { inputs } = await json("/api/v1/jobs/" + encodeURIComponent(job.id) + "/inputs");
    const urlList = inputs.length === 1 && inputs[0].name === "inputs.json" ? JSON.parse(await fileText(inputs[0].url)) : null;
    if (inputs.length > 0) {
      fill(this.inputs, h("h2", {}, "Inputs (" + inputs.length + ")"), h("ul", { className: "file-list" }, inputs.map((file) => h("li", {},
        h("a", { href: file.url, download: file.name, onclick: (e) => this.download(e, file, file.name) }, file.name),
        h("span", { className: "hint" }, bytes(file.size) + " · " + file.content_type)))));
    }
    fill(this.api, h("summary", {}, "Use via API"), apiPanel(job, urlList ? urlList.inputs : null, urlList ? [] : inputs.map((f) => f.name)));
  }

  /** With an API key a link cannot send it: fetch the file with the key and save the bytes. */
  async download(event, file, name) {
    if (!hasKey()) {
      return;
    }
    event.preventDefault();
    const source = await fileSource(file.url);
    const link = h("a", { href: source.src, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(source.release, 60000);
  }

  async cancelJob() {
    this.cancel.disabled = true;
    try {
      const job = await json("/api/v1/jobs/" + encodeURIComponent(this.job.id) + "/cancel", { method: "POST" });
      this.show(job);
      if (job.state === "running") {
        fill(this.message, "Stopping: the worker is asked to stop the job.");
      }
    } catch (e) {
      fill(this.error, "Could not cancel: " + e.message);
      this.cancel.disabled = false;
    }
  }
}

function spread(eta) {
  return "about " + seconds(eta.p50) + (eta.p90 > eta.p50 ? " (90% within " + seconds(eta.p90) + ")" : "");
}

/** Where a waiting job stands, and when it should start and finish, in words. */
function queueLine(job) {
  if (job.state === "queued") {
    const place = job.queue_position ? "Number " + job.queue_position + " in the queue." : "Waiting in the queue.";
    if (!job.eta_start_s) {
      return place + " No worker is taking this demo's jobs just now (none is running, or an operator paused the queue): it starts when one does.";
    }
    const start = job.eta_start_s.p90 === 0 ? "Starts now" : "Starts in " + spread(job.eta_start_s);
    return place + " " + start + "; done in " + spread(job.eta_finish_s) + ".";
  }
  if (job.state === "running") {
    return job.eta_finish_s ? "Running: done in " + spread(job.eta_finish_s) + "." : "Running.";
  }
  return "";
}

function errorLine(job) {
  if (!job.error) {
    return "";
  }
  if (job.state === "queued") {
    return "Attempt " + job.attempts + " of " + job.max_attempts + " failed: " + job.error.message + ". It will be tried again.";
  }
  const what = job.state === "cancelled" ? "Cancelled: " : "This job failed: ";
  return what + job.error.message + " (" + job.error.code + ")";
}

function showFacts(dl, job) {
  const rows = [
    ["Submitted", when(job.created_at)],
    ["Started", when(job.started_at)],
    ["Finished", when(job.finished_at)],
    ["Ran for", job.started_at && job.finished_at ? seconds((Date.parse(job.finished_at) - Date.parse(job.started_at)) / 1000) : ""],
    ["Attempts", job.attempts + " of " + job.max_attempts],
    ["Priority", job.priority],
    ["Parameters", Object.entries(job.params).map(([k, v]) => k + " = " + JSON.stringify(v)).join(", ")],
    ["Webhook", job.webhook ? job.webhook.url + " (" + job.webhook.events.join(", ") + ")" : ""],
  ].filter(([, value]) => value !== "");
  fill(dl, rows.map(([name, value]) => [h("dt", {}, name), h("dd", {}, value)]));
}

/** Single-quoted for a POSIX shell: nothing inside is expanded. */
function shell(text) {
  return "'" + String(text).replace(/'/g, "'\\''") + "'";
}

/**
 * The same job from a terminal: curl, and `ferry submit` where the inputs are files. jsonInputs
 * is the job's URL and earlier-job list when it was given one; files the names of its uploads.
 */
function apiPanel(job, jsonInputs, files) {
  const base = location.origin;
  const auth = hasKey() ? " -H \"Authorization: Bearer $FERRY_API_KEY\"" : "";
  const url = base + "/api/v1/demos/" + job.demo + "/jobs";
  const lines = [];
  if (jsonInputs) {
    const body = { inputs: jsonInputs, params: job.params, priority: job.priority };
    lines.push("curl -s" + auth + " -H 'Content-Type: application/json' \\\n  -d " + shell(JSON.stringify(body)) + " \\\n  " + url);
  } else {
    const parts = files.map((name) => " \\\n  -F " + shell("file=@" + name)).join("");
    lines.push("curl -s" + auth + parts + " \\\n  -F " + shell("params=" + JSON.stringify(job.params)) + " -F priority=" + job.priority + " \\\n  " + url);
    const params = Object.entries(job.params).map(([k, v]) => " -p " + shell(k + "=" + cliValue(v))).join("");
    const fileArgs = files.map((name) => " -f " + shell(name)).join("");
    lines.push("FERRY_URL=" + base + " ferry submit " + job.demo + params + fileArgs + " --priority " + job.priority + " --wait");
  }
  lines.push("curl -sN" + auth + " " + base + "/api/v1/jobs/" + job.id + "/events");
  return [h("p", {}, "The same job from a terminal" + (hasKey() ? " (with your key in FERRY_API_KEY)" : "")
      + (files.length > 0 ? ", run where its input files are (download them above):" : ":")),
    lines.map((line) => h("pre", {}, h("code", {}, line)))];
}

/** `ferry submit -p name=value` reads a value as JSON when it can: a string that would read as JSON goes quoted. */
function cliValue(value) {
  if (typeof value !== "string") {
    return JSON.stringify(value);
  }
  try {
    JSON.parse(value);
    return JSON.stringify(value);
  } catch (e) {
    return value;
  }
}
