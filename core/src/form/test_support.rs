//! Fixtures the forms' unit tests share. The forms sit below the scenario envelope, so these
//! read scenario files as text rather than through its module.

use serde_json::Value;

/// The scenario the playground opens with (`scenario/examples/default.json`): services `web`
/// and `api`, cluster `default` with providers `asg-m5`, `FARGATE` and `FARGATE_SPOT`.
pub(crate) const DEFAULT_SCENARIO: &str = include_str!("../scenario/examples/default.json");

/// A scenario document from its text.
pub(crate) fn doc(text: &str) -> Value {
    serde_json::from_str(text).expect("json")
}
