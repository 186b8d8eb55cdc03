//! The placement pipeline, top to bottom in ECS's order (DG task-placement):
//!
//! 1. availability — the instance is ACTIVE and belongs to the capacity the task must use;
//! 2. resources — CPU, memory, GPU ([`filters::resources`]);
//! 3. ports — static and dynamic host ports ([`filters::ports`]);
//! 4. ENIs — awsvpc network interfaces and subnets ([`filters::eni`]);
//! 5. constraints — the attributes the task definition's `runtimePlatform` requires
//!    ([`filters::attributes`]), then distinctInstance, memberOf ([`filters::constraints`]);
//!    binding;
//! 6. strategies — binpack, spread, random ([`strategies`]); best effort, in order.
//!
//! Every instance gets a verdict, so the playground can explain a PENDING task.
//!
//! [`place_reference`] is the straightforward pipeline: it visits every instance and is the
//! definition of what placement decides. The simulation runs [`super::fast::place`], which
//! decides the same from [`super::index`] without visiting every instance; tests prove the
//! two equal.

use super::filters;
use super::strategies;
use super::Rejection;
use crate::cluster::Instance;
use crate::placement::{Constraint, Strategy};
use crate::rng::SimRng;

use crate::taskdef::TaskNeeds;
use serde::Serialize;
use std::collections::BTreeMap;

/// Which instances a task may use at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pool {
    /// Launch type EC2: any EC2 container instance of the cluster.
    Ec2,
    /// Launch type EXTERNAL: ECS Anywhere instances.
    External,
    /// A capacity provider's Auto Scaling group.
    Asg(usize),
    /// Exactly this instance (a daemon task for it).
    Only(usize),
}

/// What a task needs from the pipeline.
#[derive(Debug, Clone, Copy)]
pub struct PlacementRequest<'a> {
    /// The cluster.
    pub cluster: usize,
    /// Resources, ports, network mode.
    pub needs: &'a TaskNeeds,
    /// The task group (`service:web`), for spread and distinctInstance.
    pub group: &'a str,
    /// Binding constraints.
    pub constraints: &'a [Constraint],
    /// Strategies, in order.
    pub strategies: &'a [Strategy],
    /// Zones of the awsvpc subnets (empty: any).
    pub allowed_zones: &'a [String],
    /// Candidate instances.
    pub pool: Pool,
}

/// One instance's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    /// Index of the instance.
    pub instance: usize,
    /// Why it was filtered out; `None` if it passed every filter.
    pub rejection: Option<Rejection>,
}

/// The pipeline's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementOutcome {
    /// The chosen instance.
    pub chosen: Option<usize>,
    /// A verdict for every instance of the cluster that is alive ([`super::place`] fills it
    /// only when `chosen` is `None`).
    pub verdicts: Vec<Verdict>,
}

impl PlacementOutcome {
    /// ECS's "closest matching" instance: the rejected one that got furthest in the pipeline.
    pub fn closest(&self) -> Option<&Verdict> {
        self.verdicts
            .iter()
            .filter(|v| v.rejection.is_some())
            .max_by_key(|v| {
                (
                    v.rejection.as_ref().map(Rejection::stage),
                    std::cmp::Reverse(v.instance),
                )
            })
    }
}

/// Task groups per instance: the groups of the tasks on each instance.
pub fn groups_on<'a>(
    instance: &Instance,
    tasks: &'a crate::task::store::TaskStore,
) -> Vec<&'a str> {
    instance
        .tasks
        .iter()
        .filter_map(|&t| tasks.get(t))
        .filter(|t| t.is_active())
        .map(|t| &*t.group)
        .collect()
}

/// Runs the pipeline for one task, visiting every instance: the reference implementation, and
/// what explains a PENDING task.
pub fn place_reference(
    req: &PlacementRequest<'_>,
    instances: &[Instance],
    tasks: &crate::task::store::TaskStore,
    rng: &mut SimRng,
) -> PlacementOutcome {
    let mut verdicts = Vec::new();
    let mut passed = Vec::new();
    let mut group_on: BTreeMap<usize, u32> = BTreeMap::new();
    for (i, inst) in instances.iter().enumerate() {
        if inst.cluster != req.cluster || !inst.is_alive() {
            continue;
        }
        let groups = groups_on(inst, tasks);
        let mine = groups.iter().filter(|g| **g == req.group).count() as u32;
        if mine > 0 {
            group_on.insert(i, mine);
        }
        let rejection = filter(req, i, inst, tasks, || {
            filters::constraints::check(inst, req.constraints, req.group, &groups)
        })
        .err();
        if rejection.is_none() {
            passed.push(i);
        }
        verdicts.push(Verdict {
            instance: i,
            rejection,
        });
    }
    let chosen = strategies::choose(&passed, instances, req.strategies, &group_on, rng);
    PlacementOutcome { chosen, verdicts }
}

/// Runs the binding filters on one instance, in ECS's order; `constraints` checks the
/// placement constraints (the reference walks the instance's tasks for their groups, the fast
/// path reads [`Instance::group_counts`]).
pub(crate) fn filter(
    req: &PlacementRequest<'_>,
    i: usize,
    inst: &Instance,
    tasks: &crate::task::store::TaskStore,
    constraints: impl FnOnce() -> Result<(), Rejection>,
) -> Result<(), Rejection> {
    // 1. Availability.
    let in_pool = match req.pool {
        Pool::Ec2 => !inst.external,
        Pool::External => inst.external,
        Pool::Asg(a) => inst.asg == Some(a),
        Pool::Only(k) => k == i,
    };
    if !in_pool {
        let wanted = match req.pool {
            Pool::Ec2 => "launch type EC2".to_string(),
            Pool::External => "launch type EXTERNAL".to_string(),
            Pool::Asg(_) => "the task's capacity provider".to_string(),
            Pool::Only(_) => "another instance (daemon task)".to_string(),
        };
        return Err(Rejection::OtherCapacity { wanted });
    }
    if !inst.accepts_tasks() {
        let status = match inst.status {
            crate::cluster::InstanceStatus::Launching => "still launching",
            crate::cluster::InstanceStatus::Draining => "DRAINING",
            _ => "not ACTIVE",
        };
        return Err(Rejection::NotActive {
            status: status.to_string(),
        });
    }
    // 2–5. The binding filters, in ECS's order.
    filters::resources::check(inst, req.needs)?;
    filters::ports::check(inst, req.needs, |t| {
        tasks
            .get(t)
            .map_or_else(|| "a task".to_string(), |t| format!("task {}", t.id))
    })?;
    filters::eni::check(inst, req.needs, req.allowed_zones)?;
    filters::attributes::check(inst, req.needs)?;
    constraints()
}
