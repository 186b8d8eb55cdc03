//! What Fargate Linux platform version 1.3.0 cannot run, where a service's `platformVersion`
//! meets its task definition: increased task storage (API EphemeralStorage,
//! https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html: "the task
//! requires the following platforms: Linux platform version 1.4.0 or later"), 64-bit ARM (DG
//! "Working with 64-bit ARM workloads", ecs-arm64.html: "For the Fargate type, the applications
//! must use Fargate platform version 1.4.0 or later") and Service Connect (DG service-connect
//! considerations: "Tasks that run in Fargate must use the Fargate Linux platform version 1.4.0
//! or higher to use Service Connect"), 8 and 16 vCPU tasks (DG task-cpu-memory-error: 8 vCPU and
//! 16 vCPU "requires Linux platform 1.4.0 or later"; accepted until the 27th session) and Amazon
//! EFS volumes (DG efs-volumes: on Fargate EFS needs "platform version 1.4.0 or later").
//! `LATEST` is 1.4.0 and 1.0.0–1.2.0 are refused already
//! (`platform::platform_version`), so only `1.3.0` is checked. The docs quote no ECS message;
//! the texts use their words. Checked at CreateService and for each later revision
//! (UpdateService).

use crate::taskdef::runtime_platform::{is_arm64, is_windows};
use crate::taskdef::TaskDefinition;

/// The one platform version still accepted that predates 1.4.0.
pub const PLATFORM_1_3_0: &str = "1.3.0";

/// Why a Fargate task of revision `td`, with Service Connect or not (`service_connect`), cannot
/// run on `platform_version`; empty when it can (or the version is not 1.3.0).
pub fn refusals(
    platform_version: Option<&str>,
    td: &TaskDefinition,
    service_connect: bool,
) -> Vec<String> {
    if platform_version != Some(PLATFORM_1_3_0) || is_windows(td) {
        return Vec::new();
    }
    let needs = |what: &str| {
        format!("{what} needs Fargate Linux platform version 1.4.0 or later: set platformVersion to 1.4.0 or LATEST, not {PLATFORM_1_3_0}.")
    };
    let mut out = Vec::new();
    if td.ephemeral_storage.is_some() {
        out.push(needs("ephemeralStorage (task storage above 20 GiB)"));
    }
    if is_arm64(td) {
        out.push(needs("runtimePlatform.cpuArchitecture ARM64"));
    }
    if service_connect {
        out.push(needs("Service Connect"));
    }
    if let Some(Ok(units @ 8192..)) = td.task_cpu_units() {
        out.push(needs(&format!("A task of {} vCPU", units / 1024)));
    }
    let efs = td
        .volumes
        .as_ref()
        .and_then(|v| v.as_array())
        .is_some_and(|v| {
            v.iter()
                .any(|volume| volume.get("efsVolumeConfiguration").is_some())
        });
    if efs {
        out.push(needs("An Amazon EFS volume (efsVolumeConfiguration)"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taskdef::parse_task_definition;
    use serde_json::json;

    fn td(extra: serde_json::Value) -> TaskDefinition {
        let mut v = json!({ "family": "web", "requiresCompatibilities": ["FARGATE"],
            "networkMode": "awsvpc", "cpu": "256", "memory": "512",
            "containerDefinitions": [{ "name": "app", "image": "nginx" }] });
        for (k, x) in extra.as_object().into_iter().flatten() {
            v[k] = x.clone();
        }
        parse_task_definition(&v.to_string()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn platform_1_3_0_runs_no_8_or_16_vcpu_task_and_no_efs_volume() {
        let big = td(json!({ "cpu": "8192", "memory": "16384" }));
        let s = refusals(Some("1.3.0"), &big, false);
        assert_eq!(s.len(), 1, "{s:?}");
        assert!(s[0].starts_with("A task of 8 vCPU needs Fargate Linux platform version 1.4.0"));
        assert!(refusals(Some("1.4.0"), &big, false).is_empty());
        assert!(refusals(None, &big, false).is_empty());
        let four = td(json!({ "cpu": "4096", "memory": "8192" }));
        assert!(refusals(Some("1.3.0"), &four, false).is_empty());
        let efs = td(json!({ "volumes": [{ "name": "data",
            "efsVolumeConfiguration": { "fileSystemId": "fs-1234" } }] }));
        let s = refusals(Some("1.3.0"), &efs, false);
        assert_eq!(s.len(), 1, "{s:?}");
        assert!(s[0].contains("EFS"), "{s:?}");
    }

    #[test]
    fn platform_1_3_0_runs_no_task_storage_arm64_or_service_connect() {
        let storage = td(json!({ "ephemeralStorage": { "sizeInGiB": 50 } }));
        let arm = td(json!({ "runtimePlatform": { "cpuArchitecture": "ARM64",
            "operatingSystemFamily": "LINUX" } }));
        let plain = td(json!({}));
        assert!(refusals(Some("1.3.0"), &plain, false).is_empty());
        for v in [None, Some("LATEST"), Some("1.4.0")] {
            assert!(refusals(v, &storage, true).is_empty(), "{v:?}");
            assert!(refusals(v, &arm, false).is_empty(), "{v:?}");
        }
        let s = refusals(Some("1.3.0"), &storage, false);
        assert_eq!(s.len(), 1);
        assert!(s[0].starts_with("ephemeralStorage") && s[0].contains("1.4.0 or later"));
        assert!(refusals(Some("1.3.0"), &arm, false)[0].contains("ARM64"));
        assert!(refusals(Some("1.3.0"), &plain, true)[0].contains("Service Connect"));
    }
}
