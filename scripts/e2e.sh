#!/usr/bin/env bash
# Builds the release bundle and drives it in headless Chromium (tests/e2e/run.mjs serves it on
# a free localhost port, runs the checks, saves screenshots under target/e2e/, stops its server).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/scripts/wasm-split:$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
trunk build --release --offline
node tests/e2e/run.mjs "$@"
