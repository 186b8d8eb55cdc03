//! Binpack as the first strategy: the instances that pass the filters with the least of the
//! resource left. Instances are visited in (free resource, index) order from the least that
//! can fit, so the scan stops after the first tie group; later strategies narrow that group
//! exactly as the reference does.

use super::Ctx;
use crate::placement::strategies;
use crate::rng::SimRng;

/// Which resource binpack packs.
#[derive(Debug, Clone, Copy)]
pub(super) enum Field {
    Memory,
    Cpu,
}

/// The reference's choice when `strategies[0]` is binpack on `field`.
pub(super) fn choose(ctx: &Ctx<'_>, field: Field, rng: &mut SimRng) -> Option<usize> {
    let (ordered, need) = match field {
        Field::Memory => (&ctx.cluster.by_memory, ctx.req.needs.memory),
        Field::Cpu => (&ctx.cluster.by_cpu, ctx.req.needs.cpu),
    };
    let mut best = None;
    let mut tie = Vec::new();
    // Instances with less free than the task needs fail the resource filter anyway.
    for &(free, i) in ordered.range((need, 0)..) {
        if best.is_some_and(|b| b != free) {
            break;
        }
        if ctx.passes(i) {
            best = Some(free);
            tie.push(i);
        }
    }
    // The reference narrows all passing instances to this tie group (or stops early when at
    // most one passes, which leaves the same single instance) and goes on from there.
    strategies::choose(
        &tie,
        ctx.instances,
        &ctx.req.strategies[1..],
        ctx.group_on(),
        rng,
    )
}
