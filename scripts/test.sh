#!/usr/bin/env bash
# Runs every check and test of the project and ends with one line: "N passed, N failed".
# Checks (fmt, clippy) count as one each; test suites count their tests. A step that fails
# before reporting any test (a compile error, a crashed browser) counts as one failure.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
export PATH="$PWD/scripts/wasm-split:$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-90}

passed=0
failed=0
failures=()
log_dir=target/test-logs
mkdir -p "$log_dir"

# step NAME KIND COMMAND...: KIND is "check" (counts once) or "tests" (counts test results).
step() {
  local name=$1 kind=$2
  shift 2
  local log="$log_dir/$name.log"
  printf '\n\033[1m== %s\033[0m: %s\n' "$name" "$*"
  local start=$SECONDS
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local p=0 f=0
  if [ "$kind" = tests ]; then
    # cargo test / wasm-bindgen-test-runner: "test result: ok. 12 passed; 0 failed; ..."
    # e2e harness: "e2e: 5 passed, 0 failed"
    read -r p f < <(awk '
      /test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } }
      /^e2e: [0-9]+ passed, [0-9]+ failed/ { p += $2; f += $4 }
      END { print p+0, f+0 }' "$log")
  fi
  if [ "$kind" = check ] || { [ "$p" = 0 ] && [ "$f" = 0 ]; }; then
    if [ "$rc" = 0 ]; then p=1; f=0; else p=0; f=1; fi
  elif [ "$rc" != 0 ] && [ "$f" = 0 ]; then
    f=1 # the step failed after its tests passed (e.g. a later suite did not compile)
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  [ "$f" = 0 ] || failures+=("$name")
  printf '\033[1m-- %s\033[0m: %s passed, %s failed (%ss)\n' "$name" "$p" "$f" $((SECONDS - start))
}

WASM=--target=wasm32-unknown-unknown
step fmt check cargo fmt --all --check
step clippy-native check cargo clippy --workspace --all-targets --locked -- -D warnings
# The engine's unit tests use proptest, which is native-only; its library and binary are linted for wasm.
step clippy-wasm check bash -c "cargo clippy $WASM -p ecs-sim --lib --bins --locked -- -D warnings && cargo clippy $WASM -p ecs-playground-web -p ecs-playground-tests --all-targets --locked -- -D warnings && cargo clippy $WASM -p ecs-playground-web --features split --lib --bins --locked -- -D warnings"
step native-tests tests cargo test --workspace --locked --no-fail-fast
step browser-tests tests cargo test $WASM --locked --no-fail-fast -p ecs-playground-web -p ecs-playground-tests
step e2e tests bash scripts/e2e.sh

echo
[ ${#failures[@]} = 0 ] || echo "failed steps: ${failures[*]} (logs in $log_dir/)"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
