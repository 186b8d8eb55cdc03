//! Task placement (DG: task-placement, task-placement-constraints, cluster-query-language).

pub mod query;
