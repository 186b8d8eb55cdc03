//! The scenario keys `placementStrategy` and `placementConstraints` of a service or RunTask
//! (API PlacementStrategy, PlacementConstraint), as written.

use serde::{Deserialize, Serialize};

/// A placement strategy: `binpack` (field `cpu`/`memory`), `spread` (any attribute or
/// `instanceId`), or `random`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlacementStrategySpec {
    /// `binpack`, `spread` or `random`.
    #[serde(rename = "type")]
    pub kind: String,
    /// What to binpack or spread on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// A placement constraint: `distinctInstance` or `memberOf` with a cluster query expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlacementConstraintSpec {
    /// `distinctInstance` or `memberOf`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The cluster query language expression for `memberOf`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expression: Option<String>,
}
