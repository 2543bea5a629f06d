// A demo's form (#/demos/{demo}), built from GET /api/v1/demos alone: a field per parameter,
// the inputs the demo takes, and a submit that leads to the job's own page.
"use strict";

import { ApiError, json, upload } from "./api.js";
import { bytes, fill, h, route, status } from "./dom.js";

const JSON_TYPE = "application/json";

export async function render(view, name) {
  const { demos } = await json("/api/v1/demos");
  const demo = demos.find((d) => d.name === name);
  if (!demo) {
    status("This Ferry runs no demo named " + name + ".");
    view.append(h("p", {}, h("a", { href: "#/" }, "See the demos it runs")));
    return null;
  }
  const form = new DemoForm(demo);
  view.append(header(demo), form.node);
  return () => form.stop();
}

function header(demo) {
  const broken = demo.models.filter((m) => m.state !== "present");
  return h("header", { className: "demo-header" },
    h("h1", {}, demo.name),
    h("p", {}, demo.description),
    demo.paused ? h("p", { className: "paused" }, "An operator has paused this demo's queue: jobs are accepted and wait until it resumes.") : null,
    broken.length > 0 ? h("div", { className: "panel models-missing" },
      h("p", {}, "Not installed here:"),
      h("ul", { className: "models" }, broken.map((m) => h("li", { className: "model-" + m.state },
        m.name + " (" + m.state + ")", m.install_hint ? [" — install with ", h("code", {}, m.install_hint)] : null)))) : null);
}

/** A parameter's field: its input, its help and the place its error goes. */
class ParamField {
  constructor(param, models) {
    this.param = param;
    const id = "param-" + param.name;
    this.input = control(param, id);
    const choices = modelChoices(param, id, models);
    if (choices) {
      this.input.setAttribute("list", choices.id);
    }
    this.error = h("p", { className: "error", id: id + "-error", "aria-live": "polite" });
    const sentence = /[.!?)]$/.test(param.description) || !param.description ? param.description : param.description + ".";
    const help = h("p", { className: "hint", id: id + "-help" }, sentence, " ", limits(param));
    this.input.setAttribute("aria-describedby", help.id + " " + this.error.id);
    const label = h("label", { htmlFor: id }, param.name, h("span", { className: "type" }, " " + param.type));
    this.node = h("div", { className: "field", dataset: { param: param.name } },
      param.type === "boolean" ? h("div", { className: "check" }, this.input, label) : [label, this.input],
      choices, help, this.error);
  }

  /** The value to send, or undefined when the field says nothing new (kept at its default). */
  value() {
    const p = this.param;
    if (p.type === "boolean") {
      return this.input.checked;
    }
    const text = this.input.value.trim();
    if (p.type === "integer" || p.type === "number") {
      return text === "" ? undefined : Number(text);
    }
    return this.input.value;
  }

  /**
   * What the browser alone can tell is wrong: text in a number field. Ranges, lengths and
   * whether a model is installed are the server's to say (the form asks it on every change),
   * so the page never disagrees with what a submit would answer.
   */
  problem() {
    return this.input.validity && this.input.validity.badInput
      ? this.param.name + " must be " + (this.param.type === "integer" ? "a whole number" : "a number") : null;
  }

  show(message) {
    fill(this.error, message || "");
    this.input.setAttribute("aria-invalid", message ? "true" : "false");
  }
}

function control(param, id) {
  const common = { id, name: param.name };
  switch (param.type) {
    case "boolean":
      return h("input", { ...common, type: "checkbox", checked: Boolean(param.default_value) });
    case "enum":
      return h("select", common, param.values.map((v) => h("option", { value: v, selected: v === param.default_value }, v)));
    case "integer":
    case "number":
      return h("input", { ...common, type: "number", inputMode: param.type === "integer" ? "numeric" : "decimal",
        step: param.type === "integer" ? "1" : "any", min: param.min, max: param.max, value: String(param.default_value) });
    default:
      return h("input", { ...common, type: "text", value: param.default_value, maxLength: param.max, autocomplete: "off" });
  }
}

/** A parameter that names a model is offered the demo's models: the page knows no demo by name. */
function modelChoices(param, id, models) {
  if (param.name !== "model" || param.type !== "string" || models.length === 0) {
    return null;
  }
  return h("datalist", { id: id + "-models" }, models.map((m) => h("option", { value: m.name }, m.name + " (" + m.state + ")")));
}

function limits(param) {
  const parts = [];
  if (param.type === "enum") {
    parts.push("One of " + param.values.join(", ") + ".");
  } else if (param.type === "string") {
    parts.push(param.max ? "Up to " + param.max + " characters." : "");
  } else if (param.min !== null && param.max !== null) {
    parts.push("From " + param.min + " to " + param.max + ".");
  }
  parts.push("Default: " + (param.default_value === "" ? "empty" : JSON.stringify(param.default_value)) + ".");
  return parts.join(" ");
}

/** The ways a demo takes inputs, from its `accepts`: uploads, and (with application/json) URLs, a IIIF manifest or an earlier job. */
function inputKinds(demo) {
  const uploads = demo.accepts.filter((t) => t !== JSON_TYPE);
  const json = demo.accepts.includes(JSON_TYPE) || demo.accepts.includes("*/*");
  return [
    uploads.length > 0 ? { kind: "files", label: "Files" } : null,
    json ? { kind: "urls", label: "URLs" } : null,
    json ? { kind: "iiif", label: "IIIF manifest" } : null,
    json ? { kind: "job", label: "An earlier job" } : null,
  ].filter(Boolean);
}

/** Where the job's inputs come from: files dropped or picked, URLs, a IIIF manifest, or an earlier job's outputs. */
class InputsField {
  constructor(demo, onChange) {
    this.demo = demo;
    this.onChange = onChange;
    this.kinds = inputKinds(demo);
    this.kind = this.kinds.length > 0 ? this.kinds[0].kind : null;
    this.files = [];
    this.error = h("p", { className: "error", id: "inputs-error", "aria-live": "polite" });
    this.panels = {};
    this.node = this.kinds.length === 0 ? h("div") : this.build();
  }

  build() {
    const tabs = this.kinds.map((k) => h("button", { type: "button", className: "secondary", dataset: { kind: k.kind },
      "aria-pressed": String(k.kind === this.kind), onclick: () => this.choose(k.kind) }, k.label));
    this.tabs = tabs;
    this.panels.files = this.filesPanel();
    this.urls = h("textarea", { id: "input-urls", rows: 4, placeholder: "https://example.org/scan.jpg", "aria-describedby": "inputs-error" });
    this.panels.urls = h("div", {}, h("label", { htmlFor: "input-urls" }, "URLs, one per line (images, PDFs, ZIPs or IIIF manifests)"), this.urls);
    this.manifest = h("input", { id: "input-manifest", type: "url", placeholder: "https://example.org/iiif/book/manifest.json", "aria-describedby": "inputs-error" });
    this.panels.iiif = h("div", {}, h("label", { htmlFor: "input-manifest" }, "IIIF Presentation manifest (v2 or v3)"), this.manifest);
    this.job = h("input", { id: "input-job", type: "text", placeholder: "regions-01jdb7…", autocomplete: "off" });
    this.pattern = h("input", { id: "input-job-files", type: "text", value: "**" });
    this.panels.job = h("div", {},
      h("label", { htmlFor: "input-job" }, "Job id"), this.job,
      h("label", { htmlFor: "input-job-files" }, "Its files (a pattern: crops/*, **/*.png)"), this.pattern);
    for (const input of [this.urls, this.manifest, this.job, this.pattern]) {
      input.addEventListener("change", () => this.onChange());
    }
    const panels = this.kinds.map((k) => this.panels[k.kind]);
    const node = h("fieldset", { className: "field inputs" },
      h("legend", {}, "Inputs" + (this.demo.requires_input ? "" : " (optional)")),
      tabs.length > 1 ? h("div", { className: "tabs", role: "group", "aria-label": "Give the inputs as" }, tabs) : null,
      panels, this.error);
    this.select(this.kind);
    return node;
  }

  filesPanel() {
    const types = this.demo.accepts.filter((t) => t !== JSON_TYPE && t !== "*/*");
    this.picker = h("input", { id: "input-files", type: "file", multiple: true, accept: types.length ? types.join(",") : undefined,
      "aria-describedby": "inputs-error", onchange: () => { this.add([...this.picker.files]); this.picker.value = ""; } });
    this.list = h("ul", { className: "file-list", "aria-label": "Chosen files" });
    const zone = h("div", { className: "dropzone" },
      h("label", { htmlFor: "input-files" }, "Drop files here, or choose them: "), this.picker,
      h("p", { className: "hint" }, "Accepted: " + (types.length ? types.join(", ") : "any file") + "."));
    zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (e) => { e.preventDefault(); zone.classList.remove("over"); this.add([...e.dataTransfer.files]); });
    return h("div", {}, zone, this.list);
  }

  choose(kind) {
    this.select(kind);
    this.onChange();
  }

  select(kind) {
    this.kind = kind;
    for (const k of this.kinds) {
      this.panels[k.kind].hidden = k.kind !== kind;
    }
    this.tabs.forEach((t) => t.setAttribute("aria-pressed", String(t.dataset.kind === kind)));
    this.show(null);
  }

  add(files) {
    this.files.push(...files);
    this.showFiles();
    this.onChange();
  }

  showFiles() {
    fill(this.list, this.files.map((file, i) => h("li", {},
      h("span", { className: "file-name" }, file.name), h("span", {}, bytes(file.size)),
      h("button", { type: "button", className: "secondary", "aria-label": "Remove " + file.name,
        onclick: () => { this.files.splice(i, 1); this.showFiles(); this.onChange(); } }, "Remove"))));
  }

  /** The JSON inputs ({url} and {job, files} entries), or null for uploads or nothing. */
  jsonInputs() {
    switch (this.kind) {
      case "urls": {
        const urls = this.urls.value.split("\n").map((u) => u.trim()).filter(Boolean);
        return urls.length ? urls.map((url) => ({ url })) : null;
      }
      case "iiif":
        return this.manifest.value.trim() ? [{ url: this.manifest.value.trim() }] : null;
      case "job":
        return this.job.value.trim() ? [{ job: this.job.value.trim(), files: this.pattern.value.trim() || "**" }] : null;
      default:
        return null;
    }
  }

  uploads() {
    return this.kind === "files" ? this.files : [];
  }

  given() {
    return this.uploads().length > 0 || this.jsonInputs() !== null;
  }

  /** What is wrong with the inputs as given; null when nothing. */
  problem() {
    const bad = (this.jsonInputs() || []).find((e) => e.url !== undefined && !/^https?:\/\/\S+$/i.test(e.url));
    return bad ? "Not an http(s) URL: " + bad.url : null;
  }

  show(message) {
    fill(this.error, message || "");
  }
}

/** The form: parameters, inputs, priority, and the submit with the reason it cannot be pressed yet. */
class DemoForm {
  constructor(demo) {
    this.demo = demo;
    this.fields = demo.params.map((p) => new ParamField(p, demo.models));
    this.inputs = new InputsField(demo, () => this.changed());
    this.priority = h("select", { id: "priority", name: "priority" }, h("option", { value: "normal" }, "normal"), h("option", { value: "high" }, "high"));
    this.button = h("button", { type: "submit", id: "submit", "aria-describedby": "submit-reason" }, "Submit");
    this.reason = h("p", { className: "hint", id: "submit-reason", "aria-live": "polite" });
    this.error = h("p", { className: "error-text", id: "form-error", role: "alert" });
    this.progress = h("progress", { id: "upload-progress", max: 1, value: 0, hidden: true, "aria-label": "Upload" });
    this.progressText = h("p", { className: "hint", "aria-live": "polite" });
    this.serverProblem = null;
    this.timer = null;
    this.validations = 0;
    this.sending = false;
    this.node = h("form", { className: "panel demo-form", noValidate: true, onsubmit: (e) => { e.preventDefault(); this.submit(); } },
      this.inputs.node,
      this.fields.length ? h("fieldset", { className: "params" }, h("legend", {}, "Parameters"), this.fields.map((f) => f.node)) : null,
      h("div", { className: "field" }, h("label", { htmlFor: "priority" }, "Priority"), this.priority,
        h("p", { className: "hint" }, "high jobs start before normal ones.")),
      h("div", { className: "actions" }, this.button), this.reason, this.progress, this.progressText, this.error);
    for (const field of this.fields) {
      field.input.addEventListener("change", () => this.changed(field));
    }
    this.changed();
  }

  stop() {
    clearTimeout(this.timer);
  }

  /**
   * After a field is committed (a change, never a keystroke): its own check at once, then the
   * server's checks of the whole form a moment later, which is what knows a model is missing.
   */
  changed(field) {
    if (field) {
      field.show(field.problem());
    }
    this.updateButton();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.validateOnServer(), 300);
  }

  params() {
    const params = {};
    for (const field of this.fields) {
      const value = field.value();
      if (value !== undefined) {
        params[field.param.name] = value;
      }
    }
    return params;
  }

  async validateOnServer() {
    const asked = ++this.validations;
    if (this.fields.some((f) => f.problem()) || this.inputs.problem()) {
      this.serverProblem = null;
      this.updateButton();
      return;
    }
    const body = { params: this.params() };
    const inputs = this.inputs.jsonInputs();
    if (inputs) {
      body.inputs = inputs;
    }
    let verdict;
    try {
      verdict = await json("/api/v1/demos/" + encodeURIComponent(this.demo.name) + "/validate", { method: "POST", body });
    } catch (e) {
      return; // a server that cannot be reached now is heard at submit
    }
    if (asked !== this.validations) {
      return; // a later change asked again
    }
    this.serverProblem = verdict.valid ? null : new ApiError(400, verdict.error);
    this.fields.forEach((f) => f.show(f.problem()));
    this.inputs.show(null);
    if (this.serverProblem) {
      this.showError(this.serverProblem);
    }
    this.updateButton();
  }

  /** Why the form cannot be sent now, in words; null when it can. */
  blocker() {
    if (this.sending) {
      return "Sending…";
    }
    if (this.serverProblem) {
      return this.serverProblem.field ? "Fix " + this.serverProblem.field + " first." : this.serverProblem.message;
    }
    const bad = this.fields.find((f) => f.problem());
    if (bad) {
      return "Fix " + bad.param.name + " first.";
    }
    if (this.demo.requires_input && !this.inputs.given()) {
      return "Add an input first: " + this.inputs.kinds.map((k) => k.label.toLowerCase()).join(", or ") + ".";
    }
    return this.inputs.problem();
  }

  updateButton() {
    const reason = this.blocker();
    this.button.disabled = reason !== null;
    fill(this.reason, reason || "");
  }

  /** A 400 goes beside the field it names; one naming no field goes under the button. */
  showError(error, focus = false) {
    const field = error.field && this.fields.find((f) => f.param.name === error.field);
    if (field) {
      field.show(error.message);
      if (focus) {
        field.input.focus();
      }
    } else if (error.field && error.field.startsWith("inputs")) {
      this.inputs.show(error.message);
    } else {
      fill(this.error, error.message);
    }
  }

  async submit() {
    fill(this.error);
    const bad = this.fields.find((f) => f.problem());
    if (bad) {
      bad.show(bad.problem());
      bad.input.focus();
      return;
    }
    if (this.blocker()) {
      this.updateButton();
      return;
    }
    this.sending = true;
    this.updateButton();
    try {
      const job = await this.send();
      location.hash = route("jobs", job.id);
    } catch (e) {
      if (e instanceof ApiError) {
        this.showError(e, true);
      } else {
        fill(this.error, e.message);
      }
    } finally {
      this.sending = false;
      this.progress.hidden = true;
      fill(this.progressText);
      this.updateButton();
    }
  }

  async send() {
    const path = "/api/v1/demos/" + encodeURIComponent(this.demo.name) + "/jobs";
    const params = this.params();
    const files = this.inputs.uploads();
    if (files.length > 0) {
      const form = new FormData();
      files.forEach((file) => form.append("file", file, file.name));
      form.append("params", JSON.stringify(params));
      form.append("priority", this.priority.value);
      this.progress.hidden = false;
      return upload(path, form, (sent, total) => this.uploaded(sent, total));
    }
    const inputs = this.inputs.jsonInputs();
    return json(path, { method: "POST", body: { params, priority: this.priority.value, ...(inputs ? { inputs } : {}) } });
  }

  uploaded(sent, total) {
    this.progress.max = total || 1;
    this.progress.value = sent;
    fill(this.progressText, "Uploaded " + bytes(sent) + " of " + bytes(total) + (total ? " (" + Math.floor((100 * sent) / total) + "%)" : ""));
  }
}
