//! `ecs-sim run --advice`: the scenario's warnings and the run's proven ones, as warning lines
//! after the text summary or as the `advice` array of the `--json` document.

use super::warning_lines;
use crate::advice::Advice;
use crate::sim::Sim;
use crate::view::report::advice::{proven_advice, static_advice};

/// Static findings, then proven ones.
pub fn all(sim: &Sim) -> Vec<Advice> {
    let mut found = static_advice(&sim.model);
    found.extend(proven_advice(sim));
    found
}

/// The warning lines (nothing without `--advice`).
pub fn lines(found: Option<&[Advice]>) -> String {
    found.map(warning_lines).unwrap_or_default()
}

/// The JSON document with an `advice` array added (unchanged without `--advice`).
pub fn with_json(doc: String, found: Option<&[Advice]>) -> String {
    let Some(found) = found else {
        return doc;
    };
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&doc) else {
        return doc;
    };
    value["advice"] = serde_json::to_value(found).unwrap_or_default();
    let mut s = serde_json::to_string_pretty(&value).unwrap_or(doc);
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}
