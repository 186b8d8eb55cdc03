//! A task definition's `placementConstraints` bind placement beside the service's or RunTask's
//! own (DG constraint-examples: memberOf "can be specified with … RegisterTaskDefinition"; API
//! TaskDefinitionPlacementConstraint: type memberOf only; API CreateService
//! placementConstraints: the limit of 10 "includes constraints in the task definition"), and a
//! DAEMON service's constraints do not count its own task against its instance (placement
//! walkthrough 2026-12-06: with distinctInstance it ended at desired 0, never steady).

use super::{log_lines, refused_doc as refused, run_doc};
use crate::sim::Sim;
use serde_json::{json, Value};

/// Three m5.large and three c5.large in two zones; the `web` family with `constraints` in its
/// task definition, and `service` (merged into an EC2 service of 6 tasks of it).
fn scenario(constraints: Value, service: Value) -> Value {
    let group = |name: &str, kind: &str| {
        json!({ "name": name, "autoScalingGroupProvider": { "autoScalingGroup": {
            "instanceType": kind, "minSize": 3, "maxSize": 3, "desiredCapacity": 3,
            "subnets": ["subnet-a", "subnet-b"] } } })
    };
    let mut td = json!({ "family": "web", "networkMode": "bridge",
        "requiresCompatibilities": ["EC2"],
        "containerDefinitions": [{ "name": "app", "image": "example/app:1", "cpu": 256,
            "memory": 512, "essential": true }] });
    if !constraints.is_null() {
        td["placementConstraints"] = constraints;
    }
    let mut svc = json!({ "serviceName": "web", "taskDefinition": "web", "desiredCount": 6,
        "launchType": "EC2" });
    if let (Some(svc), Some(extra)) = (svc.as_object_mut(), service.as_object()) {
        svc.extend(extra.clone());
    }
    json!({
        "version": 1, "seed": 7, "name": "task definition constraints",
        "subnets": [
            { "subnetId": "subnet-a", "availabilityZone": "us-east-1a" },
            { "subnetId": "subnet-b", "availabilityZone": "us-east-1b" }
        ],
        "clusters": [{ "clusterName": "default", "capacityProviders": ["asg-m5", "asg-c5"] }],
        "capacityProviders": [group("asg-m5", "m5.large"), group("asg-c5", "c5.large")],
        "taskDefinitions": [td],
        "services": [svc]
    })
}

fn m5_only() -> Value {
    json!([{ "type": "memberOf", "expression": "attribute:ecs.instance-type == m5.large" }])
}

/// The instance types of the running tasks, sorted.
fn types_of_running(sim: &Sim) -> Vec<&'static str> {
    let mut types: Vec<&'static str> = sim
        .tasks
        .values()
        .filter(|t| t.last_status == crate::task::TaskStatus::Running)
        .filter_map(|t| t.instance)
        .filter_map(|i| sim.instances[i].instance_type.map(|k| k.name))
        .collect();
    types.sort_unstable();
    types
}

#[test]
fn a_task_definition_member_of_keeps_a_services_tasks_on_its_instances() {
    // Without it the default strategy spreads the six over all six instances.
    let free = run_doc(&scenario(Value::Null, json!({})), 120_000);
    assert!(
        types_of_running(&free).contains(&"c5.large"),
        "{:?}",
        types_of_running(&free)
    );
    let bound = run_doc(&scenario(m5_only(), json!({})), 120_000);
    assert_eq!(types_of_running(&bound), vec!["m5.large"; 6]);
}

#[test]
fn a_task_definition_member_of_binds_run_task_too() {
    let mut doc = scenario(m5_only(), json!({ "desiredCount": 0 }));
    doc["tasks"] = json!([{ "taskDefinition": "web", "count": 6, "launchType": "EC2" }]);
    let sim = run_doc(&doc, 120_000);
    assert_eq!(types_of_running(&sim), vec!["m5.large"; 6]);
}

#[test]
fn the_task_definitions_constraints_are_shown_with_the_services() {
    let sim = run_doc(
        &scenario(
            m5_only(),
            json!({ "placementConstraints": [{ "type": "distinctInstance" }] }),
        ),
        0,
    );
    let v = crate::view::placement::service_placement(&sim.model, 0).unwrap();
    let words: Vec<(&str, Option<String>)> = v
        .constraints
        .iter()
        .map(|c| (c.word, c.detail.clone()))
        .collect();
    assert_eq!(
        words,
        vec![
            ("distinctInstance", None),
            (
                "memberOf",
                Some("attribute:ecs.instance-type == m5.large".to_string())
            )
        ]
    );
}

#[test]
fn a_task_definition_takes_only_member_of_with_a_valid_expression() {
    let p = refused(&scenario(
        json!([{ "type": "distinctInstance" }]),
        json!({}),
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].path, "taskDefinitions[0].placementConstraints[0].type");
    assert!(p[0].message.contains("only memberOf"), "{}", p[0].message);
    let p = refused(&scenario(
        json!([{ "type": "memberOf", "expression": "attribute:ecs.instance-type ==" }]),
        json!({}),
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(
        p[0].path,
        "taskDefinitions[0].placementConstraints[0].expression"
    );
    let p = refused(&scenario(json!({ "type": "memberOf" }), json!({})));
    assert_eq!(
        p[0].path, "taskDefinitions[0].placementConstraints",
        "{p:?}"
    );
}

#[test]
fn the_limit_of_ten_counts_the_task_definitions_constraints() {
    let own: Vec<Value> = (0..10)
        .map(|_| json!({ "type": "memberOf", "expression": "attribute:ecs.os-type == linux" }))
        .collect();
    let p = refused(&scenario(
        m5_only(),
        json!({ "placementConstraints": own.clone() }),
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].path, "services[0].placementConstraints");
    assert!(
        p[0].message.contains("the task definition's 1 included"),
        "{}",
        p[0].message
    );
    // Ten of its own and none in the definition: accepted.
    assert!(Sim::from_json(
        &scenario(Value::Null, json!({ "placementConstraints": own })).to_string()
    )
    .is_ok());
}

#[test]
fn a_daemon_with_distinct_instance_runs_one_task_per_instance_and_is_steady() {
    let doc = scenario(
        Value::Null,
        json!({ "desiredCount": null, "schedulingStrategy": "DAEMON",
            "placementConstraints": [{ "type": "distinctInstance" }] }),
    );
    let sim = run_doc(&doc, 300_000);
    assert_eq!(types_of_running(&sim).len(), 6);
    assert_eq!(sim.services[0].desired, 6);
    assert!(!log_lines(&sim, "(service web) has reached a steady state.").is_empty());
}

#[test]
fn a_daemon_member_of_does_not_count_its_own_task_on_the_instance() {
    let doc = scenario(
        Value::Null,
        json!({ "desiredCount": null, "schedulingStrategy": "DAEMON",
            "placementConstraints": [{ "type": "memberOf", "expression": "runningTasksCount == 0" }] }),
    );
    let sim = run_doc(&doc, 300_000);
    assert_eq!(types_of_running(&sim).len(), 6);
    assert_eq!(sim.services[0].desired, 6);
    assert!(!log_lines(&sim, "(service web) has reached a steady state.").is_empty());
}

#[test]
fn a_daemon_follows_its_task_definitions_member_of() {
    let doc = scenario(
        m5_only(),
        json!({ "desiredCount": null, "schedulingStrategy": "DAEMON" }),
    );
    let sim = run_doc(&doc, 300_000);
    assert_eq!(types_of_running(&sim), vec!["m5.large"; 3]);
    assert_eq!(sim.services[0].desired, 3);
}

/// Review 2026-12-06: a revision registered during the run (the deployment panel's new image)
/// kept its memberOf in its JSON but lost it at placement, and a broken one was accepted.
#[test]
fn a_revision_registered_during_the_run_keeps_its_constraints() {
    use crate::scenario::TimelineAction;
    let mut sim = run_doc(&scenario(m5_only(), json!({})), 120_000);
    assert_eq!(types_of_running(&sim), vec!["m5.large"; 6]);
    let json = sim
        .revision_with_image(0, "app", "example/app:2")
        .expect("the next revision");
    let name = sim.register_task_definition(&json).expect("registers");
    sim.apply(&TimelineAction::UpdateService {
        service: "web".into(),
        desired_count: None,
        task_definition: Some(name),
        force_new_deployment: false,
    })
    .expect("updates");
    sim.run_until(900_000);
    assert_eq!(types_of_running(&sim), vec!["m5.large"; 6]);
    let mut broken: Value = serde_json::from_str(&json).expect("JSON");
    broken["placementConstraints"] = json!([{ "type": "distinctInstance" }]);
    let refused = sim
        .register_task_definition(&broken.to_string())
        .expect_err("refused");
    assert_eq!(
        refused[0].path, "placementConstraints[0].type",
        "{refused:?}"
    );
}

/// DG task-placement-constraints, built-in attributes: `ecs.subnet-id` is the subnet the
/// instance was launched in (it was missing, so every task was unplaceable; placement
/// walkthrough 2026-12-06).
#[test]
fn member_of_reads_the_instances_subnet_id() {
    let on_subnet_b = json!({ "placementConstraints": [{ "type": "memberOf",
        "expression": "attribute:ecs.subnet-id == subnet-b" }] });
    let sim = run_doc(&scenario(Value::Null, on_subnet_b), 120_000);
    let zones: Vec<&str> = sim
        .tasks
        .values()
        .filter(|t| t.last_status == crate::task::TaskStatus::Running)
        .filter_map(|t| t.zone.as_deref())
        .collect();
    assert_eq!(zones, vec!["us-east-1b"; 6]);
}

/// Review 2026-12-06: a zone constraint in the task definition rules Availability Zone
/// rebalancing out as one on the service does (DG service-rebalancing); it let ENABLED through.
#[test]
fn a_zone_constraint_in_the_task_definition_rules_out_az_rebalancing() {
    let zone = json!([{ "type": "memberOf",
        "expression": "attribute:ecs.availability-zone == us-east-1a" }]);
    let on_service = scenario(
        Value::Null,
        json!({ "availabilityZoneRebalancing": "ENABLED", "placementConstraints": zone.clone() }),
    );
    let in_definition = scenario(zone, json!({ "availabilityZoneRebalancing": "ENABLED" }));
    let a = refused(&on_service);
    let b = refused(&in_definition);
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(a[0].path, b[0].path);
    assert_eq!(a[0].message, b[0].message);
}
