// The jobs list (#/jobs): recent jobs, newest first, a page at a time, filtered by demo and
// state, with a search that opens a job by its id. The filters are kept in the address
// (#/jobs?demo=noop&state=failed) so that a filtered list can be reloaded and shared.
"use strict";

import { ApiError, json } from "./api.js";
import { fill, h, route, seconds, status, when } from "./dom.js";

const STATES = ["queued", "running", "succeeded", "failed", "cancelled"];
const PAGE_SIZE = 25;

/** The filters in the address's query part, e.g. {demo: "noop", state: "failed"}. */
function filtersInAddress() {
  const query = location.hash.includes("?") ? location.hash.slice(location.hash.indexOf("?") + 1) : "";
  const params = new URLSearchParams(query);
  return { demo: params.get("demo") || "", state: params.get("state") || "" };
}

/** replaceState, not a new #fragment: changing a filter must not reload the page or add a history step. */
function keepInAddress(filters) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value) {
      params.set(name, value);
    }
  }
  const query = params.toString();
  history.replaceState(null, "", "#/jobs" + (query ? "?" + query : ""));
}

function choice(label, name, options, selected) {
  const id = "jobs-" + name;
  return h("div", { className: "field" },
    h("label", { htmlFor: id }, label),
    h("select", { id, name },
      options.map(([value, text]) => h("option", { value, selected: value === selected }, text))));
}

/** 0.234 → "234 ms": demo jobs are often well under a second, which dom.seconds shows as "< 1 s". */
export function duration(s) {
  if (s < 1) {
    return Math.round(s * 1000) + " ms";
  }
  return s < 60 ? s.toFixed(1) + " s" : seconds(s);
}

/** What a job has done so far: its place in the queue, its progress, or how long it ran. */
function progressText(job) {
  if (job.state === "queued") {
    return job.queue_position ? "#" + job.queue_position + " in the queue" : "waiting";
  }
  if (job.state === "running") {
    const p = job.progress;
    return p && p.total ? p.current + " of " + p.total + (p.message ? " — " + p.message : "")
      : "started " + when(job.started_at);
  }
  if (job.started_at && job.finished_at) {
    return "ran " + duration((Date.parse(job.finished_at) - Date.parse(job.started_at)) / 1000);
  }
  return "";
}

function jobRow(job) {
  return h("tr", { dataset: { id: job.id, state: job.state } },
    h("td", {}, h("a", { href: route("jobs", job.id) }, job.id)),
    h("td", {}, job.demo),
    h("td", { className: "state state-" + job.state }, job.state),
    h("td", {}, when(job.created_at)),
    h("td", {}, progressText(job)));
}

function searchForm() {
  const input = h("input", { id: "job-id", name: "id", required: true, autocomplete: "off", spellcheck: false });
  const answer = h("p", { className: "hint", role: "status" });
  const form = h("form", { className: "job-search", role: "search" },
    h("label", { htmlFor: "job-id" }, "Open a job by its id"),
    h("div", { className: "actions" }, input, h("button", { type: "submit" }, "Open")),
    answer);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const id = input.value.trim();
    fill(answer, "Looking for " + id + "…");
    try {
      await json("/api/v1/jobs/" + encodeURIComponent(id));
      location.hash = route("jobs", id);
    } catch (e) {
      fill(answer, e instanceof ApiError && e.status === 404 ? "No job has the id " + id + "." : e.message);
    }
  });
  return form;
}

export async function render(view) {
  status("Loading the jobs…");
  const { demos } = await json("/api/v1/demos");
  const filters = filtersInAddress();
  const filterForm = h("form", { className: "job-filters", "aria-label": "Filter the jobs" },
    choice("Demo", "demo", [["", "All demos"], ...demos.map((d) => [d.name, d.name])], filters.demo),
    choice("State", "state", [["", "Any state"], ...STATES.map((s) => [s, s])], filters.state));
  const rows = h("tbody");
  const older = h("button", { type: "button", className: "secondary" }, "Older");
  const newer = h("button", { type: "button", className: "secondary" }, "Newer");
  const newest = h("button", { type: "button", className: "secondary" }, "Newest");
  // The cursor of each page shown so far: "Newer" goes back one, "Newest" to the first.
  let cursors = [null];
  let nextCursor = null;

  const load = async () => {
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    for (const name of ["demo", "state"]) {
      if (filters[name]) {
        params.set(name, filters[name]);
      }
    }
    const cursor = cursors[cursors.length - 1];
    if (cursor) {
      params.set("cursor", cursor);
    }
    status("Loading the jobs…");
    const page = await json("/api/v1/jobs?" + params);
    nextCursor = page.next_cursor;
    fill(rows, page.jobs.length ? page.jobs.map(jobRow)
      : h("tr", {}, h("td", { colSpan: 5 }, "No jobs" + (cursors.length > 1 ? " on this page." : " yet."))));
    older.disabled = !nextCursor;
    newer.disabled = cursors.length <= 1;
    newest.disabled = false;
    status(page.jobs.length + " jobs" + (cursors.length > 1 ? ", page " + cursors.length : ""));
  };
  const show = (change) => {
    change();
    load().catch((e) => status(e.message));
  };

  filterForm.addEventListener("change", (event) => {
    show(() => {
      filters[event.target.name] = event.target.value;
      keepInAddress(filters);
      cursors = [null];
    });
  });
  filterForm.addEventListener("submit", (event) => event.preventDefault());
  older.addEventListener("click", () => show(() => cursors.push(nextCursor)));
  newer.addEventListener("click", () => show(() => cursors.pop()));
  newest.addEventListener("click", () => show(() => { cursors = [null]; }));

  view.append(
    h("h1", {}, "Jobs"),
    searchForm(),
    filterForm,
    h("div", { className: "table-wrap" },
      h("table", { className: "jobs" },
        h("caption", { className: "hint" }, "Newest first; a job's id opens its page."),
        h("thead", {}, h("tr", {}, ["Job", "Demo", "State", "Created", "Progress"].map((t) => h("th", { scope: "col" }, t)))),
        rows)),
    h("nav", { className: "actions pager", "aria-label": "Pages of jobs" }, newest, newer, older));
  await load();
}
