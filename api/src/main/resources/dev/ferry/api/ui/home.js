// The first page: every demo this Ferry runs, with its models' state, each linking to its form.
"use strict";

import { json } from "./api.js";
import { h, route, status } from "./dom.js";

function modelLine(model) {
  return h("li", { className: "model model-" + model.state },
    model.name + ": " + model.state,
    model.install_hint ? [" — ", h("code", {}, model.install_hint)] : null);
}

function demoCard(demo) {
  return h("article", { className: "demo", dataset: { demo: demo.name } },
    h("h2", {}, h("a", { href: route("demos", demo.name) }, demo.name)),
    h("p", {}, demo.description),
    demo.paused ? h("p", { className: "paused" }, "Queue paused by an operator: jobs wait until it resumes.") : null,
    demo.models.length > 0 ? h("ul", { className: "models" }, demo.models.map(modelLine)) : null);
}

export async function render(view) {
  status("Loading the demos…");
  const body = await json("/api/v1/demos");
  view.append(
    h("p", { className: "lead" },
      "Inference demos as jobs that survive a closed tab: submit, then follow the job at its own address."),
    h("section", { id: "demos", "aria-label": "Demos" }, body.demos.map(demoCard)));
  status(body.demos.length + " demos");
}
