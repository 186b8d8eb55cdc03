//! The REPLICA service scheduler's decisions (DG ecs_services, deployment-type-ecs), as
//! functions of plain facts about the service's tasks: which tasks are to be replaced, how many
//! new ones a pass may start, and which replaced ones may stop now. `sim/scheduler` gathers the
//! facts, calls these, and applies the outcome.

use crate::deployment::bounds::upper_bound;
use crate::time::Millis;

/// What the scheduler knows of one active task of the service (blue's held tasks excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskFacts {
    /// The task's index in the engine.
    pub task: usize,
    /// `lastStatus` is RUNNING.
    pub running: bool,
    /// Its container health is UNHEALTHY or its load balancer target is unhealthy.
    pub unhealthy: bool,
    /// When it reached RUNNING.
    pub started_at: Option<Millis>,
    /// It belongs to the PRIMARY deployment.
    pub primary: bool,
    /// Its container instance is DRAINING.
    pub on_draining_instance: bool,
    /// It waits in PROVISIONING for capacity (managed scaling has not provided it yet).
    pub waiting: bool,
}

/// The service's active tasks sorted for one pass.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Classified {
    /// RUNNING tasks that are unhealthy after the health check grace period.
    pub unhealthy: Vec<usize>,
    /// Tasks to replace: unhealthy, of an older deployment, or on a DRAINING instance.
    pub outdated: Vec<usize>,
    /// The rest: the tasks that count towards the desired count.
    pub current: Vec<usize>,
    /// Moments a grace period ends for an unhealthy task: the scheduler must look again then.
    pub wake_at: Vec<Millis>,
    /// The tasks of `current` waiting for capacity, in the same order: the pass tries to place
    /// them first (listed here so the pass need not look at every current task again).
    pub waiting: Vec<usize>,
}

/// Sorts the active tasks (in start order): a RUNNING task that is unhealthy is replaced once
/// `healthCheckGracePeriodSeconds` have passed since it started (API CreateService); tasks of an
/// older deployment and tasks on a DRAINING instance are replaced too (DG
/// container-instance-draining).
pub fn classify(active: &[TaskFacts], now: Millis, grace_ms: Millis) -> Classified {
    let mut out = Classified::default();
    // One pass: a task's own flag says whether it went to `unhealthy` (looking it up in that
    // list made a pass O(n·u) when many tasks were unhealthy, issue #10).
    for f in active {
        let mut replaced = false;
        if f.unhealthy && f.running {
            let grace_end = f.started_at.unwrap_or(now) + grace_ms;
            if now >= grace_end {
                out.unhealthy.push(f.task);
                replaced = true;
            } else {
                out.wake_at.push(grace_end);
            }
        }
        if replaced || !f.primary || f.on_draining_instance {
            out.outdated.push(f.task);
        } else {
            out.current.push(f.task);
            if f.waiting {
                out.waiting.push(f.task);
            }
        }
    }
    out
}

/// The most tasks the service may have alive at once: maximumPercent of desired, and never fewer
/// than desired (DG deployment-type-ecs; outdated tasks count too).
pub fn max_live(desired: u32, maximum_percent: u32) -> u32 {
    upper_bound(desired, maximum_percent).max(desired)
}

/// The two counts a pass keeps the service to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PassBounds {
    /// The tasks to keep: the desired count, plus those an Availability Zone rebalancing move
    /// started and has not yet matched with stops (they are not to be scaled in).
    pub keep: u32,
    /// The most tasks alive at once: [`max_live`] of the service's own desired count, not of
    /// the count with a move's tasks (found by the placement property test: draining an instance
    /// during a move let 4 tasks run where 150 % of 2 allows 3). A move starts its tasks within
    /// it; `keep` is still a floor, so a pass never scales in the tasks it is told to keep.
    pub max_live: u32,
}

impl PassBounds {
    /// The bounds of a service with `desired` tasks at `maximum_percent`, `moving` of them
    /// started by a rebalancing move.
    pub fn new(desired: u32, maximum_percent: u32, moving: u32) -> Self {
        let keep = desired + moving;
        PassBounds {
            keep,
            max_live: max_live(desired, maximum_percent).max(keep),
        }
    }
}

/// Whether a pass must scale in: more `current` tasks than it keeps, or current and `outdated`
/// ones together above the most alive. Only then does the pass need the list of current tasks
/// (which to stop); otherwise their count is enough.
pub fn scales_in(b: PassBounds, current: u32, outdated: u32) -> bool {
    current > b.keep || current + outdated > b.max_live
}

/// How many new tasks a pass starts: what the current tasks lack of the count it keeps, within
/// what the most alive leaves beside the `live` tasks: the active ones and those the scheduler
/// stopped that are not STOPPED yet (blue's held tasks are not counted: green scales up to the
/// full desired count beside them, DG deployment-type-blue-green SCALE_UP).
pub fn tasks_to_start(b: PassBounds, current: u32, live: u32) -> u32 {
    let need = b.keep.saturating_sub(current);
    let room = b.max_live.saturating_sub(live);
    need.min(room)
}

/// Whether the upper bound held back tasks a pass would otherwise start ([`tasks_to_start`]
/// started fewer than the current tasks lack). When the same pass then stops replaced tasks,
/// the scheduler looks again at once rather than at its next unrelated pass. The tasks it
/// stopped count against the upper bound until STOPPED (see [`tasks_to_start`]), so that pass
/// starts nothing while they drain; their STOPPED brings the next one.
pub fn short_of_room(b: PassBounds, current: u32, live: u32) -> bool {
    tasks_to_start(b, current, live) < b.keep.saturating_sub(current)
}

/// An outdated task, as the retiring step sees it after the launches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutdatedTask {
    /// The task's index in the engine.
    pub task: usize,
    /// It is still active (not stopping already).
    pub active: bool,
    /// It was found unhealthy after its grace period.
    pub unhealthy: bool,
    /// `lastStatus` is RUNNING.
    pub running: bool,
}

/// Why an outdated task stops now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retire {
    /// It failed its health checks and its replacement exists (or none can start).
    Unhealthy,
    /// It is not RUNNING yet, so it serves nothing: it goes at once.
    NotRunning,
    /// It is healthy and RUNNING, and the healthy count stays above the lower bound without it.
    Replaced,
}

/// What the retiring step needs to know about the whole service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetireBounds {
    /// The desired count.
    pub desired: u32,
    /// Healthy tasks now: replacements once HEALTHY (or RUNNING for 40 s), and the outdated
    /// RUNNING tasks that are not UNHEALTHY.
    pub healthy: u32,
    /// ⌈desired × minimumHealthyPercent / 100⌉.
    pub min_healthy: u32,
    /// No replacement can start: this pass's launches were held back by the upper bound, or the
    /// cluster had no place for one.
    pub no_room: bool,
    /// The service's tasks already stopping (told to stop, not yet STOPPED).
    pub stopping: u32,
}

/// Which outdated tasks stop now, in order (DG deployment-type-ecs): tasks not yet RUNNING at
/// once; unhealthy tasks once their replacements are healthy (or, when no replacement can start
/// within maximumPercent, one at a time to make room); healthy
/// ones while the healthy count stays above the lower bound.
pub fn retirements(outdated: &[OutdatedTask], b: RetireBounds) -> Vec<(usize, Retire)> {
    let mut healthy = b.healthy;
    let mut out = Vec::new();
    // DG ecs_services: "If the replacement task has a health status of HEALTHY, the service
    // scheduler stops the unhealthy task"; deployment-type-ecs: "As the replacement tasks launch
    // and become healthy, the unhealthy tasks will gradually be stopped." Until 2026-12-06 an
    // unhealthy task went as soon as its replacement existed, which left a one-task service
    // with nothing RUNNING while the replacement started (engineer walkthrough).
    //
    // How many unhealthy tasks go now: as many as the healthy tasks allow (the service keeps
    // its desired count counting the unhealthy ones it keeps), and when no replacement could
    // start, to make room "one at a time" (DG ecs_services), or as many as bring the service to
    // its desired count when a replacement turned out unhealthy too ("stop either the unhealthy
    // replacement task or the existing unhealthy task to get the total task count to equal
    // desiredCount"). The first ones in the order given go.
    let unhealthy = outdated.iter().filter(|t| t.active && t.unhealthy).count() as u32;
    let by_health = (healthy + unhealthy).saturating_sub(b.desired);
    // One at a time, and not while a task the service stopped is still freeing its room (on
    // EC2 it holds its CPU and memory until STOPPED: each failed placement stopped one more,
    // review); more only when the unhealthy tasks alone exceed the desired count (unhealthy
    // replacements beside unhealthy old tasks). Counting the replacements that were placed, a
    // pass that placed two of three stopped two (review).
    let by_room = if b.no_room {
        let one = u32::from(b.stopping == 0);
        unhealthy.saturating_sub(b.desired).max(one)
    } else {
        0
    };
    let mut unhealthy_stops = by_health.max(by_room).min(unhealthy);
    for t in outdated.iter().filter(|t| t.active) {
        if t.unhealthy {
            if unhealthy_stops > 0 {
                unhealthy_stops -= 1;
                out.push((t.task, Retire::Unhealthy));
            }
        } else if !t.running {
            out.push((t.task, Retire::NotRunning));
        } else if healthy > b.min_healthy {
            healthy -= 1;
            out.push((t.task, Retire::Replaced));
        }
    }
    out
}

/// Which outdated tasks go when the service is still above [`max_live`] once its current tasks
/// are down to the desired count: `excess` of them, those not yet RUNNING first, then the
/// unhealthy ones, then the rest, each in the order given (the tasks' creation order). A
/// desiredCount dropped while tasks are being replaced (on a DRAINING instance, say) leaves
/// their replacements already counted, and
/// maximumPercent is the upper limit on the service's tasks (API DeploymentConfiguration). As
/// any scale-in, this does not wait for minimumHealthyPercent, which bounds replacements, not a
/// lowered desired count. The guide is silent on which tasks scale-in picks then: the
/// playground's choice, in the README.
pub fn over_maximum(outdated: &[OutdatedTask], excess: usize) -> Vec<usize> {
    let active = || outdated.iter().filter(|t| t.active);
    active()
        .filter(|t| !t.running)
        .chain(active().filter(|t| t.running && t.unhealthy))
        .chain(active().filter(|t| t.running && !t.unhealthy))
        .take(excess)
        .map(|t| t.task)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(task: usize) -> TaskFacts {
        TaskFacts {
            task,
            running: true,
            unhealthy: false,
            started_at: Some(0),
            primary: true,
            on_draining_instance: false,
            waiting: false,
        }
    }

    #[test]
    fn waiting_lists_the_current_tasks_waiting_for_capacity_in_order() {
        let waiting = |t| TaskFacts {
            running: false,
            started_at: None,
            waiting: true,
            ..task(t)
        };
        let old_waiting = TaskFacts {
            primary: false,
            ..waiting(2)
        };
        let c = classify(&[waiting(0), task(1), old_waiting, waiting(3)], 0, 0);
        assert_eq!(
            c.waiting,
            vec![0, 3],
            "an outdated task is not placed, it is replaced"
        );
        assert_eq!(c.current, vec![0, 1, 3]);
    }

    #[test]
    fn an_unhealthy_task_is_replaced_only_after_the_grace_period() {
        // API CreateService healthCheckGracePeriodSeconds: failing health checks are ignored
        // for that long after the task starts.
        let sick = TaskFacts {
            unhealthy: true,
            started_at: Some(10_000),
            ..task(1)
        };
        let early = classify(&[task(0), sick], 40_000, 60_000);
        assert_eq!(early.unhealthy, Vec::<usize>::new());
        assert_eq!(early.current, vec![0, 1]);
        assert_eq!(
            early.wake_at,
            vec![70_000],
            "look again when the grace period ends"
        );
        let late = classify(&[task(0), sick], 70_000, 60_000);
        assert_eq!(late.unhealthy, vec![1]);
        assert_eq!(late.outdated, vec![1]);
        assert_eq!(late.current, vec![0]);
        // A task that is not RUNNING is never "unhealthy" here.
        let pending = TaskFacts {
            running: false,
            ..sick
        };
        assert!(classify(&[pending], 70_000, 0).unhealthy.is_empty());
    }

    #[test]
    fn older_deployments_and_draining_instances_are_outdated() {
        let old = TaskFacts {
            primary: false,
            ..task(1)
        };
        let draining = TaskFacts {
            on_draining_instance: true,
            ..task(2)
        };
        let c = classify(&[task(0), old, draining], 0, 0);
        assert_eq!(c.outdated, vec![1, 2]);
        assert_eq!(c.current, vec![0]);
    }

    #[test]
    fn new_tasks_fill_the_desired_count_within_maximum_percent() {
        // 4 desired at 150%: at most 6 alive. With 4 outdated and 0 current, only 2 can start.
        let b = |desired, max| PassBounds::new(desired, max, 0);
        assert_eq!(max_live(4, 150), 6);
        assert_eq!(tasks_to_start(b(4, 150), 0, 4), 2);
        // maximumPercent 100: a replacement waits for an old task to stop.
        assert_eq!(tasks_to_start(b(4, 100), 0, 4), 0);
        // Never above desired, even with room.
        assert_eq!(tasks_to_start(b(4, 200), 3, 3), 1);
        // max_live is never below desired (1 task at 100%... or 3 at 125% → 3).
        assert_eq!(max_live(3, 125), 3);
    }

    #[test]
    fn a_pass_is_short_of_room_only_when_the_upper_bound_held_tasks_back() {
        let b = |desired, max| PassBounds::new(desired, max, 0);
        // 4 at 100 %, 4 old tasks alive: none may start though 4 are lacking.
        assert!(short_of_room(b(4, 100), 0, 4));
        // Two replacements started and two old tasks still alive: none more may start.
        assert!(short_of_room(b(4, 100), 2, 4));
        // The two old ones stopping (no longer counted): the last two start, none held back.
        assert!(!short_of_room(b(4, 100), 2, 2));
        // 200 %: room for all four.
        assert!(!short_of_room(b(4, 200), 0, 4));
        // Nothing lacking: never short.
        assert!(!short_of_room(b(4, 100), 4, 4));
    }

    #[test]
    fn healthy_outdated_tasks_stop_only_while_the_lower_bound_holds() {
        // 4 desired at minimumHealthyPercent 50: 2 must stay healthy. 4 outdated RUNNING tasks
        // and 4 healthy in all: two go now.
        let old = |task| OutdatedTask {
            task,
            active: true,
            unhealthy: false,
            running: true,
        };
        let b = RetireBounds {
            desired: 4,
            healthy: 4,
            min_healthy: 2,
            no_room: false,
            stopping: 0,
        };
        assert_eq!(
            retirements(&[old(0), old(1), old(2), old(3)], b),
            vec![(0, Retire::Replaced), (1, Retire::Replaced)]
        );
        // A task that is not RUNNING yet goes regardless; a stopped one is skipped.
        let pending = OutdatedTask {
            running: false,
            ..old(5)
        };
        let gone = OutdatedTask {
            active: false,
            ..old(6)
        };
        assert_eq!(
            retirements(&[gone, pending], RetireBounds { healthy: 0, ..b }),
            vec![(5, Retire::NotRunning)]
        );
    }

    #[test]
    fn an_unhealthy_task_stops_once_its_replacement_is_healthy_or_none_can_start_dg_ecs_services() {
        let sick = OutdatedTask {
            task: 7,
            active: true,
            unhealthy: true,
            running: true,
        };
        let waiting = RetireBounds {
            desired: 2,
            healthy: 1,
            min_healthy: 2,
            no_room: false,
            stopping: 0,
        };
        // The replacement started but is not healthy yet: the unhealthy task stays.
        assert!(retirements(&[sick], waiting).is_empty());
        // Healthy now: the unhealthy task goes.
        assert_eq!(
            retirements(
                &[sick],
                RetireBounds {
                    healthy: 2,
                    ..waiting
                }
            ),
            vec![(7, Retire::Unhealthy)]
        );
        // Two unhealthy of four, one replacement healthy: one goes, the other waits.
        let sick2 = OutdatedTask { task: 8, ..sick };
        assert_eq!(
            retirements(
                &[sick, sick2],
                RetireBounds {
                    desired: 4,
                    healthy: 3,
                    ..waiting
                }
            ),
            vec![(7, Retire::Unhealthy)]
        );
        assert_eq!(
            retirements(
                &[sick],
                RetireBounds {
                    no_room: true,
                    ..waiting
                }
            ),
            vec![(7, Retire::Unhealthy)]
        );
    }

    #[test]
    fn with_no_room_unhealthy_tasks_go_one_at_a_time_and_wait_for_a_stop_in_progress() {
        let sick = |task| OutdatedTask {
            task,
            active: true,
            unhealthy: true,
            running: true,
        };
        // Three unhealthy of three; two replacements placed, the third not: one goes, not two.
        let b = RetireBounds {
            desired: 3,
            healthy: 0,
            min_healthy: 3,
            no_room: true,
            stopping: 0,
        };
        assert_eq!(retirements(&[sick(1), sick(2), sick(3)], b).len(), 1);
        // One is stopping already (still holding its room on EC2): none more yet.
        assert!(retirements(&[sick(2), sick(3)], RetireBounds { stopping: 1, ..b }).is_empty());
        // Unhealthy replacements beside unhealthy old tasks: down to the desired count.
        let all = [sick(1), sick(2), sick(3), sick(4), sick(5), sick(6)];
        assert_eq!(retirements(&all, b).len(), 3);
    }

    #[test]
    fn a_pass_scales_in_above_desired_or_above_maximum_percent_only() {
        // DG deployment-type-ecs: the service keeps desiredCount, and all its tasks (outdated
        // ones included) within maximumPercent.
        let b = |desired, max| PassBounds::new(desired, max, 0);
        assert!(
            !scales_in(b(4, 200), 4, 4),
            "4 current + 4 outdated fit 200 % of 4"
        );
        assert!(scales_in(b(4, 200), 5, 0), "one current task too many");
        assert!(scales_in(b(4, 150), 4, 3), "7 tasks above 150 % of 4 (6)");
        assert!(!scales_in(b(4, 150), 4, 2));
        assert!(
            !scales_in(b(0, 100), 0, 0),
            "a service scaled to 0 with nothing left"
        );
    }

    #[test]
    fn a_rebalancing_move_keeps_its_started_tasks_without_raising_the_most_alive() {
        // 2 desired at 150 %: 3 alive at most. A move started 1: the pass keeps 3 current
        // tasks, and a task on a DRAINING instance beside them is one too many, not room.
        let moving = PassBounds::new(2, 150, 1);
        assert_eq!(
            moving,
            PassBounds {
                keep: 3,
                max_live: 3
            }
        );
        assert!(!scales_in(moving, 3, 0));
        assert!(scales_in(moving, 3, 1));
        assert_eq!(
            tasks_to_start(moving, 2, 3),
            0,
            "no replacement above 3 alive"
        );
        assert_eq!(tasks_to_start(moving, 2, 2), 1);
    }

    #[test]
    fn above_maximum_the_outdated_tasks_go_not_running_then_unhealthy_then_the_rest() {
        let t = |task, running, unhealthy| OutdatedTask {
            task,
            active: true,
            unhealthy,
            running,
        };
        let stopping = OutdatedTask {
            active: false,
            ..t(0, false, false)
        };
        let outdated = [
            stopping,
            t(1, true, false),
            t(2, true, true),
            t(3, false, false),
        ];
        assert_eq!(over_maximum(&outdated, 1), vec![3]);
        assert_eq!(over_maximum(&outdated, 2), vec![3, 2]);
        assert_eq!(
            over_maximum(&outdated, 9),
            vec![3, 2, 1],
            "a task already stopping is not stopped again"
        );
        assert!(over_maximum(&outdated, 0).is_empty());
    }
}
