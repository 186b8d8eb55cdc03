//! A registered task definition revision and what the engine reads from it: the resources a
//! task reserves on an instance and how its containers behave.

use super::container_dependency::DependencyCondition;
use super::{NetworkMode, Protocol, TaskDefinition};

/// A task definition revision and what it needs from an instance.
#[derive(Debug, Clone)]
pub struct RegisteredTaskDefinition {
    /// The family.
    pub family: String,
    /// Its revision, 1-based.
    pub revision: u32,
    /// The definition as registered.
    pub definition: TaskDefinition,
    /// Resource needs and container behaviour.
    pub needs: TaskNeeds,
}
impl RegisteredTaskDefinition {
    /// `family:revision`, as ECS names a task definition.
    pub fn name(&self) -> String {
        format!("{}:{}", self.family, self.revision)
    }
}
/// Simulator bound on a container's `stopTimeout` on EC2, where ECS documents no maximum
/// (API ContainerDefinition: "The max stop timeout value is 120 seconds" is Fargate's): an
/// hour, as for an image's start-up.
pub const MAX_EC2_STOP_TIMEOUT_SECONDS: i64 = 3600;

/// What a task of a definition reserves and how its containers behave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskNeeds {
    /// CPU units reserved on an instance.
    pub cpu: u32,
    /// Memory reserved on an instance, MiB.
    pub memory: u32,
    /// GPUs.
    pub gpus: u32,
    /// Static host ports.
    pub static_ports: Vec<(Protocol, u16)>,
    /// Dynamic host ports (bridge, hostPort 0/omitted).
    pub dynamic_ports: u32,
    /// The network mode.
    pub network_mode: NetworkMode,
    /// The containers.
    pub containers: Vec<ContainerModel>,
    /// The most memory the containers may use before one is OOM-killed, MiB (see
    /// [`TaskDefinition::hard_memory_limit_mib`](crate::taskdef::TaskDefinition::hard_memory_limit_mib)).
    pub hard_memory_mib: Option<u32>,
    /// Container instance attributes the task needs, from its `runtimePlatform` (see
    /// [`crate::taskdef::runtime_platform::required_attributes`]); placement on EC2 and
    /// EXTERNAL instances checks them.
    pub required_attributes: Vec<(&'static str, &'static str)>,
}
/// One container's behaviour in the simulation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerModel {
    /// Container name.
    pub name: String,
    /// Image reference.
    pub image: String,
    /// Whether its exit stops the task.
    pub essential: bool,
    /// Health check (interval, timeout, retries, startPeriod), seconds.
    pub health_check: Option<(u32, u32, u32, u32)>,
    /// Seconds between SIGTERM and SIGKILL (default 30).
    pub stop_timeout: u32,
    /// The containers it waits for before it starts (`dependsOn`, by index) and the condition
    /// on each; `task/container_order.rs` times the start.
    pub depends_on: Vec<(usize, DependencyCondition)>,
    /// `startTimeout` in seconds: how long a container that waits for this one's COMPLETE,
    /// SUCCESS or HEALTHY waits before giving up (none or 0: no limit).
    pub start_timeout: Option<u32>,
    /// Its enabled `restartPolicy`, if any.
    pub restart: Option<super::restart_policy::RestartRule>,
}

impl TaskNeeds {
    /// Whether any container waits for another (`dependsOn`), so the task's containers start
    /// in order (`sim/container_start.rs`).
    pub fn orders_starts(&self) -> bool {
        self.containers.iter().any(|c| !c.depends_on.is_empty())
    }

    /// The first attribute the task requires (name, value) that `reported` (an instance's
    /// attributes) lacks or reports otherwise: placement rejects the instance for it, and
    /// managed scaling counts a task its group's type lacks one for as not compatible.
    pub fn missing_attribute(
        &self,
        reported: &std::collections::BTreeMap<String, String>,
    ) -> Option<(&'static str, &'static str)> {
        self.required_attributes
            .iter()
            .copied()
            .find(|(name, value)| reported.get(*name).is_none_or(|v| v != value))
    }
}

/// Works out what a task of `td` reserves on an instance and how its containers behave.
pub fn task_needs(td: &TaskDefinition) -> TaskNeeds {
    let containers = td
        .containers()
        .iter()
        .enumerate()
        .map(|(i, c)| ContainerModel {
            name: c.name.clone().unwrap_or_default(),
            image: c.image.clone().unwrap_or_default(),
            essential: td.is_essential(i),
            health_check: c.health_check.as_ref().map(|h| {
                (
                    h.interval_seconds(),
                    h.timeout_seconds(),
                    h.retries_count(),
                    h.start_period_seconds(),
                )
            }),
            // 120 s at most on Fargate, which registration checks (`validate/launch_type.rs`);
            // on EC2 no maximum is documented, so the simulator's hour bounds it.
            stop_timeout: c
                .stop_timeout
                .map_or(30, |s| s.clamp(0, MAX_EC2_STOP_TIMEOUT_SECONDS) as u32),
            // Names are resolved at registration (`validate/depends_on.rs` refuses unknown ones).
            depends_on: c
                .depends_on
                .iter()
                .flatten()
                .filter_map(|d| {
                    let i = td
                        .containers()
                        .iter()
                        .position(|o| o.name.as_deref() == Some(d.container_name.as_str()))?;
                    Some((i, d.condition))
                })
                .collect(),
            start_timeout: c
                .start_timeout
                .map(|s| u32::try_from(s.max(0)).unwrap_or(u32::MAX)),
            restart: c.restart_policy.as_ref().and_then(|p| p.rule()),
        })
        .collect();
    TaskNeeds {
        cpu: td.cpu_units_reserved(),
        memory: td.memory_reserved_mib(),
        gpus: td.gpu_count(),
        static_ports: td.static_host_ports(),
        dynamic_ports: td.dynamic_port_count(),
        network_mode: td.effective_network_mode(),
        containers,
        hard_memory_mib: td.hard_memory_limit_mib(),
        required_attributes: super::runtime_platform::required_attributes(td),
    }
}
