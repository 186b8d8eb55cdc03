//! Container start order (API *ContainerDependency*; DG *Task definition parameters*, "Container
//! dependency"): a container with `dependsOn` starts only once each container it names has
//! reached the condition (START: started; COMPLETE: exited; SUCCESS: exited with code 0;
//! HEALTHY: passed its health check). The task stays PENDING while any container waits (the
//! agent's task status is the lowest of its containers').
//!
//! What the API says of `startTimeout`: if the dependency "doesn't reach the desired status
//! within that time" the dependent container gives up and does not start, and the task goes to
//! STOPPED. The timeout is the *dependency's* own, counted from its start, and applies to
//! COMPLETE, SUCCESS and HEALTHY (the ECS agent's dependency graph). A condition that can never be
//! met (SUCCESS after a non-zero exit, HEALTHY on a container that exits first, a dependency that
//! will never start) fails at once, as the agent has since 2022 (amazon-ecs-agent PR 3218).
//! **The playground's choices** where the guide is silent: with no `startTimeout` an unmet
//! condition waits for good (the task stays PENDING, as tasks did on agents before that fix); a
//! container that cannot start stops with exit code 143, and when it is essential the task stops
//! as for an essential container's exit.
//!
//! Pure: the times come from the scenario's images (`sim/` gathers them).

use crate::taskdef::container_dependency::DependencyCondition;
use crate::time::Millis;

/// The exit code of a container that cannot start (the playground's choice, above).
pub const COULD_NOT_START_EXIT_CODE: i32 = 143;

/// One container as its start order sees it.
#[derive(Debug, Clone, Copy)]
pub struct Container<'a> {
    /// Whether its exit stops the task.
    pub essential: bool,
    /// The containers it waits for (indexes) and the condition on each.
    pub depends_on: &'a [(usize, DependencyCondition)],
    /// Its `startTimeout` in seconds (0 or none: no limit).
    pub start_timeout: Option<u32>,
    /// Milliseconds from its start until its process exits, and the exit code; `None` while it
    /// runs on.
    pub exits: Option<(Millis, i32)>,
    /// Milliseconds from its start until its health check first passes; `None` for never (no
    /// health check, or one that fails).
    pub healthy_after: Option<Millis>,
}

/// Why a condition can never be met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unmet {
    /// The dependency's `startTimeout` (seconds) passed first.
    TimedOut(u32),
    /// The dependency exited with this code without meeting the condition: SUCCESS with a
    /// non-zero code, or HEALTHY before its first passing health check.
    ExitedWith(i32),
    /// The dependency will never start (it could not start itself).
    NeverStarts,
}

/// What happens to a task's containers once its images are pulled (times from then).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartPlan {
    /// Every container starts (or, non-essential, gives up); the last at `after`.
    Starts {
        /// When the last container started (or gave up).
        after: Millis,
        /// The container that started last, what it waited for and when it started, if
        /// anything waited.
        last: Option<(usize, usize, DependencyCondition, Millis)>,
        /// A non-essential container that could not start (the earliest to give up), with its
        /// dependency, condition and why: the task runs without it.
        gave_up: Option<(usize, usize, DependencyCondition, Unmet)>,
    },
    /// Essential container `container` cannot start at `after`: its condition on `dependency`
    /// can never be met. The task stops.
    Fails {
        /// When it gives up.
        after: Millis,
        /// The container that cannot start.
        container: usize,
        /// The container it waited for.
        dependency: usize,
        /// The condition it waited for.
        condition: DependencyCondition,
        /// Why it is never met.
        why: Unmet,
    },
    /// Essential container `container` exited with `code` at `after`, before every container
    /// had started. The task stops.
    EssentialExits {
        /// When it exits.
        after: Millis,
        /// The container.
        container: usize,
        /// Its exit code.
        code: i32,
    },
    /// `container` waits for good on `dependency`'s `condition`, with no `startTimeout` to end
    /// the wait: the task stays PENDING.
    Waits {
        /// The container that waits.
        container: usize,
        /// The container it waits for.
        dependency: usize,
        /// The condition it waits for.
        condition: DependencyCondition,
    },
}

/// When each container starts: `Ok(at)`, `Err(Some(failure))` for one that cannot start, or
/// `Err(None)` for one that waits for good.
type Start = Result<Millis, Option<Failure>>;

/// A container that cannot start: when, on which dependency and condition, and why.
type Failure = (Millis, usize, DependencyCondition, Unmet);

/// The plan of a task whose containers are `containers` (validated: names resolved, no cycle).
pub fn plan(containers: &[Container]) -> StartPlan {
    let (starts, waits_on) = resolve(containers);
    let start = |c: usize| starts[c];
    // The first essential container to stop: one that cannot start, or whose process exits
    // before the last container has started.
    let mut first_stop: Option<(Millis, StartPlan)> = None;
    let mut note = |at: Millis, plan: StartPlan| {
        if first_stop.is_none_or(|(t, _)| at < t) {
            first_stop = Some((at, plan));
        }
    };
    let mut last: Option<(Millis, usize)> = None;
    let mut gave_up: Option<(Millis, (usize, usize, DependencyCondition, Unmet))> = None;
    let mut latest_give_up: Millis = 0;
    let mut waiting: Option<(bool, StartPlan)> = None;
    for (c, container) in containers.iter().enumerate() {
        match start(c) {
            Ok(at) => {
                if last.is_none_or(|(t, _)| at >= t) {
                    last = Some((at, c));
                }
            }
            Err(Some((at, dependency, condition, why))) => {
                if container.essential {
                    note(
                        at,
                        StartPlan::Fails {
                            after: at,
                            container: c,
                            dependency,
                            condition,
                            why,
                        },
                    );
                } else {
                    latest_give_up = latest_give_up.max(at);
                    if gave_up.is_none_or(|(t, _)| at < t) {
                        gave_up = Some((at, (c, dependency, condition, why)));
                    }
                }
            }
            Err(None) => {
                // Named by the container whose own condition waits (its dependency started),
                // not one that waits only because what it waits for waits.
                if let Some((dependency, condition)) = waits_on[c] {
                    let root = start(dependency).is_ok();
                    let better = waiting.is_none_or(|(was_root, _)| root && !was_root);
                    if better {
                        let plan = StartPlan::Waits {
                            container: c,
                            dependency,
                            condition,
                        };
                        waiting = Some((root, plan));
                    }
                }
            }
        }
    }
    // A container that gave up is STOPPED from then on and holds the task back no longer.
    let all_started = if waiting.is_some() {
        None
    } else {
        Some(last.map_or(0, |(t, _)| t).max(latest_give_up))
    };
    for (c, container) in containers.iter().enumerate() {
        if let (true, Ok(at), Some((after, code))) =
            (container.essential, start(c), container.exits)
        {
            let exit = at + after;
            if all_started.is_none_or(|t| exit < t) {
                note(
                    exit,
                    StartPlan::EssentialExits {
                        after: exit,
                        container: c,
                        code,
                    },
                );
            }
        }
    }
    if let Some((_, stop)) = first_stop {
        return stop;
    }
    if let Some((_, w)) = waiting {
        return w;
    }
    let (at, c) = last.unwrap_or((0, 0));
    StartPlan::Starts {
        after: all_started.unwrap_or(0),
        last: waits_on
            .get(c)
            .copied()
            .flatten()
            .map(|(d, k)| (c, d, k, at)),
        gave_up: gave_up.map(|(_, g)| g),
    }
}

/// When each container starts (times from the images' pull), `None` for one that never does:
/// the engine reads which health checks had passed by the time the task is RUNNING.
pub fn start_times(containers: &[Container]) -> Vec<Option<Millis>> {
    resolve(containers).0.into_iter().map(Result::ok).collect()
}

/// Every container's start, and the dependency and condition it waited for last (or waits on
/// for good), each worked out once.
fn resolve(containers: &[Container]) -> (Vec<Start>, Vec<Option<(usize, DependencyCondition)>>) {
    let mut starts: Vec<Option<Start>> = vec![None; containers.len()];
    let mut waits_on: Vec<Option<(usize, DependencyCondition)>> = vec![None; containers.len()];
    let resolved = (0..containers.len())
        .map(|c| start_of(c, containers, &mut starts, &mut waits_on, 0))
        .collect();
    (resolved, waits_on)
}

/// Works out (and remembers) when container `c` starts; `depth` guards against a cycle, which
/// registration refuses (a cycle would wait for good).
fn start_of(
    c: usize,
    containers: &[Container],
    starts: &mut Vec<Option<Start>>,
    waits_on: &mut Vec<Option<(usize, DependencyCondition)>>,
    depth: usize,
) -> Start {
    if let Some(known) = starts[c] {
        return known;
    }
    if depth > containers.len() {
        return Err(None);
    }
    let mut at: Millis = 0;
    let mut failure: Option<Failure> = None;
    let mut latest: Option<(usize, DependencyCondition)> = None;
    let mut waits: Option<(usize, DependencyCondition)> = None;
    for &(d, condition) in containers[c].depends_on {
        if d >= containers.len() {
            continue;
        }
        let dependency = containers[d];
        let met = match start_of(d, containers, starts, waits_on, depth + 1) {
            Err(Some((when, ..))) => Err(Some((when, d, condition, Unmet::NeverStarts))),
            Err(None) => Err(None),
            Ok(started) => met_at(started, d, condition, &dependency),
        };
        match met {
            Ok(t) => {
                if t >= at {
                    at = t;
                    latest = Some((d, condition));
                }
            }
            Err(Some(f)) => {
                if failure.is_none_or(|g| f.0 < g.0) {
                    failure = Some(f);
                }
            }
            // The first condition that waits for good is the one named.
            Err(None) => waits = waits.or(Some((d, condition))),
        }
    }
    waits_on[c] = waits.or(latest);
    let start = match (failure, waits) {
        (Some(f), _) => Err(Some(f)),
        (None, Some(_)) => Err(None),
        (None, None) => Ok(at),
    };
    starts[c] = Some(start);
    start
}

/// When `condition` on dependency `d`, started at `started`, is met, or why it never is.
fn met_at(
    started: Millis,
    d: usize,
    condition: DependencyCondition,
    dependency: &Container,
) -> Start {
    use DependencyCondition::*;
    let reached = match condition {
        Start => return Ok(started),
        Complete => dependency.exits.map(|(after, _)| Ok(started + after)),
        Success => dependency.exits.map(|(after, code)| {
            if code == 0 {
                Ok(started + after)
            } else {
                Err((started + after, code))
            }
        }),
        // A container that exits before its first passing check never passes one (it may be
        // a non-essential one): the condition fails when it exits.
        Healthy => match (dependency.healthy_after, dependency.exits) {
            (healthy, Some((exit, code))) if healthy.is_none_or(|h| exit < h) => {
                Some(Err((started + exit, code)))
            }
            (healthy, _) => healthy.map(|after| Ok(started + after)),
        },
    };
    let deadline = dependency
        .start_timeout
        .filter(|&s| s > 0)
        .map(|s| (started + Millis::from(s) * 1000, s));
    match (reached, deadline) {
        (Some(Ok(t)), Some((limit, s))) if t > limit => {
            Err(Some((limit, d, condition, Unmet::TimedOut(s))))
        }
        (Some(Ok(t)), _) => Ok(t),
        (Some(Err((when, _))), Some((limit, s))) if when > limit => {
            Err(Some((limit, d, condition, Unmet::TimedOut(s))))
        }
        (Some(Err((when, code))), _) => Err(Some((when, d, condition, Unmet::ExitedWith(code)))),
        (None, Some((limit, s))) => Err(Some((limit, d, condition, Unmet::TimedOut(s)))),
        (None, None) => Err(None),
    }
}

#[cfg(test)]
mod tests;
