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

/// The engine keeps only the newest stopped tasks (`ecs_sim::task::store`). Keeping none at
/// all must give every recorded trace unchanged: no decision reads a STOPPED task, so dropping
/// them is invisible to the run (and the invariant checker finds any reference left to one).
#[test]
fn dropping_every_stopped_task_at_once_changes_no_trace() {
    let recorded: BTreeMap<String, String> =
        serde_json::from_str(TRACE_HASHES_JSON).expect("trace-hashes.json parses");
    let mut dropped_somewhere = false;
    for (name, text, until) in trace_hash_cases() {
        let Ok(mut sim) = ecs_sim::Sim::from_json(&text) else {
            continue;
        };
        sim.keep_stopped_tasks(0);
        sim.run_until(until * 1000);
        dropped_somewhere |= sim.tasks_dropped() > 0;
        assert_eq!(
            Some(&sim.trace_hash()),
            recorded.get(&name),
            "{name}: dropping stopped tasks changed the run"
        );
    }
    assert!(
        dropped_somewhere,
        "no case stopped a task: the test shows nothing"
    );
}

#[test]
fn lesson_verdicts_match_the_recorded_ones() {
    // Regenerate after an intended change with UPDATE_LESSON_VERDICTS=1; the browser test
    // (browser.rs) checks wasm against the same file.
    let computed = ecs_playground_tests::lesson_verdicts();
    if std::env::var_os("UPDATE_LESSON_VERDICTS").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/lesson-verdicts.json");
        let text = serde_json::to_string_pretty(&computed).expect("serializable") + "\n";
        std::fs::write(path, text).expect("lesson-verdicts.json is writable");
        return;
    }
    let recorded: BTreeMap<String, String> =
        serde_json::from_str(ecs_playground_tests::LESSON_VERDICTS_JSON).expect("parses");
    assert_eq!(computed.len(), ecs_sim::challenge::course::LESSONS.len());
    assert_eq!(
        computed, recorded,
        "lesson verdicts changed; if intended, regenerate"
    );
}
