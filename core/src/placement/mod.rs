//! Task placement: the pipeline ECS runs to choose a container instance, and the cluster
//! query language its `memberOf` constraints use.

pub mod filters;
pub mod pipeline;
pub mod query;
pub mod rejection;
pub mod strategies;

pub use pipeline::{place, PlacementOutcome, PlacementRequest, Pool, Verdict};
pub use rejection::{Rejection, Stage};
