// The similarity viewer, from pairs.json and topk.json: the job's settings and warnings, the
// best pairs as the pictures the job drew (the two images side by side, matched points
// joined) with their score and transposition, and a browser of each image's top k: pick an
// image, see its matches best first. A job with no pair says so, and why that may be.
"use strict";

import { allFiles, fileText } from "./api.js";
import { fill, h } from "./dom.js";
import { counted, lazyPictures, viewer } from "./viewer-parts.js";

const FIRST_PAIRS = 12;
const TOPK = "topk.json";

/** What each transposition does to an image, in words; quarter turns are counter-clockwise, as discover-api's. */
const TURNS = {
  none: "as is",
  rot90: "turned 90° counter-clockwise",
  rot180: "turned 180°",
  rot270: "turned 90° clockwise",
  hflip: "mirrored left to right",
  vflip: "mirrored top to bottom",
};

/** "#3 book.zip!/2.png", or for a crop "#3 fig-1 (book.zip!/2.png)": a job with crops compares regions of pages. */
function imageName(report, image) {
  const entry = report.index.images[image];
  return "#" + image + " " + (entry.id ? entry.id + " (" + entry.source + ")" : entry.source);
}

/** "#3 book.zip!/2.png turned 90° counter-clockwise (rot90)": how image i is brought into j's orientation. */
function turned(report, image, transposition) {
  return transposition === "none" ? imageName(report, image) + " as is"
    : imageName(report, image) + " " + (TURNS[transposition] || transposition) + " (" + transposition + ")";
}

function score(value) {
  return value.toFixed(3);
}

/** A pair's numbers: score, inliers (none from an unverified embedding match) and transposition. */
function pairFacts(report, pair) {
  return h("dl", { className: "pair-facts" },
    h("dt", {}, "score"), h("dd", { className: "pair-score" }, score(pair.score)),
    pair.inliers > 0 ? [h("dt", {}, "inliers"), h("dd", {}, String(pair.inliers))] : null,
    h("dt", {}, "match"), h("dd", { className: "pair-transposition", dataset: { transposition: pair.tr_i } },
      turned(report, pair.i, pair.tr_i) + " matches " + imageName(report, pair.j)));
}

function pairCard(report, pair, picture) {
  const title = imageName(report, pair.i) + " ↔ " + imageName(report, pair.j);
  return h("li", { className: "pair", dataset: { i: pair.i, j: pair.j } },
    h("figure", {},
      pair.picture ? picture(pair.picture, title) : h("p", { className: "hint" }, "No picture: only the "
        + report.named_pairs.filter((p) => p.picture).length + " best pairs are drawn."),
      h("figcaption", {}, h("span", { className: "pair-images" }, title), pairFacts(report, pair))));
}

function bestPairs(report, picture) {
  const pairs = report.named_pairs;
  const list = h("ol", { className: "pair-list" }, pairs.slice(0, FIRST_PAIRS).map((p) => pairCard(report, p, picture)));
  const more = pairs.length > FIRST_PAIRS ? h("button", { type: "button", className: "secondary show-all",
    onclick: () => {
      list.append(...pairs.slice(FIRST_PAIRS).map((p) => pairCard(report, p, picture)));
      more.remove();
    } }, "Show all " + pairs.length + " pairs") : null;
  return h("section", { className: "best-pairs", "aria-label": "Best pairs" }, h("h2", {}, "Best pairs"), list, more);
}

/** Why a job may find nothing, for the empty state. */
function noPairs(report) {
  const why = report.parameters.engine === "local"
    ? "The local-features engine lists a pair only when at least 12 matched points agree on one turn and scale;"
      + " pictures with little texture (plain shapes, a few strokes) give too few."
    : "Only candidates scoring at least min_score are listed.";
  return h("section", { className: "no-pairs", role: "status" }, h("h2", {}, "No pairs found"),
    h("p", {}, "No two of the " + counted(report.index.images.length, "image") + " were found to be the same picture"
      + (report.parameters.min_score > 0 ? " with a score of at least " + report.parameters.min_score : "") + ". " + why));
}

/** The pair picture of a query and one of its candidates, when the job drew one. */
function pictureOf(report, query, candidate) {
  const [i, j] = query < candidate ? [query, candidate] : [candidate, query];
  const pair = report.named_pairs.find((p) => p.i === i && p.j === j);
  return pair && pair.picture ? pair.picture : null;
}

function neighbour(report, query, n, rank, picture) {
  const drawn = pictureOf(report, query.image, n.image);
  return h("li", { className: "neighbour", dataset: { image: n.image } },
    drawn ? picture(drawn, imageName(report, query.image) + " ↔ " + imageName(report, n.image)) : null,
    h("div", {}, h("span", { className: "neighbour-rank" }, String(rank + 1) + ". "),
      h("span", { className: "neighbour-source" }, imageName(report, n.image)),
      h("p", { className: "hint" }, "score " + score(n.score) + (n.inliers > 0 ? " · " + n.inliers + " inliers" : "")
        + " · " + turned(report, query.image, n.transposition))));
}

/** Pick an image, see its top k best first. */
function topkBrowser(report, topk, picture) {
  const list = h("ol", { className: "neighbours" });
  const select = h("select", { id: "similarity-query" }, topk.map((q, index) =>
    h("option", { value: String(index) }, imageName(report, q.image) + " (" + counted(q.top.length, "match", "matches") + ")")));
  const show = () => {
    const query = topk[Number(select.value)];
    fill(list, query.top.length ? query.top.map((n, rank) => neighbour(report, query, n, rank, picture))
      : h("li", { className: "hint" }, "No match for this image."));
  };
  select.addEventListener("change", show);
  const first = topk.findIndex((q) => q.top.length > 0);
  select.value = String(Math.max(0, first));
  show();
  return h("section", { className: "topk-browser", "aria-label": "Top matches per image" },
    h("h2", {}, "Top " + report.parameters.topk + " per image"),
    h("label", { htmlFor: "similarity-query" }, "Image "), select, list);
}

function problems(report) {
  const lines = [...report.warnings, ...report.failed_pages.map((f) => f.source + ": " + (f.reason || f.code))];
  return lines.length ? h("ul", { className: "warnings" }, lines.map((line) => h("li", {}, line))) : null;
}

function summary(report) {
  const p = report.parameters;
  const sources = Object.keys(report.index.sources).length;
  return h("p", { className: "similarity-summary" }, [p.engine + (p.rerank && p.engine !== "local" ? ", reranked" : ""),
    counted(report.index.images.length, "image") + " in " + counted(sources, "document"),
    counted(report.pairs.length, "pair"), "transpositions " + p.transpositions.join(", ")].join(" · "));
}

async function load(container, job, releases) {
  const urls = new Map((await allFiles(job)).map((f) => [f.path, f.url]));
  const report = JSON.parse(await fileText(urls.get(job.result.report)));
  const topk = JSON.parse(await fileText(urls.get(TOPK)));
  const picture = lazyPictures(urls, releases);
  const found = report.named_pairs.length > 0;
  container.append(h("div", { className: "similarity-view" }, summary(report), problems(report),
    found ? bestPairs(report, picture) : noPairs(report),
    found ? topkBrowser(report, topk, picture) : null));
}

export const render = viewer(load, "The pairs");
