// The result viewer of each demo, reading the demo's own output files; any demo without one
// gets the generic viewer (its result as JSON).
"use strict";

import { fileSource } from "./api.js";
import { h } from "./dom.js";
import * as generic from "./viewer-generic.js";
// The viewers below import the helpers further down from this module: a module cycle, which is
// safe because they only call them when a result is shown, long after every module has loaded.
import * as regions from "./viewer-regions.js";
import * as faces from "./viewer-faces.js";
import * as vectorization from "./viewer-vectorization.js";

const VIEWERS = {
  regions,
  faces,
  vectorization,
};

/** Shows a succeeded job's result in container; may return a function that releases what it holds. */
export function showResult(container, job) {
  return (VIEWERS[job.demo] || generic).render(container, job);
}

/* Helpers shared by the viewers of the image demos (regions, faces, vectorization). */

/** The address of one of a job's output files, each path segment encoded as the API's own urls are. */
export function fileUrl(job, path) {
  return job.files_url + "/" + path.split("/").map(encodeURIComponent).join("/");
}

/**
 * Runs a viewer's asynchronous work and returns at once the function that releases what it
 * held: show(source) builds the view, calling source(path) for each image's address. An error
 * is shown in the container as text; a view left before it is built is released when done.
 */
export function imageViewer(container, job, show) {
  const releases = [];
  let left = false;
  const source = async (path) => {
    const file = await fileSource(fileUrl(job, path));
    if (left) {
      file.release();
    } else {
      releases.push(file.release);
    }
    return file.src;
  };
  show(source).catch((e) => {
    if (!left) {
      container.append(h("p", { className: "error-text" }, "The result cannot be shown: " + e.message));
    }
  });
  return () => {
    left = true;
    releases.splice(0).forEach((release) => release());
  };
}

/** 1 → "1 face", 4 → "4 faces". */
export function counted(n, noun) {
  return n + " " + noun + (n === 1 ? "" : "s");
}

/** The pages of a result that could not be processed, each with its reason; nothing when none failed. */
export function failedPages(report) {
  const failed = report.failed_pages || [];
  return failed.length === 0 ? null : h("ul", { className: "page-failures" },
    failed.map((f) => h("li", { className: "error-text" }, "Page " + f.page + " (" + f.source + "): " + f.reason)));
}

function percent(fraction) {
  return (fraction * 100).toFixed(4) + "%";
}

/** Places an absolutely positioned element over a box of a page, in percent of the page's size. */
export function placeOn(element, box, page) {
  element.style.left = percent(box.x / page.width);
  element.style.top = percent(box.y / page.height);
  element.style.width = percent(box.width / page.width);
  element.style.height = percent(box.height / page.height);
  return element;
}

/**
 * An image of a page with a layer of boxes over it that scales with the image, whatever its
 * width on screen. boxes: [{box: {x, y, width, height}, label, className}], in the page's pixels.
 */
export function boxedImage(src, alt, page, boxes) {
  const layer = h("div", { className: "box-layer" });
  const drawBoxes = (shown) => {
    layer.replaceChildren(...shown.map((b) => placeOn(
      h("div", { className: "box " + (b.className || "") }, b.label ? h("span", { className: "box-label" }, b.label) : null),
      b.box, page)));
  };
  drawBoxes(boxes);
  const element = h("div", { className: "boxed-image" }, h("img", { src, alt, width: page.width, height: page.height }), layer);
  return { element, drawBoxes };
}

/**
 * Previous / next buttons and "page i of n" for a multi-page result, calling showPage(index);
 * nothing when there is one page.
 */
export function pager(count, showPage) {
  let index = 0;
  const label = h("span", { className: "pager-label", "aria-live": "polite" });
  const previous = h("button", { type: "button", className: "secondary", onclick: () => go(index - 1) }, "Previous page");
  const next = h("button", { type: "button", className: "secondary", onclick: () => go(index + 1) }, "Next page");
  function go(i) {
    index = i;
    label.textContent = "page " + (index + 1) + " of " + count;
    previous.disabled = index === 0;
    next.disabled = index === count - 1;
    problem.textContent = "";
    return showPage(index).catch((e) => {
      problem.textContent = "This page cannot be shown: " + e.message;
    });
  }
  const problem = h("span", { className: "error-text" });
  const element = h("nav", { className: "pager", "aria-label": "Pages", hidden: count < 2 }, previous, label, next, problem);
  return { element, start: () => go(0) };
}
