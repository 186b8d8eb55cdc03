//! Deployment alarms end to end (DG "How CloudWatch alarms detect Amazon ECS deployment
//! failures", API DeploymentAlarms), on lesson 11's scenario: `web:2` passes its health checks
//! and answers every request with a 5xx (`images[…].errorPercent`).

use super::{log_times as times_of, run_doc as run};
use crate::metrics::{Dimension, MetricName, PERIOD_MS};
use crate::sim::{LoadError, Sim};
use serde_json::Value;

/// Lesson 11's starting scenario: a rolling update (50 / 100) watched by the alarm
/// `web-target-5xx` (more than 10 target 5xx in a minute), rollback on.
fn lesson_scenario() -> Value {
    let lesson: Value = serde_json::from_str(include_str!(
        "../challenge/course/11-canary-blast-radius.json"
    ))
    .expect("lesson 11 is JSON");
    lesson["scenario"].clone()
}

fn datapoint(sim: &Sim, metric: MetricName, at: u64) -> f64 {
    sim.metrics
        .series(metric, &Dimension::Service(0))
        .iter()
        .find(|d| d.at == at)
        .map_or(0.0, |d| d.value)
}

/// Requests web's load balancer refused for want of a target in the whole run.
fn refused_for_want_of_a_target(sim: &Sim) -> f64 {
    sim.traffic
        .refused_no_target
        .get(&0)
        .copied()
        .unwrap_or(0.0)
}

#[test]
fn an_alarm_fails_a_release_that_passes_its_health_checks_and_rolls_it_back() {
    let sim = run(&lesson_scenario(), 900_000);
    // web:2's first tasks start at 2:32, once the first batch has drained (30 s) and stopped;
    // the first minute with their errors ends at 4:00, and the alarm is evaluated then.
    assert_eq!(
        times_of(&sim, "deployment failed: alarm web-target-5xx in ALARM."),
        [240_000]
    );
    assert_eq!(times_of(&sim, "rolling back to deployment"), [240_000]);
    // The circuit breaker never judged a task a failure: every web:2 task was healthy.
    assert!(times_of(&sim, "tasks failed to start").is_empty());
    // The rollback does not watch the alarm (still in ALARM from web:2) and completes.
    assert_eq!(times_of(&sim, "deployment completed.").len(), 1);
    // minimumHealthyPercent 50 holds through the rollback: a web:2 task whose target is still
    // in `initial` does not count as healthy, so the rollback keeps the two with healthy
    // targets until web:1's are healthy (it stopped them and left no target for 20 s). No
    // request is refused for want of a target; the load balancer's 5xx are the two tasks'
    // timeouts while they carry all the traffic (its 5xx since the 28th session).
    let refused = refused_for_want_of_a_target(&sim);
    assert_eq!(refused, 0.0);
    assert!(super::metric_sum(&sim, MetricName::HTTPCode_ELB_5XX_Count) > 0.0);
    // The count sees a gap: with minimumHealthyPercent 0 the release stops every web:1 task
    // before web:2's targets are healthy.
    let mut gap = lesson_scenario();
    gap["services"][0]["deploymentConfiguration"]["minimumHealthyPercent"] = 0.into();
    let sim = run(&gap, 900_000);
    let refused = refused_for_want_of_a_target(&sim);
    assert!(refused > 0.0, "no gap counted");
}

#[test]
fn a_failed_rolling_updates_healthy_tasks_keep_taking_requests_until_deregistered() {
    // web:2's tasks stay registered and healthy in the production target group after the
    // failure until the rollback replaces them (3:52): their requests fail at the target,
    // not at the load balancer for want of a target.
    let sim = run(&lesson_scenario(), 300_000);
    let target = datapoint(&sim, MetricName::HTTPCode_Target_5XX_Count, 4 * PERIOD_MS);
    assert!(target > 2_000.0, "target 5xx in the 4th minute: {target}");
}

#[test]
fn without_the_alarm_nothing_stops_a_release_that_passes_its_health_checks() {
    let mut doc = lesson_scenario();
    doc["services"][0]["deploymentConfiguration"]["alarms"]["enable"] = Value::Bool(false);
    let sim = run(&doc, 900_000);
    assert!(times_of(&sim, "deployment failed").is_empty());
    assert!(times_of(&sim, "rolling back").is_empty());
    let late = datapoint(&sim, MetricName::HTTPCode_Target_5XX_Count, 15 * PERIOD_MS);
    assert!(late > 7_000.0, "every request fails at the end: {late}");
}

#[test]
fn a_rolling_update_watching_alarms_bakes_for_their_longest_window_once_steady_to_a_minute_check() {
    // A good web:2: the alarm never fires, and the deployment completes three minutes (the
    // alarm's evaluationPeriods) after it would without alarms.
    let mut doc = lesson_scenario();
    doc["images"]["example/web:2"]["errorPercent"] = Value::from(0);
    doc["cloudWatchAlarms"][0]["evaluationPeriods"] = Value::from(3);
    let watched = times_of(&run(&doc, 900_000), "deployment completed.");
    doc["services"][0]["deploymentConfiguration"]["alarms"]["enable"] = Value::Bool(false);
    let unwatched = times_of(&run(&doc, 900_000), "deployment completed.");
    assert_eq!(watched.len(), 1);
    assert_eq!(unwatched.len(), 1);
    // The bake ends a second after the first minute's check at or after steady + 3 minutes.
    let late = watched[0] - unwatched[0];
    assert!((180_000..241_000).contains(&late), "{late} ms later");
    assert_eq!(watched[0] % 60_000, 1_000, "completed at {}", watched[0]);
}

#[test]
fn an_alarm_name_not_in_cloud_watch_alarms_and_alarms_on_code_deploy_are_refused() {
    let mut doc = lesson_scenario();
    doc["services"][0]["deploymentConfiguration"]["alarms"]["alarmNames"] =
        serde_json::json!(["web-5xx"]);
    let Err(LoadError::Invalid(problems)) = Sim::from_json(&doc.to_string()) else {
        panic!("an unknown alarm name loaded");
    };
    assert!(problems.iter().any(|p| p.path
        == "services[0].deploymentConfiguration.alarms.alarmNames[0]"
        && p.message.contains("no alarm named web-5xx")));
    let mut doc = lesson_scenario();
    doc["cloudWatchAlarms"][0]["metricName"] = Value::from("InstanceCount");
    let Err(LoadError::Invalid(problems)) = Sim::from_json(&doc.to_string()) else {
        panic!("an alarm on a metric services do not publish loaded");
    };
    assert!(problems
        .iter()
        .any(|p| p.path == "cloudWatchAlarms[0].metricName"));
    // API DeploymentAlarms: only with the ECS deployment controller.
    let mut doc = lesson_scenario();
    let svc = &mut doc["services"][0];
    svc["deploymentController"] = serde_json::json!({ "type": "CODE_DEPLOY" });
    for key in [
        "deploymentCircuitBreaker",
        "maximumPercent",
        "minimumHealthyPercent",
    ] {
        svc["deploymentConfiguration"]
            .as_object_mut()
            .map(|o| o.remove(key));
    }
    svc["loadBalancers"][0]
        .as_object_mut()
        .map(|o| o.remove("advancedConfiguration"));
    svc["codeDeploy"] = serde_json::json!({
        "deploymentConfigName": "CodeDeployDefault.ECSAllAtOnce",
        "greenTargetGroup": "web-green"
    });
    let Err(LoadError::Invalid(problems)) = Sim::from_json(&doc.to_string()) else {
        panic!(
            "deployment alarms with CODE_DEPLOY: {:?}",
            Sim::from_json(&doc.to_string()).err()
        );
    };
    assert!(
        problems
            .iter()
            .any(|p| p.path == "services[0].deploymentConfiguration.alarms"
                && p.message.contains("deploymentController type is ECS")),
        "{problems:?}"
    );
}

#[test]
fn the_chart_marks_the_failure_when_it_happened_not_when_the_rollback_completed() {
    // The failed deployment's updatedAt moves on when the completed rollback makes it
    // INACTIVE; its marker sat after the rollback's (instructor walkthrough).
    let sim = run(&lesson_scenario(), 900_000);
    let markers = crate::view::overlays::chart_overlays(&sim, 0).markers;
    let at = |label: &str| {
        markers
            .iter()
            .find(|(_, l)| l == label)
            .map(|(at, _)| *at)
            .unwrap_or_else(|| panic!("no {label} marker in {markers:?}"))
    };
    // The failure and the rollback it starts are one marker; the rollback completes later.
    assert_eq!(at("failed → rollback"), 240_000);
    assert!(at("rolled back") > 240_000);
}

#[test]
fn a_blue_green_deployment_is_watched_only_until_its_bake_time_ends() {
    // DG blue-green-deployment-how-it-works: alarms are monitored during the bake time, then
    // the blue environment is terminated. With bakeTimeInMinutes 0 the blue tasks go at 2:40,
    // as soon as all traffic has moved; failing the deployment at 3:00 rolled back to a blue
    // target group with no task left, and the load balancer refused every request for 51 s
    // (student walkthrough). Now it completes and web:2 keeps failing requests at the target.
    let mut doc = lesson_scenario();
    doc["services"][0]["deploymentConfiguration"]["strategy"] = "BLUE_GREEN".into();
    doc["services"][0]["deploymentConfiguration"]["bakeTimeInMinutes"] = 0.into();
    let sim = run(&doc, 600_000);
    assert!(times_of(&sim, "deployment failed").is_empty());
    assert!(times_of(&sim, "rolling back").is_empty());
    assert_eq!(times_of(&sim, "deployment completed.").len(), 1);
    let refused = super::metric_sum(&sim, MetricName::HTTPCode_ELB_5XX_Count);
    assert_eq!(refused, 0.0);
    assert!(datapoint(&sim, MetricName::HTTPCode_Target_5XX_Count, 600_000) > 1_000.0);
    // With a 5-minute bake time the alarm at 3:00 fails it and rolls back, as before.
    doc["services"][0]["deploymentConfiguration"]["bakeTimeInMinutes"] = 5.into();
    let sim = run(&doc, 600_000);
    assert_eq!(
        times_of(&sim, "deployment failed: alarm web-target-5xx in ALARM."),
        [180_000]
    );
}
