//! The versioned scenario document, the built-in examples, and the URL share codec.

pub mod document;
pub mod parse;
pub mod share;

pub use document::*;
pub use parse::{parse_scenario, ScenarioError, MAX_SCENARIO_BYTES};

/// The scenario the playground opens with: a small, realistic cluster to start from.
pub const DEFAULT_SCENARIO_JSON: &str = include_str!("examples/default.json");
