//! A container instance: an EC2 instance (or ECS Anywhere server) registered with a cluster,
//! with what it registered and what its tasks use.

use crate::catalog::InstanceType;
use crate::taskdef::Protocol;
use crate::time::Millis;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Where an instance is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum InstanceStatus {
    /// Launched by its Auto Scaling group, not yet registered with ECS.
    Launching,
    /// Registered and accepting tasks.
    Active,
    /// DRAINING: no new tasks; service tasks are replaced elsewhere.
    Draining,
    /// Terminated (or lost with its zone); kept for the record.
    Terminated,
}

/// A container instance and its resource accounting.
#[derive(Debug, Clone)]
pub struct Instance {
    /// The EC2 instance ID (`i-…`), or `mi-…` for an external instance.
    pub ec2_instance_id: String,
    /// The container instance ID (the last part of its ARN).
    pub container_instance_id: String,
    /// Its cluster.
    pub cluster: usize,
    /// The Auto Scaling group provider that launched it, if any.
    pub asg: Option<usize>,
    /// ECS Anywhere (launch type EXTERNAL).
    pub external: bool,
    /// Its EC2 instance type (None for external instances).
    pub instance_type: Option<&'static InstanceType>,
    /// Availability Zone.
    pub zone: String,
    /// Subnet.
    pub subnet: String,
    /// Lifecycle status.
    pub status: InstanceStatus,
    /// When it was launched.
    pub launched_at: Millis,
    /// When it registered with ECS.
    pub registered_at: Option<Millis>,
    /// CPU units registered.
    pub cpu: u32,
    /// Memory registered, MiB.
    pub memory: u32,
    /// GPUs registered.
    pub gpus: u32,
    /// awsvpc tasks it can hold (ENI or branch ENI limit).
    pub eni_limit: u32,
    /// CPU units reserved by its tasks.
    pub cpu_used: u32,
    /// Memory reserved by its tasks, MiB.
    pub memory_used: u32,
    /// GPUs used.
    pub gpus_used: u32,
    /// awsvpc tasks (ENIs) in use.
    pub enis_used: u32,
    /// Host ports in use → the task using each.
    pub ports: BTreeMap<(Protocol, u16), usize>,
    /// Tasks on it that are not STOPPED.
    pub tasks: BTreeSet<usize>,
    /// Task groups of its active tasks (not STOPPED, no stop requested) → how many. Kept with
    /// `tasks` so distinctInstance, memberOf `task:group` and spread need no walk over tasks;
    /// groups with no active task are absent. The invariant checker recounts it.
    pub group_counts: BTreeMap<String, u32>,
    /// Built-in and custom attributes (`ecs.availability-zone`, …).
    pub attributes: BTreeMap<String, String>,
}

impl Instance {
    /// A just-launched instance with nothing reserved yet (status LAUNCHING).
    #[allow(clippy::too_many_arguments)]
    pub fn launching(
        ec2_instance_id: String,
        container_instance_id: String,
        cluster: usize,
        asg: Option<usize>,
        instance_type: Option<&'static InstanceType>,
        (zone, subnet): (String, String),
        (cpu, memory, gpus, eni_limit): (u32, u32, u32, u32),
        launched_at: Millis,
        attributes: BTreeMap<String, String>,
    ) -> Self {
        Instance {
            ec2_instance_id,
            container_instance_id,
            cluster,
            asg,
            external: instance_type.is_none(),
            instance_type,
            zone,
            subnet,
            status: InstanceStatus::Launching,
            launched_at,
            registered_at: None,
            cpu,
            memory,
            gpus,
            eni_limit,
            cpu_used: 0,
            memory_used: 0,
            gpus_used: 0,
            enis_used: 0,
            ports: BTreeMap::new(),
            tasks: BTreeSet::new(),
            group_counts: BTreeMap::new(),
            attributes,
        }
    }

    /// A just-launched instance of Auto Scaling group `a` (`g`) in `zone` and `subnet`: its type's
    /// CPU, memory, GPUs and awsvpc task limit, and the attributes the agent registers. The
    /// engine launches these; the `task-fits-no-instance-type` advice judges an empty one, so
    /// both build it the same way.
    pub fn of_group(
        (ec2_instance_id, container_instance_id): (String, String),
        (a, g): (usize, &super::AsgModel),
        (zone, subnet): (String, String),
        launched_at: Millis,
    ) -> Self {
        let ty = g.instance_type;
        let attributes = ec2_attributes(g.attributes.clone(), ty, (&zone, &subnet));
        Instance::launching(
            ec2_instance_id,
            container_instance_id,
            g.cluster,
            Some(a),
            Some(ty),
            (zone, subnet),
            (
                ty.cpu_units,
                ty.registered_memory_mib,
                ty.gpus,
                ty.awsvpc_task_limit(g.trunking),
            ),
            launched_at,
            attributes,
        )
    }

    /// Whether new tasks may be placed on it.
    pub fn accepts_tasks(&self) -> bool {
        self.status == InstanceStatus::Active
    }

    /// Whether it is still part of the cluster (not terminated).
    pub fn is_alive(&self) -> bool {
        self.status != InstanceStatus::Terminated
    }

    /// CPU units left.
    pub fn cpu_free(&self) -> u32 {
        self.cpu.saturating_sub(self.cpu_used)
    }

    /// Memory left, MiB.
    pub fn memory_free(&self) -> u32 {
        self.memory.saturating_sub(self.memory_used)
    }
}

/// The attributes the ECS agent registers for an EC2 instance (DG task-placement-constraints,
/// built-in attributes), over the custom ones. `ecs.subnet-id` is the subnet it was launched in
/// (since 2026-12-06; placement walkthrough). Not given: `ecs.vpc-id` (a scenario has no VPC)
/// and `ecs.awsvpc-trunk-id`.
pub fn ec2_attributes(
    mut attributes: BTreeMap<String, String>,
    ty: &InstanceType,
    (zone, subnet): (&str, &str),
) -> BTreeMap<String, String> {
    attributes.insert("ecs.availability-zone".into(), zone.to_string());
    attributes.insert("ecs.subnet-id".into(), subnet.to_string());
    attributes.insert("ecs.instance-type".into(), ty.name.to_string());
    attributes.insert("ecs.os-type".into(), ty.os_type.to_string());
    attributes.insert(
        "ecs.cpu-architecture".into(),
        ty.architecture.attribute_value().to_string(),
    );
    attributes.insert("ecs.ami-id".into(), "ami-0ecsoptimized2024".into());
    attributes.insert("ecs.capability.task-eni".into(), String::new());
    attributes
}
