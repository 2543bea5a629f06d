// The regions viewer: each page with its boxes over it, a confidence slider that filters them
// live, the crops of the boxes shown in a grid, and page navigation for multi-page inputs.
// With OCR, each box and crop shows the text read in it, and a panel gives the page's text in
// reading order with its plain text, ALTO and hOCR files to download.
"use strict";

import { fileText } from "./api.js";
import { fill, h } from "./dom.js";
import { boxedImage, counted, failedPages, fileUrl, imageViewer, pager } from "./viewer-parts.js";

function regionName(region) {
  return region.id + " " + region.label + " " + region.confidence.toFixed(2);
}

function slider(onChange) {
  const input = h("input", { type: "range", id: "regions-confidence", min: 0, max: 1, step: 0.01, value: 0 });
  const value = h("output", { htmlFor: "regions-confidence" }, "0.00");
  input.addEventListener("input", () => {
    value.textContent = Number(input.value).toFixed(2);
    onChange(Number(input.value));
  });
  const element = h("div", { className: "confidence" },
    h("label", { htmlFor: "regions-confidence" }, "Least confidence"), input, value);
  return { element, value: () => Number(input.value) };
}

/** The text read in a region and how sure the reading is, for a tooltip; null without OCR. */
function textTitle(region) {
  return region.text === undefined ? null
    : region.text + " (text confidence " + region.text_confidence.toFixed(2) + ")";
}

function cropTile(region, src) {
  return h("figure", { className: "crop", dataset: { confidence: region.confidence } },
    h("img", { src, alt: "Region " + regionName(region), loading: "lazy" }),
    h("figcaption", {}, regionName(region)),
    region.text === undefined ? null : h("q", { className: "region-text" }, region.text));
}

/** The page's text, a line per region read, and its files; null for a page read without OCR. */
async function textPanel(page, source) {
  if (!page.text) {
    return null;
  }
  const files = [["Text", page.text.plain], ["ALTO XML", page.text.alto], ["hOCR", page.text.hocr]];
  const links = await Promise.all(files.map(async ([label, path]) =>
    h("a", { className: "button secondary", href: await source(path), download: path.split("/").pop() }, label)));
  const lines = page.regions.filter((r) => r.text !== undefined);
  return h("section", { className: "page-text", "aria-label": "Text" },
    h("h3", {}, "Text"),
    h("p", { className: "actions downloads" }, links),
    h("ol", { className: "text-lines" }, lines.map((r) =>
      h("li", { title: "Region " + r.id + ", text confidence " + r.text_confidence.toFixed(2),
        dataset: { confidence: r.confidence } }, r.text))));
}

export function render(container, job) {
  return imageViewer(container, job, async (source) => {
    const annotations = JSON.parse(await fileText(fileUrl(job, job.result.annotations)));
    const pages = annotations.pages;
    const count = h("p", { className: "shown-count", "aria-live": "polite" });
    const pageView = h("div", { className: "regions-page" });
    const crops = h("div", { className: "crop-grid", "aria-label": "Crops" });
    let current = null;
    let shown = 0;

    const filter = (least) => {
      if (!current) {
        return;
      }
      const kept = current.regions.filter((r) => r.confidence >= least);
      current.image.drawBoxes(kept.map((r) => ({ box: r, label: regionName(r), className: "region-box",
        title: textTitle(r) })));
      for (const tile of crops.children) {
        tile.hidden = Number(tile.dataset.confidence) < least;
      }
      count.textContent = kept.length + " of " + current.regions.length + " regions shown";
    };
    const confidence = slider(filter);

    const showPage = async (index) => {
      const visit = ++shown;
      const page = pages[index];
      const overlay = await source(page.overlay);
      const cropSources = await Promise.all(page.regions.map((r) => source(r.crop)));
      const text = await textPanel(page, source);
      if (visit !== shown) {
        return;
      }
      const image = boxedImage(overlay, "Page " + page.page + ", " + page.source + ", with its regions", page, []);
      current = { regions: page.regions, image };
      fill(pageView, h("h3", {}, "Page " + page.page + ": " + page.source), image.element, text);
      crops.replaceChildren(...page.regions.map((r, i) => cropTile(r, cropSources[i])));
      filter(confidence.value());
    };

    const navigation = pager(pages.length, showPage);
    // fill(), not append(): it skips the parts that are null (no failed pages, no note)
    fill(container,
      h("p", { className: "viewer-summary" }, counted(job.result.regions, "region") + " on " + counted(pages.length, "page")),
      failedPages(annotations),
      pages.length === 0 ? null : [navigation.element, confidence.element, count,
        h("div", { className: "regions-layout" }, pageView, h("section", { "aria-label": "Crops" }, h("h3", {}, "Crops"), crops))]);
    if (pages.length > 0) {
      await navigation.start();
    }
  });
}
