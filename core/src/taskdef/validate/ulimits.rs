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
                if !limit.get(key).is_some_and(Value::is_i64) {
                    out.push(missing(&at, key));
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
}
