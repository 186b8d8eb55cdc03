//! Golden-scenario helpers for the native tests (file access, snapshot lookups).

use ecs_sim::sim::snapshot::{ServiceView, Snapshot, TaskView};
use ecs_sim::Sim;
use std::path::PathBuf;

/// The path of a golden scenario file.
pub fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("golden")
        .join(format!("{name}.json"))
}

/// The text of a golden scenario file.
pub fn golden_text(name: &str) -> String {
    let path = golden_path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A golden scenario, loaded and at time 0.
pub fn load(name: &str) -> Sim {
    load_text(&golden_text(name))
}

/// A scenario from its text, panicking with every problem if it does not load.
pub fn load_text(text: &str) -> Sim {
    Sim::from_json(text).unwrap_or_else(|e| panic!("scenario does not load:\n{e}"))
}

/// A golden scenario run to `seconds` of virtual time.
pub fn run(name: &str, seconds: u64) -> Sim {
    let mut sim = load(name);
    sim.run_until(seconds * 1000);
    sim
}

/// The service named `name` in a snapshot.
pub fn service<'a>(snap: &'a Snapshot, name: &str) -> &'a ServiceView {
    snap.services
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no service {name} in the snapshot"))
}

/// The tasks of a service in a snapshot (live ones and those stopped in the last minute).
pub fn tasks_of<'a>(snap: &'a Snapshot, name: &str) -> Vec<&'a TaskView> {
    snap.tasks
        .iter()
        .filter(|t| t.service.as_deref() == Some(name))
        .collect()
}

/// Whether any log line contains `needle`.
pub fn log_contains(sim: &Sim, needle: &str) -> bool {
    sim.log().iter().any(|e| e.text.contains(needle))
}

/// How many log lines contain `needle`.
pub fn log_count(sim: &Sim, needle: &str) -> usize {
    sim.log().iter().filter(|e| e.text.contains(needle)).count()
}

/// The log as text, for failure messages.
pub fn log_text(sim: &Sim) -> String {
    sim.log()
        .iter()
        .map(|e| format!("[{}] {}", e.at, e.text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A map's values, sorted: for counts whose keys depend on random choices.
pub fn sorted_counts(m: &std::collections::BTreeMap<String, u32>) -> Vec<u32> {
    let mut v: Vec<u32> = m.values().copied().collect();
    v.sort_unstable();
    v
}

/// The service's deployments as `ecs-sim run --json` prints them, PRIMARY first.
pub fn deployments(sim: &Sim, service: &str) -> Vec<serde_json::Value> {
    ecs_sim::view::report::deployments::deployments_json(sim)[service]
        .as_array()
        .cloned()
        .unwrap_or_default()
}
