//! Helpers the form-edit tests share: read a scenario document and check that an edited one
//! still resolves (with the problems shown when it does not).

use super::{parse_scenario, resolve};
use serde_json::Value;

/// A scenario document from its text.
pub(crate) fn doc(text: &str) -> Value {
    serde_json::from_str(text).expect("json")
}

/// True when the edited document resolves; panics with the problems otherwise.
pub(crate) fn resolves(d: &Value) -> bool {
    let text = serde_json::to_string(d).expect("text");
    match resolve(&parse_scenario(&text).expect("parses")) {
        Ok(_) => true,
        Err(p) => panic!("{p:?}"),
    }
}

/// What resolve makes of the edited document's auto scaling keys; panics with the problems
/// when it does not resolve.
pub(crate) fn resolved_scaling(d: &Value) -> crate::autoscaling::AutoScalingModel {
    let text = serde_json::to_string(d).expect("text");
    match resolve(&parse_scenario(&text).expect("parses")) {
        Ok(model) => model.auto_scaling,
        Err(p) => panic!("{p:?}"),
    }
}
