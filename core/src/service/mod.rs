//! The service scheduler (REPLICA and DAEMON), task lifecycle, and ECS's event texts.

pub mod form;
pub mod messages;
pub mod model;
pub mod resolve;
pub mod scheduler;
pub mod spec;
pub mod task;

pub use model::{RunTaskModel, ServiceModel};
pub use spec::{AwsVpcConfiguration, NetworkConfiguration, RunTaskSpec, ServiceSpec};
pub use task::{HealthStatus, LaunchKind, StopCode, Task, TaskStatus};
