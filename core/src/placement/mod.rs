//! Task placement: the pipeline ECS runs to choose a container instance, and the cluster
//! query language its `memberOf` constraints use.

pub mod fast;
pub mod field_docs;
pub mod filters;
pub mod form;
pub mod index;
pub mod model;
pub mod pipeline;
pub mod query;
pub mod rejection;
pub mod resolve;
pub mod rules;
pub mod spec;
pub mod strategies;

pub use fast::place;
pub use index::PlacementIndex;
pub use model::{with_definition_constraints, Constraint, SpreadField, Strategy};
pub use pipeline::{place_reference, PlacementOutcome, PlacementRequest, Pool, Verdict};
pub use rejection::{Rejection, Stage};
pub use spec::{PlacementConstraintSpec, PlacementStrategySpec};
