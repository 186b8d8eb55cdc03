//! A load-balanced service moved to a later revision (UpdateService): the load balancer's
//! container is found by name in each task's own revision, and a revision without it is
//! refused, on the timeline at load and live from the deployment panel alike. API
//! LoadBalancer: the container port "must correspond to a containerPort in the task
//! definition the tasks in the service are using".

use crate::deployment::RolloutState;
use crate::scenario::TimelineAction;
use crate::sim::Sim;
use serde_json::{json, Value};

/// The `alb-health-rollback` example (web behind `web-tg`, container `app` port 80) with
/// revision 2 replaced by `second` and no timeline.
fn example_with_second_revision(second: Value) -> Value {
    let e = crate::scenario::examples::example("alb-health-rollback").expect("example");
    let mut d: Value = serde_json::from_str(e.json).expect("json");
    d["taskDefinitions"][1] = second;
    d["timeline"] = json!([]);
    d
}

/// Revision 2 of `web`: a sidecar listed before `app`, whose image fails health checks, and
/// `app` on the image that answers.
fn sidecar_first() -> Value {
    json!({
        "family": "web", "networkMode": "bridge", "requiresCompatibilities": ["EC2"],
        "containerDefinitions": [
            {"name": "sidecar", "image": "example/sidecar:1", "cpu": 128, "memory": 128,
             "essential": false},
            {"name": "app", "image": "example/web:1", "cpu": 256, "memory": 512,
             "essential": true, "portMappings": [{"containerPort": 80, "hostPort": 0}]}
        ]
    })
}

fn update_to(revision: &str) -> TimelineAction {
    TimelineAction::UpdateService {
        service: "web".into(),
        desired_count: None,
        task_definition: Some(revision.into()),
        force_new_deployment: false,
    }
}

#[test]
fn a_revision_that_lists_another_container_first_is_health_checked_on_the_named_container() {
    // The engine used to keep the load-balanced container's index from revision 1, so web:2's
    // targets were checked on the sidecar (index 0), failed, and the deployment rolled back.
    let mut d = example_with_second_revision(sidecar_first());
    d["images"]["example/sidecar:1"] =
        json!({"pullSeconds": 2, "startSeconds": 1, "healthCheckFails": true});
    d["timeline"] = json!([{"at": 120, "action": "updateService", "service": "web", "taskDefinition": "web:2"}]);
    let mut sim = Sim::from_json(&d.to_string()).expect("valid");
    sim.run_until(900_000);
    let ds = &sim.services[0].deployments.list;
    assert_eq!(ds.len(), 2, "{ds:#?}");
    assert_eq!(ds[1].rollout_state, RolloutState::Completed, "{ds:#?}");
    assert!(!sim
        .log()
        .iter()
        .any(|l| l.text.contains("failed ELB health checks")));
}

/// web:2 without container `app` port 80: as its own document, refused at the timeline
/// entry; live, refused and nothing changes.
fn without_port_80() -> Value {
    let mut td = sidecar_first();
    td["containerDefinitions"][1]["portMappings"][0]["containerPort"] = json!(8080);
    td
}

#[test]
fn a_timeline_update_to_a_revision_without_the_load_balanced_port_is_refused_at_load() {
    let mut d = example_with_second_revision(without_port_80());
    d["timeline"] = json!([{"at": 120, "action": "updateService", "service": "web", "taskDefinition": "web:2"}]);
    let problems = match Sim::from_json(&d.to_string()) {
        Err(crate::sim::LoadError::Invalid(ps)) => ps,
        other => panic!("refused: {:?}", other.map(|_| ())),
    };
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].path, "timeline[0].taskDefinition");
    assert_eq!(
        problems[0].message,
        "The container app did not have a container port 80 defined."
    );
}

#[test]
fn a_live_update_to_a_revision_without_the_load_balanced_container_is_refused() {
    let mut td = sidecar_first();
    td["containerDefinitions"][1]["name"] = json!("web");
    let mut sim = Sim::from_json(&example_with_second_revision(td).to_string()).expect("valid");
    sim.run_until(60_000);
    let err = sim
        .apply_live(|_| Ok(update_to("web:2")))
        .expect_err("refused");
    assert_eq!(
        err.0,
        "update-service web refused: The container app does not exist in the task definition."
    );
    assert_eq!(sim.services[0].deployments.list.len(), 1);
    // The same service takes a revision that has it.
    let mut sim =
        Sim::from_json(&example_with_second_revision(sidecar_first()).to_string()).expect("valid");
    sim.run_until(60_000);
    assert!(sim.apply_live(|_| Ok(update_to("web:2"))).is_ok());
    assert_eq!(sim.services[0].deployments.list.len(), 2);
}

#[test]
fn a_codedeploy_service_takes_a_new_revision_as_a_codedeploy_deployment_and_no_forced_one() {
    // API UpdateService: for a CODE_DEPLOY service, "If the network configuration, platform
    // version, task definition, or load balancer need to be updated, create a new CodeDeploy
    // deployment"; forcing a new deployment is refused. The log named it update-service
    // (engineer walkthrough, 2026-12-05).
    let e = crate::scenario::examples::example("blue-green-codedeploy").expect("example");
    let mut d: Value = serde_json::from_str(e.json).expect("json");
    d["timeline"] = json!([]);
    let mut sim = Sim::from_json(&d.to_string()).expect("valid");
    sim.run_until(60_000);
    let forced = TimelineAction::UpdateService {
        service: "web".into(),
        desired_count: None,
        task_definition: None,
        force_new_deployment: true,
    };
    let err = sim.apply_live(|_| Ok(forced)).expect_err("refused");
    assert!(err.0.contains("cannot force a new deployment"), "{}", err.0);
    assert_eq!(sim.services[0].deployments.list.len(), 1);
    assert!(sim.apply_live(|_| Ok(update_to("web:2"))).is_ok());
    assert_eq!(sim.services[0].deployments.list.len(), 2);
    let last = sim.log().last().map(|l| l.text.clone()).unwrap_or_default();
    assert!(
        last.starts_with("codedeploy create-deployment for web: AppSpec TaskDefinition web:2"),
        "{last}"
    );
}
