//! Live actions (the playground's buttons) applied so that a timeline entry replays them
//! exactly: "Keep in link" turns the actions a student clicked into `timeline[]` entries.
//!
//! The timeline has whole seconds only (`at`), and a timeline event runs before every other
//! event of its millisecond (it was queued when the run started). So a live action is applied
//! the same way: the clock first runs to the start of the next whole second (only the events
//! before it), then the action runs, before that second's events. A click therefore moves the
//! clock forward by at most one virtual second; a second click in the same spot (no event run
//! in between) stays in that second.

use super::commands::CommandError;
use super::Sim;
use crate::scenario::{TimelineAction, TimelineEvent};

impl Sim {
    /// Runs the clock to the next whole second (see the module doc), asks `pick` for the action
    /// given the cluster at that moment, applies it, and returns the timeline entry that
    /// replays it. On an error nothing is applied (the clock may have moved).
    pub fn apply_live(
        &mut self,
        pick: impl FnOnce(&Sim) -> Result<TimelineAction, CommandError>,
    ) -> Result<TimelineEvent, CommandError> {
        let second = if self.live_mark == Some((self.now, self.steps)) {
            self.now / 1000
        } else {
            self.now / 1000 + 1
        };
        let at = u32::try_from(second)
            .map_err(|_| CommandError("the clock is past the timeline's last second".into()))?;
        let start = u64::from(at) * 1000;
        while self.queue.peek_time().is_some_and(|t| t < start) {
            self.step();
        }
        self.now = self.now.max(start);
        self.live_mark = Some((self.now, self.steps));
        let action = pick(self)?;
        self.apply(&action)?;
        Ok(TimelineEvent { at, action })
    }

    /// The timeline's `stopTask` that names task `t`: its service and its number among the
    /// service's active tasks ordered by start time, exactly as [`Sim::apply`] counts them.
    /// Standalone tasks (no service) cannot be named on the timeline.
    pub fn stop_task_action(&self, t: usize) -> Result<TimelineAction, CommandError> {
        self.task_to_stop(t)?;
        let (service, index) = self.timeline_name(t)?;
        Ok(TimelineAction::StopTask { service, index })
    }

    /// The timeline's `hangTask` that names task `t`, counted as [`Sim::stop_task_action`]
    /// counts; refused for a task that is not RUNNING or has hung already.
    pub fn hang_task_action(&self, t: usize) -> Result<TimelineAction, CommandError> {
        self.task_to_hang(t)?;
        let (service, index) = self.timeline_name(t)?;
        Ok(TimelineAction::HangTask { service, index })
    }

    /// How the timeline names task `t`: its service and its number among the service's active
    /// tasks in start order ([`Sim::service_tasks_by_start`]). Standalone tasks have no name.
    fn timeline_name(&self, t: usize) -> Result<(String, u32), CommandError> {
        let s = self.tasks[t].service.ok_or_else(|| {
            CommandError("a standalone task cannot be kept on the timeline".into())
        })?;
        let index = self
            .service_tasks_by_start(s)
            .iter()
            .position(|&x| x == t)
            .ok_or_else(|| CommandError(format!("task {t} is not among its service's tasks")))?;
        Ok((self.model.services[s].name.clone(), index as u32))
    }

    /// Service `s`'s active tasks, oldest start first (tasks not started yet last, by index):
    /// the order the timeline's `stopTask` and `hangTask` count in.
    pub(crate) fn service_tasks_by_start(&self, s: usize) -> Vec<usize> {
        let mut tasks: Vec<usize> = self
            .live_tasks_of_service(s)
            .filter(|&x| self.tasks[x].is_active())
            .collect();
        crate::order::sort_by_key(&mut tasks, |&x| {
            (self.tasks[x].started_at.unwrap_or(u64::MAX), x)
        });
        tasks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::keep::{with_live_actions, KeptActions};
    use crate::scenario::{parse_scenario, resolve, DEFAULT_SCENARIO_JSON};
    use crate::sim::snapshot::Snapshot;

    fn sim(text: &str) -> Sim {
        Sim::new(resolve(&parse_scenario(text).expect("parses")).expect("resolves"))
    }

    /// What the comparison looks at: every service's counts and every task's status.
    fn picture(s: &Snapshot) -> (Vec<String>, Vec<String>) {
        let services = s
            .services
            .iter()
            .map(|v| {
                format!(
                    "{} {} {} {}",
                    v.name, v.desired_count, v.running_count, v.pending_count
                )
            })
            .collect();
        let tasks = s
            .tasks
            .iter()
            .map(|t| {
                format!(
                    "{} {:?} {}:{} {:?} {} {:?} {:?}",
                    t.index,
                    t.service,
                    t.task_definition,
                    t.revision,
                    t.last_status,
                    t.desired_status,
                    t.instance,
                    t.started_at
                )
            })
            .collect();
        (services, tasks)
    }

    #[test]
    fn kept_live_actions_replay_to_the_same_cluster() {
        let mut live = sim(DEFAULT_SCENARIO_JSON);
        let mut kept = Vec::new();
        // Mid-second clicks: the stop lines up on second 91, the drain on 151.
        live.run_until(90_500);
        let t = live
            .snapshot()
            .tasks
            .iter()
            .rev()
            .find(|t| t.service.is_some() && t.last_status == crate::task::TaskStatus::Running)
            .map(|t| t.index)
            .expect("a running service task");
        kept.push(live.apply_live(|s| s.stop_task_action(t)).expect("stops"));
        // A second click in the same spot stays in the same second.
        let again = live.apply_live(|s| s.stop_task_action(t));
        assert!(again.is_err(), "the task is already stopping");
        live.run_until(150_250);
        kept.push(
            live.apply_live(|_| Ok(TimelineAction::DrainInstance { instance: 1 }))
                .expect("drains"),
        );
        assert_eq!(kept[0].at, 91);
        assert_eq!(kept[1].at, 151);
        assert!(matches!(kept[0].action, TimelineAction::StopTask { .. }));
        live.run_until(300_000);

        let keep = KeptActions {
            timeline: kept.clone(),
            ..KeptActions::default()
        };
        let text = with_live_actions(DEFAULT_SCENARIO_JSON, &keep).expect("builds");
        let doc = parse_scenario(&text).expect("the kept scenario parses");
        assert!(doc.timeline.contains(&kept[0]) && doc.timeline.contains(&kept[1]));
        let mut replay = sim(&text);
        replay.run_until(300_000);
        assert_eq!(picture(&replay.snapshot()), picture(&live.snapshot()));
        // And the replay differs from the scenario without the clicks (the test can fail).
        let mut plain = sim(DEFAULT_SCENARIO_JSON);
        plain.run_until(300_000);
        assert_ne!(picture(&plain.snapshot()), picture(&live.snapshot()));
    }

    /// The deployment panel, as a student uses it: declare `image` (for `container` of task
    /// definition `td`) with behaviour `b`, register the revision, deploy it to `web` live, and
    /// keep all three for the link. Returns the revision's name.
    fn deploy_live(
        live: &mut Sim,
        keep: &mut KeptActions,
        td: usize,
        (container, image): (&str, &str),
        b: crate::taskdef::ImageBehaviour,
    ) -> String {
        live.declare_image(image, b).expect("declares");
        keep.push_image(image.into(), b);
        let json = live
            .revision_with_image(td, container, image)
            .expect("container");
        let name = live.register_task_definition(&json).expect("registers");
        keep.push_task_definition(serde_json::from_str(&json).expect("json"));
        let e = live
            .apply_live(|_| {
                Ok(TimelineAction::UpdateService {
                    service: "web".into(),
                    desired_count: None,
                    task_definition: Some(name.clone()),
                    force_new_deployment: false,
                })
            })
            .expect("deploys");
        keep.push_event(e);
        name
    }

    #[test]
    fn a_revision_registered_live_with_a_misbehaving_image_replays_from_the_link() {
        // The deployment panel: declare a new tag that fails its pull, register it as the next
        // revision, deploy it live. The kept scenario registers both at load and deploys on the
        // timeline; the replay rolls back exactly like the live run.
        let text = include_str!("../../../tests/golden/circuit_breaker_rollback.json");
        let mut doc: serde_json::Value = serde_json::from_str(text).expect("json");
        doc["timeline"] = serde_json::json!([]);
        let text = doc.to_string();
        let mut live = sim(&text);
        let mut keep = KeptActions::default();
        live.run_until(60_400);
        let b = crate::taskdef::ImageBehaviour {
            pull_fails: true,
            ..Default::default()
        };
        deploy_live(
            &mut live,
            &mut keep,
            0,
            ("app", "example/web:1-pull-fails"),
            b,
        );
        assert_eq!(keep.len(), 3);
        live.run_until(20 * 60_000);
        assert!(
            live.services[0]
                .deployments
                .list
                .iter()
                .any(|d| d.rollout_state == crate::deployment::RolloutState::Failed),
            "the live deployment rolled back"
        );

        let kept = with_live_actions(&text, &keep).expect("the kept scenario opens");
        let mut replay = sim(&kept);
        replay.run_until(20 * 60_000);
        assert_eq!(picture(&replay.snapshot()), picture(&live.snapshot()));
    }

    #[test]
    fn a_live_revision_replays_when_the_service_names_only_its_family() {
        // The walkthrough: the default scenario's service says "web"; at 0:40 a revision whose
        // containers crash after 30 s is registered and deployed live. The kept scenario
        // registers it at load, so without a pin its service started on it from 0:00 (the
        // student saw web:2 COMPLETED where the instructor's run was still rolling out).
        let mut live = sim(DEFAULT_SCENARIO_JSON);
        let mut keep = KeptActions::default();
        live.run_until(40_400);
        let b = crate::taskdef::ImageBehaviour {
            crash_after_seconds: Some(30),
            exit_code: Some(1),
            ..Default::default()
        };
        let web = live
            .model
            .task_definitions
            .iter()
            .position(|t| t.family == "web")
            .expect("a web family");
        let name = deploy_live(
            &mut live,
            &mut keep,
            web,
            ("nginx", "example/web:1-crashes"),
            b,
        );
        assert_eq!(name, "web:2");
        live.run_until(6 * 60_000);
        let seen = picture(&live.snapshot());
        assert!(seen.1.iter().any(|t| t.contains("web:1")), "{seen:?}");
        assert!(seen.1.iter().any(|t| t.contains("web:2")), "{seen:?}");

        let kept = with_live_actions(DEFAULT_SCENARIO_JSON, &keep).expect("opens");
        let doc = parse_scenario(&kept).expect("parses");
        let service = doc.services.iter().find(|s| s.service_name == "web");
        assert_eq!(service.map(|s| s.task_definition.as_str()), Some("web:1"));
        let mut replay = sim(&kept);
        replay.run_until(6 * 60_000);
        assert_eq!(picture(&replay.snapshot()), seen);
    }
}
