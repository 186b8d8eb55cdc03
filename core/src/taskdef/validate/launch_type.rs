//! Rules tied to `requiresCompatibilities`: Fargate's network mode, task size table, execution
//! role and GPU limits (the parameters Fargate refuses are in `fargate_parameters.rs`);
//! EXTERNAL's network modes; task cpu/memory strings that must parse.

use super::{container_path, Problem, TaskDefinition};
use crate::problem::words::or_list;
use crate::taskdef::container_definition::ResourceType;
use crate::taskdef::fargate::fargate_memory_allowed;
use crate::taskdef::network_mode::{Compatibility, NetworkMode};
use crate::taskdef::runtime_platform::is_windows;

/// API RegisterTaskDefinition `cpu` on EC2 and EXTERNAL: from 128 CPU units (0.125 vCPU)…
pub const EC2_TASK_CPU_MIN: u32 = 128;
/// …to 196,608 (192 vCPU).
pub const EC2_TASK_CPU_MAX: u32 = 196_608;

/// API containerDefinition.stopTimeout on Fargate: "The max stop timeout value is 120 seconds".
pub const FARGATE_MAX_STOP_TIMEOUT: i64 = 120;

pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    let cpu = td.task_cpu_units();
    let memory = td.task_memory_mib();
    // DG task-cpu-memory-error: unparseable values are rejected for every launch type.
    if let Some(Err(_)) = cpu {
        out.push(Problem::new("cpu", "Invalid 'cpu' setting for task."));
    }
    if let Some(Err(_)) = memory {
        out.push(Problem::new("memory", "Invalid 'memory' setting for task."));
    }
    if td.requires(Compatibility::Fargate) {
        check_fargate(td, cpu, memory, out);
        super::fargate_parameters::check(td, out);
    } else if let Some(Ok(c)) = cpu {
        // API RegisterTaskDefinition `cpu`: "If you're using the EC2 launch type or external
        // launch type, this field is optional. Supported values are between 128 CPU units
        // (0.125 vCPUs) and 196608 CPU units (192 vCPUs)."
        if !(EC2_TASK_CPU_MIN..=EC2_TASK_CPU_MAX).contains(&c) {
            out.push(Problem::new(
                "cpu",
                format!("Invalid 'cpu' setting for task. On EC2 and EXTERNAL the task-level cpu is from {EC2_TASK_CPU_MIN} CPU units (0.125 vCPU) to {EC2_TASK_CPU_MAX} (192 vCPU), not {c}."),
            ));
        }
    }
    if td.requires(Compatibility::External) && td.effective_network_mode() == NetworkMode::Awsvpc {
        out.push(Problem::new(
            "networkMode",
            "EXTERNAL task definitions support network modes bridge, host and none, not awsvpc.",
        ));
    }
}

fn check_fargate(
    td: &TaskDefinition,
    cpu: Option<Result<u32, crate::taskdef::InvalidTaskSize>>,
    memory: Option<Result<u32, crate::taskdef::InvalidTaskSize>>,
    out: &mut Vec<Problem>,
) {
    if td.network_mode != Some(NetworkMode::Awsvpc) {
        out.push(Problem::new(
            "networkMode",
            "Fargate only supports network mode \u{2018}awsvpc\u{2019}.",
        ));
    }
    if cpu.is_none() {
        out.push(Problem::new(
            "cpu",
            "Fargate requires that 'cpu' be defined at the task level.",
        ));
    }
    if memory.is_none() {
        out.push(Problem::new(
            "memory",
            "Fargate requires that 'memory' be defined at the task level.",
        ));
    }
    if let (Some(Ok(c)), Some(Ok(m))) = (cpu, memory) {
        if !fargate_memory_allowed(c, m) {
            out.push(fargate_size_problem(c, m));
        } else if is_windows(td) && !WINDOWS_FARGATE_CPU.contains(&c) {
            out.push(Problem::new(
                "cpu",
                format!(
                    "Invalid 'cpu' setting for task. Windows containers on Fargate take {} CPU units, not {c}.",
                    or_list(&WINDOWS_FARGATE_CPU.map(|u| u.to_string()))
                ),
            ));
        }
    }
    let has_role = td
        .execution_role_arn
        .as_deref()
        .is_some_and(|s| !s.is_empty());
    for (i, c) in td.containers().iter().enumerate() {
        let here = container_path(i);
        if !has_role && c.log_driver() == Some("awslogs") {
            out.push(Problem::new(
                format!("{here}.logConfiguration.logDriver"),
                "Fargate requires task definition to have execution role ARN to support log driver awslogs.",
            ));
        }
        if !has_role && c.image.as_deref().is_some_and(is_private_ecr_image) {
            out.push(Problem::new(
                format!("{here}.image"),
                "Fargate requires task definition to have execution role ARN to support ECR images.",
            ));
        }
        for (j, r) in c.resource_requirements.iter().flatten().enumerate() {
            if r.kind == ResourceType::Gpu {
                out.push(Problem::new(
                    format!("{here}.resourceRequirements[{j}]"),
                    "GPU resource requirements are not supported on Fargate: GPUs need EC2 container instances.",
                ));
            }
        }
        if c.stop_timeout.is_some_and(|t| t > FARGATE_MAX_STOP_TIMEOUT) {
            out.push(Problem::new(
                format!("{here}.stopTimeout"),
                "On Fargate the maximum stopTimeout is 120 seconds.",
            ));
        }
    }
}

/// Task CPU units Windows containers on Fargate take: DG task-cpu-memory-error's table lists
/// Windows for 1, 2 and 4 vCPU only, and API RegisterTaskDefinition `memory`: "The CPU units
/// cannot be less than 1 vCPU when you use Windows containers on Fargate."
pub const WINDOWS_FARGATE_CPU: [u32; 3] = [1024, 2048, 4096];

/// A task size Fargate does not have, in ECS's words (DG task-cpu-memory-error: the API answers
/// "Invalid 'cpu' setting for task." for a bad cpu or memory alike), at the value to change:
/// `cpu` when it is no Fargate size, else `memory`, with the sizes that would do.
fn fargate_size_problem(cpu: u32, memory: u32) -> Problem {
    let allowed = crate::taskdef::fargate::fargate_memory_values(cpu);
    let Some((&first, &last)) = allowed.first().zip(allowed.last()) else {
        let sizes: Vec<String> = crate::taskdef::fargate::fargate_cpu_values()
            .iter()
            .map(u32::to_string)
            .collect();
        return Problem::new(
            "cpu",
            format!(
                "Invalid 'cpu' setting for task. No Fargate configuration exists for {cpu} CPU units: Fargate takes {} (.25 to 16 vCPU).",
                or_list(&sizes)
            ),
        );
    };
    let memories = if allowed.len() <= 8 {
        let each: Vec<String> = allowed.iter().map(u32::to_string).collect();
        format!("{} MiB", or_list(&each))
    } else {
        format!(
            "{first} to {last} MiB in steps of {}",
            allowed[1] - allowed[0]
        )
    };
    Problem::new(
        "memory",
        format!("Invalid 'cpu' setting for task. No Fargate configuration exists for given values: {cpu} CPU, {memory} memory. With {cpu} CPU units the memory is {memories}."),
    )
}

/// A private Amazon ECR image: `<12-digit account>.dkr.ecr.<region>.amazonaws.com[.cn]/...`.
pub fn is_private_ecr_image(image: &str) -> bool {
    let Some((host, _)) = image.split_once('/') else {
        return false;
    };
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() >= 6
        && parts[0].len() == 12
        && parts[0].bytes().all(|b| b.is_ascii_digit())
        && parts[1] == "dkr"
        && parts[2].starts_with("ecr")
        && parts[4] == "amazonaws"
        && parts[5] == "com"
}
