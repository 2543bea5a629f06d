"use strict";

export function render(view) {
  view.textContent = "operator: to be written";
}
