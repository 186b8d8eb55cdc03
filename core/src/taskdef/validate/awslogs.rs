//! The awslogs log driver's required options. API *LogConfiguration* `options`:
//! `awslogs-group` "Required: Yes", `awslogs-region` "Required: Yes", and
//! `awslogs-stream-prefix` "Required: Yes, when using Fargate. Optional when using EC2." An
//! engineer's awslogs configuration without them validated (fidelity probe, 28th session);
//! RegisterTaskDefinition answers, as users report it, "Log driver awslogs option
//! 'awslogs-group' should not be null or empty." and "Fargate requires log configuration
//! options to include awslogs-stream-prefix to support log driver awslogs."

use super::{container_path, Problem, TaskDefinition};
use crate::taskdef::network_mode::Compatibility;
use serde_json::Value;

/// The options every awslogs configuration names.
const REQUIRED: [&str; 2] = ["awslogs-group", "awslogs-region"];
/// The option a Fargate task's awslogs configuration names too.
const FARGATE_REQUIRED: &str = "awslogs-stream-prefix";

/// Reports each missing or empty required option of each awslogs container.
pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    let fargate = td.requires(Compatibility::Fargate);
    for (i, c) in td.containers().iter().enumerate() {
        let Some(log) = c
            .log_configuration
            .as_ref()
            .filter(|l| l.log_driver == "awslogs")
        else {
            continue;
        };
        let path = format!("{}.logConfiguration.options", container_path(i));
        // API LogConfiguration `options`: a map of strings. Anything else was answered with
        // "should not be null or empty" for each option (review, 28th session).
        let options = match &log.options {
            None => None,
            Some(Value::Object(o)) => Some(o),
            Some(_) => {
                out.push(Problem::new(
                    &path,
                    format!("Invalid type for parameter {path}: expected an object of strings"),
                ));
                continue;
            }
        };
        for key in options
            .into_iter()
            .flatten()
            .filter(|(_, v)| !v.is_string())
            .map(|(k, _)| k)
        {
            out.push(Problem::new(
                format!("{path}.{key}"),
                format!("Invalid type for parameter {path}.{key}: expected a string"),
            ));
        }
        let given = |key: &str| {
            options
                .and_then(|o| o.get(key))
                .and_then(Value::as_str)
                .is_some_and(|v| !v.trim().is_empty())
        };
        for key in REQUIRED {
            if !given(key) {
                out.push(Problem::new(
                    &path,
                    format!("Log driver awslogs option '{key}' should not be null or empty."),
                ));
            }
        }
        if fargate && !given(FARGATE_REQUIRED) {
            out.push(Problem::new(
                &path,
                "Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs.",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn problems(options: Option<Value>, compat: &str) -> Vec<String> {
        let mut log = json!({ "logDriver": "awslogs" });
        if let Some(o) = options {
            log["options"] = o;
        }
        let td: TaskDefinition = serde_json::from_value(json!({
            "family": "f", "requiresCompatibilities": [compat],
            "containerDefinitions": [{ "name": "a", "image": "i", "memory": 64,
                "logConfiguration": log }]
        }))
        .expect("a task definition");
        let mut out = Vec::new();
        check(&td, &mut out);
        assert!(out
            .iter()
            .all(|p| p.path == "containerDefinitions[0].logConfiguration.options"));
        out.into_iter().map(|p| p.message).collect()
    }

    const GROUP: &str = "Log driver awslogs option 'awslogs-group' should not be null or empty.";
    const REGION: &str = "Log driver awslogs option 'awslogs-region' should not be null or empty.";
    const PREFIX: &str = "Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs.";

    #[test]
    fn awslogs_needs_a_group_and_a_region_on_every_launch_type_api_log_configuration() {
        assert_eq!(problems(None, "EC2"), [GROUP, REGION]);
        assert_eq!(
            problems(
                Some(json!({ "awslogs-group": " ", "awslogs-region": "us-east-1" })),
                "EC2"
            ),
            [GROUP]
        );
        assert_eq!(
            problems(Some(json!({ "awslogs-group": "/ecs/web" })), "EXTERNAL"),
            [REGION]
        );
        let full = json!({ "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1" });
        assert_eq!(problems(Some(full), "EC2"), Vec::<String>::new());
    }

    #[test]
    fn fargate_also_needs_a_stream_prefix_api_log_configuration() {
        let no_prefix = json!({ "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1" });
        assert_eq!(problems(Some(no_prefix), "FARGATE"), [PREFIX]);
        assert_eq!(problems(None, "FARGATE"), [GROUP, REGION, PREFIX]);
        let full = json!({ "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1",
            "awslogs-stream-prefix": "ecs" });
        assert_eq!(problems(Some(full), "FARGATE"), Vec::<String>::new());
    }

    #[test]
    fn options_are_an_object_of_strings() {
        let td = |options: Value| -> Vec<(String, String)> {
            let td: TaskDefinition = serde_json::from_value(json!({
                "family": "f", "requiresCompatibilities": ["EC2"],
                "containerDefinitions": [{ "name": "a", "image": "i", "memory": 64,
                    "logConfiguration": { "logDriver": "awslogs", "options": options } }]
            }))
            .expect("a task definition");
            let mut out = Vec::new();
            check(&td, &mut out);
            out.into_iter().map(|p| (p.path, p.message)).collect()
        };
        assert_eq!(
            td(json!(["awslogs-group"])),
            [(
                "containerDefinitions[0].logConfiguration.options".to_string(),
                "Invalid type for parameter containerDefinitions[0].logConfiguration.options: expected an object of strings".to_string()
            )]
        );
        let found = td(json!({ "awslogs-group": "/ecs/web", "awslogs-region": 1 }));
        assert_eq!(
            found[0],
            (
                "containerDefinitions[0].logConfiguration.options.awslogs-region".to_string(),
                "Invalid type for parameter containerDefinitions[0].logConfiguration.options.awslogs-region: expected a string".to_string()
            )
        );
    }

    #[test]
    fn other_drivers_are_not_asked_for_awslogs_options() {
        let td: TaskDefinition = serde_json::from_value(json!({
            "family": "f", "requiresCompatibilities": ["FARGATE"],
            "containerDefinitions": [{ "name": "a", "image": "i", "memory": 64,
                "logConfiguration": { "logDriver": "splunk" } }]
        }))
        .expect("a task definition");
        let mut out = Vec::new();
        check(&td, &mut out);
        assert!(out.is_empty());
    }
}
