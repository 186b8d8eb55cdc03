//! Container parameters a network mode does not take (API ContainerDefinition,
//! https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html):
//! - `hostname`: "The hostname parameter is not supported if you're using the awsvpc network
//!   mode." ECS answers "hostname is not supported on container when networkMode=awsvpc.";
//! - `links`: "This parameter is only supported if the network mode of a task definition is
//!   bridge." ECS answers "Links are not supported when networkMode=awsvpc."; for `host` and
//!   `none` the docs quote no answer, and the simulator uses the same sentence with that mode.
//!
//! Both keys are kept as written and not simulated; an empty value (`""`, `[]`, `null`) asks for
//! nothing and is not refused (see [`super::is_set`]).

use super::{container_path, is_set, Problem, TaskDefinition};
use crate::taskdef::network_mode::{Compatibility, NetworkMode};

/// Reports `hostname` on an awsvpc task's containers and `links` outside the bridge mode.
pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    let mode = td.effective_network_mode();
    let fargate = td.requires(Compatibility::Fargate);
    for (i, c) in td.containers().iter().enumerate() {
        let here = container_path(i);
        let hostname = c
            .hostname
            .as_ref()
            .is_some_and(|h| is_set(h) && h.as_str() != Some(""));
        if mode == NetworkMode::Awsvpc && hostname {
            out.push(Problem::new(
                format!("{here}.hostname"),
                "hostname is not supported on container when networkMode=awsvpc.",
            ));
        }
        // A Fargate definition's links are refused once, in Fargate's words
        // (`fargate_parameters.rs`).
        if mode != NetworkMode::Bridge && !fargate && c.links.as_ref().is_some_and(is_set) {
            out.push(Problem::new(
                format!("{here}.links"),
                format!(
                    "Links are not supported when networkMode={}.",
                    mode.as_str()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    fn problems(mode: &str, extra: Value) -> Vec<(String, String)> {
        let mut app = json!({ "name": "app", "image": "nginx", "memory": 256 });
        for (k, v) in extra.as_object().into_iter().flatten() {
            app[k] = v.clone();
        }
        let db = json!({ "name": "db", "image": "postgres", "memory": 256 });
        let td = json!({ "family": "web", "networkMode": mode, "containerDefinitions": [app, db] });
        super::super::problems_of(&td)
    }

    #[test]
    fn hostname_is_refused_with_awsvpc_api_container_definition() {
        assert_eq!(
            problems("awsvpc", json!({ "hostname": "web-1" })),
            vec![(
                "containerDefinitions[0].hostname".to_string(),
                "hostname is not supported on container when networkMode=awsvpc.".to_string()
            )]
        );
        assert_eq!(problems("bridge", json!({ "hostname": "web-1" })), vec![]);
        assert_eq!(problems("host", json!({ "hostname": "web-1" })), vec![]);
        assert_eq!(problems("awsvpc", json!({ "hostname": "" })), vec![]);
    }

    #[test]
    fn links_only_in_the_bridge_mode_api_container_definition() {
        assert_eq!(problems("bridge", json!({ "links": ["db"] })), vec![]);
        assert_eq!(
            problems("awsvpc", json!({ "links": ["db"] })),
            vec![(
                "containerDefinitions[0].links".to_string(),
                "Links are not supported when networkMode=awsvpc.".to_string()
            )]
        );
        let host = problems("host", json!({ "links": ["db:database"] }));
        assert_eq!(host.len(), 1);
        assert!(host[0].1.contains("networkMode=host"));
        assert_eq!(problems("awsvpc", json!({ "links": [] })), vec![]);
    }
}
