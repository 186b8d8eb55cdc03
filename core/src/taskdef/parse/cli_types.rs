//! The AWS CLI's own type check for task-level `cpu` and `memory`, which comes before ECS.
//!
//! In the API both are strings (API TaskDefinition.cpu: "expressed as an integer using CPU
//! units (for example, 1024)" means the string "1024"). The AWS CLI validates the input with
//! botocore before it sends anything, so a JSON number never reaches RegisterTaskDefinition.
//! No AWS page quotes the error; the text is botocore's parameter validation format
//! (`Invalid type for parameter {name}, value: {param}, type: {type}, valid types: {types}`),
//! the same wording a public aws-samples pull request records for the opposite case.

use crate::problem::Problem;
use serde_json::{Map, Value};

/// Task-level parameters the API types as strings although they hold numbers.
const STRING_SIZES: [&str; 2] = ["cpu", "memory"];

/// Reports each task-level `cpu`/`memory` written as a JSON number, with the string to write
/// instead, and replaces it by that string so the rest of the shape check still runs (the CLI
/// lists every validation error at once). Paths are prefixed with `prefix`.
pub(super) fn check_string_sizes(obj: &mut Map<String, Value>, prefix: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    for key in STRING_SIZES {
        let Some(Value::Number(n)) = obj.get(key) else {
            continue;
        };
        let text = n.to_string();
        let python_type = if n.is_f64() { "float" } else { "int" };
        problems.push(
            Problem::new(
                key,
                format!("Parameter validation failed: Invalid type for parameter {key}, value: {text}, type: <class '{python_type}'>, valid types: <class 'str'>. Write it as a string: \"{key}\": \"{text}\""),
            )
            .prefixed(prefix),
        );
        obj.insert(key.to_string(), Value::String(text));
    }
    problems
}
