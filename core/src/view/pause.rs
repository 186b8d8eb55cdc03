//! "Pause on…": which engine log lines are events a learner may want the clock to stop at
//! (a deployment fails or rolls back, a task cannot be placed, an alarm fires, an instance is
//! terminated, a Spot interruption warning). Pure functions over log lines, so the page only
//! asks "did any new line match?" after each event it runs, and this is tested natively.
//!
//! Lines are recognised by the wording the engine writes for them, which is ECS's own (see
//! `deployment::messages`, `service::messages`, `autoscaling::activity`, `sim::spot`); the tests
//! below run small scenarios and classify the lines they really produce, so a change of wording
//! fails here.

use crate::sim::log::{LogEntry, LogKind};
use crate::time::clock;

/// A kind of event the play loop and "Run to…" can stop at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PauseKind {
    /// The deployment circuit breaker failed a deployment, or rolls back to the last one that
    /// completed ("deployment failed: tasks failed to start.", "rolling back to deployment …").
    DeploymentFailed,
    /// Without a circuit breaker, the scheduler throttles a service whose tasks keep failing to
    /// start ("is unable to consistently start tasks successfully."): a walkthrough's *Bad
    /// release* played at max for an hour past its failure, since it writes no "deployment
    /// failed". Its own kind: with a circuit breaker the same line comes first, and "deployment
    /// failed" should still stop at the breaker's verdict.
    TasksKeepFailing,
    /// The service scheduler could not place a task ("was unable to place a task …").
    TaskNotPlaced,
    /// A CloudWatch alarm went to ALARM and triggered a scaling policy.
    AlarmFired,
    /// An EC2 instance was terminated: by the user, by its Auto Scaling group, or by a zone
    /// outage.
    InstanceTerminated,
    /// The two-minute Spot interruption warning reached a FARGATE_SPOT task.
    SpotInterruption,
}

impl PauseKind {
    /// Every kind, in the order the "Pause on…" control lists them.
    pub const ALL: [PauseKind; 6] = [
        PauseKind::DeploymentFailed,
        PauseKind::TasksKeepFailing,
        PauseKind::TaskNotPlaced,
        PauseKind::AlarmFired,
        PauseKind::InstanceTerminated,
        PauseKind::SpotInterruption,
    ];

    /// The kinds a first visit pauses on: none. Pausing is opt-in (issue #11), so Play and
    /// "Run to…" behave as they always did until the user ticks a kind.
    pub const DEFAULT: [PauseKind; 0] = [];

    /// The checkbox label.
    pub fn label(self) -> &'static str {
        match self {
            PauseKind::DeploymentFailed => "deployment failed / rolled back",
            PauseKind::TasksKeepFailing => "tasks keep failing to start",
            PauseKind::TaskNotPlaced => "task cannot be placed",
            PauseKind::AlarmFired => "alarm fires",
            PauseKind::InstanceTerminated => "instance terminated",
            PauseKind::SpotInterruption => "Spot interruption warning",
        }
    }

    /// A stable short name, for test ids and the browser's saved choice.
    pub fn key(self) -> &'static str {
        match self {
            PauseKind::DeploymentFailed => "deployment-failed",
            PauseKind::TasksKeepFailing => "tasks-keep-failing",
            PauseKind::TaskNotPlaced => "task-not-placed",
            PauseKind::AlarmFired => "alarm",
            PauseKind::InstanceTerminated => "instance-terminated",
            PauseKind::SpotInterruption => "spot-interruption",
        }
    }

    /// The kind named `key` (see [`PauseKind::key`]).
    pub fn from_key(key: &str) -> Option<PauseKind> {
        PauseKind::ALL.into_iter().find(|k| k.key() == key.trim())
    }
}

/// Reads a saved choice: kind keys separated by commas; unknown keys are ignored.
pub fn parse_kinds(text: &str) -> Vec<PauseKind> {
    let mut kinds: Vec<PauseKind> = text.split(',').filter_map(PauseKind::from_key).collect();
    crate::order::sort(&mut kinds);
    kinds.dedup();
    kinds
}

/// Writes a choice for [`parse_kinds`].
pub fn kinds_to_text(kinds: &[PauseKind]) -> String {
    kinds.iter().map(|k| k.key()).collect::<Vec<_>>().join(",")
}

/// The kind of event a log line reports, if it is one the page can pause at.
pub fn classify(e: &LogEntry) -> Option<PauseKind> {
    let t = e.text.as_str();
    match e.kind {
        LogKind::Service
            if t.contains(") deployment failed: ")
                || t.contains(" rolling back to deployment ") =>
        {
            Some(PauseKind::DeploymentFailed)
        }
        LogKind::Service if t.contains(" is unable to consistently start tasks successfully") => {
            Some(PauseKind::TasksKeepFailing)
        }
        LogKind::Service if t.contains(" was unable to place a task") => {
            Some(PauseKind::TaskNotPlaced)
        }
        LogKind::Service if t.contains(" in state ALARM triggered policy ") => {
            Some(PauseKind::AlarmFired)
        }
        LogKind::Task if t.contains("stopCode SpotInterruption") => {
            Some(PauseKind::SpotInterruption)
        }
        LogKind::Instance
            if t.starts_with("Auto Scaling group of ") && t.contains("terminating ") =>
        {
            Some(PauseKind::InstanceTerminated)
        }
        LogKind::Action
            if action_text(t).starts_with("terminate-instances ")
                || (action_text(t).starts_with("Availability Zone ")
                    && t.ends_with(" outage begins.")) =>
        {
            Some(PauseKind::InstanceTerminated)
        }
        _ => None,
    }
}

/// An action's text without the "Timeline (scripted): " prefix scripted actions carry.
fn action_text(t: &str) -> &str {
    t.strip_prefix("Timeline (scripted): ").unwrap_or(t)
}

/// The first line of `lines` of one of `kinds`: its position and kind. The caller passes only
/// the lines written since it last asked, so the check costs nothing when nothing happened.
pub fn first_pause(lines: &[LogEntry], kinds: &[PauseKind]) -> Option<(usize, PauseKind)> {
    if kinds.is_empty() {
        return None;
    }
    lines
        .iter()
        .enumerate()
        .find_map(|(i, e)| classify(e).filter(|k| kinds.contains(k)).map(|k| (i, k)))
}

/// Lines a failed deployment's cause is looked for in, back from the failure: enough for its
/// tasks' stop lines, and a bound that keeps a pause at the scenario limits cheap.
pub const CAUSE_LOOKBACK: usize = 2_000;

/// What the tasks of `service` said as they stopped before the end of `lines`: the newest one's
/// reason (its `Task … stopping: REASON` line, load balancer ARNs shortened to their names) and
/// how many stops in the last [`CAUSE_LOOKBACK`] lines gave the same reason. ECS's *deployment
/// failed: tasks failed to start.* names no cause, even for tasks that ran and then failed their
/// health checks, and the pause notice pointed at that line as the reason (engineer
/// walkthrough, 2026-12-07). `None` when no task of the service stopped in that span.
pub fn failure_cause(lines: &[LogEntry], service: &str) -> Option<(String, usize)> {
    let from = lines.len().saturating_sub(CAUSE_LOOKBACK);
    let mut reasons = lines[from..]
        .iter()
        .rev()
        .filter(|e| e.kind == LogKind::Task && e.service.as_deref() == Some(service))
        .filter_map(|e| e.text.split_once(" stopping: ").map(|(_, r)| r))
        .peekable();
    let newest = *reasons.peek()?;
    let same = reasons.filter(|r| *r == newest).count();
    Some((super::short_arns::short_arns(newest), same))
}

/// The notice shown when the clock stopped at `e`: what happened, to what, and when, and for a
/// failed deployment the `cause` its tasks gave ([`failure_cause`]).
pub fn pause_notice(e: &LogEntry, kind: PauseKind, cause: Option<&(String, usize)>) -> String {
    let what = match kind {
        PauseKind::DeploymentFailed => match deployment_of(&e.text) {
            Some(d) if e.text.contains("rolling back") => {
                format!("rolling back to deployment {d}")
            }
            Some(d) => format!("deployment {d} failed"),
            None => "deployment failed".to_string(),
        },
        PauseKind::TasksKeepFailing => "tasks keep failing to start".to_string(),
        PauseKind::TaskNotPlaced => "a task could not be placed".to_string(),
        PauseKind::AlarmFired => "an alarm fired".to_string(),
        PauseKind::InstanceTerminated => "an instance was terminated".to_string(),
        PauseKind::SpotInterruption => "Spot interruption warning".to_string(),
    };
    let whose = e
        .service
        .as_deref()
        .map_or(String::new(), |s| format!(" (service {s})"));
    let why = match (kind, cause) {
        (PauseKind::DeploymentFailed, Some((reason, n))) => {
            let stops = if *n == 1 {
                "1 task".to_string()
            } else {
                format!("{n} tasks")
            };
            format!(" Its tasks stopped with “{reason}” ({stops}).")
        }
        _ => " The highlighted line says why.".to_string(),
    };
    format!(
        "Paused: {what}{whose} at {}.{why} Play, Step or +10 min go on from here.",
        clock(e.at)
    )
}

/// The deployment a deployment line names: `(deployment ecs-svc/…)`, or the id after
/// "rolling back to deployment ".
fn deployment_of(text: &str) -> Option<&str> {
    if let Some(rest) = text.split("(deployment ").nth(1) {
        return rest.split(')').next();
    }
    text.split("rolling back to deployment ")
        .nth(1)
        .map(|r| r.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{parse_scenario, resolve};
    use crate::sim::Sim;

    fn sim(text: &str) -> Sim {
        let doc = parse_scenario(text).expect("valid scenario");
        Sim::new(resolve(&doc).expect("resolves"))
    }

    /// The kinds of the lines a run of `text` to `minutes` writes, with the lines.
    fn kinds_of(s: &Sim) -> Vec<(PauseKind, &LogEntry)> {
        s.log()
            .iter()
            .filter_map(|e| classify(e).map(|k| (k, e)))
            .collect()
    }

    fn run(text: &str, minutes: u64) -> Sim {
        let mut s = sim(text);
        s.run_until(minutes * 60_000);
        s
    }

    #[test]
    fn circuit_breaker_failure_and_rollback_are_deployment_failed() {
        let s = run(
            include_str!("../../../tests/golden/circuit_breaker_rollback.json"),
            30,
        );
        let found = kinds_of(&s);
        let deploy: Vec<&str> = found
            .iter()
            .filter(|(k, _)| *k == PauseKind::DeploymentFailed)
            .map(|(_, e)| e.text.as_str())
            .collect();
        assert!(
            deploy.iter().any(|t| t.contains("deployment failed")),
            "{deploy:?}"
        );
        assert!(
            deploy.iter().any(|t| t.contains("rolling back")),
            "{deploy:?}"
        );
        // The first of them is the failure, and its notice names the failed deployment.
        let (i, kind) = first_pause(s.log(), &[PauseKind::DeploymentFailed]).expect("a failure");
        let e = &s.log()[i];
        let notice = pause_notice(e, kind, None);
        assert!(
            notice.starts_with("Paused: deployment ecs-svc/"),
            "{notice}"
        );
        assert!(notice.contains(" failed (service "), "{notice}");
        assert!(
            notice.contains(&format!(" at {}.", clock(e.at))),
            "{notice}"
        );
    }

    #[test]
    fn a_failed_deployment_s_notice_says_what_its_tasks_stopped_with() {
        // Its tasks ran, then failed their target group's health checks: ECS's line says only
        // "tasks failed to start" (engineer walkthrough, 2026-12-07).
        let s = run(
            include_str!("../../../tests/golden/elb_health_rollback.json"),
            15,
        );
        let (i, kind) = first_pause(s.log(), &[PauseKind::DeploymentFailed]).expect("a failure");
        let e = &s.log()[i];
        assert!(e
            .text
            .ends_with("deployment failed: tasks failed to start."));
        let cause = failure_cause(&s.log()[..i], "web").expect("its tasks stopped");
        assert_eq!(
            cause,
            (
                "Task failed ELB health checks in (target-group web-tg)".to_string(),
                4
            )
        );
        let notice = pause_notice(e, kind, Some(&cause));
        assert!(
            notice.contains(". Its tasks stopped with “Task failed ELB health checks in (target-group web-tg)” (4 tasks). Play, Step"),
            "{notice}"
        );
        assert!(!notice.contains("highlighted line"), "{notice}");
        // The image that cannot be pulled says so.
        let s = run(
            include_str!("../../../tests/golden/circuit_breaker_rollback.json"),
            30,
        );
        let (i, _) = first_pause(s.log(), &[PauseKind::DeploymentFailed]).expect("a failure");
        let (reason, _) = failure_cause(&s.log()[..i], "web").expect("its tasks stopped");
        assert!(reason.starts_with("CannotPullContainerError: "), "{reason}");
        // No task of another service, and none before any stopped: nothing to say.
        assert_eq!(failure_cause(&s.log()[..i], "api"), None);
        assert_eq!(failure_cause(&[], "web"), None);
    }

    #[test]
    fn restart_throttling_without_a_circuit_breaker_is_tasks_keep_failing() {
        // The Bad release example: no circuit breaker, an image that cannot be pulled; nothing
        // says "deployment failed", and the throttling line is where the room should stop.
        let e = crate::scenario::examples::example("bad-release").expect("the example");
        let s = run(e.json, 10);
        assert_eq!(first_pause(s.log(), &[PauseKind::DeploymentFailed]), None);
        let (i, kind) = first_pause(s.log(), &[PauseKind::TasksKeepFailing]).expect("a pause");
        let line = &s.log()[i];
        assert!(
            line.text
                .ends_with("is unable to consistently start tasks successfully."),
            "{}",
            line.text
        );
        let notice = pause_notice(line, kind, None);
        assert!(
            notice.starts_with("Paused: tasks keep failing to start (service payments) at "),
            "{notice}"
        );
    }

    #[test]
    fn a_task_too_large_for_every_instance_is_task_not_placed() {
        let s = run(include_str!("../../../tests/golden/host_port_80.json"), 5);
        let placed: Vec<_> = kinds_of(&s)
            .into_iter()
            .filter(|(k, _)| *k == PauseKind::TaskNotPlaced)
            .collect();
        assert!(!placed.is_empty(), "{:?}", s.log());
        assert!(placed[0].1.text.contains("was unable to place a task"));
    }

    #[test]
    fn target_tracking_alarm_is_alarm_fired() {
        let s = run(
            include_str!("../../../tests/golden/target_tracking_cpu.json"),
            30,
        );
        let alarms: Vec<_> = kinds_of(&s)
            .into_iter()
            .filter(|(k, _)| *k == PauseKind::AlarmFired)
            .collect();
        assert!(!alarms.is_empty());
        assert!(alarms
            .iter()
            .all(|(_, e)| e.text.contains("in state ALARM")));
    }

    #[test]
    fn terminate_instances_is_instance_terminated() {
        let s = run(
            include_str!("../../../tests/golden/terminate_instance.json"),
            15,
        );
        let gone: Vec<_> = kinds_of(&s)
            .into_iter()
            .filter(|(k, _)| *k == PauseKind::InstanceTerminated)
            .collect();
        assert!(!gone.is_empty(), "{:?}", s.log());
    }

    #[test]
    fn a_user_terminate_and_a_zone_outage_are_instance_terminated() {
        // At 1:00, before the default scenario's scripted terminate-instances at 2:00.
        let mut s = run(crate::scenario::DEFAULT_SCENARIO_JSON, 1);
        let before = s.log().len();
        let active = s
            .snapshot()
            .instances
            .iter()
            .position(|i| i.status == crate::cluster::InstanceStatus::Active)
            .expect("an active instance");
        s.terminate_instance(active).expect("terminates");
        let new = &s.log()[before..];
        assert_eq!(
            first_pause(new, &PauseKind::ALL).map(|(_, k)| k),
            Some(PauseKind::InstanceTerminated),
            "{new:?}"
        );
        let zone = s.snapshot().zones[1].name.clone();
        let before = s.log().len();
        s.zone_outage(&zone).expect("outage");
        let new = &s.log()[before..];
        assert_eq!(
            first_pause(new, &[PauseKind::InstanceTerminated]).map(|(_, k)| k),
            Some(PauseKind::InstanceTerminated),
            "{new:?}"
        );
    }

    #[test]
    fn spot_warning_is_spot_interruption() {
        let s = run(
            include_str!("../../../tests/golden/spot_interruption.json"),
            30,
        );
        let spot: Vec<_> = kinds_of(&s)
            .into_iter()
            .filter(|(k, _)| *k == PauseKind::SpotInterruption)
            .collect();
        assert!(!spot.is_empty(), "{:?}", s.log());
        assert!(spot[0].1.text.contains("FARGATE_SPOT"));
    }

    #[test]
    fn a_steady_service_has_nothing_to_pause_at() {
        let s = run(
            include_str!("../../../tests/golden/binpack_memory.json"),
            20,
        );
        assert_eq!(first_pause(s.log(), &PauseKind::ALL), None, "{:?}", s.log());
    }

    #[test]
    fn only_chosen_kinds_pause() {
        let s = run(
            include_str!("../../../tests/golden/circuit_breaker_rollback.json"),
            30,
        );
        assert!(first_pause(s.log(), &[]).is_none());
        assert!(first_pause(s.log(), &[PauseKind::SpotInterruption]).is_none());
        assert!(first_pause(s.log(), &[PauseKind::DeploymentFailed]).is_some());
    }

    #[test]
    fn saved_choice_round_trips_and_ignores_junk() {
        let all = PauseKind::ALL.to_vec();
        assert_eq!(parse_kinds(&kinds_to_text(&all)), all);
        assert_eq!(
            parse_kinds("alarm, nonsense,deployment-failed,alarm"),
            vec![PauseKind::DeploymentFailed, PauseKind::AlarmFired]
        );
        assert!(parse_kinds("").is_empty());
    }
}
