#!/usr/bin/env bash
# Benchmarks: prints numbers, asserts nothing.
#   BENCH_INSTANCES / BENCH_TASKS size the placement benchmark (default 5000 / 100000).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export BENCH_INSTANCES=${BENCH_INSTANCES:-5000} BENCH_TASKS=${BENCH_TASKS:-100000}
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-600}

echo "== placement, native (cargo bench)"
cargo bench -q -p ecs-sim --bench placement -- "$BENCH_INSTANCES" "$BENCH_TASKS" 2>/dev/null | grep placement

echo "== placement, wasm in headless Chromium (release build)"
cargo test --release --target wasm32-unknown-unknown -p ecs-playground-tests --test bench_wasm -- --include-ignored --nocapture 2>&1 \
  | grep -E "wasm placement" || echo "(the wasm benchmark did not report; run it without -q to see why)"

echo "== release bundle size"
trunk build --release --offline >/dev/null 2>&1 || trunk build --release --offline
for wasm in dist/*.wasm; do
  raw=$(stat -c %s "$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  awk -v n="$(basename "$wasm")" -v r="$raw" -v g="$gz" \
    'BEGIN { printf "wasm size: %s raw %d bytes (%.1f KiB), gzip -9 %d bytes (%.1f KiB)\n", n, r, r/1024, g, g/1024 }'
done
