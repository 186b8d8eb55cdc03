//! `volumes` and the containers' `mountPoints` (API TaskDefinition.volumes, MountPoint,
//! HostVolumeProperties). The engine does not simulate storage, but RegisterTaskDefinition
//! refuses these two mistakes, so the playground does too (found by an engineer pasting real
//! task definitions: both read "No problems"):
//! - a mount point whose `sourceVolume` is not a volume of the definition. API MountPoint
//!   `sourceVolume`: "must match the name of one of the volumes in the task definition"; ECS
//!   answers `ClientException: Unknown volume 'name'.`;
//! - a host volume with a `sourcePath` in a Fargate definition. API HostVolumeProperties:
//!   "If you're using the Fargate launch type, the sourcePath parameter is not supported"; ECS
//!   answers `ClientException: Fargate compatible task definitions do not support sourcePath`;
//! - a Docker volume (`dockerVolumeConfiguration`) in a Fargate definition. DG "Amazon ECS task
//!   definition differences for Fargate": "Fargate tasks only support bind mount host volumes,
//!   so the dockerVolumeConfiguration parameter is not supported" (accepted until 2026-12-06,
//!   fidelity walkthrough). The guide quotes no message; the form is the Fargate parameters'
//!   (`fargate_parameters.rs`), the simulator's choice.

use super::{container_path, Problem, TaskDefinition};
use crate::taskdef::network_mode::Compatibility;
use serde_json::Value;
use std::collections::BTreeSet;

pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    let volumes: &[Value] = match &td.volumes {
        Some(Value::Array(v)) => v,
        _ => &[],
    };
    let names: BTreeSet<&str> = volumes
        .iter()
        .filter_map(|v| v.get("name").and_then(Value::as_str))
        .collect();
    for (i, c) in td.containers().iter().enumerate() {
        let Some(Value::Array(mounts)) = &c.mount_points else {
            continue;
        };
        for (m, mount) in mounts.iter().enumerate() {
            let Some(source) = mount.get("sourceVolume").and_then(Value::as_str) else {
                continue;
            };
            if !names.contains(source) {
                out.push(Problem::new(
                    format!("{}.mountPoints[{m}].sourceVolume", container_path(i)),
                    format!("Unknown volume '{source}'."),
                ));
            }
        }
    }
    if td.requires(Compatibility::Fargate) {
        for (k, v) in volumes.iter().enumerate() {
            let path = v.get("host").and_then(|h| h.get("sourcePath"));
            if path.is_some_and(|p| !p.is_null()) {
                out.push(Problem::new(
                    format!("volumes[{k}].host.sourcePath"),
                    "Fargate compatible task definitions do not support sourcePath",
                ));
            }
            let docker = v.get("dockerVolumeConfiguration");
            if docker.is_some_and(|d| !d.is_null()) {
                out.push(Problem::new(
                    format!("volumes[{k}].dockerVolumeConfiguration"),
                    "Tasks using the Fargate launch type do not support dockerVolumeConfiguration: use a bind mount (task storage) or an EFS volume.",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::taskdef::{parse_task_definition, validate};
    use serde_json::json;

    fn problems(td: serde_json::Value) -> Vec<(String, String)> {
        let td = parse_task_definition(&td.to_string()).unwrap_or_else(|e| panic!("{e}"));
        validate(&td)
            .into_iter()
            .map(|p| (p.path, p.message))
            .collect()
    }

    fn container(mounts: serde_json::Value) -> serde_json::Value {
        json!({ "name": "app", "image": "example/app:1", "memory": 512, "essential": true,
                "mountPoints": mounts })
    }

    #[test]
    fn a_mount_point_names_a_volume_of_the_definition_api_mount_point() {
        let td = json!({
            "family": "web",
            "containerDefinitions": [container(json!([
                { "sourceVolume": "data", "containerPath": "/data" },
                { "sourceVolume": "nope", "containerPath": "/nope" }
            ]))],
            "volumes": [{ "name": "data", "host": { "sourcePath": "/srv/data" } }]
        });
        assert_eq!(
            problems(td),
            vec![(
                "containerDefinitions[0].mountPoints[1].sourceVolume".to_string(),
                "Unknown volume 'nope'.".to_string()
            )],
            "a host volume with a path is fine on EC2"
        );
    }

    #[test]
    fn fargate_refuses_a_host_source_path_api_host_volume_properties() {
        let td = json!({
            "family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
            "cpu": "256", "memory": "512",
            "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
            "containerDefinitions": [container(json!([
                { "sourceVolume": "scratch", "containerPath": "/scratch" },
                { "sourceVolume": "logs", "containerPath": "/logs" }
            ]))],
            "volumes": [{ "name": "scratch" }, { "name": "logs", "host": { "sourcePath": "/var/log" } }]
        });
        assert_eq!(
            problems(td),
            vec![(
                "volumes[1].host.sourcePath".to_string(),
                "Fargate compatible task definitions do not support sourcePath".to_string()
            )],
            "a bind mount without a path (task storage) is fine on Fargate"
        );
    }

    #[test]
    fn fargate_refuses_a_docker_volume_dg_fargate_task_definition_differences() {
        let docker = json!({ "scope": "task", "driver": "local" });
        let td = |compat: &str| {
            json!({
                "family": "web", "requiresCompatibilities": [compat], "networkMode": "awsvpc",
                "cpu": "256", "memory": "512",
                "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
                "containerDefinitions": [container(json!([{ "sourceVolume": "d", "containerPath": "/d" }]))],
                "volumes": [{ "name": "d", "dockerVolumeConfiguration": docker }]
            })
        };
        let p = problems(td("FARGATE"));
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].0, "volumes[0].dockerVolumeConfiguration");
        assert!(
            p[0].1.contains("do not support dockerVolumeConfiguration"),
            "{p:?}"
        );
        assert_eq!(
            problems(td("EC2")),
            vec![],
            "a Docker volume is fine on EC2"
        );
    }
}
