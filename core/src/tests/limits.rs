//! Issue #10: links over the scenario-wide limits are refused at load, naming the limit; a
//! scenario at the limits builds and runs. Speed is measured by `core/benches/limits.rs`, not
//! here: these tests count events, never time.

use crate::bench::{clusters_document, fargate_document};
use crate::scenario::limits::{MAX_CLUSTERS, MAX_TOTAL_DESIRED_TASKS, MAX_TOTAL_INSTANCES};
use crate::scenario::share;
use crate::sim::{LoadError, Sim};

/// Loads a scenario the way the page does: from its share link fragment.
fn load_link(doc: &serde_json::Value) -> Result<Sim, LoadError> {
    let fragment = share::encode(&doc.to_string());
    let json = match share::decode(&fragment) {
        Ok(j) => j,
        Err(e) => panic!("the link does not decode: {e:?}"),
    };
    Sim::from_json(&json)
}

fn refused(doc: &serde_json::Value) -> Vec<crate::problem::Problem> {
    match load_link(doc) {
        Err(LoadError::Invalid(p)) => p,
        Err(e) => panic!("refused for another reason: {e}"),
        Ok(_) => panic!("a scenario over the limits was accepted"),
    }
}

#[test]
fn ten_clusters_of_5000_instances_are_refused_at_load_naming_the_instance_limit() {
    let p = refused(&clusters_document(10, 5000, 1));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(
        p[0].path,
        "capacityProviders[1].autoScalingGroupProvider.autoScalingGroup.maxSize"
    );
    assert!(p[0].message.contains(&format!(
        "at most {MAX_TOTAL_INSTANCES} container instances"
    )));
}

#[test]
fn twenty_fargate_services_of_5000_tasks_are_refused_at_load_naming_the_task_limit() {
    let p = refused(&fargate_document(20, 5000, None));
    assert_eq!(p.len(), 1, "{p:?}");
    let crossing = (MAX_TOTAL_DESIRED_TASKS / 5000) as usize;
    assert_eq!(p[0].path, format!("services[{crossing}].desiredCount"));
    assert!(p[0]
        .message
        .contains(&format!("at most {MAX_TOTAL_DESIRED_TASKS} tasks")));
}

/// Events the engine may run for the first simulated seconds of a scenario at the task limit:
/// a few per task (create, provision, pull, start) plus the passes.
const EVENT_BUDGET_PER_TASK: u64 = 8;

#[test]
fn fargate_services_at_the_task_limit_build_and_place_every_task_within_an_event_budget() {
    let services = MAX_TOTAL_DESIRED_TASKS / 5000;
    let mut sim = match load_link(&fargate_document(services, 5000, None)) {
        Ok(s) => s,
        Err(e) => panic!("a scenario at the limit was refused: {e}"),
    };
    let budget = u64::from(MAX_TOTAL_DESIRED_TASKS) * EVENT_BUDGET_PER_TASK;
    while sim.next_event_at().is_some_and(|t| t <= 5_000) && sim.steps() < budget {
        sim.step();
    }
    assert!(sim.steps() < budget, "{} events in 5 s", sim.steps());
    assert_eq!(sim.tasks_kept(), MAX_TOTAL_DESIRED_TASKS as usize);
    // Fargate spreads each service's tasks across its three zones (DG task-placement), from
    // the per-group zone counts: 5,000 = 1,667 + 1,667 + 1,666.
    for s in 0..services as usize {
        let mut per_zone = std::collections::BTreeMap::<String, u32>::new();
        for t in sim.live_tasks_of_service(s) {
            *per_zone
                .entry(sim.tasks[t].zone.as_deref().unwrap_or_default().to_string())
                .or_default() += 1;
        }
        let counts: Vec<u32> = per_zone.values().copied().collect();
        assert_eq!(counts.len(), 3, "{per_zone:?}");
        assert!(
            counts.iter().all(|&n| n == 1666 || n == 1667),
            "{per_zone:?}"
        );
    }
}

#[test]
fn clusters_at_the_instance_limit_build_and_register_within_an_event_budget() {
    let per = MAX_TOTAL_INSTANCES / MAX_CLUSTERS as u32;
    let mut sim = match load_link(&clusters_document(MAX_CLUSTERS as u32, per, 10)) {
        Ok(s) => s,
        Err(e) => panic!("a scenario at the limit was refused: {e}"),
    };
    assert_eq!(sim.instances.len(), MAX_TOTAL_INSTANCES as usize);
    let budget = 20 * u64::from(MAX_TOTAL_INSTANCES);
    while sim.next_event_at().is_some_and(|t| t <= 5_000) && sim.steps() < budget {
        sim.step();
    }
    assert!(sim.steps() < budget, "{} events in 5 s", sim.steps());
    assert_eq!(sim.tasks_kept(), 10 * MAX_CLUSTERS);
}

/// A crash loop stops a task every few seconds: the engine keeps the live ones and only the
/// newest stopped ones, counts the rest, and a dropped task's id stays unused and reads as gone
/// (the task panel's explanation, the snapshot and `--json` do not panic on it).
#[test]
fn a_crash_loop_keeps_only_the_newest_stopped_tasks_and_a_dropped_one_reads_as_gone() {
    let mut sim = match Sim::from_json(&fargate_document(1, 20, Some(20)).to_string()) {
        Ok(s) => s,
        Err(e) => panic!("the crash loop scenario loads: {e}"),
    };
    sim.keep_stopped_tasks(5);
    sim.run_until(10 * 60_000);
    let stopped = sim
        .tasks
        .values()
        .filter(|t| t.last_status == crate::task::TaskStatus::Stopped)
        .count();
    assert!(sim.tasks_dropped() > 20, "dropped {}", sim.tasks_dropped());
    assert_eq!(stopped, 5, "no circuit breaker pins a task here");
    assert_eq!(
        sim.tasks.next_id() as u64,
        sim.tasks_kept() as u64 + sim.tasks_dropped()
    );
    // Task 0 crashed first and is gone; its id is not reused.
    assert!(sim.tasks.get(0).is_none());
    assert!(crate::view::explain_waiting(&sim, 0).is_none());
    assert!(sim.snapshot().tasks.iter().all(|t| t.index != 0));
    let list = crate::view::report::tasks::describe_tasks(&sim);
    assert!(list.stopped_omitted as u64 >= sim.tasks_dropped());
    // Every task not yet stopped is still kept.
    assert_eq!(
        sim.live_tasks_of_service(0).count(),
        sim.tasks_kept() - stopped
    );
}
