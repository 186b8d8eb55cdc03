//! One container of a task (API `ContainerDefinition`).
//!
//! The fields the simulator uses are typed; every other documented parameter is kept as raw
//! JSON so a task definition survives parse → serialize with the same keys.

use super::container_dependency::ContainerDependency;
use super::health_check::HealthCheck;
use super::port_mapping::PortMapping;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Every parameter of the API's ContainerDefinition, in the API's order (used for
/// "Unknown parameter" messages and to report problems in document order).
pub const CONTAINER_DEFINITION_KEYS: &[&str] = &[
    "name",
    "image",
    "repositoryCredentials",
    "cpu",
    "memory",
    "memoryReservation",
    "links",
    "portMappings",
    "essential",
    "restartPolicy",
    "entryPoint",
    "command",
    "environment",
    "environmentFiles",
    "mountPoints",
    "volumesFrom",
    "linuxParameters",
    "secrets",
    "dependsOn",
    "startTimeout",
    "stopTimeout",
    "versionConsistency",
    "hostname",
    "user",
    "workingDirectory",
    "disableNetworking",
    "privileged",
    "readonlyRootFilesystem",
    "dnsServers",
    "dnsSearchDomains",
    "extraHosts",
    "dockerSecurityOptions",
    "interactive",
    "pseudoTerminal",
    "dockerLabels",
    "ulimits",
    "logConfiguration",
    "healthCheck",
    "systemControls",
    "resourceRequirements",
    "firelensConfiguration",
    "credentialSpecs",
];

/// A container in a task definition (API `ContainerDefinition`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContainerDefinition {
    /// Unique name within the task: 1–255 letters, digits, hyphens, underscores.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The image reference (`repository:tag`, `registry/repository@digest`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// `repositoryCredentials`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repository_credentials: Option<Value>,
    /// CPU units reserved for the container (1024 = one vCPU).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu: Option<i64>,
    /// Hard memory limit in MiB; the container is killed above it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<i64>,
    /// Soft memory limit in MiB; reserved on the instance instead of `memory` when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory_reservation: Option<i64>,
    /// `links`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub links: Option<Value>,
    /// Ports the container exposes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port_mappings: Option<Vec<PortMapping>>,
    /// Whether the task stops when this container stops; true when omitted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub essential: Option<bool>,
    /// `restartPolicy`: restart the container in place when it exits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restart_policy: Option<super::restart_policy::ContainerRestartPolicy>,
    /// `entryPoint`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry_point: Option<Value>,
    /// `command`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<Value>,
    /// `environment`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment: Option<Value>,
    /// `environmentFiles`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment_files: Option<Value>,
    /// `mountPoints`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mount_points: Option<Value>,
    /// `volumesFrom`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volumes_from: Option<Value>,
    /// `linuxParameters`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linux_parameters: Option<Value>,
    /// `secrets`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secrets: Option<Value>,
    /// Containers that must reach a condition before this one starts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depends_on: Option<Vec<ContainerDependency>>,
    /// Seconds to wait for dependencies before giving up on this container.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_timeout: Option<i64>,
    /// Seconds between SIGTERM and SIGKILL when the container is stopped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop_timeout: Option<i64>,
    /// `versionConsistency`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_consistency: Option<Value>,
    /// `hostname`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hostname: Option<Value>,
    /// `user`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<Value>,
    /// `workingDirectory`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub working_directory: Option<Value>,
    /// `disableNetworking`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disable_networking: Option<Value>,
    /// `privileged`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub privileged: Option<Value>,
    /// `readonlyRootFilesystem`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readonly_root_filesystem: Option<Value>,
    /// `dnsServers`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dns_servers: Option<Value>,
    /// `dnsSearchDomains`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dns_search_domains: Option<Value>,
    /// `extraHosts`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra_hosts: Option<Value>,
    /// `dockerSecurityOptions`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docker_security_options: Option<Value>,
    /// `interactive`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interactive: Option<Value>,
    /// `pseudoTerminal`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pseudo_terminal: Option<Value>,
    /// `dockerLabels`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docker_labels: Option<Value>,
    /// `ulimits`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ulimits: Option<Value>,
    /// The log driver and its options.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_configuration: Option<LogConfiguration>,
    /// The container's health check command.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health_check: Option<HealthCheck>,
    /// `systemControls`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system_controls: Option<Value>,
    /// GPUs (or inference accelerators) the container needs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_requirements: Option<Vec<ResourceRequirement>>,
    /// `firelensConfiguration`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub firelens_configuration: Option<Value>,
    /// `credentialSpecs`, kept as written (not simulated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential_specs: Option<Value>,
}

impl ContainerDefinition {
    /// `essential` with its documented default: a container is essential unless it says not.
    pub fn is_essential(&self) -> bool {
        self.essential.unwrap_or(true)
    }

    /// The log driver name, if a logConfiguration is given.
    pub fn log_driver(&self) -> Option<&str> {
        self.log_configuration
            .as_ref()
            .map(|l| l.log_driver.as_str())
    }

    /// Number of GPUs this container asks for (resourceRequirements of type GPU).
    pub fn gpu_count(&self) -> u32 {
        self.resource_requirements
            .iter()
            .flatten()
            .filter(|r| r.kind == ResourceType::Gpu)
            .filter_map(|r| r.value.trim().parse::<u32>().ok())
            .fold(0u32, |a, b| a.saturating_add(b))
    }
}

/// Where a container's output goes (API `LogConfiguration`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LogConfiguration {
    /// The driver, e.g. `awslogs`, `awsfirelens`, `json-file`.
    pub log_driver: String,
    /// Driver options, kept as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Value>,
    /// Secrets passed to the driver, kept as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_options: Option<Value>,
}

/// A special resource a container needs (API `ResourceRequirement`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceRequirement {
    /// How many (GPU count as a string, e.g. "1"), or the accelerator name.
    pub value: String,
    /// The kind of resource.
    #[serde(rename = "type")]
    pub kind: ResourceType,
}

/// Kinds of special resource (API ResourceRequirement.type).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResourceType {
    /// Physical GPUs reserved on the container instance.
    #[serde(rename = "GPU")]
    Gpu,
    /// An Elastic Inference accelerator (retired by AWS; kept so old definitions parse).
    #[serde(rename = "InferenceAccelerator")]
    InferenceAccelerator,
}
