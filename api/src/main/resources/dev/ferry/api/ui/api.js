// Every call the page makes to Ferry goes through here: the API key (when the server asks for
// one) is asked once, kept in this browser's local storage and sent with every request.
"use strict";

const KEY = "ferry.apiKey";
let keyPrompt = null;

/** An answer that was not 2xx: the server's {"error":{"code","message","field"}} when it sent one. */
export class ApiError extends Error {
  constructor(status, error) {
    super(error && error.message ? error.message : "the server answered " + status);
    this.status = status;
    this.code = error ? error.code : undefined;
    this.field = error ? error.field : undefined;
  }
}

export function hasKey() {
  return Boolean(localStorage.getItem(KEY));
}

function withKey(headers) {
  const key = localStorage.getItem(KEY);
  return key ? { ...headers, Authorization: "Bearer " + key } : headers;
}

/** The key form, shown once however many calls are waiting for a key. */
function askForKey() {
  if (!keyPrompt) {
    keyPrompt = new Promise((resolve) => {
      const form = document.getElementById("key-form");
      form.hidden = false;
      document.getElementById("key").focus();
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        localStorage.setItem(KEY, document.getElementById("key").value);
        form.hidden = true;
        keyPrompt = null;
        resolve();
      }, { once: true });
    });
  }
  return keyPrompt;
}

/** fetch() with the key; on 401 asks for a key and tries again with it. */
export async function request(path, options = {}) {
  for (;;) {
    const answer = await fetch(path, { ...options, headers: withKey(options.headers || {}) });
    if (answer.status !== 401) {
      return answer;
    }
    localStorage.removeItem(KEY);
    await askForKey();
  }
}

async function parse(answer) {
  if (answer.status === 204) {
    return null;
  }
  const type = answer.headers.get("Content-Type") || "";
  const body = type.startsWith("application/json") ? await answer.json() : null;
  if (!answer.ok) {
    throw new ApiError(answer.status, body && body.error);
  }
  return body;
}

/** A JSON call; throws ApiError for an error answer. */
export async function json(path, options = {}) {
  const headers = { Accept: "application/json", ...(options.headers || {}) };
  let body = options.body;
  if (body !== undefined && !(body instanceof FormData) && typeof body !== "string") {
    body = JSON.stringify(body);
    headers["Content-Type"] = "application/json";
  }
  return parse(await request(path, { ...options, headers, body }));
}

/**
 * A multipart upload with progress: fetch() cannot report how much of a request body has been
 * sent, XMLHttpRequest can. onProgress(sentBytes, totalBytes).
 */
export function upload(path, formData, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("Accept", "application/json");
    const key = localStorage.getItem(KEY);
    if (key) {
      xhr.setRequestHeader("Authorization", "Bearer " + key);
    }
    xhr.responseType = "json";
    xhr.upload.addEventListener("progress", (e) => onProgress(e.loaded, e.total));
    xhr.addEventListener("load", () => {
      if (xhr.status === 401) {
        localStorage.removeItem(KEY);
        askForKey().then(() => upload(path, formData, onProgress)).then(resolve, reject);
      } else if (xhr.status >= 200 && xhr.status < 300) {
        resolve(xhr.response);
      } else {
        reject(new ApiError(xhr.status, xhr.response && xhr.response.error));
      }
    });
    xhr.addEventListener("error", () => reject(new Error("the upload was interrupted")));
    xhr.send(formData);
  });
}

/**
 * An address an <img>, <video> or <a download> can use for an output file. Without a key the
 * file's own URL; with one, the bytes fetched with the key as a blob: URL (an element cannot
 * send a header). Call the returned release() when the element goes away.
 */
export async function fileSource(url) {
  if (!hasKey()) {
    return { src: url, release() {} };
  }
  const answer = await request(url);
  if (!answer.ok) {
    throw new ApiError(answer.status);
  }
  const src = URL.createObjectURL(await answer.blob());
  return { src, release: () => URL.revokeObjectURL(src) };
}

/** The text of an output file (a JSON report, a transcript). */
export async function fileText(url) {
  const answer = await request(url);
  if (!answer.ok) {
    throw new ApiError(answer.status);
  }
  return answer.text();
}

/** Every output file of a job, following files_url page by page. */
export async function allFiles(job) {
  if (job.file_count <= job.files.length) {
    return job.files;
  }
  const files = [];
  let next = job.files_url + "?limit=1000";
  while (next) {
    const page = await json(next);
    files.push(...page.files);
    next = page.next;
  }
  return files;
}

/**
 * Follows a job's Server-Sent Events with the key (EventSource cannot send one), calling
 * onJob(job) for each; resolves when the stream ends, rejects when it cannot be read.
 */
export async function followEvents(id, onJob, signal) {
  const answer = await request("/api/v1/jobs/" + encodeURIComponent(id) + "/events",
    { headers: { Accept: "text/event-stream" }, signal });
  if (!answer.ok || !answer.body) {
    throw new ApiError(answer.status);
  }
  const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event.split("\n").filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trimStart()).join("\n");
      if (data) {
        onJob(JSON.parse(data));
      }
    }
  }
}
