//! Service deployments as DescribeServices shows them (API Deployment): which deployment is
//! PRIMARY, ACTIVE or INACTIVE, its rollout state, and the deployment circuit breaker that fails
//! (and optionally rolls back) a deployment whose tasks cannot reach a steady state
//! (DG deployment-circuit-breaker).
//!
//! The service scheduler (`service/scheduler.rs`) asks [`ServiceDeployments`] which tasks belong
//! to the PRIMARY deployment; everything older is replaced within the rolling update bounds.

pub mod alarms;
pub mod bounds;
pub mod circuit_breaker;
pub mod field_docs;
pub mod form;
pub mod messages;
pub mod model;
pub mod resolve;
pub mod shift;
pub mod spec;
pub mod tally;

pub use model::{Deployment, DeploymentStatus, RolloutState, ServiceDeployments};
pub use tally::Tally;
