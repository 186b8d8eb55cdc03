#!/usr/bin/env bash
# Benchmarks: prints numbers, asserts nothing. The release .wasm size (raw and gzip -9) first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
trunk build --release --offline >/dev/null 2>&1 || trunk build --release --offline
for wasm in dist/*.wasm; do
  raw=$(stat -c %s "$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  printf 'wasm size: %s raw %d bytes (%.1f KiB), gzip -9 %d bytes (%.1f KiB)\n' \
    "$(basename "$wasm")" "$raw" "$(echo "$raw/1024" | bc -l)" "$gz" "$(echo "$gz/1024" | bc -l)"
done
