//! The AWS CLI's own type check for task-level `cpu` and `memory` and the containers'
//! `environment` pairs, which comes before ECS.
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

/// Keys of a container's `environment` entries (API KeyValuePair: both strings). `"value": 1`
/// or `true` is a common slip when a definition is written by hand or generated.
const ENVIRONMENT_KEYS: [&str; 2] = ["name", "value"];

/// Reports each task-level `cpu`/`memory` and each container `environment` name or value
/// written as a JSON number (or boolean), with the string to write instead, and replaces it by
/// that string so the rest of the shape check still runs (the CLI lists every validation error
/// at once). Paths are prefixed with `prefix`.
pub(super) fn check_string_types(obj: &mut Map<String, Value>, prefix: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    for key in STRING_SIZES {
        if let Some(p) = stringify(obj, key, key) {
            problems.push(p.prefixed(prefix));
        }
    }
    if let Some(Value::Array(containers)) = obj.get_mut("containerDefinitions") {
        for (i, c) in containers.iter_mut().enumerate() {
            let Some(Value::Array(env)) = c.get_mut("environment") else {
                continue;
            };
            for (j, pair) in env.iter_mut().enumerate() {
                let Value::Object(pair) = pair else { continue };
                for key in ENVIRONMENT_KEYS {
                    let name = format!("containerDefinitions[{i}].environment[{j}].{key}");
                    if let Some(p) = stringify(pair, key, &name) {
                        problems.push(p.prefixed(prefix));
                    }
                }
            }
        }
    }
    problems
}

/// botocore's problem for `obj[key]` written as a JSON number or boolean where the API takes a
/// string (`name`: the parameter's path, as botocore prints it), after replacing it by the
/// string so the rest of the shape check still runs. Python prints `True`/`False`.
fn stringify(obj: &mut Map<String, Value>, key: &str, name: &str) -> Option<Problem> {
    let (text, shown, python_type) = match obj.get(key)? {
        Value::Number(n) => {
            let t = n.to_string();
            (t.clone(), t, if n.is_f64() { "float" } else { "int" })
        }
        Value::Bool(b) => (
            b.to_string(),
            if *b { "True" } else { "False" }.to_string(),
            "bool",
        ),
        _ => return None,
    };
    let problem = Problem::new(
        name,
        format!("Parameter validation failed: Invalid type for parameter {name}, value: {shown}, type: <class '{python_type}'>, valid types: <class 'str'>. Write it as a string: \"{key}\": \"{text}\""),
    );
    obj.insert(key.to_string(), Value::String(text));
    Some(problem)
}
