// The vectorization viewer: per page, the page and its SVG side by side, then the SVG laid over
// the page with an opacity slider, and how many lines, circles and arcs were found. The SVG is
// shown as an image, never inlined: it is the demo's output, not the page's own markup.
"use strict";

import { fileText } from "./api.js";
import { fill, h } from "./dom.js";
import { counted, failedPages, fileUrl, imageViewer, pager } from "./viewer-parts.js";

function primitives(counts) {
  return [counted(counts.lines, "line"), counted(counts.circles, "circle"), counted(counts.arcs, "arc")].join(" · ");
}

function picture(src, alt, caption, page) {
  return h("figure", { className: "vector-figure" },
    h("img", { src, alt, width: page.width, height: page.height }), h("figcaption", {}, caption));
}

function overlaid(pageSrc, svgSrc, page) {
  const drawing = h("img", { className: "vector-on-top", src: svgSrc, alt: "The drawing over the page",
    width: page.width, height: page.height });
  const opacity = h("input", { type: "range", id: "vector-opacity", min: 0, max: 1, step: 0.05, value: 1 });
  opacity.addEventListener("input", () => {
    drawing.style.opacity = opacity.value;
  });
  return h("section", { className: "vector-overlaid", "aria-label": "Drawing over the page" },
    h("div", { className: "opacity" }, h("label", { htmlFor: "vector-opacity" }, "Drawing's opacity"), opacity),
    h("div", { className: "vector-stack" },
      h("img", { src: pageSrc, alt: "", width: page.width, height: page.height }), drawing));
}

export function render(container, job) {
  return imageViewer(container, job, async (source) => {
    const summary = JSON.parse(await fileText(fileUrl(job, job.result.summary)));
    const pages = summary.pages;
    const pageView = h("div", { className: "vector-page" });
    let shown = 0;

    const showPage = async (index) => {
      const visit = ++shown;
      const page = pages[index];
      const [pageSrc, svgSrc] = await Promise.all([source(page.overlay), source(page.svg)]);
      if (visit !== shown) {
        return;
      }
      pageView.replaceChildren(
        h("h3", {}, "Page " + page.page + ": " + page.source + " — " + primitives(page)),
        h("div", { className: "vector-side-by-side" },
          picture(pageSrc, "The page, faded, with what was found drawn in colour", "The page: lines red, circles green, arcs blue", page),
          picture(svgSrc, "The SVG drawing of the page", "The SVG", page)),
        overlaid(pageSrc, svgSrc, page));
    };

    const navigation = pager(pages.length, showPage);
    fill(container,
      h("p", { className: "viewer-summary primitive-count" }, primitives(job.result) + " on " + counted(pages.length, "page")),
      failedPages(summary),
      navigation.element, pageView);
    if (pages.length > 0) {
      await navigation.start();
    }
  });
}
