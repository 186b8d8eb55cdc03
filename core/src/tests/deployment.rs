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

#[test]
fn with_maximum_percent_100_every_batch_starts_its_replacements_once_the_old_tasks_stop_api_deployment_configuration(
) {
    // desired 4 at 50/100: two old tasks stop, then two web:2 tasks start. The stopping tasks
    // are not RUNNING or PENDING in the upper bound's sense (API DeploymentConfiguration), so
    // each batch's replacements start at the scheduler's next look, within a second. Before, the
    // first batch waited for its tasks to reach STOPPED (7 s later on Fargate) while the second
    // started beside tasks still stopping (fidelity walkthrough).
    let text = scenario(
        4,
        json!({ "minimumHealthyPercent": 50, "maximumPercent": 100 }),
        json!({}),
        false,
    );
    let mut sim = Sim::from_json(&text).expect("valid scenario");
    sim.run_until(900_000);
    let stops = super::log_lines(&sim, "(service web) has stopped");
    let starts = super::log_lines(&sim, "(service web) has started");
    let stops: Vec<u64> = stops
        .into_iter()
        .map(|(at, _)| at)
        .filter(|&at| at >= 120)
        .collect();
    assert!(
        stops.len() >= 2,
        "the rolling update stopped old tasks in at most one batch: {stops:?}"
    );
    for at in &stops {
        let next = starts.iter().map(|(s, _)| *s).find(|&s| s >= *at);
        assert!(
            next.is_some_and(|s| s - at <= 1),
            "old tasks stopped at {at} s, replacements started at {next:?} s"
        );
    }
    let d = deployments(&sim);
    assert_eq!(d[0]["rolloutState"], "COMPLETED", "{d:?}");
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
