//! A task definition as `register-task-definition --cli-input-json` takes it, with the
//! resource arithmetic the scheduler needs.

use super::container_definition::ContainerDefinition;
use super::ephemeral_storage::EphemeralStorage;
use super::network_mode::{Compatibility, NetworkMode};
use super::port_mapping::{PortMapping, Protocol};
use super::task_size::{InvalidTaskSize, TaskSize};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Every top-level parameter RegisterTaskDefinition accepts, in the API's order.
pub const TASK_DEFINITION_KEYS: &[&str] = &[
    "family",
    "taskRoleArn",
    "executionRoleArn",
    "networkMode",
    "containerDefinitions",
    "volumes",
    "placementConstraints",
    "requiresCompatibilities",
    "cpu",
    "memory",
    "tags",
    "pidMode",
    "ipcMode",
    "proxyConfiguration",
    "inferenceAccelerators",
    "ephemeralStorage",
    "runtimePlatform",
    "enableFaultInjection",
];

/// A task definition (API RegisterTaskDefinition request).
///
/// Unknown parameters are rejected, as ECS rejects them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TaskDefinition {
    /// The family name; revisions of one family share it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// IAM role the containers' code assumes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_role_arn: Option<String>,
    /// IAM role ECS uses to pull private ECR images, write awslogs and fetch secrets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execution_role_arn: Option<String>,
    /// Network mode; see [`TaskDefinition::effective_network_mode`] for the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_mode: Option<NetworkMode>,
    /// The containers, 1 to 10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_definitions: Option<Vec<ContainerDefinition>>,
    /// `volumes`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Value>,
    /// `placementConstraints` (memberOf only), read by placement (`placement::resolve`
    /// resolves them: the query language lives there).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placement_constraints: Option<Value>,
    /// Launch types the definition is validated against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requires_compatibilities: Option<Vec<Compatibility>>,
    /// Task-level CPU ("256", "1 vCPU"); required on Fargate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu: Option<TaskSize>,
    /// Task-level memory ("512", "2 GB"); required on Fargate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<TaskSize>,
    /// `tags`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Value>,
    /// `pidMode`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pid_mode: Option<Value>,
    /// `ipcMode`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ipc_mode: Option<Value>,
    /// `proxyConfiguration`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proxy_configuration: Option<Value>,
    /// `inferenceAccelerators`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inference_accelerators: Option<Value>,
    /// Fargate task storage in GiB (checked against 21–200; not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ephemeral_storage: Option<EphemeralStorage>,
    /// `runtimePlatform`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runtime_platform: Option<Value>,
    /// Whether fault injection endpoints are enabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_fault_injection: Option<bool>,
}

impl TaskDefinition {
    /// `containerName` and `containerPort`: the container exists in the task definition and maps
    /// that container port (API LoadBalancer: "This port must correspond to a containerPort in the
    /// task definition the tasks in the service are using"; API ServiceRegistry: "a containerName
    /// and containerPort combination from the task definition"). Its index when both hold, else
    /// the field at fault and ECS's message. CreateService checks the first revision,
    /// UpdateService each later one.
    pub fn container_with_port(
        &self,
        name: &str,
        port: i64,
    ) -> Result<usize, (&'static str, String)> {
        let containers = self.containers();
        let Some(c) = self.container_index(name) else {
            return Err((
                "containerName",
                format!("The container {name} does not exist in the task definition."),
            ));
        };
        let port_ok = containers[c]
            .port_mappings
            .iter()
            .flatten()
            .any(|pm| pm.container_port == Some(port));
        if !port_ok {
            // ECS CreateService's InvalidParameterException wording.
            return Err((
                "containerPort",
                format!("The container {name} did not have a container port {port} defined."),
            ));
        }
        Ok(c)
    }

    /// The position of the container named `name`, if there is one.
    pub fn container_index(&self, name: &str) -> Option<usize> {
        self.containers()
            .iter()
            .position(|c| c.name.as_deref() == Some(name))
    }

    /// The container definitions (empty when the key is missing).
    pub fn containers(&self) -> &[ContainerDefinition] {
        self.container_definitions.as_deref().unwrap_or(&[])
    }

    /// The network mode in effect: the explicit value, else `bridge`.
    ///
    /// API TaskDefinition.networkMode: "If no network mode is specified, the default is
    /// bridge." (Fargate definitions must say `awsvpc`; `validate` reports it otherwise.)
    pub fn effective_network_mode(&self) -> NetworkMode {
        self.network_mode.unwrap_or(NetworkMode::Bridge)
    }

    /// Whether `requiresCompatibilities` lists `c`.
    pub fn requires(&self, c: Compatibility) -> bool {
        self.requires_compatibilities
            .as_ref()
            .is_some_and(|v| v.contains(&c))
    }

    /// Task-level cpu in CPU units; `None` when not set.
    pub fn task_cpu_units(&self) -> Option<Result<u32, InvalidTaskSize>> {
        self.cpu.as_ref().map(TaskSize::cpu_units)
    }

    /// Task-level memory in MiB; `None` when not set.
    pub fn task_memory_mib(&self) -> Option<Result<u32, InvalidTaskSize>> {
        self.memory.as_ref().map(TaskSize::memory_mib)
    }

    /// The most memory the task's containers may use before one is killed, MiB: the task-level
    /// `memory`, else the sum of the containers' hard `memory` limits when every container has
    /// one. None when a container has only a soft `memoryReservation` and the task no size: it
    /// may then use whatever the instance has free (DG task definition parameters, `memory`:
    /// "If your container attempts to exceed the memory specified here, the container is
    /// killed").
    pub fn hard_memory_limit_mib(&self) -> Option<u32> {
        if let Some(task) = self.task_memory_mib() {
            return task.ok();
        }
        self.containers().iter().try_fold(0u32, |sum, c| {
            let m = u32::try_from(c.memory?).ok()?;
            Some(sum.saturating_add(m))
        })
    }

    /// Whether container `i` is essential (`essential` defaults to true); false if no such index.
    pub fn is_essential(&self, i: usize) -> bool {
        self.containers()
            .get(i)
            .is_some_and(ContainerDefinition::is_essential)
    }

    /// CPU units container `i` reserves (its `cpu`, 0 when omitted or invalid).
    pub fn container_cpu_units(&self, i: usize) -> u32 {
        self.containers()
            .get(i)
            .and_then(|c| c.cpu)
            .and_then(|v| u32::try_from(v).ok())
            .unwrap_or(0)
    }

    /// MiB container `i` reserves on an instance: `memoryReservation` if set, else `memory`
    /// (API ContainerDefinition.memoryReservation), 0 when neither is set.
    pub fn container_memory_reserved_mib(&self, i: usize) -> u32 {
        self.containers()
            .get(i)
            .and_then(|c| c.memory_reservation.or(c.memory))
            .and_then(|v| u32::try_from(v).ok())
            .unwrap_or(0)
    }

    /// CPU units the task reserves on an instance: task-level cpu when set, else the sum of
    /// container cpu values.
    pub fn cpu_units_reserved(&self) -> u32 {
        match self.task_cpu_units() {
            Some(Ok(units)) => units,
            _ => (0..self.containers().len())
                .map(|i| self.container_cpu_units(i))
                .fold(0u32, u32::saturating_add),
        }
    }

    /// MiB the task reserves on an instance: task-level memory when set, else the sum of the
    /// containers' reservations.
    pub fn memory_reserved_mib(&self) -> u32 {
        match self.task_memory_mib() {
            Some(Ok(mib)) => mib,
            _ => (0..self.containers().len())
                .map(|i| self.container_memory_reserved_mib(i))
                .fold(0u32, u32::saturating_add),
        }
    }

    /// GPUs the task needs (sum over containers).
    pub fn gpu_count(&self) -> u32 {
        self.containers()
            .iter()
            .map(ContainerDefinition::gpu_count)
            .fold(0u32, u32::saturating_add)
    }

    /// Instance ports the task occupies, sorted: in `host` mode every container port (hostPort
    /// equals containerPort), in `bridge` mode every non-zero hostPort. `awsvpc` tasks use their
    /// own network interface and `none` has no ports, so both occupy none.
    pub fn static_host_ports(&self) -> Vec<(Protocol, u16)> {
        let mut ports: Vec<(Protocol, u16)> = Vec::new();
        for c in self.containers() {
            for pm in c.port_mappings.iter().flatten() {
                if let Some(p) = self.static_host_port(pm) {
                    ports.push((pm.protocol_or_default(), p));
                }
            }
        }
        crate::order::sort(&mut ports);
        ports.dedup();
        ports
    }

    /// The instance port mapping `pm` of this definition occupies: in `host` mode its container
    /// port (hostPort equals it), in `bridge` mode a non-zero hostPort; none for `awsvpc` and
    /// `none`, or a dynamic port.
    pub fn static_host_port(&self, pm: &PortMapping) -> Option<u16> {
        let port = match self.effective_network_mode() {
            NetworkMode::Host => pm.host_port.filter(|p| *p != 0).or(pm.container_port),
            NetworkMode::Bridge => pm.host_port.filter(|p| *p != 0),
            NetworkMode::Awsvpc | NetworkMode::None => None,
        };
        port.and_then(|p| u16::try_from(p).ok()).filter(|p| *p != 0)
    }

    /// How many dynamic host ports a `bridge` task needs (hostPort 0 or omitted); 0 otherwise.
    pub fn dynamic_port_count(&self) -> u32 {
        if self.effective_network_mode() != NetworkMode::Bridge {
            return 0;
        }
        let n = self
            .containers()
            .iter()
            .flat_map(|c| c.port_mappings.iter().flatten())
            .filter(|pm| pm.container_port_range.is_none())
            .filter(|pm| matches!(pm.host_port, None | Some(0)))
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests;
