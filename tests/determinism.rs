//! Same scenario + seed ⇒ the same trace, natively and in wasm. The native side records the
//! trace hashes in `trace-hashes.json`; the browser test (`browser.rs`) recomputes them in
//! Chromium and must match. After an intended engine change, regenerate with
//! `UPDATE_TRACE_HASHES=1 cargo test -p ecs-playground-tests --test determinism`.
#![cfg(not(target_arch = "wasm32"))]

use ecs_playground_tests::{trace_hash_cases, TRACE_HASHES_JSON};
use std::collections::BTreeMap;

#[test]
fn every_case_gives_the_same_hash_twice() {
    for (name, text, until) in trace_hash_cases() {
        let a = ecs_playground_tests::run_hash(&text, until);
        let b = ecs_playground_tests::run_hash(&text, until);
        assert_eq!(a, b, "{name}: two runs differ");
    }
}

#[test]
fn a_different_seed_gives_a_different_run() {
    let (_, text, until) = trace_hash_cases().remove(0);
    let other = text.replacen("\"seed\": 42", "\"seed\": 43", 1);
    assert_ne!(other, text, "the default scenario has seed 42");
    assert_ne!(
        ecs_playground_tests::run_hash(&text, until),
        ecs_playground_tests::run_hash(&other, until)
    );
}

#[test]
fn native_hashes_match_the_recorded_ones() {
    let computed: BTreeMap<String, String> = trace_hash_cases()
        .into_iter()
        .map(|(name, text, until)| (name, ecs_playground_tests::run_hash(&text, until)))
        .collect();
    if std::env::var_os("UPDATE_TRACE_HASHES").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/trace-hashes.json");
        let text = serde_json::to_string_pretty(&computed).expect("serializable") + "\n";
        std::fs::write(path, text).expect("trace-hashes.json is writable");
        return;
    }
    let recorded: BTreeMap<String, String> =
        serde_json::from_str(TRACE_HASHES_JSON).expect("trace-hashes.json parses");
    assert_eq!(
        computed, recorded,
        "engine behaviour changed; if intended, regenerate (see the module doc)"
    );
}
