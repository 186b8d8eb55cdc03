//! Browser tests for the cluster pane, run in headless Chromium.
#![cfg(target_arch = "wasm32")]
