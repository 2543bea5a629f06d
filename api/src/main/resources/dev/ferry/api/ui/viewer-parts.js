// What the result viewers share: running a viewer's asynchronous work while handing the job
// page at once the function that releases what it holds, output files' addresses, pictures
// fetched as they scroll into view, boxes drawn over an image, page navigation, and media
// players wired to the stretches of a recording.
"use strict";

import { fileSource, json } from "./api.js";
import { h } from "./dom.js";

/**
 * Runs a viewer's asynchronous work(hold) and returns at once the function that releases what
 * the work held (blob URLs, listeners: each passed to hold). What is held after the user has
 * left is released at once; a failure is shown in the container, prefixed by failed.
 */
function held(container, failed, work) {
  const releases = [];
  let left = false;
  const hold = (release) => (left ? release() : releases.push(release));
  work(hold).catch((e) => {
    if (!left) {
      container.append(h("p", { className: "error-text" }, failed + e.message));
    }
  });
  return () => {
    left = true;
    releases.splice(0).forEach((release) => release());
  };
}

/**
 * A viewer's render(container, job) from its async load(container, job, releases), which holds
 * what it must release with releases.push(release).
 */
export function viewer(load, what) {
  return (container, job) => held(container, what + " could not be read: ",
    (hold) => load(container, job, { push: hold }));
}

/** 75.25 → "1:15.3": times in a recording, to a tenth of a second. */
export function clock(s) {
  const minutes = Math.floor(s / 60);
  const rest = (s - minutes * 60).toFixed(1).padStart(4, "0");
  return minutes + ":" + rest;
}

/** A button for a stretch of the recording; disabled until a player is attached. */
export function timedButton(className, start, end, title, ...children) {
  return h("button", { type: "button", className: "timed " + className, disabled: true, title,
    dataset: { start: String(start), end: String(end) } }, ...children);
}

/**
 * Wires media (an <audio> or <video>) to every timed button in container: a click seeks to its
 * start, and the buttons whose stretch holds the playing time are marked current. Returns the
 * function that undoes it.
 */
export function attachPlayer(container, media) {
  const items = [...container.querySelectorAll("button.timed")].map((button) => ({
    button, start: Number(button.dataset.start), end: Number(button.dataset.end),
  }));
  const seek = (event) => {
    const item = items.find((i) => i.button === event.target.closest("button.timed"));
    if (item) {
      media.currentTime = item.start;
    }
  };
  const mark = () => {
    const t = media.currentTime;
    for (const item of items) {
      const current = item.start <= t && t < item.end;
      if (item.button.classList.contains("current") !== current) {
        item.button.classList.toggle("current", current);
        item.button.setAttribute("aria-current", String(current));
      }
    }
  };
  for (const item of items) {
    item.button.disabled = false;
  }
  container.addEventListener("click", seek);
  media.addEventListener("timeupdate", mark);
  media.addEventListener("seeked", mark);
  return () => {
    container.removeEventListener("click", seek);
    media.removeEventListener("timeupdate", mark);
    media.removeEventListener("seeked", mark);
  };
}

/**
 * A player for the job's recording — an audio or video output if it wrote one, else the audio
 * or video it was given — attached to the timed buttons in container; null when there is none.
 * Resolves to {element, release}.
 */
export async function mediaPlayer(container, job, files, kind) {
  const playable = (f) => /^(audio|video)\//.test(f.content_type || "");
  let media = files.find(playable);
  if (!media) {
    const { inputs } = await json(job.files_url.replace(/\/files$/, "/inputs"));
    media = inputs.find(playable);
  }
  if (!media) {
    return null;
  }
  const source = await fileSource(media.url);
  const tag = media.content_type.startsWith("video/") ? "video" : "audio";
  const element = h(tag, { className: "player player-" + kind, controls: true, preload: "metadata",
    src: source.src, "aria-label": media.name || media.path });
  const detach = attachPlayer(container, element);
  return { element, release: () => { detach(); source.release(); } };
}

/**
 * make(path, alt): an <img> of the output file at path (urls: path → address) whose picture is
 * fetched (with the key, through fileSource) only when it comes near the screen, so a result
 * with thousands of pictures loads what is looked at; the blob URLs go on releases.
 */
export function lazyPictures(urls, releases) {
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries.filter((e) => e.isIntersecting)) {
      observer.unobserve(entry.target);
      fileSource(entry.target.dataset.url).then((source) => {
        releases.push(source.release);
        entry.target.src = source.src;
      }, () => entry.target.classList.add("missing"));
    }
  }, { rootMargin: "300px" });
  releases.push(() => observer.disconnect());
  return (path, alt) => {
    const img = h("img", { alt, loading: "lazy", decoding: "async", dataset: { url: urls.get(path) } });
    observer.observe(img);
    return img;
  };
}

/** The address of one of a job's output files, each path segment encoded as the API's own urls are. */
export function fileUrl(job, path) {
  return job.files_url + "/" + path.split("/").map(encodeURIComponent).join("/");
}

/**
 * An image viewer: show(source) builds the view, calling source(path) for the address of each
 * of the job's output images; returns at once the function that releases them.
 */
export function imageViewer(container, job, show) {
  return held(container, "The result cannot be shown: ", (hold) => show(async (path) => {
    const file = await fileSource(fileUrl(job, path));
    hold(file.release);
    return file.src;
  }));
}

/** 1 → "1 face", 4 → "4 faces"; plural for nouns that take more than an s ("matches"). */
export function counted(n, noun, plural = noun + "s") {
  return n + " " + (n === 1 ? noun : plural);
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
 * width on screen. boxes: [{box: {x, y, width, height}, label, className, title}], in the page's
 * pixels; title, when given, is the box's tooltip.
 */
export function boxedImage(src, alt, page, boxes) {
  const layer = h("div", { className: "box-layer" });
  const drawBoxes = (shown) => {
    layer.replaceChildren(...shown.map((b) => placeOn(
      h("div", { className: "box " + (b.className || ""), title: b.title },
        b.label ? h("span", { className: "box-label" }, b.label) : null),
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
