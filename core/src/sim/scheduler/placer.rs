//! Finding a place for a new task: the engine's state read in place, the placement stream
//! borrowed apart from it. A placement reads the service's or RunTask's zones, constraints and
//! strategies where the model keeps them (no copies) while it draws from the stream.

use super::super::model_names::ModelNames;
use super::placing::{NewTask, Place, Unplaced};
use crate::cluster::Instance;
use crate::placement::{self, PlacementIndex, PlacementOutcome, PlacementRequest, Pool};
use crate::rng::SimRng;
use crate::scenario::Model;
use crate::sim::task_index::TaskIndex;
use crate::sim::Sim;
use crate::task::store::TaskStore;
use crate::task::LaunchKind;
use std::collections::BTreeSet;
use std::sync::Arc;

/// What a placement reads: the model, instances, tasks, their indexes and the zones down.
pub(crate) struct Placer<'a> {
    /// The resolved scenario (where the request's zones, constraints and strategies live).
    pub model: &'a Model,
    /// Container instances.
    pub instances: &'a [Instance],
    /// Tasks.
    pub tasks: &'a TaskStore,
    /// The placement pipeline's lookups.
    pub placement_index: &'a PlacementIndex,
    /// Active tasks per group and zone (Fargate's spread).
    pub task_index: &'a TaskIndex,
    /// Zones in an outage.
    pub zones_down: &'a BTreeSet<String>,
    /// The zones' shared names.
    pub names: &'a ModelNames,
}

impl Sim {
    /// The engine split for a placement: everything a placement reads, and the placement
    /// stream it draws from.
    pub(crate) fn placer(&mut self) -> (Placer<'_>, &mut SimRng) {
        let placer = Placer {
            model: &self.model,
            instances: &self.instances,
            tasks: &self.tasks,
            placement_index: &self.placement_index,
            task_index: &self.task_index,
            zones_down: &self.zones_down,
            names: &self.names,
        };
        (placer, &mut self.placement_rng)
    }
}

impl Placer<'_> {
    /// Finds a place for a new task; draws from `rng` and changes nothing else.
    pub(crate) fn find_place(&self, n: &NewTask<'_>, rng: &mut SimRng) -> Result<Place, Unplaced> {
        let pool = match n.launch {
            LaunchKind::Fargate | LaunchKind::FargateSpot => {
                return self.fargate_place(n.group, n.zones);
            }
            LaunchKind::External => Pool::External,
            LaunchKind::Ec2 => match n
                .capacity_provider
                .and_then(|p| self.model.asgs.iter().position(|a| a.provider == p))
            {
                Some(a) => Pool::Asg(a),
                None => Pool::Ec2,
            },
        };
        let constraints = self.model.constraints_for(n.constraints, n.task_definition);
        let req = PlacementRequest {
            cluster: n.cluster,
            needs: &self.model.task_definitions[n.task_definition].needs,
            group: n.group,
            constraints: &constraints,
            strategies: n.strategies,
            allowed_zones: n.zones,
            pool,
        };
        let outcome = placement::place(&req, self.instances, self.tasks, self.placement_index, rng);
        match outcome.chosen {
            Some(i) => Ok(Place::Instance(i)),
            None => Err(self.unplaced(&outcome)),
        }
    }

    /// Why the pipeline placed nothing, in ECS's words.
    fn unplaced(&self, outcome: &PlacementOutcome) -> Unplaced {
        let closest = outcome
            .closest()
            .and_then(|v| v.rejection.as_ref().map(|r| (v.instance, r)));
        match closest {
            Some((i, r)) => Unplaced {
                closest: Some((
                    self.instances[i].container_instance_id.clone(),
                    r.ecs_phrase(),
                )),
                detail: r.to_string(),
                failure_reason: r.failure_reason(),
            },
            None => Unplaced {
                closest: None,
                detail: "no container instances in the cluster".into(),
                failure_reason: "MISSING".into(),
            },
        }
    }

    /// Fargate's place for a task of `group`: a zone of `zones` (see [`Placer::fargate_zone`]).
    fn fargate_place(&self, group: &str, zones: &[String]) -> Result<Place, Unplaced> {
        match self.fargate_zone(group, zones) {
            Some(zone) => Ok(Place::Fargate(zone)),
            None => Err(Unplaced {
                closest: None,
                detail: "no Availability Zone of the task's subnets is available".into(),
                failure_reason: "AVAILABILITY-ZONE".into(),
            }),
        }
    }

    /// The zone of `zones` (not down) with the fewest active tasks of `group`: Fargate spreads a
    /// group's tasks across the zones of its subnets (DG task-placement). None when every zone
    /// is down.
    fn fargate_zone(&self, group: &str, zones: &[String]) -> Option<Arc<str>> {
        let mut best: Option<(&String, usize)> = None;
        for z in zones.iter().filter(|z| !self.zones_down.contains(*z)) {
            let n = self.task_index.in_zone(group, z);
            if best.is_none_or(|(_, b)| n < b) {
                best = Some((z, n));
            }
        }
        best.map(|(z, _)| self.names.shared(z))
    }
}
