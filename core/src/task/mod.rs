//! A task: one running copy of a task definition, its lifecycle (DG task-lifecycle) and the
//! reasons it stops. Services, RunTask, placement and deployments all work on these.

pub mod container_order;
pub mod counts;
pub mod id;
pub mod lifecycle;
pub mod stopped_reason;
pub mod store;

pub use counts::TaskCounts;
pub use id::TaskId;
pub use lifecycle::{
    ContainerExit, ExitReason, HealthStatus, LaunchKind, StartOrder, StopCode, Task, TaskStatus,
};
