// The faces viewer: each photo with every face boxed, the face count, and each face with its
// emotion bars — or, without an emotion model, the note saying how to install one.
"use strict";

import { fileText } from "./api.js";
import { fill, h } from "./dom.js";
import { boxedImage, counted, failedPages, fileUrl, imageViewer, pager } from "./viewer-parts.js";

function faceName(face, i) {
  return "Face " + (i + 1) + (face.dominant_emotion ? ": " + face.dominant_emotion.label : "");
}

/** The face cut out of the photo on screen: the whole photo, scaled and shifted inside a face-sized frame. */
function thumbnail(src, face, page) {
  const box = face.box;
  const img = h("img", { src, alt: "" });
  img.style.width = (page.width / box.width * 100) + "%";
  img.style.left = (-box.x / box.width * 100) + "%";
  img.style.top = (-box.y / box.height * 100) + "%";
  const frame = h("div", { className: "face-thumb" }, img);
  frame.style.aspectRatio = box.width + " / " + box.height;
  return frame;
}

function emotionBar(emotion) {
  const fill = h("span", { className: "bar-fill" });
  fill.style.width = (emotion.confidence * 100) + "%";
  return h("li", { className: "emotion" },
    h("span", { className: "emotion-label" }, emotion.label),
    h("span", { className: "bar", "aria-hidden": "true" }, fill),
    h("span", { className: "emotion-value" }, Math.round(emotion.confidence * 100) + " %"));
}

function faceCard(src, face, i, page) {
  return h("li", { className: "face" },
    thumbnail(src, face, page),
    h("div", {},
      h("h4", {}, faceName(face, i)),
      face.emotions ? h("ul", { className: "emotions" }, face.emotions.map(emotionBar)) : null));
}

export function render(container, job) {
  return imageViewer(container, job, async (source) => {
    const report = JSON.parse(await fileText(fileUrl(job, job.result.report)));
    const pages = report.pages;
    const pageView = h("div", { className: "faces-page" });
    let shown = 0;

    const showPage = async (index) => {
      const visit = ++shown;
      const page = pages[index];
      const src = await source(page.annotated);
      if (visit !== shown) {
        return;
      }
      const boxes = page.faces.map((face, i) => ({ box: face.box, label: faceName(face, i), className: "face-box" }));
      pageView.replaceChildren(
        h("h3", {}, "Page " + page.page + ": " + page.source + " — " + counted(page.faces.length, "face")),
        h("div", { className: "faces-layout" },
          boxedImage(src, page.source + " with its faces boxed", page, boxes).element,
          h("ol", { className: "face-list" }, page.faces.map((face, i) => faceCard(src, face, i, page)))));
    };

    const navigation = pager(pages.length, showPage);
    fill(container,
      h("p", { className: "viewer-summary face-count" }, counted(job.result.faces, "face")),
      job.result.note ? h("p", { className: "hint" }, job.result.note) : null,
      failedPages(report),
      navigation.element, pageView);
    if (pages.length > 0) {
      await navigation.start();
    }
  });
}
