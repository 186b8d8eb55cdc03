#!/usr/bin/env bash
# Installs what building and testing the playground needs, idempotently: each tool is checked
# at its pinned version first and only installed when missing. Nothing here downloads a
# prebuilt binary: tools come from crates.io, npm and Debian's packages.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The wasm-bindgen CLI must match the library version Cargo.lock resolved, exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "installing the wasm32-unknown-unknown target (rustup)"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || { say "installing $component"; rustup component add "$component"; }
done

if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION: present"
else
  say "installing trunk $TRUNK_VERSION from crates.io (about 12 minutes on 2 cores, once)"
  cargo install trunk --version "=$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  && command -v wasm-bindgen-test-runner >/dev/null; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (the version in Cargo.lock)"
  # Its own lockfile can pin a crate the registry no longer serves; fall back to a fresh resolve.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

# wasm-split-cli cuts the release module into chunks (scripts/wasm-split/run.mjs); its version
# must speak the same split protocol as the wasm_split_helpers crate Leptos uses (0.2.x).
WASM_SPLIT_VERSION=0.2.4
if cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "wasm-split-cli $WASM_SPLIT_VERSION: present"
else
  say "installing wasm-split-cli $WASM_SPLIT_VERSION from crates.io (about 3 minutes on 2 cores, once)"
  cargo install wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --features build-binary --locked
fi

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  say "chromium and chromedriver: present"
else
  say "installing Debian's chromium and chromium-driver"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

# wasm-opt (npm binaryen, version pinned in Trunk.toml), playwright-core for end-to-end tests,
# and the JSON editor: CodeMirror 6 and esbuild, which bundles it after each Trunk build
# (web/editor-js/build.mjs). --ignore-scripts: esbuild's postinstall only checks the binary its
# platform package (@esbuild/linux-x64, from npm like the rest) already holds.
if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] \
  && [ -x node_modules/.bin/esbuild ] && [ -d node_modules/@codemirror/view ] \
  && [ -d node_modules/@codemirror/lang-json ] \
  && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  say "npm packages (binaryen, playwright-core, esbuild, CodeMirror): present"
else
  say "installing npm packages from package-lock.json (binaryen for wasm-opt, playwright-core, esbuild, CodeMirror)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi

say "fetching crates (Cargo.lock) so Trunk can build offline"
cargo fetch --locked --quiet
say "done"
