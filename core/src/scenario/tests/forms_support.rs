//! Helpers the form tests share: the default scenario as a document, and whether an edited
//! document still resolves (with the problems shown when it does not).

use crate::problem::Problem;
use crate::scenario::{parse_scenario, resolve, Model, DEFAULT_SCENARIO_JSON};
use serde_json::Value;

/// A scenario document from its text.
pub(super) use crate::form::test_support::doc;

/// The scenario the playground opens with, as a document.
pub(super) fn default_doc() -> Value {
    doc(DEFAULT_SCENARIO_JSON)
}

/// What resolve makes of the edited document.
fn resolved(d: &Value) -> Result<Model, Vec<Problem>> {
    let text = serde_json::to_string(d).expect("text");
    resolve(&parse_scenario(&text).expect("parses"))
}

/// True when the edited document resolves; panics with the problems otherwise.
pub(super) fn resolves(d: &Value) -> bool {
    match resolved(d) {
        Ok(_) => true,
        Err(p) => panic!("{p:?}"),
    }
}

/// The edited document still resolves into a runnable scenario.
pub(super) fn assert_valid(d: &Value) {
    if let Err(problems) = resolved(d) {
        panic!("invalid after edit: {problems:?}");
    }
}

/// The problems resolve reports for the edited document, as text.
pub(super) fn problems(d: &Value) -> Vec<String> {
    match resolved(d) {
        Ok(_) => Vec::new(),
        Err(p) => p.into_iter().map(|p| p.to_string()).collect(),
    }
}

/// What resolve makes of the edited document's auto scaling keys; panics with the problems
/// when it does not resolve.
pub(super) fn resolved_scaling(d: &Value) -> crate::autoscaling::AutoScalingModel {
    match resolved(d) {
        Ok(model) => model.auto_scaling,
        Err(p) => panic!("{p:?}"),
    }
}
