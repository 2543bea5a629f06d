// Building the page. Text from the server or the user always goes in as a text node, never as
// HTML: a demo's output, a file name or an error message cannot run script.
"use strict";

/**
 * h("button", {className: "primary", type: "submit", onclick: f}, "Submit", child...): an element
 * with properties (on* become listeners, dataset/aria-* and other unknown names become
 * attributes) and children (strings become text nodes; null and false are skipped).
 */
export function h(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else if (name === "dataset") {
      Object.assign(node.dataset, value);
    } else if (name in node && !name.includes("-")) {
      node[name] = value;
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces a node's children. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** 1234567 → "1.2 MB". */
export function bytes(n) {
  if (n === null || n === undefined) {
    return "";
  }
  const units = ["B", "kB", "MB", "GB", "TB"];
  let i = 0;
  let value = n;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i += 1;
  }
  return (i === 0 ? value : value.toFixed(value < 10 ? 1 : 0)) + " " + units[i];
}

/** 75.2 → "1 min 15 s". */
export function seconds(s) {
  if (s === null || s === undefined) {
    return "";
  }
  if (s < 1) {
    return s <= 0 ? "now" : "< 1 s";
  }
  if (s < 60) {
    return Math.round(s) + " s";
  }
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = Math.round(s - m * 60);
    return m + " min" + (rest ? " " + rest + " s" : "");
  }
  const hours = Math.floor(s / 3600);
  return hours + " h " + Math.round((s - hours * 3600) / 60) + " min";
}

/** An ISO time as this browser's local date and time. */
export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : "";
}

/** The status line under the header: what is loading, what went wrong. */
export function status(text) {
  document.getElementById("status").textContent = text || "";
}

/** A route path for a link: "#/jobs/" + id, escaped. */
export function route(...parts) {
  return "#/" + parts.map(encodeURIComponent).join("/");
}
