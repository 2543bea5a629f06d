// Ferry's web app: a page per route, picked from the address's #fragment so that every page —
// a job above all — has an address that survives a reload, a closed tab or another device.
"use strict";

import { fill, h, status } from "./dom.js";
import * as home from "./home.js";
import * as demoForm from "./demo-form.js";
import * as jobPage from "./job-page.js";
import * as jobs from "./jobs.js";
import * as operator from "./operator.js";

// Each page's render(main, ...params) may return a function that stops what it started
// (an event stream, a timer) when the user leaves the page.
const ROUTES = [
  [/^$/, home],
  [/^demos\/([^/]+)$/, demoForm],
  [/^jobs\/([^/]+)$/, jobPage],
  [/^jobs(?:\?.*)?$/, jobs], // the list keeps its filters after a ?
  [/^operator$/, operator],
];

let leave = null;
let shown = 0;

async function show() {
  if (leave) {
    leave();
    leave = null;
  }
  const visit = ++shown;
  const path = location.hash.replace(/^#\/?/, "");
  // A fresh container per visit: a page still loading when the user moves on writes into a
  // container no longer on the page.
  const view = h("div", { className: "view" });
  fill(document.getElementById("main"), view);
  status("");
  for (const [pattern, page] of ROUTES) {
    const match = pattern.exec(path);
    if (match) {
      const params = match.slice(1).map(decodeURIComponent);
      try {
        const stop = (await page.render(view, ...params)) || null;
        if (visit === shown) {
          leave = stop;
        } else if (stop) {
          stop();
        }
      } catch (e) {
        if (visit === shown) {
          status(e.message);
        }
      }
      return;
    }
  }
  status("No page at #/" + path);
}

window.addEventListener("hashchange", show);
show();
