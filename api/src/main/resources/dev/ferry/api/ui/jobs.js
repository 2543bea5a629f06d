"use strict";

export function render(view) {
  view.textContent = "jobs: to be written";
}
