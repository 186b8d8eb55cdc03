//! The service scheduler (REPLICA and DAEMON), task lifecycle, and ECS's event texts.

pub mod messages;
pub mod scheduler;
pub mod task;

pub use task::{HealthStatus, LaunchKind, StopCode, Task, TaskStatus};
