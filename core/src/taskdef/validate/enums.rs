//! Values the API enumerates in keys the playground keeps as written (not simulated): an engineer
//! checking a real task definition got `valid` for `"logDriver": "jsonfile"` or `"pidMode":
//! "container"`, which RegisterTaskDefinition refuses (engineers' probe, 27th session).
//!
//! - API *LogConfiguration* `logDriver`: json-file, syslog, journald, gelf, fluentd, awslogs,
//!   splunk, awsfirelens (Fargate's narrower list is `fargate_parameters`).
//! - API *TaskDefinition* `pidMode`: host, task; `ipcMode`: host, task, none.
//! - API *ProxyConfiguration* `type`: "The only supported value is APPMESH".
//! - API *EnvironmentFile* `type`: s3.
//! - API *Secret*: `name` and `valueFrom` are both required.

use super::container_path;
use crate::problem::Problem;
use crate::taskdef::task_definition::TaskDefinition;
use serde_json::Value;

/// API LogConfiguration `logDriver`.
pub const LOG_DRIVERS: [&str; 8] = [
    "json-file",
    "syslog",
    "journald",
    "gelf",
    "fluentd",
    "awslogs",
    "splunk",
    "awsfirelens",
];
/// API TaskDefinition `pidMode`.
pub const PID_MODES: [&str; 2] = ["host", "task"];
/// API TaskDefinition `ipcMode`.
pub const IPC_MODES: [&str; 3] = ["host", "task", "none"];
/// API ProxyConfiguration `type`.
const PROXY_TYPES: [&str; 1] = ["APPMESH"];
/// API EnvironmentFile `type`.
const ENVIRONMENT_FILE_TYPES: [&str; 1] = ["s3"];

/// Reports each enumerated value outside its list and each secret without its two keys.
pub fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    one_of("pidMode", td.pid_mode.as_ref(), &PID_MODES, out);
    one_of("ipcMode", td.ipc_mode.as_ref(), &IPC_MODES, out);
    one_of(
        "proxyConfiguration.type",
        td.proxy_configuration.as_ref().and_then(|p| p.get("type")),
        &PROXY_TYPES,
        out,
    );
    for (i, c) in td.containers().iter().enumerate() {
        let here = container_path(i);
        if let Some(log) = &c.log_configuration {
            let driver = Value::String(log.log_driver.clone());
            one_of(
                &format!("{here}.logConfiguration.logDriver"),
                Some(&driver),
                &LOG_DRIVERS,
                out,
            );
        }
        if let Some(Value::Array(files)) = &c.environment_files {
            for (k, f) in files.iter().enumerate() {
                one_of(
                    &format!("{here}.environmentFiles[{k}].type"),
                    f.get("type"),
                    &ENVIRONMENT_FILE_TYPES,
                    out,
                );
            }
        }
        if let Some(Value::Array(secrets)) = &c.secrets {
            for (k, s) in secrets.iter().enumerate() {
                for key in ["name", "valueFrom"] {
                    if s.get(key).and_then(Value::as_str).is_none_or(str::is_empty) {
                        out.push(Problem::new(
                            format!("{here}.secrets[{k}].{key}"),
                            format!("Missing required parameter in secrets[{k}]: \"{key}\""),
                        ));
                    }
                }
            }
        }
    }
}

/// A problem at `path` when `value` is there and is not a string of `valid`.
fn one_of(path: &str, value: Option<&Value>, valid: &[&str], out: &mut Vec<Problem>) {
    match value {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if valid.contains(&s.as_str()) => {}
        Some(Value::String(s)) => out.push(Problem::new(
            path,
            format!(
                "Invalid value \"{s}\" for {path}, valid values are: {}",
                valid.join(", ")
            ),
        )),
        Some(_) => out.push(Problem::new(
            path,
            format!("Invalid type for parameter {path}: expected a string"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn problems(td: Value) -> Vec<(String, String)> {
        let td: TaskDefinition = serde_json::from_value(td).expect("a task definition");
        let mut out = Vec::new();
        check(&td, &mut out);
        out.into_iter().map(|p| (p.path, p.message)).collect()
    }

    fn with_container(extra: Value) -> Value {
        let mut c = json!({ "name": "a", "image": "i", "memory": 64 });
        if let (Some(c), Value::Object(extra)) = (c.as_object_mut(), extra) {
            c.extend(extra);
        }
        json!({ "family": "f", "containerDefinitions": [c] })
    }

    #[test]
    fn a_log_driver_outside_the_api_list_is_refused_on_every_launch_type() {
        let ps = problems(with_container(
            json!({ "logConfiguration": { "logDriver": "jsonfile" } }),
        ));
        assert_eq!(
            ps,
            vec![(
                "containerDefinitions[0].logConfiguration.logDriver".to_string(),
                "Invalid value \"jsonfile\" for containerDefinitions[0].logConfiguration.logDriver, valid values are: json-file, syslog, journald, gelf, fluentd, awslogs, splunk, awsfirelens".to_string()
            )]
        );
        for driver in LOG_DRIVERS {
            let ps = problems(with_container(
                json!({ "logConfiguration": { "logDriver": driver } }),
            ));
            assert_eq!(ps, vec![], "{driver}");
        }
    }

    #[test]
    fn pid_ipc_proxy_and_environment_file_values_are_the_api_s() {
        let mut td = with_container(json!({ "environmentFiles": [
            { "value": "arn:aws:s3:::b/x.env", "type": "s3" },
            { "value": "arn:aws:s3:::b/y.env", "type": "s4" }
        ] }));
        td["pidMode"] = json!("container");
        td["ipcMode"] = json!("shared");
        td["proxyConfiguration"] = json!({ "type": "ISTIO", "containerName": "a" });
        let paths: Vec<String> = problems(td.clone()).into_iter().map(|p| p.0).collect();
        assert_eq!(
            paths,
            [
                "pidMode",
                "ipcMode",
                "proxyConfiguration.type",
                "containerDefinitions[0].environmentFiles[1].type"
            ]
        );
        td["pidMode"] = json!("task");
        td["ipcMode"] = json!("none");
        td["proxyConfiguration"]["type"] = json!("APPMESH");
        td["containerDefinitions"][0]["environmentFiles"][1]["type"] = json!("s3");
        assert_eq!(problems(td), vec![]);
    }

    #[test]
    fn a_secret_needs_its_name_and_value_from() {
        let ps = problems(with_container(json!({ "secrets": [
            { "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:us-east-1:111122223333:parameter/db" },
            { "name": "API_KEY" }
        ] })));
        assert_eq!(
            ps,
            vec![(
                "containerDefinitions[0].secrets[1].valueFrom".to_string(),
                "Missing required parameter in secrets[1]: \"valueFrom\"".to_string()
            )]
        );
    }
}
