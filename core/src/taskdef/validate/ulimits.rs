//! A container's `ulimits` (API Ulimit,
//! https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Ulimit.html): each entry has a
//! `name` of the documented resource types and a `softLimit` and `hardLimit` (all three
//! required). The docs say nothing of `softLimit` against `hardLimit` at registration, so that
//! is not checked. Kept as written; not simulated.

use super::{container_path, Problem, TaskDefinition};
use serde_json::Value;

/// API Ulimit `name`: the valid values.
pub const ULIMIT_NAMES: [&str; 15] = [
    "core",
    "cpu",
    "data",
    "fsize",
    "locks",
    "memlock",
    "msgqueue",
    "nice",
    "nofile",
    "nproc",
    "rss",
    "rtprio",
    "rttime",
    "sigpending",
    "stack",
];

/// Reports each `ulimits` entry with an unknown `name` or without one of its three keys.
pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    for (i, c) in td.containers().iter().enumerate() {
        let Some(Value::Array(limits)) = &c.ulimits else {
            continue;
        };
        for (k, limit) in limits.iter().enumerate() {
            let at = format!("{}.ulimits[{k}]", container_path(i));
            match limit.get("name") {
                Some(Value::String(n)) if ULIMIT_NAMES.contains(&n.as_str()) => {}
                Some(Value::String(n)) => out.push(Problem::new(
                    format!("{at}.name"),
                    format!(
                        "Invalid value \"{}\" for {at}.name, valid values are: {}",
                        shown(n),
                        ULIMIT_NAMES.join(", ")
                    ),
                )),
                _ => out.push(missing(&at, "name")),
            }
            for key in ["softLimit", "hardLimit"] {
                match limit.get(key) {
                    Some(v) if v.is_i64() => {}
                    // Present but not a whole number: the CLI's type error, not "missing" (a
                    // reviewer found "softLimit": "1024" reported as left out).
                    Some(v) if !v.is_null() => out.push(wrong_type(&at, key, v)),
                    _ => out.push(missing(&at, key)),
                }
            }
        }
    }
}

/// A required Ulimit key left out (or not a whole number), in the AWS CLI's words.
fn missing(at: &str, key: &str) -> Problem {
    Problem::new(
        format!("{at}.{key}"),
        format!("Missing required parameter in {at}: \"{key}\""),
    )
}

/// A Ulimit limit written as something other than a whole number, in botocore's words.
fn wrong_type(at: &str, key: &str, value: &Value) -> Problem {
    let (shown, python_type) = match value {
        Value::String(t) => (format!("'{}'", shown(t)), "str"),
        Value::Bool(b) => ((if *b { "True" } else { "False" }).to_string(), "bool"),
        Value::Number(n) => (n.to_string(), "float"),
        Value::Array(_) => ("[…]".to_string(), "list"),
        _ => ("{…}".to_string(), "dict"),
    };
    let name = format!("{at}.{key}");
    Problem::new(
        name.clone(),
        format!("Parameter validation failed: Invalid type for parameter {name}, value: {shown}, type: <class '{python_type}'>, valid types: <class 'int'>. Write it as a whole number"),
    )
}

/// A user's value for a message: at most 64 characters, control characters escaped.
fn shown(s: &str) -> String {
    s.chars().take(64).flat_map(char::escape_default).collect()
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    fn problems(ulimits: Value) -> Vec<(String, String)> {
        let td = json!({ "family": "web", "containerDefinitions": [
            { "name": "app", "image": "nginx", "memory": 256, "ulimits": ulimits }
        ]});
        super::super::problems_of(&td)
    }

    #[test]
    fn a_ulimit_names_a_documented_resource_api_ulimit() {
        assert_eq!(
            problems(json!([
                { "name": "nofile", "softLimit": 65536, "hardLimit": 65536 },
                { "name": "memlock", "softLimit": -1, "hardLimit": -1 }
            ])),
            vec![]
        );
        let ps = problems(json!([{ "name": "openfiles", "softLimit": 1024, "hardLimit": 4096 }]));
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(ps[0].0, "containerDefinitions[0].ulimits[0].name");
        assert!(ps[0].1.contains("\"openfiles\"") && ps[0].1.contains("nofile"));
    }

    #[test]
    fn name_soft_limit_and_hard_limit_are_required_api_ulimit() {
        let ps = problems(json!([{ "name": "nofile", "softLimit": 1024 }]));
        assert_eq!(
            ps,
            vec![(
                "containerDefinitions[0].ulimits[0].hardLimit".to_string(),
                "Missing required parameter in containerDefinitions[0].ulimits[0]: \"hardLimit\""
                    .to_string()
            )]
        );
    }

    #[test]
    fn a_limit_written_as_a_string_is_a_type_error_not_a_missing_key() {
        let ps = problems(json!([{ "name": "nofile", "softLimit": "1024", "hardLimit": 4096 }]));
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert!(ps[0].0.ends_with("ulimits[0].softLimit"), "{ps:?}");
        assert!(ps[0].1.contains("Invalid type for parameter"), "{ps:?}");
        assert!(
            ps[0].1.contains("value: '1024', type: <class 'str'>"),
            "{ps:?}"
        );
    }
}
