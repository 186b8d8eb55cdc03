//! "Why is this task waiting?", "why can't this service place its tasks?" and "why can't they go
//! on this instance?": the placement pipeline's verdicts, made into rows the explain panel
//! prints.

use super::labels;
use crate::placement::{PlacementOutcome, Verdict};
use crate::service::messages;
use crate::sim::snapshot::Waiting;
use crate::sim::Sim;

/// One instance's verdict for one task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictRow {
    /// Instance index.
    pub instance: usize,
    /// `i-…`.
    pub ec2_instance_id: String,
    /// Instance type (or `external`).
    pub instance_type: String,
    /// Its zone.
    pub zone: String,
    /// What waits: a task, or a service's unplaced tasks (rows of an instance explanation name
    /// it).
    pub waiting: Waiting,
    /// The task definition (`family:revision`) of the task, or the service's current one.
    pub task_definition: String,
    /// The task's ID; for unplaced tasks, the service's name (no task exists).
    pub task_id: String,
    /// The stage that rejected it (`resources`, `ports` …); `None` if every filter passed.
    pub stage: Option<&'static str>,
    /// The reason with requested / used / available numbers; `None` if it passed.
    pub reason: Option<String>,
}

/// Why a waiting task fits nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitingExplanation {
    /// Every instance of the task's cluster that is alive, in launch order.
    pub rows: Vec<VerdictRow>,
    /// ECS's closing sentence ("… The closest matching (container-instance …) …").
    pub closing: String,
}

/// Every waiting task's verdict on one instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceExplanation {
    /// One row per waiting task, and per service with unplaced tasks, that could use this
    /// instance's capacity pool.
    pub rows: Vec<VerdictRow>,
    /// Built-in and custom attributes, name → value.
    pub attributes: Vec<(String, String)>,
}

fn row(sim: &Sim, waiting: Waiting, v: &Verdict) -> VerdictRow {
    let inst = sim.instances.get(v.instance);
    let (task_definition, task_id) = match waiting {
        Waiting::Task(t) => {
            let task = sim.tasks.get(t);
            (
                task.and_then(|task| sim.model.task_definitions.get(task.task_definition))
                    .map(|td| td.name())
                    .unwrap_or_default(),
                task.map(|t| t.id.to_string()).unwrap_or_default(),
            )
        }
        Waiting::Unplaced(s) => (
            sim.services
                .get(s)
                .and_then(|st| sim.model.task_definitions.get(st.task_definition))
                .map(|td| td.name())
                .unwrap_or_default(),
            sim.model
                .services
                .get(s)
                .map(|svc| svc.name.clone())
                .unwrap_or_default(),
        ),
    };
    VerdictRow {
        instance: v.instance,
        ec2_instance_id: inst.map(|i| i.ec2_instance_id.clone()).unwrap_or_default(),
        instance_type: inst
            .map(|i| i.instance_type.map_or("external", |t| t.name).to_string())
            .unwrap_or_default(),
        zone: inst.map(|i| i.zone.clone()).unwrap_or_default(),
        waiting,
        task_definition,
        task_id,
        stage: v.rejection.as_ref().map(|r| labels::stage(r.stage())),
        reason: v.rejection.as_ref().map(ToString::to_string),
    }
}

/// Why task `t` waits for placement on EC2 or external capacity; `None` if it is not waiting
/// there (placed, stopped, or waiting for Fargate capacity, which has no instances to blame).
pub fn explain_waiting(sim: &Sim, t: usize) -> Option<WaitingExplanation> {
    let verdicts = sim.explain_placement(t)?;
    let s = sim.tasks.get(t)?.service?;
    Some(explanation(sim, s, Waiting::Task(t), verdicts))
}

/// Why service `s` could not place the tasks it wanted to start (no task exists for them);
/// `None` when it placed them all or runs on Fargate.
pub fn explain_unplaced(sim: &Sim, s: usize) -> Option<WaitingExplanation> {
    let verdicts = sim.explain_unplaced(s)?;
    Some(explanation(sim, s, Waiting::Unplaced(s), verdicts))
}

/// Every instance's row, and ECS's closing sentence (or that an instance has room now).
fn explanation(
    sim: &Sim,
    s: usize,
    waiting: Waiting,
    verdicts: Vec<Verdict>,
) -> WaitingExplanation {
    let service = sim
        .model
        .services
        .get(s)
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let rows = verdicts.iter().map(|v| row(sim, waiting, v)).collect();
    let outcome = PlacementOutcome {
        chosen: None,
        verdicts,
    };
    let closing = if outcome.verdicts.iter().any(|v| v.rejection.is_none()) {
        "An instance has room for it now: the service scheduler places it at its next attempt."
            .to_string()
    } else {
        let closest = outcome.closest().and_then(|v| {
            let ci = sim
                .instances
                .get(v.instance)?
                .container_instance_id
                .as_str();
            Some((ci, v.rejection.as_ref()?.ecs_phrase()))
        });
        messages::unable_to_place(&service, closest.as_ref().map(|(c, p)| (*c, p.as_str())))
    };
    WaitingExplanation { rows, closing }
}

/// For instance `i`: its attributes, and why each waiting task cannot be placed on it.
pub fn explain_instance(sim: &Sim, i: usize) -> Option<InstanceExplanation> {
    let inst = sim.instances.get(i)?;
    let rows = sim
        .explain_instance(i)
        .iter()
        .map(|(w, v)| row(sim, *w, v))
        .collect();
    let attributes = inst
        .attributes
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Some(InstanceExplanation { rows, attributes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::layout::cluster_layout;

    /// The default scenario with more web tasks than its three instances hold.
    fn crowded() -> Sim {
        let text = include_str!("../scenario/examples/default.json")
            .replace("\"desiredCount\": 6", "\"desiredCount\": 40");
        let mut sim = Sim::from_json(&text).expect("valid");
        sim.run_until(30_000);
        sim
    }

    #[test]
    fn a_service_that_could_not_place_tasks_is_explained_on_every_instance() {
        let sim = crowded();
        let web = sim
            .model
            .services
            .iter()
            .position(|s| s.name == "web")
            .expect("web");
        let ex = explain_unplaced(&sim, web).expect("unplaced on EC2");
        assert_eq!(ex.rows.len(), 3, "one row per instance");
        for r in &ex.rows {
            assert_eq!(r.stage, Some("resources"));
            assert_eq!(r.waiting, Waiting::Unplaced(web));
            let reason = r.reason.as_deref().unwrap_or_default();
            assert!(reason.contains("in use"), "{reason}");
        }
        assert!(ex
            .closing
            .starts_with("(service web) was unable to place a task"));
        assert!(ex
            .closing
            .contains("The closest matching (container-instance "));
    }

    #[test]
    fn a_placed_task_or_a_placed_service_has_no_waiting_explanation() {
        let sim = crowded();
        let placed = sim.tasks.values().position(|t| t.instance.is_some());
        assert!(explain_waiting(&sim, placed.expect("placed")).is_none());
        assert!(explain_waiting(&sim, usize::MAX).is_none());
        let api = sim.model.services.iter().position(|s| s.name != "web");
        assert!(explain_unplaced(&sim, api.expect("another service")).is_none());
        assert!(explain_unplaced(&sim, usize::MAX).is_none());
    }

    #[test]
    fn an_instance_lists_each_waiting_task_and_its_attributes() {
        let sim = crowded();
        let layout = cluster_layout(&sim.snapshot());
        let waiting = layout.waiting.len() + layout.unplaced.len();
        let ex = explain_instance(&sim, 0).expect("instance 0");
        assert_eq!(ex.rows.len(), waiting);
        assert!(waiting > 0);
        assert!(ex.rows.iter().all(|r| r.instance == 0 && r.stage.is_some()));
        assert!(ex
            .attributes
            .iter()
            .any(|(k, _)| k == "ecs.availability-zone"));
        assert!(explain_instance(&sim, 99).is_none());
    }
}
