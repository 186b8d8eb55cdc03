//! Task definition parameters Fargate refuses, checked when `requiresCompatibilities` includes
//! FARGATE (a Fargate service or RunTask needs that, so this covers them too).
//!
//! DG "Amazon ECS task definition differences for Fargate"
//! (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html):
//! "The following task definition parameters are not valid in Fargate tasks: disableNetworking,
//! dnsSearchDomains, dnsServers, dockerSecurityOptions, extraHosts, gpu, ipcMode, links,
//! placementConstraints, privileged, maxSwap, swappiness", and for `linuxParameters` "the only
//! capability you can add is CAP_SYS_PTRACE. The devices, sharedMemorySize, and tmpfs
//! parameters are not supported." (`gpu` is checked in `launch_type.rs`.)
//!
//! Messages: ECS's observed texts are "Tasks using the Fargate launch type do not support
//! ipcMode." and "... do not support pidMode 'host'. The supported value for pidMode is
//! 'task'."; the docs quote none. The other parameters use the same form (simulator's choice).
//! A parameter written as `false`, `[]` or null asks for nothing and is accepted (see
//! [`super::is_set`]).

use super::{container_path, is_set, Problem, TaskDefinition};
use crate::taskdef::ContainerDefinition;
use serde_json::Value;

/// API LogConfiguration: "For tasks on AWS Fargate, the supported log drivers are awslogs,
/// splunk, and awsfirelens."
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html
pub const FARGATE_LOG_DRIVERS: [&str; 3] = ["awslogs", "splunk", "awsfirelens"];

/// The one `pidMode` a Fargate task may have (API TaskDefinition.pidMode: "On Fargate for
/// Linux containers, the only valid value is task").
pub const FARGATE_PID_MODES: [&str; 1] = ["task"];

/// The one `networkMode` a Fargate task may have (API TaskDefinition.networkMode: "If you're
/// using Amazon ECS on Fargate, the awsvpc network mode is required").
pub const FARGATE_NETWORK_MODES: [&str; 1] = ["awsvpc"];

/// The one capability Fargate lets a container add: API KernelCapabilities.add spells it
/// `SYS_PTRACE` ("Tasks launched on Fargate only support adding the SYS_PTRACE kernel
/// capability"), the DG `CAP_SYS_PTRACE`; both spellings are accepted.
pub const FARGATE_ADDABLE_CAPABILITIES: [&str; 2] = ["SYS_PTRACE", "CAP_SYS_PTRACE"];

/// Container parameters not valid in Fargate tasks, in the API's order.
const REFUSED_CONTAINER_KEYS: [&str; 7] = [
    "links",
    "disableNetworking",
    "privileged",
    "dnsServers",
    "dnsSearchDomains",
    "extraHosts",
    "dockerSecurityOptions",
];

/// `linuxParameters` keys Fargate refuses: devices, sharedMemorySize, tmpfs (DG: "not
/// supported") and maxSwap, swappiness (DG: "not valid in Fargate tasks").
const REFUSED_LINUX_KEYS: [&str; 5] = [
    "devices",
    "sharedMemorySize",
    "tmpfs",
    "maxSwap",
    "swappiness",
];

/// ECS's form for a parameter Fargate refuses.
fn not_supported(what: &str) -> String {
    format!("Tasks using the Fargate launch type do not support {what}.")
}

/// Reports every parameter of `td` that a Fargate task cannot have.
pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    check_task_level(td, out);
    for (i, c) in td.containers().iter().enumerate() {
        check_container(&container_path(i), c, out);
    }
}

/// `pidMode` other than `task` (API TaskDefinition.pidMode: "On Fargate for Linux containers,
/// the only valid value is task"), `ipcMode` and `placementConstraints`.
fn check_task_level(td: &TaskDefinition, out: &mut Vec<Problem>) {
    if let Some(mode) = td.pid_mode.as_ref().filter(|v| is_set(v)) {
        if !mode
            .as_str()
            .is_some_and(|m| FARGATE_PID_MODES.contains(&m))
        {
            out.push(Problem::new(
                "pidMode",
                format!("Tasks using the Fargate launch type do not support pidMode '{}'. The supported value for pidMode is 'task'.", shown(mode)),
            ));
        }
    }
    if td.ipc_mode.as_ref().is_some_and(is_set) {
        out.push(Problem::new("ipcMode", not_supported("ipcMode")));
    }
    if td.placement_constraints.as_ref().is_some_and(is_set) {
        out.push(Problem::new(
            "placementConstraints",
            not_supported("placementConstraints"),
        ));
    }
}

/// The container's refused parameters, its `linuxParameters` and its log driver.
fn check_container(here: &str, c: &ContainerDefinition, out: &mut Vec<Problem>) {
    let values = [
        &c.links,
        &c.disable_networking,
        &c.privileged,
        &c.dns_servers,
        &c.dns_search_domains,
        &c.extra_hosts,
        &c.docker_security_options,
    ];
    for (key, value) in REFUSED_CONTAINER_KEYS.iter().zip(values) {
        if value.as_ref().is_some_and(is_set) {
            out.push(Problem::new(format!("{here}.{key}"), not_supported(key)));
        }
    }
    if let Some(Value::Object(linux)) = &c.linux_parameters {
        let lp = format!("{here}.linuxParameters");
        for key in REFUSED_LINUX_KEYS {
            if linux.get(key).is_some_and(is_set) {
                out.push(Problem::new(
                    format!("{lp}.{key}"),
                    not_supported(&format!("linuxParameters.{key}")),
                ));
            }
        }
        check_added_capabilities(&lp, linux.get("capabilities"), out);
    }
    // A driver the API does not know is named once, by `enums`.
    if let Some(driver) = c
        .log_driver()
        .filter(|d| !FARGATE_LOG_DRIVERS.contains(d) && super::enums::LOG_DRIVERS.contains(d))
    {
        out.push(Problem::new(
            format!("{here}.logConfiguration.logDriver"),
            format!("Tasks using the Fargate launch type do not support log driver '{driver}'. The supported log drivers are awslogs, splunk and awsfirelens."),
        ));
    }
}

/// Each `capabilities.add` entry other than SYS_PTRACE (dropping capabilities is allowed).
fn check_added_capabilities(lp: &str, capabilities: Option<&Value>, out: &mut Vec<Problem>) {
    let Some(Value::Array(added)) = capabilities.and_then(|c| c.get("add")) else {
        return;
    };
    for (k, cap) in added.iter().enumerate() {
        if cap
            .as_str()
            .is_some_and(|s| FARGATE_ADDABLE_CAPABILITIES.contains(&s))
        {
            continue;
        }
        out.push(Problem::new(
            format!("{lp}.capabilities.add[{k}]"),
            format!("Tasks using the Fargate launch type do not support adding the {} capability. The only capability you can add is SYS_PTRACE.", shown(cap)),
        ));
    }
}

/// A value for a message: a string as written, anything else as JSON.
fn shown(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

#[cfg(test)]
mod tests;
