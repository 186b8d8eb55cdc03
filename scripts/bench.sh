#!/usr/bin/env bash
# Benchmarks: prints numbers, asserts nothing.
#   BENCH_INSTANCES / BENCH_TASKS size the placement benchmark (default 5000 / 100000).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/scripts/wasm-split:$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export BENCH_INSTANCES=${BENCH_INSTANCES:-5000} BENCH_TASKS=${BENCH_TASKS:-100000}
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-600}

echo "== placement, native (cargo bench)"
cargo bench -q -p ecs-sim --bench placement -- "$BENCH_INSTANCES" "$BENCH_TASKS" 2>/dev/null | grep placement

echo "== one hour of 50 services and 2,000 tasks (issue #4), native (cargo bench)"
cargo bench -q -p ecs-sim --bench deployment 2>/dev/null | grep deployment

echo "== scale limits (issue #10): the quadratic series, the task and instance limits, a crash loop, native (cargo bench)"
cargo bench -q -p ecs-sim --bench limits 2>/dev/null | grep limits
cargo bench -q -p ecs-sim --bench limits -- snapshot 2>/dev/null | grep limits

echo "== placement, the one-hour scenario and the lessons' checks (issue #13), wasm in headless Chromium (release build)"
cargo test --release --target wasm32-unknown-unknown -p ecs-playground-tests --test bench_wasm -- --include-ignored --nocapture 2>&1 \
  | grep -E "wasm (placement|deployment|lesson)" || echo "(the wasm benchmark did not report; run it without -q to see why)"

echo "== scale limits (issue #10), one simulated hour each, wasm in headless Chromium (release build)"
# Each scenario in its own browser (a name filter): wasm memory never shrinks, so the size read
# after a run is its own peak only when nothing bigger ran before it in the module.
for limit in quadratic_series task_limit instance_limit crash_loop all_tasks_crashing; do
  cargo test --release --target wasm32-unknown-unknown -p ecs-playground-tests --test bench_wasm_limits -- --include-ignored --nocapture "bench_limits_$limit" 2>&1 \
    | grep -E "wasm limits" || echo "(bench_limits_$limit did not report; run it without the grep to see why)"
done

echo "== release bundle size"
trunk build --release --offline >/dev/null 2>&1 || trunk build --release --offline
gz() { gzip -9 -c "$1" | wc -c; }
# The main module: what the page needs before it can draw (web/src/later.rs splits the rest).
main=$(ls dist/*_bg.wasm)
raw=$(stat -c %s "$main")
awk -v n="$(basename "$main")" -v r="$raw" -v g="$(gz "$main")" \
  'BEGIN { printf "wasm size: %s raw %d bytes (%.1f KiB), gzip -9 %d bytes (%.1f KiB)\n", n, r, r/1024, g, g/1024 }'
# The chunks, fetched when their part of the page is first shown; each gzipped on its own.
count=0 craw=0 cgz=0 biggest="" biggest_gz=0
for wasm in dist/*.wasm; do
  [ "$wasm" = "$main" ] && continue
  g=$(gz "$wasm")
  count=$((count + 1)) craw=$((craw + $(stat -c %s "$wasm"))) cgz=$((cgz + g))
  if [ "$g" -gt "$biggest_gz" ]; then biggest=$(basename "$wasm") biggest_gz=$g; fi
done
awk -v c="$count" -v r="$craw" -v g="$cgz" -v b="$biggest" -v bg="$biggest_gz" \
  'BEGIN { printf "wasm chunks: %d files, raw %d bytes (%.1f KiB), gzip -9 %d bytes (%.1f KiB); the largest %s, %.1f KiB gzip\n", c, r, r/1024, g, g/1024, b, bg/1024 }'
# Everything a first visit downloads before the page can draw (HTML, CSS, JavaScript, the main
# module; the JSON editor's bundle follows the first editor), each gzipped on its own.
total=0
for f in dist/*; do
  case "$f" in *.wasm) [ "$f" = "$main" ] || continue ;; esac
  total=$((total + $(gz "$f")))
done
js=0
for f in dist/*.js; do js=$((js + $(gz "$f"))); done
awk -v t="$total" -v j="$js" 'BEGIN { printf "first load: %.1f KiB gzip -9 in all, of which JavaScript %.1f KiB\n", t/1024, j/1024 }'
# The JSON editor (CodeMirror 6, bundled by esbuild; loaded async after the loading view).
raw=$(stat -c %s dist/editor.js)
gz=$(gzip -9 -c dist/editor.js | wc -c)
awk -v r="$raw" -v g="$gz" \
  'BEGIN { printf "editor JS size: editor.js raw %d bytes (%.1f KiB), gzip -9 %d bytes (%.1f KiB)\n", r, r/1024, g, g/1024 }'

echo "== the first second (issue #14): first contentful paint and the app on the page, release bundle"
node scripts/bench-first-paint.mjs --runs 5 || echo "(the first-paint benchmark did not report)"

echo "== typing in the JSON editor (issue #14): per-key time on a 1 MiB and a 50 KB scenario, release bundle, headless Chromium"
node scripts/bench-typing.mjs || echo "(the typing benchmark did not report)"

echo "== frame time with 2,000 tasks on screen (release bundle, headless Chromium, max speed)"
cargo run -q -p ecs-sim --example bench_scenario > target/bench-scenario.json
node scripts/bench-frames.mjs target/bench-scenario.json

echo "== the page never blocks (issue #10): longest main-thread task on a scenario at the limits (20,000 Fargate tasks, 5,000 instances), release bundle, headless Chromium"
node scripts/bench-long-tasks.mjs
