// The operator's page (#/operator): per demo its queue, wait and run times, throughput, models
// and dead letters, with pause / resume, retry and delete; then the workers and the data folder.
// It reads /monitor every few seconds while it is open, and stops when the user leaves.
"use strict";

import { json } from "./api.js";
import { bytes, fill, h, route, seconds, status, when } from "./dom.js";
import { duration } from "./jobs.js";

const EVERY_MS = 3000;
const DEAD_LETTERS_SHOWN = 50;
const SVG = "http://www.w3.org/2000/svg";

function ago(ms) {
  return ms < 1000 ? "just now" : seconds(ms / 1000) + " ago";
}

function section(title, name, ...children) {
  return h("section", { className: "ops-section ops-" + name, "aria-label": title }, h("h3", {}, title), children);
}

function facts(pairs) {
  return pairs.map(([name, value]) => [h("dt", {}, name), h("dd", {}, String(value))]);
}

// ---- throughput chart -------------------------------------------------------------------

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/**
 * Succeeded jobs as bars above the line, failed ones below it, one pair per minute: the two
 * differ by side as well as by colour.
 */
function throughputChart(t) {
  const width = 600;
  const half = 60;
  const top = 18;
  const base = top + half;
  const barWidth = width / t.succeeded.length;
  const most = Math.max(1, ...t.succeeded, ...t.failed);
  const chart = svg("svg", { viewBox: "0 0 " + width + " " + (base + half + 18), class: "throughput-chart", "aria-hidden": "true" });
  t.succeeded.forEach((n, i) => {
    const height = (n / most) * half;
    chart.append(svg("rect", { class: "bar-succeeded", x: i * barWidth + 1, y: base - height, width: barWidth - 2, height }));
  });
  t.failed.forEach((n, i) => {
    const height = (n / most) * half;
    chart.append(svg("rect", { class: "bar-failed", x: i * barWidth + 1, y: base, width: barWidth - 2, height }));
  });
  chart.append(
    svg("line", { class: "axis", x1: 0, x2: width, y1: base, y2: base }),
    svg("text", { x: 4, y: 14 }, most + " per minute"),
    svg("text", { x: 4, y: base + half + 15 }, "1 hour ago"),
    svg("text", { x: width - 4, y: base + half + 15, "text-anchor": "end" }, "now"));
  return chart;
}

function throughputSummary(t) {
  const sum = (counts, from) => counts.slice(from).reduce((a, b) => a + b, 0);
  const recent = t.succeeded.length - 5;
  return "Last hour: " + sum(t.succeeded, 0) + " succeeded, " + sum(t.failed, 0) + " failed; last 5 minutes: "
    + sum(t.succeeded, recent) + " succeeded, " + sum(t.failed, recent) + " failed.";
}

function throughputFigure(t) {
  return h("figure", { className: "throughput" },
    throughputChart(t),
    h("figcaption", {},
      h("span", { className: "legend legend-succeeded" }, "above the line: succeeded"),
      h("span", { className: "legend legend-failed" }, "below: failed"),
      h("span", { className: "throughput-summary" }, throughputSummary(t))));
}

// ---- wait and run times -----------------------------------------------------------------

function timingRow(label, group) {
  return h("tr", {},
    h("th", { scope: "row" }, label),
    h("td", {}, String(group.jobs)),
    h("td", {}, duration(group.wait_s.p50)), h("td", {}, duration(group.wait_s.p90)),
    h("td", {}, duration(group.run_s.p50)), h("td", {}, duration(group.run_s.p90)));
}

function timingsTable(timings) {
  if (!timings || !timings.all) {
    return h("p", { className: "hint" }, "No figures before the demo's first success.");
  }
  const head = ["", "jobs", "wait p50", "wait p90", "run p50", "run p90"].map((t) => h("th", { scope: "col" }, t));
  return h("div", { className: "table-wrap" }, h("table", { className: "timings" },
    h("caption", { className: "hint" }, "Queue wait and run time of recent successful jobs"),
    h("thead", {}, h("tr", {}, head)),
    h("tbody", {},
      timingRow("all", timings.all),
      timings.by_worker.map((g) => timingRow("worker " + g.worker + " (" + g.device + ")", g)),
      timings.by_device.map((g) => timingRow("device " + g.device, g)))));
}

// ---- dead letters -----------------------------------------------------------------------

function deadLetterItem(job, act) {
  const error = job.error ? job.error.code + ": " + job.error.message : "no error recorded";
  return h("li", { className: "dead-letter", dataset: { id: job.id } },
    h("a", { href: route("jobs", job.id) }, job.id),
    h("span", { className: "hint" }, " failed " + when(job.finished_at) + " after " + job.attempts + " attempts"),
    h("p", { className: "error-text" }, error),
    h("div", { className: "actions" },
      h("button", { type: "button", className: "secondary", "aria-label": "Retry " + job.id,
        onclick: () => act("POST", "/api/v1/jobs/" + encodeURIComponent(job.id) + "/retry", "Retried " + job.id) }, "Retry"),
      h("button", { type: "button", className: "danger", "aria-label": "Delete " + job.id,
        onclick: () => act("DELETE", "/api/v1/jobs/" + encodeURIComponent(job.id), "Deleted " + job.id) }, "Delete")));
}

/** Delete-all asks first, with a real pair of buttons: window.confirm is hard on keyboards and tests. */
function bulkActions(demo, act) {
  const all = "/api/v1/demos/" + encodeURIComponent(demo) + "/dead-letters";
  const confirm = h("div", { className: "confirm", role: "group", "aria-label": "Confirm deleting every dead letter", hidden: true });
  const askFirst = h("button", { type: "button", className: "danger" }, "Delete all…");
  const keep = h("button", { type: "button", className: "secondary" }, "Keep them");
  const close = () => {
    confirm.hidden = true;
    askFirst.hidden = false;
    askFirst.focus();
  };
  fill(confirm,
    h("p", {}, "Delete every dead letter of " + demo + ", with its files? This cannot be undone."),
    h("div", { className: "actions" },
      h("button", { type: "button", className: "danger confirm-delete",
        onclick: () => { close(); act("DELETE", all, "Deleted every dead letter"); } }, "Delete them all"),
      keep));
  keep.addEventListener("click", close);
  askFirst.addEventListener("click", () => {
    askFirst.hidden = true;
    confirm.hidden = false;
    keep.focus();
  });
  return h("div", { className: "bulk" },
    h("div", { className: "actions" },
      h("button", { type: "button", className: "secondary", onclick: () => act("POST", all + "/retry", "Retried every dead letter") },
        "Retry all"),
      askFirst),
    confirm);
}

function deadLetters(demo, refresh) {
  const list = h("ul", { className: "dead-letters" });
  const outcome = h("p", { className: "hint", role: "status" });
  const bulk = h("div");
  let shownCount = -1;
  const load = async (count) => {
    shownCount = count;
    const body = count > 0
      ? await json("/api/v1/demos/" + encodeURIComponent(demo) + "/dead-letters?limit=" + DEAD_LETTERS_SHOWN)
      : { count: 0, dead_letters: [] };
    fill(list, body.dead_letters.map((job) => deadLetterItem(job, act)));
    fill(bulk, body.count > 0 ? bulkActions(demo, act) : h("p", { className: "hint" }, "None."));
    if (body.count > body.dead_letters.length) {
      list.append(h("li", { className: "hint" }, "… and " + (body.count - body.dead_letters.length) + " older ones."));
    }
  };
  const act = async (method, path, done) => {
    try {
      await json(path, { method });
      fill(outcome, done + ".");
    } catch (e) {
      fill(outcome, e.message);
    }
    shownCount = -1;
    refresh();
  };
  return {
    node: section("Dead letters", "dead-letters", bulk, outcome, list),
    update: (count) => (count === shownCount ? null : load(count)),
  };
}

// ---- a demo's panel ---------------------------------------------------------------------

function modelList(demo) {
  if (!demo || demo.models.length === 0) {
    return h("p", { className: "hint" }, "This demo loads no models.");
  }
  return h("ul", { className: "models" }, demo.models.map((m) => h("li", { className: "model model-" + m.state },
    m.name + ": " + m.state, m.detail ? h("span", { className: "hint" }, " — " + m.detail) : null,
    m.install_hint ? h("div", {}, h("code", {}, m.install_hint)) : null)));
}

function pauseToggle(demo, onChange) {
  const button = h("button", { type: "button", className: "pause-toggle" });
  let paused = false;
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const answer = await json("/api/v1/demos/" + encodeURIComponent(demo) + (paused ? "/resume" : "/pause"), { method: "POST" });
      onChange(answer.paused);
    } catch (e) {
      status(e.message);
    } finally {
      button.disabled = false;
    }
  });
  return {
    node: button,
    show(isPaused) {
      paused = isPaused;
      fill(button, paused ? "Resume queue" : "Pause queue");
    },
  };
}

function demoPanel(name, catalogEntry, refresh) {
  const queueState = h("span", { className: "queue-state" });
  const counts = h("dl", { className: "facts counts" });
  const chart = h("div", { className: "chart-slot" });
  const timings = h("div");
  const dead = deadLetters(name, refresh);
  const toggle = pauseToggle(name, (paused) => {
    showPaused(paused);
    refresh();
  });
  const showPaused = (paused) => {
    toggle.show(paused);
    fill(queueState, paused ? "paused" : "active");
    queueState.className = "queue-state " + (paused ? "queue-paused" : "queue-active");
  };
  const node = h("article", { className: "panel demo-ops", dataset: { demo: name } },
    h("header", { className: "demo-ops-head" }, h("h2", {}, name), queueState, toggle.node),
    h("div", { className: "ops-grid" },
      section("Last hour", "counts", counts),
      section("Throughput", "throughput", chart),
      section("Wait and run times", "timings", timings),
      section("Models", "models", modelList(catalogEntry))),
    dead.node);
  return {
    node,
    update(stats, timing, throughput) {
      showPaused(stats.paused);
      fill(counts, facts([["queued", stats.queued], ["running", stats.running], ["succeeded", stats.succeeded_last_hour],
        ["failed", stats.failed_last_hour], ["dead letters", stats.dead_letters],
        ["oldest waiting", stats.queued ? duration(stats.oldest_queued_age_ms / 1000) : "—"]]));
      fill(chart, throughput ? throughputFigure(throughput) : null);
      fill(timings, timingsTable(timing));
      return dead.update(stats.dead_letters);
    },
  };
}

// ---- workers and the data folder --------------------------------------------------------

function workerRow(w) {
  return h("tr", { className: w.alive ? "" : "worker-dead" },
    h("td", {}, w.id), h("td", {}, w.host), h("td", {}, w.device), h("td", {}, w.demos.join(", ")),
    h("td", {}, w.running_jobs.length === 0 ? "—"
      : w.running_jobs.map((id, i) => [i ? ", " : "", h("a", { href: route("jobs", id) }, id)])),
    h("td", {}, ago(w.heartbeat_age_ms) + (w.alive ? "" : " (presumed dead)")));
}

function workersTable(workers) {
  if (workers.length === 0) {
    return h("p", { className: "hint" }, "No worker has reported in.");
  }
  const head = ["worker", "host", "device", "demos", "running jobs", "last heartbeat"].map((t) => h("th", { scope: "col" }, t));
  return h("div", { className: "table-wrap" }, h("table", { className: "workers" },
    h("thead", {}, h("tr", {}, head)), h("tbody", {}, workers.map(workerRow))));
}

function dataFolder(data) {
  return h("dl", { className: "facts" }, facts([["path", data.path], ["used by Ferry", bytes(data.used_bytes)],
    ["free on its disk", bytes(data.free_bytes)]]));
}

// ---- the page ---------------------------------------------------------------------------

function byDemo(list) {
  return new Map((list || []).map((item) => [item.demo, item]));
}

export async function render(view) {
  status("Loading…");
  const [catalog, first] = await Promise.all([json("/api/v1/demos"), json("/monitor")]);
  const entries = new Map(catalog.demos.map((d) => [d.name, d]));
  const workers = h("div");
  const disk = h("div");
  const updated = h("p", { className: "hint" });
  let timer = null;
  let stopped = false;
  let asked = 0;
  let shown = 0;

  // A refresh after an action may overtake the timer's: only the newest answer is shown.
  const refresh = async () => {
    const ask = ++asked;
    const monitor = await json("/monitor");
    if (stopped || ask < shown) {
      return;
    }
    shown = ask;
    show(monitor);
  };
  const failed = (e) => status(e.message);
  const panels = new Map(first.demos.map((s) => [s.demo, demoPanel(s.demo, entries.get(s.demo), () => refresh().catch(failed))]));
  const show = (monitor) => {
    const timings = byDemo(monitor.timings);
    const throughput = byDemo(monitor.throughput);
    for (const stats of monitor.demos) {
      const panel = panels.get(stats.demo);
      if (panel) {
        Promise.resolve(panel.update(stats, timings.get(stats.demo), throughput.get(stats.demo))).catch(failed);
      }
    }
    fill(workers, workersTable(monitor.workers));
    fill(disk, dataFolder(monitor.data));
    fill(updated, "Updated " + new Date().toLocaleTimeString() + "; refreshed every " + EVERY_MS / 1000 + " s.");
    status("");
  };
  const poll = () => {
    refresh().catch(failed).finally(() => {
      if (!stopped) {
        timer = setTimeout(poll, EVERY_MS);
      }
    });
  };

  view.append(
    h("h1", {}, "Operator"),
    updated,
    h("div", { id: "ops-demos" }, [...panels.values()].map((p) => p.node)),
    h("section", { className: "panel", "aria-labelledby": "ops-workers" }, h("h2", { id: "ops-workers" }, "Workers"), workers),
    h("section", { className: "panel", "aria-labelledby": "ops-data" }, h("h2", { id: "ops-data" }, "Data folder"), disk));
  shown = ++asked;
  show(first);
  timer = setTimeout(poll, EVERY_MS);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
