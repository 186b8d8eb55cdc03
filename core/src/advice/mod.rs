//! Best-practice advice: warnings that are not errors. Static rules read the resolved
//! scenario's concept models and say what *may* go wrong ([`task_definitions`],
//! [`services`]); proven rules read what the simulation recorded ([`facts`]) and say what
//! *did*, with the time and the log event ([`proven`]). Every rule, with its source page, is
//! in [`catalogue`].

pub mod catalogue;
pub mod discovery;
pub mod facts;
pub mod never_placed;
pub mod proven;
pub mod services;
pub mod task_definitions;

use crate::cluster::AsgModel;
use crate::elb::TargetGroupModel;
use crate::service::{RunTaskModel, ServiceModel};
use crate::taskdef::{ImageBehaviour, RegisteredTaskDefinition};
use crate::time::Millis;
use serde::Serialize;
use std::collections::BTreeMap;

/// Where a proven finding shows in the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// When it first happened, ms.
    pub at: Millis,
    /// The event log line that shows it, numbered from 0 for the first line ever written
    /// (`Sim::log()[log_index - Sim::log_dropped()]` while it is kept; see
    /// `Sim::next_log_number`).
    pub log_index: usize,
    /// How many times it happened.
    pub count: u32,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Advice {
    /// The rule's ID (see [`catalogue::RULES`]).
    pub rule: &'static str,
    /// The JSON path in the scenario it is about.
    pub path: String,
    /// What was found, in a sentence.
    pub message: String,
    /// For proven advice: when and where in the log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

impl Advice {
    /// A finding of `rule` at `path`.
    pub fn new(rule: &'static str, path: impl Into<String>, message: impl Into<String>) -> Advice {
        Advice {
            rule,
            path: path.into(),
            message: message.into(),
            evidence: None,
        }
    }
}

/// What the static rules read: the resolved concept models. Indices match the document's
/// arrays (a scenario that resolves registered every task definition and created every
/// service, in document order).
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// Registered task definitions (`taskDefinitions[i]`).
    pub task_definitions: &'a [RegisteredTaskDefinition],
    /// Each registered definition's own `memberOf` constraints (by the same index).
    pub definition_constraints: &'a [Vec<crate::placement::Constraint>],
    /// Image behaviours (`images`): declared start-up times.
    pub images: &'a BTreeMap<String, ImageBehaviour>,
    /// Services (`services[i]`).
    pub services: &'a [ServiceModel],
    /// Target groups (`targetGroups[i]`).
    pub target_groups: &'a [TargetGroupModel],
    /// Auto Scaling group capacity providers: the zones a service without awsvpc can use.
    pub asgs: &'a [AsgModel],
    /// RunTask calls (`tasks[i]`, then the timeline's): the revisions they run are judged too.
    pub run_tasks: &'a [RunTaskModel],
    /// The resolved `traffic` entries: who calls whom, and through what.
    pub traffic: &'a [crate::traffic::TrafficEntry],
    /// Clusters the timeline registers container instances in (`registerContainerInstance`):
    /// their Auto Scaling groups do not describe all the instances their services may get.
    pub clusters_registering: &'a std::collections::BTreeSet<usize>,
}

/// Every static finding, task definitions first, then services, each in document order.
pub fn check(inputs: Inputs<'_>) -> Vec<Advice> {
    let mut out = task_definitions::check(inputs);
    out.extend(services::check(inputs));
    out.extend(discovery::check(inputs));
    out
}

/// A user's text for a message: at most 64 characters, control characters escaped.
pub(crate) fn quoted(s: &str) -> String {
    let mut out: String = s.chars().take(64).flat_map(char::escape_default).collect();
    if s.chars().count() > 64 {
        out.push('…');
    }
    out
}

/// Seconds an image takes from container start until it answers, when the scenario's `images`
/// declares it.
pub(crate) fn declared_start_up(inputs: Inputs<'_>, image: &str) -> Option<u32> {
    inputs.images.get(image).and_then(|b| b.start_seconds)
}
