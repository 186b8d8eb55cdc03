//! The placement pipeline as the simulation runs it: the same decisions as
//! [`super::place_reference`] (same instance, same random draws), found from the
//! [`PlacementIndex`] instead of by visiting every instance and walking every task.
//!
//! - a daemon task (`Pool::Only`) checks its one instance;
//! - binpack first: [`binpack`] scans instances from the least free resource that can fit;
//! - the service default spread (zone, then instance), or spread on one of them, or no
//!   strategy: [`spread`] counts and picks the tie group without listing it;
//! - anything else: one pass over the cluster's live instances, with group counts from the
//!   index.
//!
//! Verdicts for every instance are built only when nothing fits (for ECS's "closest matching"
//! instance); they are the reference pipeline's verdicts.

mod binpack;
mod spread;

use super::filters;
use super::index::{ClusterIndex, PlacementIndex};
use super::pipeline::{filter, PlacementOutcome, PlacementRequest, Pool, Verdict};
use super::strategies;
use super::Rejection;
use crate::cluster::Instance;
use crate::placement::Strategy;
use crate::rng::SimRng;

use std::collections::BTreeMap;

/// Runs the pipeline for one task. `verdicts` is filled only when no instance fits.
pub fn place(
    req: &PlacementRequest<'_>,
    instances: &[Instance],
    tasks: &crate::task::store::TaskStore,
    index: &PlacementIndex,
    rng: &mut SimRng,
) -> PlacementOutcome {
    let Some(cluster) = index.cluster(req.cluster) else {
        return PlacementOutcome {
            chosen: None,
            verdicts: Vec::new(),
        };
    };
    let ctx = Ctx {
        req,
        instances,
        tasks,
        cluster,
    };
    #[cfg(debug_assertions)]
    let before = rng.clone();
    let chosen = ctx.choose(rng);
    let verdicts = match chosen {
        Some(_) => Vec::new(),
        None => ctx.verdicts(),
    };
    let outcome = PlacementOutcome { chosen, verdicts };
    #[cfg(debug_assertions)]
    if cluster.alive.len() <= CROSS_CHECK_INSTANCES && tasks.next_id() <= CROSS_CHECK_TASKS {
        cross_check(req, instances, tasks, before, rng, &outcome);
    }
    outcome
}

/// Debug builds compare small placements with the reference pipeline, so every scenario test
/// also proves the fast path equal on the states it reaches.
#[cfg(debug_assertions)]
const CROSS_CHECK_INSTANCES: usize = 64;
#[cfg(debug_assertions)]
const CROSS_CHECK_TASKS: usize = 4096;

#[cfg(debug_assertions)]
fn cross_check(
    req: &PlacementRequest<'_>,
    instances: &[Instance],
    tasks: &crate::task::store::TaskStore,
    mut before: SimRng,
    after: &SimRng,
    outcome: &PlacementOutcome,
) {
    let reference = super::place_reference(req, instances, tasks, &mut before);
    assert_eq!(
        reference.chosen, outcome.chosen,
        "fast placement chose differently from the reference for {req:?}"
    );
    assert_eq!(
        before.clone().next_u64(),
        after.clone().next_u64(),
        "fast placement drew differently from the reference for {req:?}"
    );
    if outcome.chosen.is_none() {
        assert_eq!(reference.verdicts, outcome.verdicts);
    }
}

const NO_TASKS: &BTreeMap<usize, u32> = &BTreeMap::new();

/// One placement's inputs.
pub(crate) struct Ctx<'a> {
    req: &'a PlacementRequest<'a>,
    instances: &'a [Instance],
    tasks: &'a crate::task::store::TaskStore,
    cluster: &'a ClusterIndex,
}

impl Ctx<'_> {
    fn choose(&self, rng: &mut SimRng) -> Option<usize> {
        if let Pool::Only(k) = self.req.pool {
            // The reference's candidates are [k] or nothing: no draw either way.
            let alive = self.cluster.alive.binary_search(&k).is_ok();
            return (alive && self.passes(k)).then_some(k);
        }
        match self.req.strategies.first() {
            Some(Strategy::BinpackMemory) => binpack::choose(self, binpack::Field::Memory, rng),
            Some(Strategy::BinpackCpu) => binpack::choose(self, binpack::Field::Cpu, rng),
            _ => match spread::shape(self) {
                Some(shape) => spread::choose(self, shape, rng),
                None => {
                    let passed: Vec<usize> = self
                        .cluster
                        .alive
                        .iter()
                        .copied()
                        .filter(|&i| self.passes(i))
                        .collect();
                    strategies::choose(
                        &passed,
                        self.instances,
                        self.req.strategies,
                        self.group_on(),
                        rng,
                    )
                }
            },
        }
    }

    /// The group's active tasks per instance (the reference's `group_on`).
    fn group_on(&self) -> &BTreeMap<usize, u32> {
        self.cluster
            .groups
            .get(self.req.group)
            .map_or(NO_TASKS, |g| &g.on)
    }

    /// The reference's filter verdict for instance `i` (which must be live in the cluster).
    fn filter(&self, i: usize) -> Result<(), Rejection> {
        let inst = &self.instances[i];
        filter(self.req, i, inst, self.tasks, || {
            filters::constraints::check_counts(inst, self.req.constraints, self.req.group)
        })
    }

    fn passes(&self, i: usize) -> bool {
        self.filter(i).is_ok()
    }

    fn verdicts(&self) -> Vec<Verdict> {
        self.cluster
            .alive
            .iter()
            .map(|&i| Verdict {
                instance: i,
                rejection: self.filter(i).err(),
            })
            .collect()
    }
}
