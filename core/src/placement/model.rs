//! Placement strategies and constraints as the pipeline applies them (resolved from the
//! `placementStrategy` and `placementConstraints` a service or RunTask gives).

use super::query::Expression;
use std::borrow::Cow;

/// A placement strategy, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Strategy {
    /// Least remaining CPU.
    BinpackCpu,
    /// Least remaining memory.
    BinpackMemory,
    /// Even across the values of an attribute (`ecs.availability-zone`) or instances.
    Spread(SpreadField),
    /// Any instance (seeded).
    Random,
}
/// What spread balances on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpreadField {
    /// `instanceId` (or `host`).
    Instance,
    /// `attribute:<name>`.
    Attribute(String),
}
/// A placement constraint, resolved.
#[derive(Debug, Clone)]
pub enum Constraint {
    /// Each task of the group on a different instance.
    DistinctInstance,
    /// Only instances matching the expression (kept with its text for messages).
    MemberOf(Expression, String),
}

/// The constraints a task is placed by: `own` (its service's or RunTask's), then its task
/// definition's `memberOf` ones (DG constraint-examples). Borrowed when the definition has none,
/// so the usual placement allocates nothing.
pub fn with_definition_constraints<'a>(
    own: &'a [Constraint],
    definition: &'a [Constraint],
) -> Cow<'a, [Constraint]> {
    if definition.is_empty() {
        Cow::Borrowed(own)
    } else {
        Cow::Owned(own.iter().chain(definition).cloned().collect())
    }
}
