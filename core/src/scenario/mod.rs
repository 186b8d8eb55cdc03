//! The versioned scenario document, the built-in examples, the URL share codec, and what the
//! page keeps in browser storage.

pub mod document;
pub mod examples;
pub mod field_docs;
pub mod heading;
pub mod keep;
pub mod limits;
pub mod locate;
pub mod locate_many;
pub mod model;
pub mod parse;
pub mod resolve;
pub mod saved;
pub mod share;
#[cfg(test)]
mod tests;

pub use document::*;
pub use model::*;
pub use parse::{parse_scenario, ScenarioError, MAX_SCENARIO_BYTES};
pub use resolve::resolve;

/// The scenario the playground opens with: a small, realistic cluster to start from.
pub const DEFAULT_SCENARIO_JSON: &str = include_str!("examples/default.json");
