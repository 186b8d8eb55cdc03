//! FireLens pairing (DG "Send Amazon ECS logs to an AWS service or AWS Partner",
//! https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html): the
//! `awsfirelens` log driver sends a container's logs to the task's log router, the container
//! with a `firelensConfiguration`, so RegisterTaskDefinition refuses either without the other,
//! and a `firelensConfiguration.type` other than the two routers (API FirelensConfiguration,
//! https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_FirelensConfiguration.html:
//! "The valid values are fluentd or fluentbit"; Required: Yes).
//!
//! The two pairing messages are ECS's ClientException texts as engineers quote them
//! (aws/amazon-cloudwatch-logs-for-fluent-bit#20 for the second); the docs do not print them.

use super::{container_path, is_set, Problem, TaskDefinition};
use serde_json::Value;

/// An `awsfirelens` log driver with no log router in the task.
pub const AWSFIRELENS_NEEDS_ROUTER: &str = "When awsfirelens log driver is specified in log configuration, a firelens configuration object must be configured in one of the containers.";

/// A log router no container sends its logs to.
pub const ROUTER_NEEDS_AWSFIRELENS: &str = "When a firelensConfiguration object is specified, at least one container has to be configured with the awsfirelens log driver.";

/// API FirelensConfiguration `type`: the log routers FireLens runs.
pub const FIRELENS_TYPES: [&str; 2] = ["fluentd", "fluentbit"];

/// Reports the containers that break the pairing, and each router whose `type` is not one of
/// [`FIRELENS_TYPES`].
pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    let containers = td.containers();
    let routers: Vec<(usize, &Value)> = containers
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.firelens_configuration.as_ref().map(|f| (i, f)))
        .filter(|(_, f)| is_set(f))
        .collect();
    let senders: Vec<usize> = containers
        .iter()
        .enumerate()
        .filter(|(_, c)| c.log_driver() == Some("awsfirelens"))
        .map(|(i, _)| i)
        .collect();
    if routers.is_empty() {
        for i in &senders {
            out.push(Problem::new(
                format!("{}.logConfiguration.logDriver", container_path(*i)),
                AWSFIRELENS_NEEDS_ROUTER,
            ));
        }
    } else if senders.is_empty() {
        for (i, _) in &routers {
            out.push(Problem::new(
                format!("{}.firelensConfiguration", container_path(*i)),
                ROUTER_NEEDS_AWSFIRELENS,
            ));
        }
    }
    for (i, f) in routers {
        let at = format!("{}.firelensConfiguration.type", container_path(i));
        match f.get("type") {
            Some(Value::String(t)) if FIRELENS_TYPES.contains(&t.as_str()) => {}
            Some(Value::String(t)) => out.push(Problem::new(
                at.clone(),
                format!(
                    "Invalid value \"{}\" for {at}, valid values are: {}",
                    shown(t),
                    FIRELENS_TYPES.join(", ")
                ),
            )),
            _ => out.push(Problem::new(
                at,
                format!(
                    "firelensConfiguration needs a type: {}",
                    FIRELENS_TYPES.join(" or ")
                ),
            )),
        }
    }
}

/// A user's value for a message: at most 64 characters, control characters escaped.
fn shown(s: &str) -> String {
    s.chars().take(64).flat_map(char::escape_default).collect()
}

#[cfg(test)]
mod tests {
    use super::{AWSFIRELENS_NEEDS_ROUTER, ROUTER_NEEDS_AWSFIRELENS};
    use crate::taskdef::{parse_task_definition, validate};
    use serde_json::{json, Value};

    fn problems(containers: Value) -> Vec<(String, String)> {
        let td = json!({ "family": "web", "containerDefinitions": containers });
        let td = parse_task_definition(&td.to_string()).unwrap_or_else(|e| panic!("{e}"));
        validate(&td)
            .into_iter()
            .map(|p| (p.path, p.message))
            .collect()
    }

    fn router(kind: &str) -> Value {
        json!({ "name": "log_router", "image": "amazon/aws-for-fluent-bit", "memory": 64,
                "firelensConfiguration": { "type": kind } })
    }

    fn app(driver: &str) -> Value {
        json!({ "name": "app", "image": "nginx", "memory": 256,
                "logConfiguration": { "logDriver": driver, "options": { "Name": "cloudwatch" } } })
    }

    #[test]
    fn a_router_and_an_awsfirelens_container_register_dg_using_firelens() {
        // The developer guide's example pairing (fid/firelens.json).
        assert_eq!(
            problems(json!([router("fluentbit"), app("awsfirelens")])),
            vec![]
        );
        assert_eq!(
            problems(json!([router("fluentd"), app("awsfirelens")])),
            vec![]
        );
    }

    #[test]
    fn awsfirelens_without_a_router_is_refused() {
        assert_eq!(
            problems(json!([app("awsfirelens")])),
            vec![(
                "containerDefinitions[0].logConfiguration.logDriver".to_string(),
                AWSFIRELENS_NEEDS_ROUTER.to_string()
            )]
        );
    }

    #[test]
    fn a_router_without_an_awsfirelens_container_is_refused() {
        assert_eq!(
            problems(json!([router("fluentbit"), app("json-file")])),
            vec![(
                "containerDefinitions[0].firelensConfiguration".to_string(),
                ROUTER_NEEDS_AWSFIRELENS.to_string()
            )]
        );
    }

    #[test]
    fn the_router_type_is_fluentd_or_fluentbit_api_firelens_configuration() {
        let ps = problems(json!([router("logstash"), app("awsfirelens")]));
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(
            ps[0].0,
            "containerDefinitions[0].firelensConfiguration.type"
        );
        assert!(ps[0].1.contains("\"logstash\"") && ps[0].1.contains("fluentd, fluentbit"));
        let mut untyped = router("fluentbit");
        untyped["firelensConfiguration"] =
            json!({ "options": { "enable-ecs-log-metadata": "true" } });
        let ps = problems(json!([untyped, app("awsfirelens")]));
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert!(ps[0].1.contains("needs a type"));
    }
}
