//! What the engine knows that a chart should show besides its data: the target lines of the
//! selected service's target tracking policies and of each managed-scaling provider, and
//! markers for scaling activities, managed scaling, deployments and Spot interruptions, so a
//! scaling story can be read from the charts alone.

use super::charts::ChartInputs;
use crate::autoscaling::model::PolicyKind;
use crate::deployment::RolloutState;
use crate::metrics::{Dimension, MetricName};
use crate::sim::log::LogKind;
use crate::sim::Sim;
use crate::time::Millis;

/// Markers one chart gets from the engine at most (the newest ones): more would cover the lines.
pub const MAX_ENGINE_MARKERS: usize = 16;
// The engine keeps at least as many runs of an event (Spot interruptions) as a chart draws
// markers, so dropping older runs never takes away one the chart would show.
const _: () = assert!(MAX_ENGINE_MARKERS <= crate::metrics::runs::RUNS_KEPT);
/// Scaling steps the same way less than this apart are one marker ("scale out 2→4→8→10" for
/// steps a minute apart): on an hour-wide chart a minute is a few pixels, and one label per
/// step would pile up unreadably.
pub const MERGE_WINDOW_MS: Millis = crate::metrics::runs::MERGE_WINDOW_MS;

/// Target lines and markers for the charts of service `service` (index into the model's
/// services) and of the capacity providers. The CapacityProviderReservation target is the first
/// managed-scaling provider's; [`provider_target`] gives each provider its own.
pub fn chart_overlays(sim: &Sim, service: usize) -> ChartInputs {
    let mut inputs = ChartInputs::default();
    for p in sim
        .model
        .auto_scaling
        .policies
        .iter()
        .filter(|p| p.service == service)
    {
        if let PolicyKind::TargetTracking { metric, target, .. } = &p.kind {
            inputs.targets.entry(*metric).or_insert(*target);
        }
    }
    // A step policy's alarm threshold, on a metric no target tracking policy draws a line for.
    for p in sim
        .model
        .auto_scaling
        .policies
        .iter()
        .filter(|p| p.service == service)
    {
        if let PolicyKind::Step { alarm, .. } = &p.kind {
            if let std::collections::btree_map::Entry::Vacant(line) =
                inputs.targets.entry(alarm.metric)
            {
                line.insert(alarm.threshold);
                inputs
                    .target_names
                    .insert(alarm.metric, format!("alarm {}", alarm.comparison.sign()));
            }
        }
    }
    if let Some(t) = sim
        .model
        .asgs
        .iter()
        .find_map(|a| provider_target(sim, &a.provider))
    {
        inputs
            .targets
            .insert(MetricName::CapacityProviderReservation, t);
    }
    let mut markers = scaling_markers(sim, service);
    markers.extend(managed_scaling_markers(sim));
    markers.extend(deployment_markers(sim, service));
    markers.extend(spot_markers(sim, service));
    markers.extend(rebalancing_markers(sim, service));
    crate::order::sort_by_key(&mut markers, |(at, _)| *at);
    let skip = markers.len().saturating_sub(MAX_ENGINE_MARKERS);
    inputs.markers = markers.split_off(skip);
    inputs
}

/// The managed scaling `targetCapacity` of the Auto Scaling group provider named `provider`,
/// when its managed scaling is ENABLED: the target line of its CapacityProviderReservation.
pub fn provider_target(sim: &Sim, provider: &str) -> Option<f64> {
    sim.model
        .asgs
        .iter()
        .find(|a| a.provider == provider)
        .and_then(|a| a.managed_scaling)
        .map(|m| f64::from(m.target_capacity))
}

/// "scale out 4→8" / "scale in 8→6" for every Service Auto Scaling activity of the service
/// that a policy started, "scheduled 10→14" for one a scheduled action started.
fn scaling_markers(sim: &Sim, service: usize) -> Vec<(Millis, String)> {
    let Some(st) = sim.autoscaling.services.get(&service) else {
        return Vec::new();
    };
    let scheduled = |name: &str| {
        sim.model
            .auto_scaling
            .scheduled_actions
            .iter()
            .any(|a| a.service == service && a.name == name)
    };
    let steps = st.activities.iter().filter(|a| a.from != a.to).map(|a| {
        let kind = if scheduled(&a.policy) {
            "scheduled"
        } else {
            ""
        };
        (a.at, kind.to_string(), a.from, a.to)
    });
    merge_steps(steps)
        .into_iter()
        .map(|(at, kind, path)| {
            let up = path.last() > path.first();
            let what = match (kind.is_empty(), up) {
                (false, _) => "scheduled",
                (true, true) => "scale out",
                (true, false) => "scale in",
            };
            (at, format!("{what} {}", path_words(&path)))
        })
        .collect()
}

/// Joins runs of steps `(at, group, from, to)` of one group going the same way, each less than
/// [`MERGE_WINDOW_MS`] after the previous, into one step through every size the run passed:
/// `(at of the first, group, [from, to, to, …])`.
fn merge_steps(
    steps: impl Iterator<Item = (Millis, String, u32, u32)>,
) -> Vec<(Millis, String, Vec<u32>)> {
    let mut out: Vec<(Millis, String, Vec<u32>)> = Vec::new();
    let mut last_at: std::collections::BTreeMap<String, (usize, Millis)> = Default::default();
    for (at, group, from, to) in steps {
        let up = to > from;
        if let Some(&(i, prev)) = last_at.get(&group) {
            let path = &mut out[i].2;
            let (first, last) = (path[0], path[path.len() - 1]);
            if at.saturating_sub(prev) < MERGE_WINDOW_MS && (last > first) == up && last == from {
                path.push(to);
                last_at.insert(group, (i, at));
                continue;
            }
        }
        last_at.insert(group.clone(), (out.len(), at));
        out.push((at, group, vec![from, to]));
    }
    out
}

/// Sizes a merged run of steps passed through, as a marker reads them: every one up to
/// [`PATH_SHOWN`] ("2→3→4→6→7": lesson 12's target tracking climbs a step every two minutes,
/// and "2→7" hid the climb the lesson is about), else the first two, the last and the count
/// ("2→3→…→12, 9 steps").
fn path_words(path: &[u32]) -> String {
    let arrow = |p: &[u32]| p.iter().map(u32::to_string).collect::<Vec<_>>().join("→");
    match path {
        [first, second, .., last] if path.len() > PATH_SHOWN => {
            format!("{first}→{second}→…→{last}, {} steps", path.len() - 1)
        }
        _ => arrow(path),
    }
}

/// Sizes a marker lists before it shortens the run to its ends.
const PATH_SHOWN: usize = 5;

/// "instances 1→2" whenever managed scaling changed a group's size. The engine keeps no record
/// of these besides its log line ("Auto Scaling group of P scaled out to N instances …"), so
/// the new size is read from there and the old one from the previous change or the group's
/// InstanceCount before it.
fn managed_scaling_markers(sim: &Sim) -> Vec<(Millis, String)> {
    let several = sim.model.asgs.len() > 1;
    let mut last: std::collections::BTreeMap<String, u32> = Default::default();
    let mut steps = Vec::new();
    for e in sim
        .log()
        .iter()
        .filter(|e| e.kind == LogKind::Instance && e.service.is_none())
    {
        let Some((provider, to)) = parse_managed_scaling(&e.text) else {
            continue;
        };
        let from = last.get(provider).copied().or_else(|| {
            sim.metrics
                .series(
                    MetricName::InstanceCount,
                    &Dimension::CapacityProvider(provider.to_string()),
                )
                .iter()
                .rev()
                .find(|d| d.at <= e.at)
                .map(|d| d.value as u32)
        });
        last.insert(provider.to_string(), to);
        // An unknown old size is taken as the new one (the label then reads "n→n").
        steps.push((e.at, provider.to_string(), from.unwrap_or(to), to));
    }
    merge_steps(steps.into_iter())
        .into_iter()
        .map(|(at, provider, path)| {
            let label = format!("instances {}", path_words(&path));
            let label = if several {
                format!("{provider} {label}")
            } else {
                label
            };
            (at, label)
        })
        .collect()
}

/// The provider and new size in a managed scaling log line, or `None` for any other line.
fn parse_managed_scaling(text: &str) -> Option<(&str, u32)> {
    let rest = text.strip_prefix("Auto Scaling group of ")?;
    let (provider, rest) = rest
        .split_once(" scaled out to ")
        .or_else(|| rest.split_once(" scaled in to "))?;
    let n = rest.split(' ').next()?.parse().ok()?;
    Some((provider, n))
}

/// Start, completion, failure and rollback of every deployment after the service's first. A
/// failure and the rollback it starts are one marker ("failed → rollback"), and one with the
/// rollback's completion when that is at the same instant ("failed → rolled back"): lesson 10's
/// chart stacked "deployment failed", "rollback" and "rollback completed" at one instant on
/// three of its four label rows, squeezing its plot to a sliver, and the last had no room left
/// (engineer walkthrough, 2026-12-07).
fn deployment_markers(sim: &Sim, service: usize) -> Vec<(Millis, String)> {
    let Some(st) = sim.services.get(service) else {
        return Vec::new();
    };
    let later: Vec<&crate::deployment::Deployment> =
        st.deployments.list.iter().filter(|d| !d.initial).collect();
    let end = |d: &crate::deployment::Deployment| d.finished_at.unwrap_or(d.updated_at);
    // Rollbacks by the instant they began; and the instants a failure marker names one.
    let rollbacks: std::collections::BTreeMap<Millis, &crate::deployment::Deployment> = later
        .iter()
        .filter(|d| d.rollback)
        .map(|d| (d.created_at, *d))
        .collect();
    let announced: std::collections::BTreeSet<Millis> = later
        .iter()
        .filter(|d| !d.rollback && d.rollout_state == RolloutState::Failed)
        .map(|d| end(d))
        .filter(|at| rollbacks.contains_key(at))
        .collect();
    let mut out = Vec::new();
    for d in later {
        let at = end(d);
        if d.rollback {
            let said = announced.contains(&d.created_at);
            if !said {
                out.push((d.created_at, "rollback".to_string()));
            }
            match d.rollout_state {
                RolloutState::Completed if !(said && at == d.created_at) => {
                    out.push((at, "rolled back".to_string()))
                }
                RolloutState::Failed => out.push((at, "rollback failed".to_string())),
                _ => {}
            }
            continue;
        }
        out.push((d.created_at, "deployment".to_string()));
        match d.rollout_state {
            RolloutState::Completed => out.push((at, "deployment completed".to_string())),
            RolloutState::Failed => {
                let label = match rollbacks.get(&at) {
                    Some(r) if r.rollout_state == RolloutState::Completed && end(r) == at => {
                        "failed → rolled back"
                    }
                    Some(_) => "failed → rollback",
                    None => "deployment failed",
                };
                out.push((at, label.to_string()));
            }
            RolloutState::InProgress => {}
        }
    }
    out
}

/// "AZ rebalancing" where the service's events said it was not AZ balanced and began moving
/// tasks, "AZ balanced" where they said it was balanced again, "rebalancing stopped" where it
/// gave up: lesson 16's charts showed its move as a running count going up and down with no
/// word of why (instructor walkthrough, 2026-12-07). A move balanced within
/// [`REBALANCED_WITHIN_MS`] of its start is one marker, "AZ rebalanced" ("balanced" when short of
/// room), at its start: lesson 5's presenter chart drew the two 41 s apart at its right edge and
/// cut both ("rebal…", "bala…"; presenter walkthrough, 2026-12-07, 37th session).
fn rebalancing_markers(sim: &Sim, service: usize) -> Vec<(Millis, String)> {
    use crate::sim::scheduler::RebalanceMark;
    let Some(st) = sim.services.get(service) else {
        return Vec::new();
    };
    let marks = &st.rebalance.marks;
    let mut out = Vec::with_capacity(marks.len());
    let mut i = 0;
    while let Some(&(at, mark)) = marks.get(i) {
        i += 1;
        let words = match mark {
            RebalanceMark::Began => match marks.get(i) {
                Some(&(end, RebalanceMark::Balanced))
                    if end.saturating_sub(at) <= REBALANCED_WITHIN_MS =>
                {
                    i += 1;
                    "AZ rebalanced"
                }
                _ => "AZ rebalancing",
            },
            RebalanceMark::Balanced => "AZ balanced",
            RebalanceMark::Stopped => "rebalancing stopped",
        };
        out.push((at, words.to_string()));
    }
    out
}

/// How soon after rebalancing began a balanced service makes the two one marker: two minutes
/// are under 30 px of a 20-minute chart in presenter mode, too close for two labels to be read.
pub const REBALANCED_WITHIN_MS: Millis = 2 * 60_000;

/// "Spot interruption" when one of the service's FARGATE_SPOT tasks got its two-minute warning;
/// interruptions within [`MERGE_WINDOW_MS`] of the first of a run are one marker ("Spot
/// ×3", short so neighbouring labels fit), as one label each would pile up unreadably. The
/// engine records the runs as interruptions happen (`Sim::spot_interruption_runs`), so a marker
/// stays when the task store drops the interrupted task, and the newest runs it keeps are more
/// than a chart draws.
fn spot_markers(sim: &Sim, service: usize) -> Vec<(Millis, String)> {
    sim.spot_interruption_runs(service)
        .map(|(at, n)| {
            let label = if n == 1 {
                "Spot interruption".to_string()
            } else {
                format!("Spot ×{n}")
            };
            (at, label)
        })
        .collect()
}

#[cfg(test)]
mod tests;
