//! The service default — spread on `attribute:ecs.availability-zone`, then on `instanceId` —
//! and its parts alone, or no strategy at all, without listing candidates.
//!
//! The reference keeps the passing instances in the zones with the fewest tasks of the group,
//! then those with the fewest on the instance, and draws one of them. Here zones are visited
//! from the fewest tasks up, and within them the instances with 0, 1, 2… tasks of the group
//! (the index keeps these lists sorted), until some instance passes. The instances that might
//! fail a filter are few (not ACTIVE, short of resources, out of ENIs, port-heavy) and are
//! checked one by one; every other instance of the pool passes, so the tie group's size and
//! its k-th member in instance order follow from the lists without visiting them.

use super::Ctx;
use crate::placement::index::sorted::{self, Level};
use crate::placement::index::{GroupIndex, PartKey, ZONE_ATTRIBUTE};
use crate::placement::Pool;
use crate::placement::{Constraint, SpreadField, Strategy};
use crate::rng::SimRng;
use crate::taskdef::NetworkMode;
use std::collections::{BTreeMap, BTreeSet};

/// Dynamic ports a task may ask for and still be sure to find them on an instance with fewer
/// than [`crate::placement::index::PORT_HEAVY`] host ports in use (16,383 in the range, at most
/// 100 reserved, fewer than 8,192 used leaves more than 8,000).
const SAFE_DYNAMIC_PORTS: u32 = 4096;

/// Which of the two spreads apply, in this order.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shape {
    zone: bool,
    instance: bool,
    distinct: bool,
}

/// The shape of the request's strategies, if this path can decide it.
pub(super) fn shape(ctx: &Ctx<'_>) -> Option<Shape> {
    let req = ctx.req;
    let is_zone = |s: &Strategy| matches!(s, Strategy::Spread(SpreadField::Attribute(a)) if a == ZONE_ATTRIBUTE);
    let is_instance = |s: &Strategy| matches!(s, Strategy::Spread(SpreadField::Instance));
    let (zone, instance) = match req.strategies {
        [] => (false, false),
        [a] if is_zone(a) => (true, false),
        [a] if is_instance(a) => (false, true),
        [a, b] if is_zone(a) && is_instance(b) => (true, true),
        _ => return None,
    };
    let simple_needs = req.needs.static_ports.is_empty()
        && req.needs.required_attributes.is_empty()
        && req.needs.gpus == 0
        && req.needs.dynamic_ports <= SAFE_DYNAMIC_PORTS;
    let member_of = req
        .constraints
        .iter()
        .any(|c| matches!(c, Constraint::MemberOf(..)));
    if !simple_needs || member_of || (instance && ctx.cluster.duplicate_ids) {
        return None;
    }
    let distinct = req
        .constraints
        .iter()
        .any(|c| matches!(c, Constraint::DistinctInstance));
    Some(Shape {
        zone,
        instance,
        distinct,
    })
}

fn in_pool(pool: Pool, key: &PartKey) -> bool {
    match pool {
        Pool::Ec2 => !key.external,
        Pool::External => key.external,
        Pool::Asg(a) => key.asg == Some(a),
        Pool::Only(_) => false,
    }
}

/// The reference's choice for a request of this shape.
pub(super) fn choose(ctx: &Ctx<'_>, shape: Shape, rng: &mut SimRng) -> Option<usize> {
    let c = ctx.cluster;
    let req = ctx.req;
    let group = c.groups.get(req.group);
    let awsvpc = req.needs.network_mode == NetworkMode::Awsvpc;
    // Tasks of the group per zone value, over the whole cluster (as the reference counts).
    let mut per_zone: BTreeMap<&str, u64> = BTreeMap::new();
    if shape.zone {
        for (&p, gp) in group.map(|g| &g.parts).into_iter().flatten() {
            if let Some(z) = &c.parts[p].key.zone_attr {
                *per_zone.entry(z).or_default() += gp.total;
            }
        }
    }
    // The pool's partitions, fewest tasks in their zone first (instances without the
    // attribute count 0, like the reference).
    let mut parts: Vec<(u64, usize)> = Vec::new();
    for (p, part) in c.parts.iter().enumerate() {
        let zone_ok =
            !awsvpc || req.allowed_zones.is_empty() || req.allowed_zones.contains(&part.key.zone);
        if part.members.is_empty() || !in_pool(req.pool, &part.key) || !zone_ok {
            continue;
        }
        let n = match &part.key.zone_attr {
            Some(z) if shape.zone => per_zone.get(z.as_str()).copied().unwrap_or(0),
            _ => 0,
        };
        parts.push((n, p));
    }
    parts.sort_unstable();
    let failing = failing(ctx);
    let mut start = 0;
    while start < parts.len() {
        let n = parts[start].0;
        let end = start + parts[start..].iter().take_while(|x| x.0 == n).count();
        let level: Vec<usize> = parts[start..end].iter().map(|x| x.1).collect();
        if let Some(i) = pick_in_zone_level(ctx, group, &level, shape, &failing, rng) {
            return Some(i);
        }
        start = end;
    }
    None
}

/// Among the partitions `level` (equal zone counts): the passing instances with the fewest
/// tasks of the group (or all passing ones, without the instance spread), one drawn.
fn pick_in_zone_level(
    ctx: &Ctx<'_>,
    group: Option<&GroupIndex>,
    level: &[usize],
    shape: Shape,
    failing: &[usize],
    rng: &mut SimRng,
) -> Option<usize> {
    let c = ctx.cluster;
    let gparts: Vec<_> = level
        .iter()
        .map(|p| group.and_then(|g| g.parts.get(p)))
        .collect();
    let members = |k: usize| c.parts[level[k]].members.as_slice();
    let nonzero = |k: usize| gparts[k].map_or(&[][..], |gp| gp.nonzero.as_slice());
    // Instances with none of the group's tasks (all that distinctInstance allows).
    let without_group: Vec<Level<'_>> = (0..level.len())
        .map(|k| Level::Without(members(k), nonzero(k)))
        .collect();
    if !shape.instance {
        let sets: Vec<Level<'_>> = if shape.distinct {
            without_group
        } else {
            (0..level.len()).map(|k| Level::Exact(members(k))).collect()
        };
        return draw(&sets, failing, rng);
    }
    if let Some(i) = draw(&without_group, failing, rng) {
        return Some(i);
    }
    if shape.distinct {
        return None;
    }
    let counts: BTreeSet<u32> = gparts
        .iter()
        .flatten()
        .flat_map(|gp| gp.levels.keys().copied())
        .collect();
    for m in counts {
        let sets: Vec<Level<'_>> = gparts
            .iter()
            .map(|gp| {
                Level::Exact(
                    gp.and_then(|gp| gp.levels.get(&m))
                        .map_or(&[][..], Vec::as_slice),
                )
            })
            .collect();
        if let Some(i) = draw(&sets, failing, rng) {
            return Some(i);
        }
    }
    None
}

/// Draws from the union of `sets` minus the failing instances, as the reference draws from
/// its final candidates: nothing when empty, no draw for one, `below(n)` otherwise.
fn draw(sets: &[Level<'_>], failing: &[usize], rng: &mut SimRng) -> Option<usize> {
    let size: usize = sets.iter().map(Level::len).sum();
    if size == 0 {
        return None;
    }
    let skip: Vec<usize> = failing
        .iter()
        .copied()
        .filter(|&f| sets.iter().any(|s| s.contains(f)))
        .collect();
    let n = size - skip.len();
    let k = match n {
        0 => return None,
        1 => 0,
        n => rng.below(n as u64) as usize,
    };
    Some(sorted::select(sets, &skip, k))
}

/// The cluster's live instances that fail the filters, sorted: only instances that are not
/// ACTIVE, short of memory or CPU, out of ENIs (awsvpc) or port-heavy can; each is checked.
fn failing(ctx: &Ctx<'_>) -> Vec<usize> {
    let c = ctx.cluster;
    let needs = ctx.req.needs;
    let mut suspects: Vec<usize> = c.not_active.iter().copied().collect();
    suspects.extend(c.by_memory.range(..(needs.memory, 0)).map(|&(_, i)| i));
    suspects.extend(c.by_cpu.range(..(needs.cpu, 0)).map(|&(_, i)| i));
    if needs.network_mode == NetworkMode::Awsvpc {
        suspects.extend(c.eni_full.iter().copied());
    }
    if needs.dynamic_ports > 0 {
        suspects.extend(c.port_heavy.iter().copied());
    }
    suspects.sort_unstable();
    suspects.dedup();
    suspects.retain(|&i| !ctx.passes(i));
    suspects
}
