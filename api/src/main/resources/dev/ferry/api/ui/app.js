// Ferry's web app. Everything a server or a user supplied is put on the page as text
// (textContent), never as HTML, so a demo's output, a file name or an error cannot run script.
"use strict";

const KEY = "ferry.apiKey";

function api(path) {
  const headers = { Accept: "application/json" };
  const key = localStorage.getItem(KEY);
  if (key) {
    headers.Authorization = "Bearer " + key;
  }
  return fetch(path, { headers });
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function modelLine(model) {
  const item = element("li", model.name + ": " + model.state, "model model-" + model.state);
  if (model.install_hint) {
    item.append(" — ", element("code", model.install_hint));
  }
  return item;
}

function demoCard(demo) {
  const card = element("article", undefined, "demo");
  card.dataset.demo = demo.name;
  card.append(element("h2", demo.name), element("p", demo.description));
  if (demo.models && demo.models.length > 0) {
    const models = element("ul", undefined, "models");
    demo.models.forEach((m) => models.append(modelLine(m)));
    card.append(models);
  }
  return card;
}

function askForKey(status) {
  const form = document.getElementById("key-form");
  form.hidden = false;
  status.textContent = "Enter the API key to see the demos.";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    localStorage.setItem(KEY, document.getElementById("key").value);
    form.hidden = true;
    showDemos();
  }, { once: true });
}

async function showDemos() {
  const status = document.getElementById("status");
  const list = document.getElementById("demos");
  try {
    const answer = await api("/api/v1/demos");
    if (answer.status === 401) {
      askForKey(status);
      return;
    }
    const body = await answer.json();
    if (!answer.ok) {
      status.textContent = body.error ? body.error.message : "The server answered " + answer.status;
      return;
    }
    list.replaceChildren(...body.demos.map(demoCard));
    status.textContent = body.demos.length + " demos";
  } catch (e) {
    status.textContent = "Cannot reach Ferry: " + e.message;
  }
}

document.addEventListener("DOMContentLoaded", showDemos);
