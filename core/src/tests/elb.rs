//! The load balancer's rules, run through the whole engine on a small scenario: one m5.large,
//! a bridge-mode service behind a target group, images that start in 2 s after an 8 s pull.

use crate::elb::TargetHealthState;
use crate::sim::Sim;
use crate::task::TaskStatus;

fn scenario(group: &str, image: &str, grace: u32, timeline: &str) -> String {
    format!(
        r#"{{"version":1,"seed":3,
        "subnets":[{{"subnetId":"subnet-a","availabilityZone":"us-east-1a"}}],
        "clusters":[{{"clusterName":"default","capacityProviders":["asg"]}}],
        "capacityProviders":[{{"name":"asg","autoScalingGroupProvider":{{"autoScalingGroup":{{
            "instanceType":"m5.large","minSize":1,"maxSize":1,"desiredCapacity":1,"subnets":["subnet-a"]}}}}}}],
        "taskDefinitions":[{{"family":"web","networkMode":"bridge","requiresCompatibilities":["EC2"],
            "containerDefinitions":[{{"name":"app","image":"img","cpu":256,"memory":512,
            "portMappings":[{{"containerPort":80,"hostPort":8080}}]}}]}}],
        "images":{{"img":{image}}},
        "targetGroups":[{group}],
        "services":[{{"serviceName":"web","taskDefinition":"web","desiredCount":1,"launchType":"EC2",
            "healthCheckGracePeriodSeconds":{grace},
            "loadBalancers":[{{"targetGroupArn":"tg","containerName":"app","containerPort":80}}]}}],
        "timeline":[{timeline}]}}"#
    )
}

fn sim(group: &str, image: &str, grace: u32, timeline: &str) -> Sim {
    Sim::from_json(&scenario(group, image, grace, timeline)).expect("valid scenario")
}

const GROUP: &str = r#"{"targetGroupName":"tg"}"#;
const GOOD: &str = r#"{"pullSeconds":8,"startSeconds":2}"#;
const BAD: &str = r#"{"pullSeconds":8,"startSeconds":2,"healthCheckFails":true}"#;

#[test]
fn task_lifecycle_target_registered_during_activating_then_running_at_9_s() {
    let mut s = sim(GROUP, GOOD, 0, "");
    s.run_until(8_000);
    assert_eq!(s.tasks[0].last_status, TaskStatus::Activating);
    assert_eq!(s.target_state(0), None);
    s.run_until(9_000);
    assert_eq!(s.tasks[0].last_status, TaskStatus::Running);
    assert_eq!(s.target_state(0), Some(TargetHealthState::Initial));
    assert_eq!(s.tasks[0].target.as_ref().map(|x| x.port), Some(8080));
    assert!(!s.target_healthy(0));
    assert!(s.log().iter().any(|e| e.at == 9_000
        && e.text.starts_with("(service web) registered 1 targets in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg/")));
}

#[test]
fn new_target_must_pass_one_health_check_healthy_at_registration_plus_30_s() {
    // ALB User Guide target-group-health-checks: "After your target is registered, it must
    // pass one health check to be considered healthy." First check one interval (30 s) after
    // registration at 9 s.
    let mut s = sim(GROUP, GOOD, 0, "");
    s.run_until(38_999);
    assert_eq!(s.target_state(0), Some(TargetHealthState::Initial));
    assert_eq!(s.routable_targets(0), vec![]);
    s.run_until(39_000);
    assert_eq!(s.target_state(0), Some(TargetHealthState::Healthy));
    assert!(s.target_healthy(0));
    assert_eq!(s.routable_targets(0), vec![(0, 100_000)]);
}

#[test]
fn custom_interval_10_makes_the_first_check_at_19_s() {
    let group =
        r#"{"targetGroupName":"tg","healthCheckIntervalSeconds":10,"healthCheckTimeoutSeconds":5}"#;
    let mut s = sim(group, GOOD, 0, "");
    s.run_until(18_999);
    assert_eq!(s.target_state(0), Some(TargetHealthState::Initial));
    s.run_until(19_000);
    assert_eq!(s.target_state(0), Some(TargetHealthState::Healthy));
}

#[test]
fn unhealthy_target_recovers_after_healthy_threshold_count_5_checks_of_30_s() {
    // The app answers only 70 s after RUNNING (9 s): checks at 39 and 69 s fail → unhealthy at
    // 69 s; checks at 99, 129, 159, 189, 219 s pass → healthy at 219 s = 69 + 5 × 30.
    let slow = r#"{"pullSeconds":8,"startSeconds":70}"#;
    let mut s = sim(GROUP, slow, 600, "");
    s.run_until(69_000);
    assert_eq!(s.target_state(0), Some(TargetHealthState::Unhealthy));
    s.run_until(218_999);
    assert_eq!(s.target_state(0), Some(TargetHealthState::Unhealthy));
    s.run_until(219_000);
    assert_eq!(s.target_state(0), Some(TargetHealthState::Healthy));
    assert!(
        !s.tasks[0].stop_requested,
        "recovered within the 600 s grace period"
    );
}

#[test]
fn unhealthy_threshold_count_2_failures_then_replaced_after_grace_period() {
    let mut s = sim(GROUP, BAD, 120, "");
    s.run_until(68_999);
    assert_eq!(s.target_state(0), Some(TargetHealthState::Initial));
    s.run_until(69_000);
    assert_eq!(s.target_state(0), Some(TargetHealthState::Unhealthy));
    assert!(s.target_unhealthy(0));
    // Grace period: 9 s (RUNNING) + 120 s = 129 s; the task is kept until then.
    s.run_until(128_999);
    assert!(!s.tasks[0].stop_requested);
    s.run_until(129_000);
    assert!(s.tasks[0].stop_requested);
    assert_eq!(s.tasks[0].last_status, TaskStatus::Deactivating);
    assert_eq!(s.target_state(0), Some(TargetHealthState::Draining));
    // The replacement needs host port 8080, which the draining task holds until it stops: it
    // is not placed (no task object, ECS's "unable to place" event) until then.
    assert_eq!(s.tasks.next_id(), 1);
    assert_eq!(s.services[0].unplaced, 1);
    assert!(s.log().iter().any(|e| e.at == 129_000
        && e.text
            .contains("is already using a port required by your task")));
}

#[test]
fn deregistration_delay_300_s_in_deactivating_before_stopping() {
    let stop = r#"{"at":200,"action":"stopTask","service":"web"}"#;
    let mut s = sim(GROUP, GOOD, 0, stop);
    s.run_until(200_000);
    assert_eq!(s.tasks[0].last_status, TaskStatus::Deactivating);
    assert_eq!(s.target_state(0), Some(TargetHealthState::Draining));
    assert!(s.routable_targets(0).iter().all(|&(t, _)| t != 0));
    let texts: Vec<&str> = s
        .log()
        .iter()
        .filter(|e| e.at == 200_000)
        .map(|e| e.text.as_str())
        .collect();
    let dereg = texts
        .iter()
        .position(|t| t.starts_with("(service web) deregistered 1 targets in (target-group arn:"))
        .expect("deregistered");
    assert_eq!(
        texts.get(dereg + 1),
        Some(&"(service web) has begun draining connections on 1 tasks.")
    );
    s.run_until(499_999);
    assert_eq!(s.tasks[0].last_status, TaskStatus::Deactivating);
    s.run_until(500_000);
    assert_eq!(s.tasks[0].last_status, TaskStatus::Stopping);
    assert_eq!(s.target_state(0), None, "the target left the group");
    s.run_until(501_000);
    assert_eq!(s.tasks[0].last_status, TaskStatus::Stopped);
}

#[test]
fn a_draining_task_view_says_when_its_deregistration_delay_ends() {
    // ALB User Guide, *Deregistration delay*: the target drains for the group's delay (300 s by
    // default), then the task goes on to STOPPING: the chip counts down to that moment.
    let stop = r#"{"at":200,"action":"stopTask","service":"web"}"#;
    let mut s = sim(GROUP, GOOD, 0, stop);
    s.run_until(199_999);
    assert_eq!(s.task_view(0).draining_until, None, "healthy, not draining");
    s.run_until(200_000);
    let view = s.task_view(0);
    assert_eq!(view.target_health, Some(TargetHealthState::Draining));
    assert_eq!(view.draining_until, Some(500_000));
    s.run_until(499_999);
    assert_eq!(s.task_view(0).draining_until, Some(500_000));
    s.run_until(500_000);
    assert_eq!(s.tasks[0].last_status, TaskStatus::Stopping);
    assert_eq!(
        s.task_view(0).draining_until,
        None,
        "the target left the group"
    );
}

#[test]
fn deregistration_delay_0_stops_at_once() {
    let group = r#"{"targetGroupName":"tg","deregistrationDelaySeconds":0}"#;
    let stop = r#"{"at":200,"action":"stopTask","service":"web"}"#;
    let mut s = sim(group, GOOD, 0, stop);
    s.run_until(200_000);
    assert_eq!(s.tasks[0].last_status, TaskStatus::Stopping);
}

#[test]
fn tasks_without_a_load_balancer_count_as_target_healthy_and_get_no_target_checks() {
    let text = scenario(GROUP, GOOD, 0, "").replace(
        r#""loadBalancers":[{"targetGroupArn":"tg","containerName":"app","containerPort":80}]"#,
        r#""desiredCount":1"#,
    );
    let mut s =
        Sim::from_json(&text.replace(r#""desiredCount":1,"launchType""#, r#""launchType""#))
            .expect("valid");
    s.run_until(300_000);
    assert!(s.tasks[0].target_group.is_none());
    assert!(s.target_healthy(0));
    assert!(!s.target_unhealthy(0));
    assert_eq!(
        s.tasks[0].started_at,
        Some(8_000),
        "no ACTIVATING step without a target"
    );
}

#[test]
fn choose_target_group_picks_the_alternate_for_green_tasks() {
    let text = scenario(
        r#"{"targetGroupName":"tg"},{"targetGroupName":"tg-green"}"#,
        GOOD,
        0,
        "",
    )
    .replace(
        r#""containerPort":80}]}],"#,
        r#""containerPort":80,"advancedConfiguration":{"alternateTargetGroupArn":"tg-green","productionListenerRule":"rule","roleArn":"role"}}]}],"#,
    );
    let mut s = Sim::from_json(&text).expect("valid");
    s.run_until(0);
    assert_eq!(s.tasks[0].target_group, Some(0));
    s.choose_target_group(0, true);
    assert_eq!(s.tasks[0].target_group, Some(1));
    s.run_until(9_000);
    assert_eq!(s.tasks[0].target.as_ref().map(|x| x.group), Some(1));
    s.choose_target_group(0, false);
    assert_eq!(s.tasks[0].target_group, Some(0));
}

#[test]
fn report_counts_targets_by_state() {
    let mut s = sim(GROUP, GOOD, 0, "");
    s.run_until(160_000);
    let r = crate::view::report::load_balancers::load_balancer_report(&s);
    assert_eq!(r["targetGroups"][0]["targets"]["healthy"], 1);
    assert_eq!(r["targetGroups"][0]["targets"]["initial"], 0);
    assert_eq!(r["targetGroups"][0]["deregistrationDelaySeconds"], 300);
    assert_eq!(r["services"][0]["targetGroup"], "tg");
    assert_eq!(r["targets"][0]["state"], "healthy");
    assert_eq!(r["targets"][0]["port"], 8080);
}

#[test]
fn only_unhealthy_targets_in_a_group_fail_open_and_all_receive_traffic() {
    // ALB User Guide target-group-health-checks: a group with only unhealthy targets routes to
    // all of them. Two sick tasks, unhealthy at 69 s, kept by a 600 s grace period.
    // Dynamic host ports, so both fit on the one instance.
    let text = scenario(GROUP, BAD, 600, "")
        .replace(r#""desiredCount":1"#, r#""desiredCount":2"#)
        .replace(r#""hostPort":8080"#, r#""hostPort":0"#);
    let mut s = Sim::from_json(&text).expect("valid");
    s.run_until(69_000);
    assert!(s.target_unhealthy(0) && s.target_unhealthy(1));
    assert!(!s.target_healthy(0));
    assert_eq!(s.routable_targets(0), vec![(0, 50_000), (1, 50_000)]);
}

#[test]
fn routable_weights_split_evenly_inside_the_group() {
    let text = scenario(GROUP, GOOD, 0, "")
        .replace(r#""desiredCount":1"#, r#""desiredCount":3"#)
        .replace(r#""hostPort":8080"#, r#""hostPort":0"#);
    let mut s = Sim::from_json(&text).expect("valid");
    s.run_until(39_000);
    assert_eq!(
        s.routable_targets(0),
        vec![(0, 33_333), (1, 33_333), (2, 33_333)]
    );
}

#[test]
fn elb_stopped_reason_names_the_target_group_only_for_unhealthy_targets() {
    let mut s = sim(GROUP, BAD, 600, "");
    s.run_until(39_000);
    assert_eq!(s.elb_health_check_stopped_reason(0), None);
    s.run_until(69_000);
    let reason = s.elb_health_check_stopped_reason(0).expect("unhealthy");
    assert!(reason.starts_with(
        "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg/"
    ));
}

#[test]
fn service_load_balancing_task_replaced_for_unhealthy_target_stops_with_task_failed_elb_health_checks(
) {
    // ECS gives a task it replaces because its target failed the load balancer's health checks
    // the stoppedReason "Task failed ELB health checks in (target-group …)", not the container
    // health check reason. The image has no container health check, so only the target fails:
    // registered at 9 s, failed checks at 39 s and 69 s (UnhealthyThresholdCount 2), grace 0.
    let text = scenario(GROUP, BAD, 0, "").replace(r#""hostPort":8080"#, r#""hostPort":0"#);
    let mut s = Sim::from_json(&text).expect("valid");
    s.run_until(200_000);
    let reason = s.tasks[0]
        .stopped_reason
        .clone()
        .expect("first task stopped");
    assert!(
        reason.starts_with(
            "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg/"
        ),
        "{reason}"
    );
    let id = s.tasks[0].id;
    assert!(s.log().iter().any(|e| e.text.starts_with(&format!(
        "(service web) (task {id}) failed ELB health checks in (target-group arn:aws:elasticloadbalancing:"
    ))));
    assert!(!s
        .log()
        .iter()
        .any(|e| e.text.contains("failed container health checks")));
}

#[test]
fn dg_service_unhealthy_event_messages_ec2_form_names_the_instance() {
    // DG service-unhealthy-event-messages, EC2: "(service …) (task …) (instance instance-id)
    // (port …) is unhealthy in (target-group …) due to (reason …)". The bridge task runs on the
    // one m5.large; its target is unhealthy at 69 s.
    let mut s = sim(GROUP, BAD, 600, "");
    s.run_until(69_000);
    let id = s.tasks[0].id;
    let ec2 = s.instances[0].ec2_instance_id.clone();
    let head = format!("(service web) (task {id}) (instance {ec2}) (port 8080) is unhealthy in (target-group arn:aws:elasticloadbalancing:");
    assert!(
        s.log().iter().any(|e| e.text.starts_with(&head)
            && e.text.ends_with("due to (reason Health checks failed).")),
        "{head}"
    );
}

/// Lesson 2's scenario (bridge `web` on the `instance` target group `web-tg`) with an awsvpc
/// copy of its task definition registered after it, as the family `family` when given.
fn host_ports_with_awsvpc_revision(family: Option<&str>) -> serde_json::Value {
    let lesson: serde_json::Value =
        serde_json::from_str(include_str!("../challenge/course/02-host-ports.json"))
            .expect("lesson 2 is JSON");
    let mut doc = lesson["scenario"].clone();
    let mut awsvpc = doc["taskDefinitions"][0].clone();
    if let Some(f) = family {
        awsvpc["family"] = f.into();
    }
    awsvpc["networkMode"] = "awsvpc".into();
    awsvpc["containerDefinitions"][0]["portMappings"] =
        serde_json::json!([{ "containerPort": 80, "protocol": "tcp" }]);
    doc["taskDefinitions"]
        .as_array_mut()
        .expect("a list")
        .push(awsvpc);
    doc
}

#[test]
fn a_revision_whose_network_mode_does_not_fit_the_target_type_is_refused_on_update_too() {
    // CreateService refuses an awsvpc service on an `instance` target group; moving a bridge
    // service there with update-service must not slip past (review).
    let mut doc = host_ports_with_awsvpc_revision(None);
    doc["timeline"] = serde_json::json!([
        { "at": 60, "action": "updateService", "service": "web", "taskDefinition": "web:2" }
    ]);
    let Err(crate::sim::LoadError::Invalid(problems)) =
        crate::sim::Sim::from_json(&doc.to_string())
    else {
        panic!("an update to an awsvpc revision on an instance target group loaded");
    };
    assert!(
        problems
            .iter()
            .any(|p| p.path == "timeline[0].taskDefinition"
                && p.message.contains("has target type instance")),
        "{problems:?}"
    );
}

#[test]
fn an_untyped_target_group_shared_by_an_awsvpc_and_a_bridge_service_is_refused() {
    // A target group has one target type; left out, the playground takes the one its service
    // needs, which two services of different network modes cannot both have (review).
    let mut doc = host_ports_with_awsvpc_revision(Some("api"));
    doc["targetGroups"][0]
        .as_object_mut()
        .map(|o| o.remove("targetType"));
    let mut api = doc["services"][0].clone();
    api["serviceName"] = "api".into();
    api["taskDefinition"] = "api".into();
    api["desiredCount"] = 1.into();
    api["networkConfiguration"] =
        serde_json::json!({ "awsvpcConfiguration": { "subnets": ["subnet-a"] } });
    doc["services"].as_array_mut().expect("a list").push(api);
    let Err(crate::sim::LoadError::Invalid(problems)) =
        crate::sim::Sim::from_json(&doc.to_string())
    else {
        panic!("one untyped group for awsvpc and bridge services loaded");
    };
    assert!(
        problems.iter().any(
            |p| p.path == "targetGroups[0].targetType" && p.message.contains("one target type")
        ),
        "{problems:?}"
    );
}

#[test]
fn a_task_whose_essential_container_exits_does_not_wait_out_the_deregistration_delay() {
    // ALB User Guide, Deregistration delay: "If a deregistering target has no in-flight
    // requests and no active connections, Elastic Load Balancing immediately completes the
    // deregistration process". The application exited at 60 s: its target is deregistered and
    // the task stops within seconds, not after the default 300 s (it sat DEACTIVATING, holding
    // its CPU and memory, until 2026-12-07: engineer walkthrough).
    let crash = r#"{"pullSeconds":8,"startSeconds":2,"exitCode":1,"crashAfterSeconds":51}"#;
    let mut s = sim(GROUP, crash, 0, "");
    s.run_until(59_000);
    assert_eq!(s.tasks[0].last_status, TaskStatus::Running);
    s.run_until(120_000);
    let first = &s.tasks[0];
    assert_eq!(first.last_status, TaskStatus::Stopped);
    let stopped = first.stopped_at.expect("stopped");
    assert!(stopped <= 60_000 + 31_000, "STOPPED at {stopped} ms");
    assert!(s
        .log()
        .iter()
        .any(|e| e.text.starts_with("(service web) deregistered 1 targets")));
}

#[test]
fn a_load_balancer_attached_by_the_form_registers_bridge_and_awsvpc_tasks_as_healthy_targets() {
    // The default scenario: web (bridge, dynamic host port) and api (awsvpc on Fargate), both
    // attached with Service settings' Attach a load balancer (`elb::form`). Each group takes the
    // target type its service needs, and every task turns a healthy target.
    let mut doc: serde_json::Value =
        serde_json::from_str(crate::scenario::DEFAULT_SCENARIO_JSON).expect("json");
    crate::elb::form::attach_load_balancer(&mut doc, "web").expect("web attached");
    crate::elb::form::attach_load_balancer(&mut doc, "api").expect("api attached");
    let mut s = Sim::from_json(&doc.to_string()).expect("valid");
    // Before its timeline terminates an instance at 0:02:00.
    s.run_until(110_000);
    let snap = s.snapshot();
    for service in ["web", "api"] {
        let tasks: Vec<_> = snap
            .tasks
            .iter()
            .filter(|t| {
                t.service.as_deref() == Some(service) && t.last_status == TaskStatus::Running
            })
            .collect();
        assert!(!tasks.is_empty(), "{service} runs no task");
        assert!(
            tasks
                .iter()
                .all(|t| t.target_health == Some(TargetHealthState::Healthy)),
            "{service}: {:?}",
            tasks.iter().map(|t| t.target_health).collect::<Vec<_>>()
        );
    }
}
