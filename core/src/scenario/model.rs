//! The validated, resolved form of a scenario that the engine runs: names are looked up,
//! task definitions have revisions and their resource needs worked out, defaults applied.

use crate::taskdef::ImageBehaviour;

use super::document::TimelineEvent;
use crate::cluster::{AsgModel, ClusterModel};
use crate::placement::Constraint;
use crate::service::{RunTaskModel, ServiceModel};
use crate::taskdef::RegisteredTaskDefinition;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A scenario ready to run.
#[derive(Debug, Clone)]
pub struct Model {
    /// The run's seed.
    pub seed: u64,
    /// Availability Zones in the order they first appear among the subnets.
    pub zones: Vec<String>,
    /// Subnet ID → its zone.
    pub subnets: BTreeMap<String, String>,
    /// Clusters in document order.
    pub clusters: Vec<ClusterModel>,
    /// Auto Scaling group capacity providers in document order.
    pub asgs: Vec<AsgModel>,
    /// Registered task definitions, in registration order.
    pub task_definitions: Vec<RegisteredTaskDefinition>,
    /// Each registered definition's `placementConstraints` (memberOf only), by the same index:
    /// placement applies them beside the service's or RunTask's own.
    pub definition_constraints: Vec<Vec<Constraint>>,
    /// Image behaviours.
    pub images: BTreeMap<String, ImageBehaviour>,
    /// Services in document order.
    pub services: Vec<ServiceModel>,
    /// RunTask calls: the top-level `tasks[]` entries (started at time 0) first, then the
    /// timeline's `runTask` actions.
    pub run_tasks: Vec<RunTaskModel>,
    /// How many of `run_tasks` are the top-level entries started at time 0.
    pub initial_run_tasks: usize,
    /// Scripted events, sorted by time (stable).
    pub timeline: Vec<TimelineEvent>,
    /// Per `runTask` timeline event (index into the sorted `timeline`), its RunTask in
    /// `run_tasks`.
    pub timeline_run_tasks: BTreeMap<usize, usize>,
    /// Application Load Balancer target groups, in document order.
    pub target_groups: Vec<crate::elb::TargetGroupModel>,
    /// Requests to services (empty unless the document has a `traffic` key).
    pub traffic: crate::traffic::TrafficModel,
    /// Service Auto Scaling and Fargate Spot settings.
    pub auto_scaling: crate::autoscaling::AutoScalingModel,
    /// The scenario's `cloudWatchAlarms`, which services' deployments watch.
    pub alarms: Vec<crate::metrics::alarm::ServiceAlarm>,
    /// `startSteady`: services begin RUNNING and healthy at time 0.
    pub start_steady: bool,
    /// The prices the run is metered with (the catalogue with the scenario's `pricing`).
    pub pricing: crate::cost::PriceTable,
}

impl Model {
    /// The constraints a task of definition `td` is placed by: `own` (its service's or
    /// RunTask's), then its task definition's. Borrowed when the definition has none.
    pub fn constraints_for<'a>(
        &'a self,
        own: &'a [Constraint],
        td: usize,
    ) -> Cow<'a, [Constraint]> {
        let definition = self.definition_constraints.get(td);
        crate::placement::with_definition_constraints(own, definition.map_or(&[], Vec::as_slice))
    }

    /// Whether the run records metrics at all: whenever the scenario has a service, as ECS
    /// publishes its service metrics to CloudWatch without being asked. A run without `traffic`
    /// records only RunningTaskCount and DesiredTaskCount (and CapacityProviderReservation with
    /// managed scaling), since CPU, memory and ELB figures come from the traffic model. Readers:
    /// the metrics panel and `run --metrics`, cluster auto scaling and Service Auto Scaling
    /// (`scalableTargets`: its policies read the service's one-minute datapoints).
    pub fn metrics_enabled(&self) -> bool {
        // Traffic entries name services, so a scenario with traffic has services.
        !self.services.is_empty() || self.asgs.iter().any(|a| a.managed_scaling.is_some())
    }
}
