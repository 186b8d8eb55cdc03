//! `runtimePlatform` (API RuntimePlatform): known keys, valid values, and ARM64 only for Linux.

use super::{Problem, TaskDefinition};
use crate::taskdef::runtime_platform::{
    is_arm64, is_windows, CPU_ARCHITECTURES, OPERATING_SYSTEM_FAMILIES, RUNTIME_PLATFORM_KEYS,
};
use crate::taskdef::NetworkMode;
use serde_json::Value;

pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    let Some(platform) = td.runtime_platform.as_ref() else {
        return;
    };
    let Some(fields) = platform.as_object() else {
        if !platform.is_null() {
            out.push(Problem::new(
                "runtimePlatform",
                "Invalid type for parameter runtimePlatform: expected an object with cpuArchitecture and operatingSystemFamily",
            ));
        }
        return;
    };
    for (key, v) in fields {
        let valid: &[&str] = match key.as_str() {
            "cpuArchitecture" => &CPU_ARCHITECTURES,
            "operatingSystemFamily" => &OPERATING_SYSTEM_FAMILIES,
            _ => {
                out.push(Problem::new(
                    format!("runtimePlatform.{key}"),
                    format!(
                        "Unknown parameter in runtimePlatform: \"{key}\", must be one of: {}",
                        RUNTIME_PLATFORM_KEYS.join(", ")
                    ),
                ));
                continue;
            }
        };
        let path = format!("runtimePlatform.{key}");
        match v {
            Value::String(s) if valid.contains(&s.as_str()) => {}
            Value::String(s) => out.push(Problem::new(
                path.clone(),
                format!(
                    "Invalid value \"{s}\" for {path}, valid values are: {}",
                    valid.join(", ")
                ),
            )),
            _ => out.push(Problem::new(
                path.clone(),
                format!("Invalid type for parameter {path}: expected a string"),
            )),
        }
    }
    // DG task-networking ("Amazon ECS task networking options for the EC2 launch type"): the
    // bridge and host modes are for Linux containers only ("Windows containers on EC2: No");
    // Windows takes awsvpc, or no networkMode at all (Docker's NAT network on Windows, which the
    // playground runs as bridge). `none` is refused too: the API's TaskDefinition networkMode
    // says Docker for Windows uses its own NAT mode and a Windows task definition must not name
    // one (awsvpc came later), and the CDK's NetworkMode calls NAT "the only supported network
    // mode for Windows containers". The guide does not say whether RegisterTaskDefinition refuses
    // these or the task fails later; the playground refuses them here (chosen).
    if let Some(mode @ (NetworkMode::Bridge | NetworkMode::Host | NetworkMode::None)) =
        td.network_mode.filter(|_| is_windows(td))
    {
        out.push(Problem::new(
            "networkMode",
            format!(
                "The {} network mode is for Linux containers: a Windows task (operatingSystemFamily WINDOWS_SERVER_…) uses awsvpc, or leave networkMode out for Windows's default (NAT) network.",
                mode.as_str()
            ),
        ));
    }
    // API RuntimePlatform, cpuArchitecture: ARM64 "is available for tasks that run on Linux
    // Amazon EC2 instance or Linux containers on Fargate."
    if is_windows(td) && is_arm64(td) {
        out.push(Problem::new(
            "runtimePlatform.cpuArchitecture",
            "ARM64 is available for Linux tasks only: a Windows task (operatingSystemFamily WINDOWS_SERVER_…) runs on X86_64.",
        ));
    }
}
