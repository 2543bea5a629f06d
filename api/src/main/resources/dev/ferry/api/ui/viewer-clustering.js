// The clustering viewer, from clusters.json: the settings and the loss per iteration, the
// prototypes in a row, then each cluster as a grid of its members, closest first. A job may
// have thousands of members: pictures are fetched only as they scroll into view, and a big
// cluster shows its first members until asked for all.
"use strict";

import { allFiles, fileText } from "./api.js";
import { h } from "./dom.js";
import { lazyPictures, viewer } from "./viewer-parts.js";

const FIRST_MEMBERS = 24;
const SVG = "http://www.w3.org/2000/svg";

function number(x) {
  return Math.abs(x) >= 0.01 && Math.abs(x) < 1000 ? String(Number(x.toPrecision(3))) : x.toExponential(2);
}

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

/** The loss per iteration as a line, drawn from the numbers (not the server's loss.png). */
function lossPlot(loss, meaning) {
  const [width, height, left, right, top, bottom] = [360, 150, 64, 12, 12, 28];
  const low = Math.min(...loss);
  const high = Math.max(...loss);
  const x = (i) => left + (width - left - right) * i / Math.max(1, loss.length - 1);
  const y = (v) => top + (height - top - bottom) * (high === low ? 0.5 : (high - v) / (high - low));
  const points = loss.map((v, i) => x(i).toFixed(1) + "," + y(v).toFixed(1)).join(" ");
  const label = (text, ax, ay, anchor) => svg("text", { x: ax, y: ay, "text-anchor": anchor }, text);
  const plot = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "loss-plot", role: "img",
    "aria-label": `Loss from ${number(loss[0])} to ${number(loss[loss.length - 1])} over ${loss.length} points` },
    svg("line", { x1: left, y1: top, x2: left, y2: height - bottom, class: "axis" }),
    svg("line", { x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, class: "axis" }),
    label(number(high), left - 6, top + 4, "end"),
    label(number(low), left - 6, height - bottom + 4, "end"),
    label("0", left, height - 8, "middle"),
    label(String(loss.length - 1), width - right, height - 8, "middle"),
    svg("polyline", { points, class: "loss-line" }),
    ...loss.map((v, i) => svg("circle", { cx: x(i).toFixed(1), cy: y(v).toFixed(1), r: 2.5, class: "loss-point" })));
  return h("figure", { className: "loss" }, plot,
    h("figcaption", {}, (meaning || "loss") + ", after seeding (0) and after each iteration"));
}

function clusterTitle(cluster) {
  return "Cluster " + cluster.cluster + (cluster.name ? " · " + cluster.name : "");
}

function prototypes(report, picture) {
  return h("ol", { className: "prototypes", "aria-label": "Prototypes" }, report.clusters.map((cluster) =>
    h("li", {}, h("button", { type: "button", className: "prototype",
      onclick: () => document.getElementById("cluster-" + cluster.cluster).scrollIntoView({ behavior: "smooth" }) },
    picture(cluster.prototype, "prototype of cluster " + cluster.cluster),
    h("span", {}, cluster.cluster + " · " + cluster.size)))));
}

function member(m, picture) {
  return h("li", { className: "member", title: m.source + "\ndistance " + number(m.distance) },
    picture(m.original, m.source), h("span", { className: "member-distance" }, number(m.distance)));
}

function clusterSection(cluster, picture) {
  const members = [...cluster.members].sort((a, b) => a.distance - b.distance);
  const grid = h("ol", { className: "members" }, members.slice(0, FIRST_MEMBERS).map((m) => member(m, picture)));
  const more = members.length > FIRST_MEMBERS ? h("button", { type: "button", className: "secondary show-all",
    onclick: () => {
      grid.append(...members.slice(FIRST_MEMBERS).map((m) => member(m, picture)));
      more.remove();
    } }, "Show all " + members.length) : null;
  return h("section", { className: "cluster", id: "cluster-" + cluster.cluster, dataset: { cluster: cluster.cluster } },
    h("div", { className: "cluster-head" },
      picture(cluster.prototype, "prototype of cluster " + cluster.cluster),
      h("div", {}, h("h3", {}, clusterTitle(cluster)),
        h("p", { className: "hint cluster-size" }, cluster.size + (cluster.size === 1 ? " member" : " members")
          + " · mean distance " + number(cluster.mean_distance)))),
    grid, more);
}

function problems(report) {
  const lines = [...report.warnings,
    ...report.failed_pages.map((f) => f.source + ": " + (f.reason || f.code))];
  return lines.length ? h("ul", { className: "warnings" }, lines.map((line) => h("li", {}, line))) : null;
}

async function load(container, job, releases) {
  const urls = new Map((await allFiles(job)).map((f) => [f.path, f.url]));
  const report = JSON.parse(await fileText(urls.get(job.result.report)));
  const picture = lazyPictures(urls, releases);
  const settings = [report.engine, report.transformation || report.model, report.items + " images",
    report.n_clusters + " clusters", report.iterations + " iterations" + (report.converged ? ", converged" : "")];
  container.append(h("div", { className: "clustering-view" },
    h("p", { className: "clustering-summary" }, settings.filter(Boolean).join(" · ")),
    problems(report),
    h("div", { className: "clustering-overview" },
      report.loss.length > 1 ? lossPlot(report.loss, report.loss_meaning) : null,
      h("div", {}, h("h2", {}, "Prototypes"), prototypes(report, picture))),
    h("h2", {}, "Clusters"),
    report.clusters.map((cluster) => clusterSection(cluster, picture))));
}

export const render = viewer(load, "The clusters");
