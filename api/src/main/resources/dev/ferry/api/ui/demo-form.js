"use strict";

export function render(view) {
  view.textContent = "demo-form: to be written";
}
