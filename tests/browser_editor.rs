//! Browser tests for the editor pane, run in headless Chromium.
#![cfg(target_arch = "wasm32")]
