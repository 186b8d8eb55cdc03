//! Scenario-level unit tests of the deployment rules (the golden scenarios in `tests/` cover
//! the rolling bounds, thresholds and rollback end to end).

use crate::sim::{LoadError, Sim};
use crate::view::report::deployments::deployments_json;
use serde_json::{json, Value};

/// A Fargate service `web` (desired `desired`) on `web:1`, with `web:2` registered, and the
/// given deployment configuration, images and timeline.
fn scenario(desired: u32, dc: Value, images: Value, web2_health_check: bool) -> String {
    let container = |image: &str, check: bool| {
        let mut c = json!({ "name": "app", "image": image, "essential": true });
        if check {
            c["healthCheck"] =
                json!({ "command": ["CMD-SHELL", "true"], "interval": 10, "retries": 3 });
        }
        c
    };
    let td = |image: &str, check: bool| {
        json!({
            "family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
            "cpu": "256", "memory": "512", "containerDefinitions": [container(image, check)]
        })
    };
    json!({
        "version": 1, "seed": 3,
        "subnets": [{ "subnetId": "subnet-a", "availabilityZone": "us-east-1a" }],
        "clusters": [{ "clusterName": "default" }],
        "taskDefinitions": [td("example/web:1", false), td("example/web:2", web2_health_check)],
        "images": images,
        "services": [{
            "serviceName": "web", "taskDefinition": "web:1", "desiredCount": desired,
            "launchType": "FARGATE",
            "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-a"] } },
            "deploymentConfiguration": dc
        }],
        "timeline": [{ "at": 120, "action": "updateService", "service": "web", "taskDefinition": "web:2" }]
    })
    .to_string()
}

fn deployments(sim: &Sim) -> Vec<Value> {
    deployments_json(sim)["web"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn failed_container_health_checks_count_in_stage_2_and_roll_back() {
    // DG deployment-circuit-breaker stage 2: web:2 reaches RUNNING (stage 2) and fails its
    // container health check (3 × 10 s); each task stopped for it counts. Desired 2 →
    // threshold 3, then the rollback to web:1.
    let text = scenario(
        2,
        json!({ "deploymentCircuitBreaker": { "enable": true, "rollback": true } }),
        json!({ "example/web:2": { "healthCheckFails": true } }),
        true,
    );
    let mut sim = Sim::from_json(&text).expect("valid scenario");
    sim.run_until(1_800_000);
    let d = deployments(&sim);
    assert_eq!(d.len(), 3);
    assert_eq!(d[1]["taskDefinition"], "web:2");
    assert_eq!(d[1]["rolloutState"], "FAILED");
    assert_eq!(d[1]["failedTasks"], 3);
    assert_eq!(d[0]["taskDefinition"], "web:1");
    assert_eq!(d[0]["rolloutState"], "COMPLETED");
    let stopped_for_health = sim
        .tasks
        .values()
        .filter(|t| {
            t.stopped_reason.as_deref() == Some(crate::task::stopped_reason::FAILED_HEALTH_CHECKS)
        })
        .count();
    assert!(stopped_for_health >= 3, "{stopped_for_health}");
}

#[test]
fn a_healthy_task_resets_the_failure_count_unless_reset_on_healthy_task_is_false() {
    // API DeploymentCircuitBreaker.resetOnHealthyTask (default true): "a task that reaches a
    // healthy state resets the failure count to 0". The web:2 tasks start at ~120 s + Fargate
    // provisioning + pull and count as healthy 40 s after RUNNING; by 300 s they have.
    for (reset, expected) in [(None, 0), (Some(true), 0), (Some(false), 2)] {
        let mut cb = json!({ "enable": true, "rollback": false });
        if let Some(r) = reset {
            cb["resetOnHealthyTask"] = json!(r);
        }
        let text = scenario(
            4,
            json!({ "deploymentCircuitBreaker": cb }),
            json!({}),
            false,
        );
        let mut sim = Sim::from_json(&text).expect("valid scenario");
        sim.run_until(121_000);
        let p = sim.services[0].deployments.primary().unwrap_or_default();
        assert_eq!(p, 1);
        sim.services[0].deployments.list[p].failed_tasks = 2;
        sim.run_until(300_000);
        assert_eq!(
            sim.services[0].deployments.list[p].failed_tasks, expected,
            "resetOnHealthyTask {reset:?}"
        );
    }
}

#[test]
fn threshold_configuration_sets_how_many_failures_fail_the_deployment() {
    // API ThresholdConfiguration / ThresholdType: web:2's image cannot be pulled, so each of its
    // tasks fails in stage 1. Desired 4 fails after 3 by default (BOUNDED_PERCENT 50, at least
    // 3), after 1 with COUNT 1, after 2 with UNBOUNDED_PERCENT 50 (half of 4, no minimum of
    // 3), and after 4 with BOUNDED_PERCENT 100.
    for (tc, expected) in [
        (None, 3),
        (Some(json!({ "type": "COUNT", "value": 1 })), 1),
        (Some(json!({ "type": "UNBOUNDED_PERCENT", "value": 50 })), 2),
        (Some(json!({ "type": "BOUNDED_PERCENT", "value": 100 })), 4),
    ] {
        let mut cb = json!({ "enable": true, "rollback": true });
        if let Some(tc) = &tc {
            cb["thresholdConfiguration"] = tc.clone();
        }
        let text = scenario(
            4,
            json!({ "deploymentCircuitBreaker": cb }),
            json!({ "example/web:2": { "pullFails": true } }),
            false,
        );
        let mut sim = Sim::from_json(&text).expect("valid scenario");
        sim.run_until(1_800_000);
        let d = deployments(&sim);
        assert_eq!(d.len(), 3, "{tc:?}");
        assert_eq!(d[1]["taskDefinition"], "web:2");
        assert_eq!(d[1]["rolloutState"], "FAILED", "{tc:?}");
        assert_eq!(d[1]["failedTasks"], expected, "{tc:?}");
        assert_eq!(d[0]["rolloutState"], "COMPLETED", "{tc:?}");
    }
}

#[test]
fn without_the_circuit_breaker_a_bad_deployment_stays_in_progress() {
    // DG deployment-circuit-breaker: only a service with the breaker turned on moves to FAILED.
    let text = scenario(
        2,
        json!({}),
        json!({ "example/web:2": { "pullFails": true } }),
        false,
    );
    let mut sim = Sim::from_json(&text).expect("valid scenario");
    sim.run_until(1_800_000);
    let d = deployments(&sim);
    assert_eq!(d.len(), 2);
    assert_eq!(d[0]["rolloutState"], "IN_PROGRESS");
    assert_eq!(d[0]["failedTasks"], 0);
    assert!(sim.deployment_in_progress(0));
}

#[test]
fn deployment_keys_are_checked_against_the_api_limits_with_json_paths() {
    // API DeploymentConfiguration, CanaryConfiguration, LinearConfiguration,
    // DeploymentCircuitBreaker ("rolling update (ECS) deployment type" only) and the simulator
    // key codeDeploy.
    let base: Value =
        serde_json::from_str(&scenario(1, json!({}), json!({}), false)).expect("json");
    let cases: Vec<(Value, Option<Value>, Option<Value>, &str)> = vec![
        (
            json!({ "strategy": "BLUE_GREEN" }),
            None,
            None,
            "services[0].deploymentConfiguration.bakeTimeInMinutes",
        ),
        (
            json!({ "strategy": "BLUE_GREEN", "bakeTimeInMinutes": 1441 }),
            None,
            None,
            "services[0].deploymentConfiguration.bakeTimeInMinutes",
        ),
        (
            json!({ "strategy": "CANARY", "canaryConfiguration": { "canaryPercent": 0.05 } }),
            None,
            None,
            "services[0].deploymentConfiguration.canaryConfiguration.canaryPercent",
        ),
        (
            json!({ "strategy": "LINEAR", "linearConfiguration": { "stepPercent": 2.9 } }),
            None,
            None,
            "services[0].deploymentConfiguration.linearConfiguration.stepPercent",
        ),
        (
            json!({ "strategy": "LINEAR", "canaryConfiguration": {} }),
            None,
            None,
            "services[0].deploymentConfiguration.canaryConfiguration",
        ),
        (
            json!({ "strategy": "RED_BLACK" }),
            None,
            None,
            "services[0].deploymentConfiguration.strategy",
        ),
        (
            json!({}),
            Some(json!({ "type": "EXTERNAL" })),
            None,
            "services[0].deploymentController.type",
        ),
        (
            json!({}),
            Some(json!({ "type": "CODE_DEPLOY" })),
            None,
            "services[0].codeDeploy",
        ),
        (
            json!({}),
            None,
            Some(json!({ "deploymentConfigName": "CodeDeployDefault.ECSAllAtOnce" })),
            "services[0].codeDeploy",
        ),
        (
            json!({}),
            Some(json!({ "type": "CODE_DEPLOY" })),
            Some(json!({ "deploymentConfigName": "CodeDeployDefault.Nope" })),
            "services[0].codeDeploy.deploymentConfigName",
        ),
        (
            json!({}),
            Some(json!({ "type": "CODE_DEPLOY" })),
            Some(
                json!({ "deploymentConfigName": "CodeDeployDefault.ECSAllAtOnce", "terminationWaitTimeInMinutes": 2881 }),
            ),
            "services[0].codeDeploy.terminationWaitTimeInMinutes",
        ),
        (
            json!({ "deploymentCircuitBreaker": { "enable": true, "rollback": false } }),
            Some(json!({ "type": "CODE_DEPLOY" })),
            Some(json!({ "deploymentConfigName": "CodeDeployDefault.ECSAllAtOnce" })),
            "services[0].deploymentConfiguration.deploymentCircuitBreaker",
        ),
        (
            json!({ "deploymentCircuitBreaker": { "enable": true, "rollback": true,
                "thresholdConfiguration": { "type": "PERCENT", "value": 10 } } }),
            None,
            None,
            "services[0].deploymentConfiguration.deploymentCircuitBreaker.thresholdConfiguration.type",
        ),
        (
            json!({ "deploymentCircuitBreaker": { "enable": true, "rollback": true,
                "thresholdConfiguration": { "type": "COUNT", "value": 0 } } }),
            None,
            None,
            "services[0].deploymentConfiguration.deploymentCircuitBreaker.thresholdConfiguration.value",
        ),
    ];
    for (dc, controller, code_deploy, path) in cases {
        let mut doc = base.clone();
        doc["services"][0]["deploymentConfiguration"] = dc.clone();
        if let Some(c) = controller {
            doc["services"][0]["deploymentController"] = c;
        }
        if let Some(c) = code_deploy {
            doc["services"][0]["codeDeploy"] = c;
        }
        match Sim::from_json(&doc.to_string()) {
            Err(LoadError::Invalid(ps)) => {
                let paths: Vec<&str> = ps.iter().map(|p| p.path.as_str()).collect();
                assert_eq!(paths, vec![path], "{dc}");
            }
            other => panic!(
                "{dc}: expected a problem at {path}, got {:?}",
                other.map(|_| ())
            ),
        }
    }
    let mut ok = base.clone();
    ok["services"][0]["deploymentController"] = json!({ "type": "ECS" });
    ok["services"][0]["deploymentConfiguration"] =
        json!({ "strategy": "LINEAR", "linearConfiguration": { "stepPercent": 33.3 } });
    assert!(Sim::from_json(&ok.to_string()).is_ok());
    let mut unknown = base;
    unknown["services"][0]["deploymentConfiguration"] =
        json!({ "deploymentCircuitBreaker": { "enable": true, "rollback": true, "extra": 1 } });
    assert!(matches!(
        Sim::from_json(&unknown.to_string()),
        Err(LoadError::Scenario(_))
    ));
    // API ThresholdConfiguration: type and value are both required.
    unknown["services"][0]["deploymentConfiguration"] = json!({ "deploymentCircuitBreaker":
        { "enable": true, "rollback": true, "thresholdConfiguration": { "type": "COUNT" } } });
    assert!(matches!(
        Sim::from_json(&unknown.to_string()),
        Err(LoadError::Scenario(_))
    ));
}

#[test]
fn update_service_with_an_unknown_task_definition_changes_nothing_api_update_service() {
    // Found by the scenario fuzz target: `update-service --desired-count 0 --task-definition web`
    // on a service whose family is `worker` failed, yet had already set desiredCount 0, leaving
    // the service with 10 tasks above its maximum and no deployment to stop them. ECS refuses the
    // call as a whole (API UpdateService: ClientException); nothing of it applies.
    let e = crate::scenario::examples::example("fargate-spot-strategy").expect("example");
    let mut sim = Sim::from_json(e.json).expect("loads");
    sim.run_until(83_565);
    let refused = sim.apply(&crate::scenario::document::TimelineAction::UpdateService {
        service: "worker".into(),
        desired_count: Some(0),
        task_definition: Some("web".into()),
        force_new_deployment: false,
    });
    assert!(refused.is_err());
    // Test builds check every invariant after each step: the run goes on as before.
    sim.run_until(600_000);
    let snap = sim.snapshot();
    let worker = snap
        .services
        .iter()
        .find(|s| s.name == "worker")
        .expect("worker");
    assert_eq!((worker.desired_count, worker.running_count), (10, 10));
}

#[test]
fn a_live_update_service_cannot_take_the_scenario_past_its_task_limit() {
    // README "Limits": the load check counts every service at the most it can reach; a live
    // UpdateService from the page must not go around it. Four services may scale to 19,900
    // tasks together (their scalable targets' maxCapacity), so `worker` has 100 left.
    use crate::scenario::document::TimelineAction;
    use crate::scenario::limits::MAX_TOTAL_DESIRED_TASKS;
    let mut v: Value =
        serde_json::from_str(&scenario(1, json!({}), json!({}), false)).expect("json");
    let web = v["services"][0].clone();
    let mut services = vec![];
    let mut targets = vec![];
    let scaled = ["web", "s2", "s3", "s4"];
    for (k, name) in scaled.iter().enumerate() {
        let mut s = web.clone();
        s["serviceName"] = json!(name);
        services.push(s);
        let max = if k == 0 { 4_900 } else { 5_000 };
        targets.push(json!({ "serviceNamespace": "ecs",
            "resourceId": format!("service/default/{name}"),
            "scalableDimension": "ecs:service:DesiredCount", "minCapacity": 1, "maxCapacity": max }));
    }
    let mut worker = web.clone();
    worker["serviceName"] = json!("worker");
    services.push(worker);
    v["services"] = json!(services);
    v["scalableTargets"] = json!(targets);
    v["timeline"] = json!([]);
    let mut sim = Sim::from_json(&v.to_string()).expect("valid scenario");
    sim.run_until(1_000);
    let update = |n: u32| TimelineAction::UpdateService {
        service: "worker".into(),
        desired_count: Some(n),
        task_definition: None,
        force_new_deployment: false,
    };
    let refused = sim.apply(&update(101));
    let Err(e) = refused else {
        panic!("a desired count past the scenario limit was applied")
    };
    assert!(
        e.0.contains(&format!("at most {MAX_TOTAL_DESIRED_TASKS}")),
        "{e}"
    );
    let worker_desired = |sim: &Sim| {
        sim.snapshot()
            .services
            .iter()
            .find(|s| s.name == "worker")
            .map(|s| s.desired_count)
    };
    assert_eq!(
        worker_desired(&sim),
        Some(1),
        "the refused call changed nothing"
    );
    assert!(sim.apply(&update(100)).is_ok(), "up to the limit is fine");
    assert_eq!(worker_desired(&sim), Some(100));
}

/// The most tasks of `web` alive at once (started and not yet STOPPED, the stopping ones
/// included), read from the log in its order.
fn most_alive(sim: &Sim) -> usize {
    let mut alive = std::collections::BTreeSet::new();
    let mut most = 0;
    for e in sim.log() {
        if e.text.starts_with("(service web) has started") {
            for id in e
                .text
                .split("(task ")
                .skip(1)
                .filter_map(|x| x.split(')').next())
            {
                alive.insert(id.to_string());
            }
        } else if let Some(rest) = e.text.strip_prefix("Task ") {
            if let Some((id, _)) = rest.split_once(" STOPPED") {
                alive.remove(id);
            }
        }
        most = most.max(alive.len());
    }
    most
}

/// The tasks in each "(service web) has stopped" line after `from_s` seconds, and when.
fn stop_batches(sim: &Sim, from_s: u64) -> Vec<(u64, usize)> {
    super::log_lines(sim, "(service web) has stopped")
        .into_iter()
        .filter(|(at, _)| *at >= from_s)
        .map(|(at, line)| (at, line.matches("(task ").count()))
        .collect()
}

#[test]
fn with_maximum_percent_100_every_batch_starts_its_replacements_once_the_old_tasks_stop_api_deployment_configuration(
) {
    // desired 4 at 50/100: two old tasks stop, then two web:2 tasks start. A task the
    // scheduler stopped counts against maximumPercent until STOPPED, so each batch's
    // replacements start once its tasks have stopped (7 s on Fargate), every batch alike (ECS's
    // service events: "has stopped 2 running tasks", then "has started 2 tasks"; fidelity
    // probe, 2026-12-07). Until 2026-12-06 only the first batch waited; then none did, and 6
    // tasks were alive at once where maximumPercent allows 4.
    let text = scenario(
        4,
        json!({ "minimumHealthyPercent": 50, "maximumPercent": 100 }),
        json!({}),
        false,
    );
    let mut sim = Sim::from_json(&text).expect("valid scenario");
    sim.run_until(900_000);
    assert!(
        stop_batches(&sim, 120).len() >= 2,
        "the rolling update stopped old tasks in at most one batch"
    );
    assert_eq!(most_alive(&sim), 4);
    let d = deployments(&sim);
    assert_eq!(d[0]["rolloutState"], "COMPLETED", "{d:?}");
}

/// [`scenario`] with 5 tasks and deployment configuration `dc`, its containers behind the
/// target group `tg` (300 s deregistration delay).
fn behind_a_load_balancer(dc: Value) -> String {
    let mut doc: Value = serde_json::from_str(&scenario(5, dc, json!({}), false)).expect("json");
    doc["targetGroups"] = json!([{ "targetGroupName": "tg" }]);
    for td in 0..2 {
        doc["taskDefinitions"][td]["containerDefinitions"][0]["portMappings"] =
            json!([{ "containerPort": 80 }]);
    }
    doc["services"][0]["loadBalancers"] =
        json!([{ "targetGroupArn": "tg", "containerName": "app", "containerPort": 80 }]);
    doc.to_string()
}

#[test]
fn behind_a_load_balancer_each_maximum_percent_100_batch_waits_out_the_deregistration_delay() {
    // ECS's service events for desired 5 at 50/100 with a 300 s deregistration delay: batches
    // of 2, 2 and 1, each "has begun draining connections", then about five minutes later "has
    // stopped", then "has started" (console log in a 2020 ECS restart guide). At 100/200 the
    // replacements start at once beside the draining tasks.
    let with = |dc: Value| {
        let mut sim = Sim::from_json(&behind_a_load_balancer(dc)).expect("valid scenario");
        sim.run_until(3_600_000);
        sim
    };
    let sim = with(json!({ "minimumHealthyPercent": 50, "maximumPercent": 100 }));
    assert_eq!(most_alive(&sim), 5);
    // One pair of events for the batch, and "has stopped" once it has drained (ECS's events;
    // the engine wrote one pair per task, and "has stopped" as the drain began).
    assert_eq!(
        super::log_times(
            &sim,
            "(service web) has begun draining connections on 2 tasks."
        )
        .first(),
        Some(&120_000)
    );
    assert_eq!(
        super::log_times(&sim, "(service web) has stopped 2 running tasks").first(),
        Some(&420_000)
    );
    // The grouped lines do not depend on how the run is cut: a second at a time gives the
    // same trace.
    let mut chunked = Sim::from_json(&behind_a_load_balancer(json!({
        "minimumHealthyPercent": 50, "maximumPercent": 100
    })))
    .expect("valid scenario");
    for k in 1..=3600 {
        chunked.run_until(k * 1000);
    }
    assert_eq!(chunked.trace_hash(), sim.trace_hash());
    let first_start = super::log_lines(&sim, "(service web) has started")
        .iter()
        .map(|(at, _)| *at)
        .find(|&at| at >= 120);
    assert!(
        first_start.is_some_and(|at| at >= 120 + 300),
        "the first replacements started at {first_start:?} s, before the 300 s drain ended"
    );
    let stopped: usize = stop_batches(&sim, 120).iter().map(|(_, n)| n).sum();
    assert_eq!(stopped, 5, "{:?}", stop_batches(&sim, 120));
    assert!(stop_batches(&sim, 120).iter().all(|(_, n)| *n <= 2));
    assert_eq!(deployments(&sim)[0]["rolloutState"], "COMPLETED");
    let sim = with(json!({ "minimumHealthyPercent": 100, "maximumPercent": 200 }));
    let starts = super::log_lines(&sim, "(service web) has started");
    assert!(
        starts
            .iter()
            .any(|(at, line)| (120..=122).contains(at) && line.matches("(task ").count() == 5),
        "100/200 starts all five replacements at once: {starts:?}"
    );
}

/// API Task startedBy: "If the task is started by an Amazon ECS service, then the startedBy
/// parameter contains the deployment ID of the service that starts it" — each task names the
/// deployment that started it (it read `ecs-svc/web` for every task; lifecycle walkthrough
/// 2026-12-06).
#[test]
fn a_service_task_is_started_by_its_deployments_id() {
    let mut sim = Sim::from_json(&scenario(2, json!({}), json!({}), false)).expect("loads");
    sim.run_until(600_000);
    let ds = &sim.services[0].deployments;
    assert_eq!(ds.list.len(), 2, "the initial deployment and the update's");
    for (t, task) in sim.tasks.iter() {
        let k = ds.deployment_of(t).expect("each task has its deployment");
        let id = ds.list[k].id.as_str();
        assert!(id.starts_with("ecs-svc/"), "{id}");
        assert_eq!(task.started_by.as_deref(), Some(id), "task {t}");
    }
    let ids: std::collections::BTreeSet<&str> = sim
        .tasks
        .values()
        .filter_map(|t| t.started_by.as_deref())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
}

#[test]
fn two_stops_clicked_in_one_second_write_the_same_events_as_their_replay() {
    // Review: with the notes of an action written when the instant ended, two clicks in one
    // second wrote two groups live and one in the replay from the kept link, so the logs
    // differed. An action writes its own at once, on both paths.
    use crate::scenario::keep::{with_live_actions, KeptActions};
    let text = behind_a_load_balancer(json!({}));
    let mut live = Sim::from_json(&text).expect("valid scenario");
    live.run_until(90_500);
    let running: Vec<usize> = live
        .snapshot()
        .tasks
        .iter()
        .filter(|t| t.service.is_some() && t.last_status == crate::task::TaskStatus::Running)
        .map(|t| t.index)
        .take(2)
        .collect();
    assert_eq!(running.len(), 2);
    let kept: Vec<_> = running
        .iter()
        .map(|&t| live.apply_live(|s| s.stop_task_action(t)).expect("stops"))
        .collect();
    assert_eq!(kept[0].at, kept[1].at, "both clicks in one second");
    live.run_until(900_000);
    let keep = KeptActions {
        timeline: kept,
        ..KeptActions::default()
    };
    let mut replay =
        Sim::from_json(&with_live_actions(&text, &keep).expect("builds")).expect("loads");
    replay.run_until(900_000);
    // The replay's action lines are marked "Timeline (scripted)", so the rest is compared.
    let lines = |s: &Sim| {
        s.log()
            .iter()
            .filter(|e| e.kind != crate::sim::log::LogKind::Action)
            .map(|e| (e.at, e.text.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(lines(&replay), lines(&live));
    assert_eq!(
        super::log_times(&live, "has begun draining connections on 1 tasks.")[..2],
        [91_000, 91_000]
    );
}
