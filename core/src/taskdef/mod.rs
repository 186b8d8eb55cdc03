//! ECS task definitions as `register-task-definition` takes them, and their validation.
//!
//! - [`parse_task_definition`] reads the register input or describe-task-definition output;
//! - [`validate`] lists every rule ECS would reject the definition for;
//! - [`TaskDefinition`] carries the resource arithmetic placement needs.

pub mod caused;
pub mod container_definition;
pub mod container_dependency;
pub mod ephemeral_storage;
pub mod fargate;
pub mod field_docs;
pub mod form;
pub mod health_check;
pub mod image;
pub mod kept_edits;
pub mod network_memory;
pub mod network_mode;
pub mod parse;
pub mod pasted_revision;
pub mod port_mapping;
pub mod registered;
pub mod resolve;
pub mod restart_policy;
pub mod runtime_platform;
pub mod task_definition;
pub mod task_size;
pub mod validate;

pub use container_definition::{
    ContainerDefinition, LogConfiguration, ResourceRequirement, ResourceType,
    CONTAINER_DEFINITION_KEYS,
};
pub use container_dependency::{ContainerDependency, DependencyCondition};
pub use ephemeral_storage::EphemeralStorage;
pub use fargate::{fargate_cpu_values, fargate_memory_allowed, fargate_memory_values};
pub use health_check::HealthCheck;
pub use image::ImageBehaviour;
pub use network_mode::{Compatibility, NetworkMode};
pub use parse::{parse_task_definition, task_definition_from_value, Shape, TaskDefinitionError};
pub use port_mapping::{AppProtocol, PortMapping, Protocol};
pub use registered::{task_needs, ContainerModel, RegisteredTaskDefinition, TaskNeeds};
pub use task_definition::{TaskDefinition, TASK_DEFINITION_KEYS};
pub use task_size::{InvalidTaskSize, TaskSize};
pub use validate::validate;
