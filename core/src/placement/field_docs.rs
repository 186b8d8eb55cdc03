//! What each key of placement strategies and constraints does, for the editor's completion and
//! hover (see [`crate::form::field_doc`]).

use crate::form::field_doc::{Context, FieldDoc as F};

const PS: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementStrategy.html";
const PC: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementConstraint.html";

/// A `placementStrategy` entry.
pub const STRATEGY: Context = Context {
    name: "placementStrategy",
    fields: &[
        F::new("type", "binpack fills the instance with the least of field (cpu or memory) left; spread balances over field (e.g. attribute:ecs.availability-zone, instanceId); random picks any.", PS).values(&["binpack", "spread", "random"]),
        F::new("field", "What the strategy works on: cpu or memory for binpack; instanceId, host or attribute:<name> for spread; none for random.", PS),
    ],
};

/// A `placementConstraints` entry.
pub const CONSTRAINT: Context = Context {
    name: "placementConstraint",
    fields: &[
        F::new("type", "distinctInstance puts each task of the group on a different instance; memberOf limits tasks to instances matching expression.", PC).values(&["distinctInstance", "memberOf"]),
        F::new("expression", "memberOf only: a cluster query, e.g. attribute:ecs.instance-type =~ t3.*; up to 2,000 characters.", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html"),
    ],
};

/// Every context of this folder.
pub const CONTEXTS: &[Context] = &[STRATEGY, CONSTRAINT];
