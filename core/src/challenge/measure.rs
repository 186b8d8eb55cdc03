//! Reading a goal's measure from a running simulation: the state ones at an instant, the
//! window ones once the window has closed. Reads only; a check never changes the run.

use super::goal::{Goal, MeasureName, Observed, Statistic};
use crate::cluster::InstanceStatus;
use crate::deployment::RolloutState;
use crate::metrics::Dimension;
use crate::sim::Sim;
use crate::task::TaskStatus;
use crate::time::Millis;

/// How [`why_in_progress`] begins, for presenter mode's one line ([`super::wording::blocked_first`]).
pub const BLOCKED_BY_BOUNDS: &str = "blocked by its deployment configuration from ";

/// Why goal `goal`'s service is still IN_PROGRESS, when its rolling update bounds are the
/// cause: the service wrote "was unable to stop or start tasks during a deployment because of
/// the service deployment configuration" (a recorded fact), and the bounds, worked out (DG
/// deployment-type-ecs: ⌊desired × maximumPercent / 100⌋ tasks at most, ⌈desired ×
/// minimumHealthyPercent / 100⌉ healthy at least). `None` for any other cause.
pub fn why_in_progress(goal: &Goal, sim: &Sim) -> Option<String> {
    let s = goal.service?;
    let fact = sim
        .facts
        .deployment_blocked
        .iter()
        .find(|f| f.service == s)?;
    let svc = &sim.model.services[s];
    let desired = sim.services[s].desired;
    Some(format!(
        "{BLOCKED_BY_BOUNDS}{}, log event #{}: with desiredCount {desired}, {}, so no task could start before an old one stopped, nor stop before a new one started",
        crate::time::clock(fact.at),
        fact.log_index,
        crate::deployment::bounds::bounds_words(
            desired,
            svc.minimum_healthy_percent,
            svc.maximum_percent
        ),
    ))
}

/// A state measure now (`None` for a window measure).
pub fn state(goal: &Goal, sim: &Sim) -> Option<Observed> {
    let s = goal.service;
    let running = |t: usize| sim.tasks[t].last_status == TaskStatus::Running;
    let live = || s.into_iter().flat_map(|s| sim.live_tasks_of_service(s));
    let count = |n: usize| Observed::Number(n as f64);
    Some(match goal.measure {
        MeasureName::Running => count(
            live()
                .filter(|&t| running(t))
                .filter(|&t| {
                    let task = &sim.tasks[t];
                    goal.capacity_provider.as_ref().is_none_or(|cp| {
                        task.capacity_provider.as_ref() == Some(cp)
                            || format!("{:?}", task.launch).eq_ignore_ascii_case(cp)
                    }) && goal
                        .zone
                        .as_ref()
                        .is_none_or(|z| task.zone.as_deref() == Some(z.as_str()))
                        && goal.instance_type.as_ref().is_none_or(|want| {
                            task.instance
                                .and_then(|i| sim.instances[i].instance_type)
                                .is_some_and(|t| t.name == want)
                        })
                })
                .count(),
        ),
        MeasureName::Healthy => count(live().filter(|&t| sim.counts_as_healthy(t)).count()),
        MeasureName::Pending => count(
            live()
                .filter(|&t| {
                    matches!(
                        sim.tasks[t].last_status,
                        TaskStatus::Provisioning | TaskStatus::Pending | TaskStatus::Activating
                    )
                })
                .count(),
        ),
        MeasureName::Desired => {
            Observed::Number(f64::from(s.map_or(0, |s| sim.services[s].desired)))
        }
        // Both ways a task waits for capacity: one the scheduler could not create (launch type,
        // or a provider without managed scaling) and one created PROVISIONING that waits for
        // managed scaling to bring an instance. A walkthrough saw "no task left unplaced" met
        // while two tasks of lesson 13 waited in PROVISIONING behind a group at its maxSize.
        MeasureName::Unplaced => count(
            s.map_or(0, |s| sim.services[s].unplaced as usize)
                + live().filter(|&t| sim.tasks[t].is_waiting()).count(),
        ),
        MeasureName::RolloutState => {
            let ds = s.map(|s| &sim.services[s].deployments);
            let primary = ds.and_then(|d| d.primary().map(|k| &d.list[k]));
            Observed::Text(match primary.map(|d| d.rollout_state) {
                Some(RolloutState::InProgress) => "IN_PROGRESS",
                Some(RolloutState::Completed) => "COMPLETED",
                Some(RolloutState::Failed) => "FAILED",
                None => "NONE",
            })
        }
        MeasureName::TasksPerInstance => {
            let mut per: std::collections::BTreeMap<usize, usize> = Default::default();
            for t in live().filter(|&t| running(t)) {
                if let Some(i) = sim.tasks[t].instance {
                    *per.entry(i).or_default() += 1;
                }
            }
            count(per.values().copied().max().unwrap_or(0))
        }
        MeasureName::ZonesWithTasks => {
            let zones: std::collections::BTreeSet<&str> = live()
                .filter(|&t| running(t))
                .filter_map(|t| sim.tasks[t].zone.as_deref())
                .collect();
            count(zones.len())
        }
        MeasureName::Instances => count(
            sim.instances
                .iter()
                .filter(|i| i.status == InstanceStatus::Active)
                .filter(|i| {
                    goal.capacity_provider.as_ref().is_none_or(|cp| {
                        i.asg.is_some_and(|a| {
                            sim.model.asgs.get(a).is_some_and(|g| &g.provider == cp)
                        })
                    })
                })
                .count(),
        ),
        MeasureName::CostPerHour => Observed::Number(
            crate::view::report::cost::cost_report(sim)
                .total
                .per_hour_usd,
        ),
        _ => return None,
    })
}

/// A window measure over `[from, to]`, read once the run has reached `to`; `log_count` is what
/// the caller counted of the window's log lines (events are counted as they are written).
pub fn window(goal: &Goal, sim: &Sim, from: Millis, to: Millis, log_count: u32) -> Observed {
    match goal.measure {
        MeasureName::Metric => {
            let (Some(s), Some(name)) = (goal.service, goal.metric) else {
                return Observed::Number(0.0);
            };
            let points: Vec<f64> = window_datapoints(sim, s, name, from, to)
                .map(|p| p.value)
                .collect();
            Observed::Number(statistic(goal.statistic, &points))
        }
        MeasureName::UnableToPlaceEvents => Observed::Number(f64::from(log_count)),
        MeasureName::Rollbacks => {
            let n = goal.service.map_or(0, |s| {
                sim.services[s]
                    .deployments
                    .list
                    .iter()
                    .filter(|d| d.rollback && d.created_at >= from && d.created_at <= to)
                    .count()
            });
            Observed::Number(n as f64)
        }
        MeasureName::CostTotal => {
            Observed::Number(crate::view::report::cost::cost_report(sim).total.total_usd)
        }
        MeasureName::Advice => {
            let mut found = crate::view::report::advice::static_advice(&sim.model);
            found.extend(crate::view::report::advice::proven_advice(sim));
            Observed::Number(found.iter().filter(|a| a.rule == goal.rule).count() as f64)
        }
        _ => state(goal, sim).unwrap_or(Observed::Number(0.0)),
    }
}

/// The earliest proven finding of an advice goal's rule: when it first happened and its
/// sentence, so a failed goal's *Show* runs to that moment (not the window's end) and says
/// what the run did (a student walkthrough found "1 finding of advice rule …" at 0:15:00).
pub fn first_proven_finding(goal: &Goal, sim: &Sim) -> Option<(Millis, String)> {
    crate::view::report::advice::proven_advice(sim)
        .into_iter()
        .filter(|a| a.rule == goal.rule)
        .filter_map(|a| a.evidence.map(|e| (e.at, a.message)))
        .min_by_key(|(at, _)| *at)
}

/// When a failed metric goal first broke its bound, and how to say it: for a sum, the end of
/// the first one-minute period at which the window's running sum passed `atMost`; for a
/// maximum (minimum), the first datapoint above `atMost` (below `atLeast`). So a failed goal's
/// *Show* runs to the minute the trouble was happening (an instructor's walkthrough: lesson
/// 11's "the sum … was 3,406" offered *Show 0:15:00*, long after the errors at 0:02–0:03; a
/// student's: lesson 12's maximum response time offered *Show 0:30:00*). None for any other
/// goal.
pub fn first_out_of_bound(
    goal: &Goal,
    sim: &Sim,
    from: Millis,
    to: Millis,
) -> Option<(Millis, &'static str)> {
    if goal.measure != MeasureName::Metric {
        return None;
    }
    let crate::challenge::goal::Bound::Range { at_least, at_most } = goal.bound else {
        return None;
    };
    let (s, name) = (goal.service?, goal.metric?);
    let mut points = window_datapoints(sim, s, name, from, to);
    match (goal.statistic, at_least, at_most) {
        (Statistic::Sum, _, Some(limit)) => {
            let mut sum = 0.0;
            points
                .find(|p| {
                    sum += p.value;
                    sum > limit
                })
                .map(|p| (p.at, "over the bound from the minute ending"))
        }
        (Statistic::Maximum, _, Some(limit)) => points
            .find(|p| p.value > limit)
            .map(|p| (p.at, "first over the bound in the minute ending")),
        (Statistic::Minimum, Some(limit), _) => points
            .find(|p| p.value < limit)
            .map(|p| (p.at, "first under the bound in the minute ending")),
        _ => None,
    }
}

/// Service `s`'s datapoints of `name` for the periods ending in `(from, to]`: what a metric
/// goal's window reads.
fn window_datapoints<'a>(
    sim: &'a Sim,
    s: usize,
    name: crate::metrics::MetricName,
    from: Millis,
    to: Millis,
) -> impl Iterator<Item = &'a crate::metrics::Datapoint> + 'a {
    sim.metrics
        .series(name, &Dimension::Service(s))
        .iter()
        .filter(move |p| p.at > from && p.at <= to)
}

/// A statistic of datapoints (0 when there are none: no datapoint, nothing happened).
fn statistic(stat: Statistic, points: &[f64]) -> f64 {
    if points.is_empty() {
        return 0.0;
    }
    match stat {
        Statistic::Maximum => points.iter().copied().fold(f64::MIN, f64::max),
        Statistic::Minimum => points.iter().copied().fold(f64::MAX, f64::min),
        Statistic::Sum => points.iter().sum(),
        Statistic::Average => points.iter().sum::<f64>() / points.len() as f64,
    }
}

/// Whether log line `text` of a service is the "unable to place a task" event (DG
/// service-event-messages).
pub fn is_unable_to_place(text: &str) -> bool {
    text.contains("was unable to place a task")
}
