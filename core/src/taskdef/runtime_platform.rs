//! `runtimePlatform`: the CPU architecture and operating system a task's images are built for.
//! Registering checks its values; placing on EC2 needs an instance that reports the matching
//! attributes; Fargate Spot runs only Linux tasks (X86_64 or ARM64).

use super::task_definition::TaskDefinition;
use serde_json::Value;

/// API RuntimePlatform `cpuArchitecture`: "Valid Values: X86_64 | ARM64".
pub const CPU_ARCHITECTURES: [&str; 2] = ["X86_64", "ARM64"];

/// API RuntimePlatform `operatingSystemFamily`, the valid values (the SDKs' OSFamily list).
pub const OPERATING_SYSTEM_FAMILIES: [&str; 10] = [
    "WINDOWS_SERVER_2019_FULL",
    "WINDOWS_SERVER_2019_CORE",
    "WINDOWS_SERVER_2016_FULL",
    "WINDOWS_SERVER_2004_CORE",
    "WINDOWS_SERVER_2022_CORE",
    "WINDOWS_SERVER_2022_FULL",
    "WINDOWS_SERVER_2025_CORE",
    "WINDOWS_SERVER_2025_FULL",
    "WINDOWS_SERVER_20H2_CORE",
    "LINUX",
];

/// The keys `runtimePlatform` takes.
pub const RUNTIME_PLATFORM_KEYS: [&str; 2] = ["cpuArchitecture", "operatingSystemFamily"];

/// `runtimePlatform.<key>` as written, when it is a string.
fn value<'a>(td: &'a TaskDefinition, key: &str) -> Option<&'a str> {
    td.runtime_platform
        .as_ref()
        .and_then(|p| p.get(key))
        .and_then(Value::as_str)
}

/// The CPU architecture, when it is one of the valid values.
pub fn cpu_architecture(td: &TaskDefinition) -> Option<&'static str> {
    let v = value(td, "cpuArchitecture")?;
    CPU_ARCHITECTURES.iter().copied().find(|a| *a == v)
}

/// The operating system family, when it is one of the valid values.
pub fn operating_system_family(td: &TaskDefinition) -> Option<&'static str> {
    let v = value(td, "operatingSystemFamily")?;
    OPERATING_SYSTEM_FAMILIES.iter().copied().find(|f| *f == v)
}

/// Whether the task is a Windows one (a valid `WINDOWS_SERVER_…` family).
pub fn is_windows(td: &TaskDefinition) -> bool {
    operating_system_family(td).is_some_and(|f| f.starts_with("WINDOWS_SERVER"))
}

/// Whether the task is an ARM64 one.
pub fn is_arm64(td: &TaskDefinition) -> bool {
    cpu_architecture(td) == Some("ARM64")
}

/// The container instance attributes a task needs on EC2 or EXTERNAL (ECS's
/// `requiresAttributes`): `ecs.cpu-architecture` for a declared architecture and `ecs.os-type`
/// for a declared family, with the values the agent reports (`x86_64`/`arm64`,
/// `linux`/`windows`). Nothing for a task definition without `runtimePlatform`.
pub fn required_attributes(td: &TaskDefinition) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    match cpu_architecture(td) {
        Some("ARM64") => out.push(("ecs.cpu-architecture", "arm64")),
        Some(_) => out.push(("ecs.cpu-architecture", "x86_64")),
        None => {}
    }
    if let Some(f) = operating_system_family(td) {
        let os = if f == "LINUX" { "linux" } else { "windows" };
        out.push(("ecs.os-type", os));
    }
    out
}

/// Why Fargate Spot cannot run the task, if it cannot (DG fargate-capacity-providers: "Windows
/// containers on Fargate don't support the Fargate Spot capacity provider."). Linux ARM64 tasks
/// run there: API CapacityProviderStrategyItem, "FARGATE_SPOT supports Linux tasks with the
/// ARM64 architecture on platform version 1.4.0 or later" (the guide's older "only X86_64" was
/// refused here until a review of 2026-12-05).
pub fn fargate_spot_refusal(td: &TaskDefinition) -> Option<&'static str> {
    is_windows(td).then_some(
        "Windows containers on Fargate don't support the Fargate Spot capacity provider.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn td(platform: Value) -> TaskDefinition {
        let mut doc = serde_json::json!({
            "family": "f",
            "containerDefinitions": [{ "name": "c", "image": "i", "memory": 64 }]
        });
        doc["runtimePlatform"] = platform;
        serde_json::from_value(doc).unwrap()
    }

    #[test]
    fn declared_platforms_need_their_instance_attributes_and_none_needs_nothing() {
        let arm =
            td(serde_json::json!({ "cpuArchitecture": "ARM64", "operatingSystemFamily": "LINUX" }));
        assert_eq!(
            required_attributes(&arm),
            [("ecs.cpu-architecture", "arm64"), ("ecs.os-type", "linux")]
        );
        let win = td(serde_json::json!({ "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" }));
        assert_eq!(required_attributes(&win), [("ecs.os-type", "windows")]);
        assert!(required_attributes(&td(Value::Null)).is_empty());
        // An invalid value is a registration problem, not a requirement.
        let typo = td(serde_json::json!({ "cpuArchitecture": "arm64" }));
        assert!(required_attributes(&typo).is_empty() && !is_arm64(&typo));
    }

    #[test]
    fn fargate_spot_takes_linux_tasks_of_either_architecture_and_no_windows_task() {
        // DG fargate-capacity-providers (Windows); API CapacityProviderStrategyItem (ARM64 on
        // platform version 1.4.0 or later, the only Fargate Linux version it runs on).
        let arm = td(serde_json::json!({ "cpuArchitecture": "ARM64" }));
        assert_eq!(fargate_spot_refusal(&arm), None);
        let win = td(serde_json::json!({ "operatingSystemFamily": "WINDOWS_SERVER_2019_CORE" }));
        assert!(fargate_spot_refusal(&win).is_some_and(|m| m.contains("Windows")));
        let x86 = td(
            serde_json::json!({ "cpuArchitecture": "X86_64", "operatingSystemFamily": "LINUX" }),
        );
        assert_eq!(fargate_spot_refusal(&x86), None);
        assert_eq!(fargate_spot_refusal(&td(Value::Null)), None);
    }
}
