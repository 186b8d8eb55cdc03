//! Placement strategies (DG task-placement-strategies): best effort, applied in order, each
//! narrowing the candidates the binding filters left. Also the scale-in choice: which task
//! to stop when a service has too many.

use crate::cluster::Instance;
use crate::placement::{SpreadField, Strategy};
use crate::rng::SimRng;
use std::collections::BTreeMap;

/// The value an instance has for a spread field (`None` when it lacks the attribute).
pub fn spread_value<'a>(instance: &'a Instance, field: &SpreadField) -> Option<&'a str> {
    match field {
        SpreadField::Instance => Some(instance.ec2_instance_id.as_str()),
        SpreadField::Attribute(a) => instance.attributes.get(a).map(String::as_str),
    }
}

/// Narrows `candidates` (indices into `instances`) with each strategy in turn and picks one.
///
/// - binpack keeps the instances with the least of the resource left;
/// - spread keeps the instances whose field value has the fewest tasks of the group, counting
///   the group's tasks on every instance of the cluster (`group_on`: tasks of the group per instance);
/// - random picks one.
///
/// Ties left after the last strategy are broken with the placement stream, so a run is
/// reproducible from its seed.
pub fn choose(
    candidates: &[usize],
    instances: &[Instance],
    strategies: &[Strategy],
    group_on: &BTreeMap<usize, u32>,
    rng: &mut SimRng,
) -> Option<usize> {
    let mut pool: Vec<usize> = candidates.to_vec();
    for s in strategies {
        if pool.len() <= 1 {
            break;
        }
        pool = match s {
            Strategy::BinpackCpu => keep_min(&pool, |i| u64::from(instances[i].cpu_free())),
            Strategy::BinpackMemory => keep_min(&pool, |i| u64::from(instances[i].memory_free())),
            Strategy::Spread(field) => {
                let per_value = tasks_per_value(instances, field, group_on);
                keep_min(&pool, |i| {
                    spread_value(&instances[i], field)
                        .and_then(|v| per_value.get(v))
                        .copied()
                        .map_or(0, u64::from)
                })
            }
            Strategy::Random => {
                let k = rng.below(pool.len() as u64) as usize;
                vec![pool[k]]
            }
        };
    }
    match pool.len() {
        0 => None,
        1 => Some(pool[0]),
        n => Some(pool[rng.below(n as u64) as usize]),
    }
}

/// Tasks of the group per field value, over all instances that have the value.
pub fn tasks_per_value<'a>(
    instances: &'a [Instance],
    field: &SpreadField,
    group_on: &BTreeMap<usize, u32>,
) -> BTreeMap<&'a str, u32> {
    let mut out: BTreeMap<&str, u32> = BTreeMap::new();
    for (&i, &n) in group_on {
        if let Some(v) = instances.get(i).and_then(|inst| spread_value(inst, field)) {
            *out.entry(v).or_default() += n;
        }
    }
    out
}

fn keep_min(pool: &[usize], key: impl Fn(usize) -> u64) -> Vec<usize> {
    let best = pool.iter().map(|&i| key(i)).min().unwrap_or(0);
    pool.iter().copied().filter(|&i| key(i) == best).collect()
}

fn keep_max(pool: &[usize], key: impl Fn(usize) -> u64) -> Vec<usize> {
    let best = pool.iter().map(|&i| key(i)).max().unwrap_or(0);
    pool.iter().copied().filter(|&i| key(i) == best).collect()
}

/// Picks which running task to stop when scaling in, the way DG task-placement-strategies
/// describes it: binpack stops the task on the instance left with the most free resource;
/// spread keeps the field balanced (stopping from the value with the most tasks), at random
/// within it; random picks any. `tasks` are (task index, instance index) pairs.
///
/// `free_after[k]` is the (CPU units, MiB) free on task k's instance once it has stopped: DG
/// task-placement-strategies, binpack: ECS stops the task "based on the amount of resources
/// that are left on the container instance after the task is terminated", so the task's own
/// reservation and those of tasks already stopping there count as free. Scaling in by several
/// tasks at once then empties one instance after another instead of thinning them all.
pub fn choose_to_stop(
    tasks: &[(usize, usize)],
    free_after: &[(u32, u32)],
    instances: &[Instance],
    strategies: &[Strategy],
    group_on: &BTreeMap<usize, u32>,
    rng: &mut SimRng,
) -> Option<usize> {
    let mut pool: Vec<usize> = (0..tasks.len()).collect();
    for s in strategies {
        if pool.len() <= 1 {
            break;
        }
        let inst = |k: usize| &instances[tasks[k].1];
        pool = match s {
            Strategy::BinpackCpu => keep_max(&pool, |k| {
                u64::from(free_after.get(k).map_or(inst(k).cpu_free(), |f| f.0))
            }),
            Strategy::BinpackMemory => keep_max(&pool, |k| {
                u64::from(free_after.get(k).map_or(inst(k).memory_free(), |f| f.1))
            }),
            Strategy::Spread(field) => {
                let per_value = tasks_per_value(instances, field, group_on);
                keep_max(&pool, |k| {
                    spread_value(inst(k), field)
                        .and_then(|v| per_value.get(v))
                        .copied()
                        .map_or(0, u64::from)
                })
            }
            Strategy::Random => vec![pool[rng.below(pool.len() as u64) as usize]],
        };
    }
    match pool.len() {
        0 => None,
        n => Some(tasks[pool[rng.below(n as u64) as usize]].0),
    }
}
