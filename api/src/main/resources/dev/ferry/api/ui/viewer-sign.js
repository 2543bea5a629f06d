// The sign viewer: to be written; until then the generic one.
"use strict";

export { render } from "./viewer-generic.js";
