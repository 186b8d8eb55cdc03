//! Requests to services: the `traffic` scenario key, the request-rate profiles, the per-task
//! load model, and the ten-second traffic tick that turns them into task utilisation and the
//! one-minute ELB and ECS metrics.

pub mod field_docs;
pub mod form;
pub mod model;
pub mod oom;
pub mod period_values;
pub mod profile;
pub mod queueing;
pub mod resolve;
pub mod spec;
pub mod state;

pub use model::{Source, TrafficEntry, TrafficModel};
pub use queueing::{task_load, RequestCost, TaskLoad};
pub use spec::{RateProfile, TrafficSpec};
pub use state::TrafficState;

/// Default request timeout, ms: 60 s, an Application Load Balancer's default idle timeout
/// (ELB application-load-balancers, "Connection idle timeout": default 60 seconds; a target
/// that sends nothing back for that long gets the client an HTTP 504).
pub const DEFAULT_TIMEOUT_MILLIS: u32 = 60_000;

/// The traffic tick, ms. Ten seconds: six samples per one-minute CloudWatch period (so a step
/// on a minute boundary shows up in exactly one period), fine enough for the playground to
/// colour tasks as load moves, and coarse enough to keep a day's run cheap (8,640 ticks).
pub const TICK_MS: u64 = 10_000;
