//! Service Auto Scaling driven by metrics the tests record themselves (the traffic model that
//! records them in a run is another subsystem).

use crate::metrics::{Dimension, MetricName, PERIOD_MS};
use crate::sim::log::LogKind;
use crate::sim::Sim;
use crate::view::report::auto_scaling::json_report;
use serde_json::json;

/// A Fargate service `web` with 4 tasks, a scalable target 1..=`max` and the given policies.
fn scenario(max: u32, policies: &str, scheduled: &str) -> String {
    format!(
        r#"{{
  "version": 1, "seed": 3,
  "subnets": [{{ "subnetId": "subnet-a", "availabilityZone": "us-east-1a" }}],
  "clusters": [{{ "clusterName": "default", "capacityProviders": ["FARGATE"] }}],
  "taskDefinitions": [{{
    "family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
    "cpu": "256", "memory": "512",
    "containerDefinitions": [{{ "name": "web", "image": "example/web:1", "essential": true }}]
  }}],
  "services": [{{
    "serviceName": "web", "taskDefinition": "web", "desiredCount": 4, "launchType": "FARGATE",
    "networkConfiguration": {{ "awsvpcConfiguration": {{ "subnets": ["subnet-a"] }} }}
  }}],
  "scalableTargets": [{{
    "serviceNamespace": "ecs", "resourceId": "service/default/web",
    "scalableDimension": "ecs:service:DesiredCount", "minCapacity": 1, "maxCapacity": {max}
  }}],
  "scalingPolicies": [{policies}],
  "scheduledActions": [{scheduled}]
}}"#
    )
}

fn target_tracking(name: &str, metric: &str, target: f64, extra: &str) -> String {
    format!(
        r#"{{
    "policyName": "{name}", "serviceNamespace": "ecs", "resourceId": "service/default/web",
    "scalableDimension": "ecs:service:DesiredCount", "policyType": "TargetTrackingScaling",
    "targetTrackingScalingPolicyConfiguration": {{
      "targetValue": {target}, "predefinedMetricSpecification": {{ "predefinedMetricType": "{metric}" }}{extra}
    }}
  }}"#
    )
}

/// Runs minute by minute, recording `cpu(minute)` (and memory 10 %) at each period's end.
fn drive(sim: &mut Sim, minutes: u64, cpu: impl Fn(u64) -> f64) {
    drive_from(sim, 1, minutes, cpu);
}

/// [`drive`] from minute `first` to minute `last`.
fn drive_from(sim: &mut Sim, first: u64, last: u64, cpu: impl Fn(u64) -> f64) {
    for k in first..=last {
        sim.run_until(k * PERIOD_MS);
        let at = k * PERIOD_MS;
        sim.metrics.record(
            MetricName::CPUUtilization,
            Dimension::Service(0),
            at,
            cpu(k),
        );
        sim.metrics.record(
            MetricName::MemoryUtilization,
            Dimension::Service(0),
            at,
            10.0,
        );
    }
    sim.run_until(last * PERIOD_MS + 2_000);
}

/// The scaling activities that changed the desired count `(at, policy, from, to)` (a scheduled
/// action's range activity leaves it as it is).
fn count_changes(sim: &Sim) -> Vec<(u64, String, u32, u32)> {
    sim.autoscaling.services[&0]
        .activities
        .iter()
        .filter(|a| a.from != a.to)
        .map(|a| (a.at, a.policy.clone(), a.from, a.to))
        .collect()
}

/// The scaling activities among the service `web`'s Service events, as `(at, text)`: the lines
/// the ECS console's Events tab shows as "Message: … Cause: …".
fn scaling_events(sim: &Sim) -> Vec<(u64, String)> {
    sim.log()
        .iter()
        .filter(|e| e.kind == LogKind::Service && e.service.as_deref() == Some("web"))
        .filter(|e| e.text.starts_with("Message: "))
        .map(|e| (e.at, e.text.clone()))
        .collect()
}

#[test]
fn target_tracking_50_percent_cpu_4_tasks_at_100_percent_scale_to_8_after_3_datapoints() {
    let text = scenario(
        20,
        &target_tracking("cpu50", "ECSServiceAverageCPUUtilization", 50.0, ""),
        "",
    );
    let mut sim = Sim::from_json(&text).expect("loads");
    drive(&mut sim, 2, |_| 100.0);
    assert!(
        count_changes(&sim).is_empty(),
        "AlarmHigh needs 3 of 3 datapoints"
    );
    drive(&mut sim, 3, |_| 100.0);
    // ⌈4 × 100 / 50⌉ = 8, at the third datapoint's evaluation (3 min + 1 s).
    assert_eq!(
        count_changes(&sim),
        vec![(181_000, "cpu50".to_string(), 4, 8)]
    );
    assert_eq!(sim.services[0].desired, 8);
    assert!(sim.log().iter().any(|e| e.text
        == "Message: Successfully set desired count to 8. Change successfully fulfilled by ecs. \
            Cause: monitor alarm TargetTracking-service/default/web-AlarmHigh in state ALARM \
            triggered policy cpu50"));
}

#[test]
fn a_larger_scale_out_during_the_cooldown_goes_ahead_within_max_capacity() {
    let text = scenario(
        12,
        &target_tracking("cpu50", "ECSServiceAverageCPUUtilization", 50.0, ""),
        "",
    );
    let mut sim = Sim::from_json(&text).expect("loads");
    drive(&mut sim, 9, |_| 100.0);
    // 181 s: 4 → 8. In the cooldown (to 481 s) the capacity the first scale-out added counts.
    // At 241 s the datapoint of 180–240 s measured the 4 tasks running through it (the new 4
    // started during it): ⌈4 × 100 / 50⌉ = 8, no larger. At 301 s the 8 ran through 240–300 s
    // and (driven) are still at 100 %: ⌈8 × 100 / 50⌉ = 16 is a larger scale-out and goes
    // ahead, capped at MaxCapacity 12 (API TargetTrackingScalingPolicyConfiguration,
    // ScaleOutCooldown). Until 2026-12-05 it waited for the cooldown's end at 481 s.
    assert_eq!(
        count_changes(&sim),
        vec![
            (181_000, "cpu50".to_string(), 4, 8),
            (301_000, "cpu50".to_string(), 8, 12)
        ]
    );
}

#[test]
fn scale_in_needs_15_datapoints_below_90_percent_of_target() {
    let text = scenario(
        20,
        &target_tracking("cpu50", "ECSServiceAverageCPUUtilization", 50.0, ""),
        "",
    );
    let mut sim = Sim::from_json(&text).expect("loads");
    // 45 is 90 % of 50: not below, so no scale-in.
    drive(&mut sim, 20, |_| 45.0);
    assert!(count_changes(&sim).is_empty());
    let mut sim = Sim::from_json(&text).expect("loads");
    drive(&mut sim, 14, |_| 25.0);
    assert!(count_changes(&sim).is_empty());
    drive(&mut sim, 15, |_| 25.0);
    // ⌈4 × 25 / 50⌉ = 2 at the 15th datapoint (15 min + 1 s).
    assert_eq!(
        count_changes(&sim),
        vec![(901_000, "cpu50".to_string(), 4, 2)]
    );
}

#[test]
fn disable_scale_in_keeps_the_count() {
    let p = target_tracking(
        "cpu50",
        "ECSServiceAverageCPUUtilization",
        50.0,
        r#", "disableScaleIn": true"#,
    );
    let mut sim = Sim::from_json(&scenario(20, &p, "")).expect("loads");
    drive(&mut sim, 20, |_| 5.0);
    assert!(count_changes(&sim).is_empty());
    assert_eq!(sim.services[0].desired, 4);
}

#[test]
fn several_policies_scale_in_only_if_all_agree_and_out_if_any_asks() {
    // CPU is low (scale-in) but memory at 10 % against a 5 % target is high: no scale-in,
    // and memory's AlarmHigh scales out to ⌈4 × 10 / 5⌉ = 8.
    let p = format!(
        "{},{}",
        target_tracking("cpu50", "ECSServiceAverageCPUUtilization", 50.0, ""),
        target_tracking("mem5", "ECSServiceAverageMemoryUtilization", 5.0, "")
    );
    let mut sim = Sim::from_json(&scenario(20, &p, "")).expect("loads");
    drive(&mut sim, 3, |_| 5.0);
    assert_eq!(
        count_changes(&sim),
        vec![(181_000, "mem5".to_string(), 4, 8)]
    );
    // Memory at 10 % stays above 90 % of its target, so it never agrees to scale in.
    drive(&mut sim, 30, |_| 5.0);
    assert!(count_changes(&sim).iter().all(|a| a.3 >= a.2));
}

#[test]
fn step_scaling_adds_steps_and_a_second_step_during_cooldown_adds_only_the_difference() {
    let p = r#"{
    "policyName": "cpu-steps", "serviceNamespace": "ecs", "resourceId": "service/default/web",
    "scalableDimension": "ecs:service:DesiredCount", "policyType": "StepScaling",
    "stepScalingPolicyConfiguration": {
      "adjustmentType": "ChangeInCapacity", "cooldown": 300,
      "stepAdjustments": [
        { "metricIntervalLowerBound": 0, "metricIntervalUpperBound": 20, "scalingAdjustment": 2 },
        { "metricIntervalLowerBound": 20, "scalingAdjustment": 5 }
      ]
    },
    "alarm": { "metricName": "CPUUtilization", "comparisonOperator": "GreaterThanThreshold",
               "threshold": 70, "evaluationPeriods": 3, "datapointsToAlarm": 2 }
  }"#;
    let mut sim = Sim::from_json(&scenario(20, p, "")).expect("loads");
    // Minute 1: 80 (1 of 3) → OK. Minute 2: 80 (2 of 3) → ALARM, breach 10 → +2: 4 → 6.
    // Minute 3: 95, breach 25 → +5 from the pre-cooldown 4 = 9: adds 3 more (the difference).
    // Minute 4: 95 again → 9 again, nothing to add during the cooldown.
    drive(&mut sim, 4, |k| if k <= 2 { 80.0 } else { 95.0 });
    assert_eq!(
        count_changes(&sim),
        vec![
            (121_000, "cpu-steps".to_string(), 4, 6),
            (181_000, "cpu-steps".to_string(), 6, 9)
        ]
    );
}

#[test]
fn scheduled_action_at_raises_min_capacity_and_the_count_follows() {
    let sched = r#"{
    "scheduledActionName": "morning", "serviceNamespace": "ecs", "resourceId": "service/default/web",
    "scalableDimension": "ecs:service:DesiredCount", "schedule": "at(1970-01-01T00:10:00)",
    "scalableTargetAction": { "minCapacity": 6, "maxCapacity": 10 }
  }"#;
    let mut sim = Sim::from_json(&scenario(20, "", sched)).expect("loads");
    sim.run_until(599_000);
    assert_eq!(sim.services[0].desired, 4);
    sim.run_until(600_000);
    assert_eq!(
        count_changes(&sim),
        vec![(600_000, "morning".to_string(), 4, 6)]
    );
    // Two activities: the range, then the count following the new minimum.
    let texts: Vec<(&str, &str)> = sim.autoscaling.services[&0]
        .activities
        .iter()
        .map(|a| (a.description.as_str(), a.cause.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            (
                "Setting min capacity to 6 and max capacity to 10",
                "scheduled action name morning was triggered"
            ),
            (
                "Setting desired count to 6.",
                "minimum capacity was set to 6"
            )
        ]
    );
    assert_eq!(
        (
            sim.autoscaling.services[&0].min,
            sim.autoscaling.services[&0].max
        ),
        (6, 10)
    );
}

#[test]
fn a_scheduled_action_that_would_leave_min_above_max_fails_and_changes_nothing_aas_scheduled_scaling(
) {
    // Application Auto Scaling User Guide, scheduled scaling: an action may give one size, but
    // "you must include both sizes" where one alone would put the minimum above the maximum. The
    // simulator raised the maximum to the minimum and read "Successfully set max capacity to 6"
    // for an action asking for 4 (fidelity probe, 28th session).
    let action = |name: &str, at: &str, body: &str| {
        format!(
            r#"{{ "scheduledActionName": "{name}", "serviceNamespace": "ecs", "resourceId": "service/default/web",
    "scalableDimension": "ecs:service:DesiredCount", "schedule": "at(1970-01-01T00:{at}:00)",
    "scalableTargetAction": {body} }}"#
        )
    };
    let sched = [
        action("floor", "05", r#"{ "minCapacity": 6 }"#),
        action("ceiling", "07", r#"{ "maxCapacity": 4 }"#),
    ]
    .join(",");
    let mut sim = Sim::from_json(&scenario(20, "", &sched)).expect("loads");
    sim.run_until(480_000);
    let st = &sim.autoscaling.services[&0];
    assert_eq!((st.min, st.max), (6, 20));
    assert_eq!(sim.services[0].desired, 6);
    let last = st.activities.last().expect("an activity");
    assert_eq!(last.status_code, "Failed");
    assert_eq!(last.cause, "scheduled action name ceiling was triggered");
    assert!(
        last.status_message.contains("minimum capacity 6")
            && last.status_message.contains("maximum capacity 4"),
        "{}",
        last.status_message
    );
    assert!(sim.log().iter().any(|l| l
        .text
        .starts_with("Message: Failed to set the capacity range")));
}

#[test]
fn cron_scheduled_actions_raise_the_floor_every_morning_and_lower_it_every_evening() {
    // Application Auto Scaling cron: [Minutes] [Hours] [Day_of_Month] [Month] [Day_of_Week]
    // [Year]. Weekdays from 08:00 at least 6 tasks, from 18:00 at least 1 again. The run
    // starts on Thursday 1970-01-01, so Thursday and Friday have both actions, the weekend
    // none, and Monday (day 4) the next morning.
    let action = |name: &str, cron: &str, min: u32| {
        format!(
            r#"{{
    "scheduledActionName": "{name}", "serviceNamespace": "ecs", "resourceId": "service/default/web",
    "scalableDimension": "ecs:service:DesiredCount", "schedule": "cron({cron})",
    "scalableTargetAction": {{ "minCapacity": {min} }}
  }}"#
        )
    };
    let sched = format!(
        "{},{}",
        action("weekday-morning", "0 8 ? * MON-FRI *", 6),
        action("weekday-evening", "0 18 ? * MON-FRI *", 1)
    );
    let mut sim = Sim::from_json(&scenario(20, "", &sched)).expect("loads");
    let hour = 3_600_000;
    let day = 24 * hour;
    sim.run_until(4 * day + 8 * hour);
    // Only the first morning changes the count (4 → 6); the evenings lower the floor and
    // leave the count, which nothing else scales in here.
    assert_eq!(
        count_changes(&sim),
        vec![(8 * hour, "weekday-morning".to_string(), 4, 6)]
    );
    assert_eq!(sim.autoscaling.services[&0].min, 6, "Monday 08:00");
    sim.run_until(4 * day + 18 * hour - 1);
    assert_eq!(sim.autoscaling.services[&0].min, 6);
    sim.run_until(4 * day + 18 * hour);
    assert_eq!(sim.autoscaling.services[&0].min, 1, "Monday 18:00");
    // Saturday and Sunday: the floor set on Friday evening stays.
    let mut weekend = Sim::from_json(&scenario(20, "", &sched)).expect("loads");
    weekend.run_until(2 * day + 18 * hour);
    assert_eq!(weekend.autoscaling.services[&0].min, 1, "Friday 18:00");
    weekend.run_until(4 * day + 8 * hour - 1);
    assert_eq!(
        weekend.autoscaling.services[&0].min, 1,
        "no action over the weekend"
    );
}

#[test]
fn policies_for_unregistered_targets_and_bad_types_are_problems_with_paths() {
    let bad = target_tracking("x", "ECSServiceAverageDiskUtilization", 50.0, "")
        .replace("service/default/web", "service/default/api");
    let text = scenario(20, &bad, "");
    let Err(crate::sim::LoadError::Invalid(ps)) = Sim::from_json(&text) else {
        panic!("expected problems");
    };
    let paths: Vec<&str> = ps.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, vec!["scalingPolicies[0].resourceId"]);
    let text = scenario(
        20,
        &target_tracking("x", "ECSServiceAverageDiskUtilization", 50.0, ""),
        "",
    );
    let Err(crate::sim::LoadError::Invalid(ps)) = Sim::from_json(&text) else {
        panic!("expected problems");
    };
    assert_eq!(
        ps[0].path,
        "scalingPolicies[0].targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType"
    );
}

#[test]
fn no_scale_in_while_a_deployment_is_in_progress() {
    // DG service-auto-scaling: scale-in is suspended during deployments. Revision 2's image
    // takes 30 minutes to pull, so the rolling update started at 60 s is still in progress
    // when the 15th low datapoint arrives at 901 s.
    let base = scenario(
        20,
        &target_tracking("cpu50", "ECSServiceAverageCPUUtilization", 50.0, ""),
        "",
    );
    let td = |image: &str| {
        format!(
            r#"{{
    "family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
    "cpu": "256", "memory": "512",
    "containerDefinitions": [{{ "name": "web", "image": "{image}", "essential": true }}]
  }}"#
        )
    };
    let text = base
        .replace(
            &format!("\"taskDefinitions\": [{}]", td("example/web:1")),
            &format!(
                "\"images\": {{ \"example/web:2\": {{ \"pullSeconds\": 1800 }} }},\n  \"taskDefinitions\": [{}, {}]",
                td("example/web:1"),
                td("example/web:2")
            ),
        )
        .replace(r#""taskDefinition": "web","#, r#""taskDefinition": "web:1","#)
        .replace(
            r#""scheduledActions": []"#,
            r#""scheduledActions": [],
  "timeline": [{ "at": 60, "action": "updateService", "service": "web", "taskDefinition": "web:2" }]"#,
        );
    assert!(text.contains("example/web:2") && text.contains("timeline"));
    let mut sim = Sim::from_json(&text).expect("loads");
    drive(&mut sim, 16, |_| 10.0);
    assert!(sim.deployment_in_progress(0));
    assert!(count_changes(&sim).is_empty(), "{:?}", count_changes(&sim));
    // Without the deployment the same datapoints scale in at 901 s: ⌈4 × 10 / 50⌉ = 1.
    let mut sim = Sim::from_json(&base).expect("loads");
    drive(&mut sim, 16, |_| 10.0);
    assert_eq!(
        count_changes(&sim),
        vec![(901_000, "cpu50".to_string(), 4, 1)]
    );
}

#[test]
fn a_scalable_target_alone_turns_on_the_one_minute_metrics() {
    // Service Auto Scaling reads the service's one-minute datapoints, so a scenario whose only
    // reader of metrics is `scalableTargets` (no traffic, no managed scaling) still records the
    // task counts at each minute boundary (Model::metrics_enabled).
    let text = scenario(10, "", "");
    let mut sim = Sim::from_json(&text).unwrap();
    assert!(sim.model.metrics_enabled());
    sim.run_until(2 * PERIOD_MS);
    let desired = sim
        .metrics
        .series(MetricName::DesiredTaskCount, &Dimension::Service(0));
    assert_eq!(desired.len(), 2);
    assert_eq!(desired[1].at, 2 * PERIOD_MS);
    assert_eq!(desired[1].value, 4.0);
}

#[test]
fn multiple_target_tracking_policies_scale_in_when_all_with_scale_in_enabled_are_ready() {
    // Application Auto Scaling, target tracking with multiple policies: scale in "only if all
    // of the target tracking policies (with the scale-in portion enabled) are ready to scale
    // in". mem10 has disableScaleIn, so it gets no vote; memory sits at its 10 % target, so it
    // asks for nothing either way.
    let p = format!(
        "{},{}",
        target_tracking("cpu50", "ECSServiceAverageCPUUtilization", 50.0, ""),
        target_tracking(
            "mem10",
            "ECSServiceAverageMemoryUtilization",
            10.0,
            r#", "disableScaleIn": true"#
        )
    );
    let mut sim = Sim::from_json(&scenario(20, &p, "")).expect("loads");
    drive(&mut sim, 15, |_| 5.0);
    // CPU 5 % is below 90 % of 50 % for 15 datapoints: ⌈4 × 5 / 50⌉ = 1 at 15 min + 1 s.
    assert_eq!(
        count_changes(&sim),
        vec![(901_000, "cpu50".to_string(), 4, 1)]
    );
}

#[test]
fn scaling_activities_read_as_describe_scaling_activities_and_the_console_events_tab() {
    // API DescribeScalingActivities: a target tracking scale-out is Description "Setting
    // desired count to 3.", Cause "monitor alarm TargetTracking-service/my-cluster/my-service-
    // AlarmHigh-<uuid> in state ALARM triggered policy …", StatusMessage "Successfully set
    // desired count to 3. Change successfully fulfilled by ecs.", StatusCode "Successful"; a
    // scheduled action is "Setting min capacity to 15 and max capacity to 20" ("scheduled
    // action name … was triggered"), then the capacity follows ("minimum capacity was set to
    // 15"). The ECS console's Events tab shows each as "Message: <StatusMessage> Cause:
    // <Cause>" (DG target tracking tutorial). The simulator leaves out the alarm's UUID.
    let sched = r#"{
    "scheduledActionName": "evening-rush", "serviceNamespace": "ecs", "resourceId": "service/default/web",
    "scalableDimension": "ecs:service:DesiredCount", "schedule": "at(1970-01-01T00:10:00)",
    "scalableTargetAction": { "minCapacity": 14, "maxCapacity": 20 }
  }"#;
    let text = scenario(
        20,
        &target_tracking("cpu50", "ECSServiceAverageCPUUtilization", 50.0, ""),
        sched,
    );
    let mut sim = Sim::from_json(&text).expect("loads");
    // 100 % for three minutes: ⌈4 × 100 / 50⌉ = 8 at 181 s. Then 47 %: neither above 50 nor
    // below 45, so the policy asks for nothing more.
    drive(&mut sim, 10, |k| if k <= 3 { 100.0 } else { 47.0 });
    assert_eq!(
        scaling_events(&sim),
        [
            (
                181_000,
                "Message: Successfully set desired count to 8. Change successfully fulfilled by ecs. \
                 Cause: monitor alarm TargetTracking-service/default/web-AlarmHigh in state ALARM \
                 triggered policy cpu50"
                    .to_string()
            ),
            (
                600_000,
                "Message: Successfully set min capacity to 14 and max capacity to 20 \
                 Cause: scheduled action name evening-rush was triggered"
                    .to_string()
            ),
            (
                600_000,
                "Message: Successfully set desired count to 14. Change successfully fulfilled by ecs. \
                 Cause: minimum capacity was set to 14"
                    .to_string()
            ),
        ]
    );
    assert_eq!(
        count_changes(&sim),
        vec![
            (181_000, "cpu50".to_string(), 4, 8),
            (600_000, "evening-rush".to_string(), 8, 14)
        ]
    );
    // `ecs-sim run --json`: DescribeScalingActivities' fields, newest first, times in ms.
    let report = json_report(&sim);
    let listed = &report["services"][0]["scalingActivities"];
    let without_ids: Vec<serde_json::Value> = listed
        .as_array()
        .expect("a list")
        .iter()
        .map(|a| {
            let mut a = a.clone();
            let id = a["activityId"].as_str().expect("an id").to_string();
            assert_eq!(id.len(), 36, "{id}");
            a["activityId"] = json!("…");
            a
        })
        .collect();
    let activity = |description: &str, cause: &str, at: u64, status: &str| {
        json!({
            "activityId": "…", "serviceNamespace": "ecs", "resourceId": "service/default/web",
            "scalableDimension": "ecs:service:DesiredCount", "description": description,
            "cause": cause, "startTime": at, "endTime": at, "statusCode": "Successful",
            "statusMessage": status
        })
    };
    assert_eq!(
        without_ids,
        [
            activity(
                "Setting desired count to 14.",
                "minimum capacity was set to 14",
                600_000,
                "Successfully set desired count to 14. Change successfully fulfilled by ecs."
            ),
            activity(
                "Setting min capacity to 14 and max capacity to 20",
                "scheduled action name evening-rush was triggered",
                600_000,
                "Successfully set min capacity to 14 and max capacity to 20"
            ),
            activity(
                "Setting desired count to 8.",
                "monitor alarm TargetTracking-service/default/web-AlarmHigh in state ALARM triggered policy cpu50",
                181_000,
                "Successfully set desired count to 8. Change successfully fulfilled by ecs."
            ),
        ]
    );
    // Each activity has its own ID, and the same seed gives the same IDs.
    let ids: Vec<&str> = listed
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|a| a["activityId"].as_str())
        .collect();
    assert!(ids[0] != ids[1] && ids[1] != ids[2], "{ids:?}");
    let mut again = Sim::from_json(&text).expect("loads");
    drive(&mut again, 10, |k| if k <= 3 { 100.0 } else { 47.0 });
    assert_eq!(json_report(&again), report);
}

#[test]
fn a_count_below_min_capacity_at_registration_follows_the_minimum() {
    // RegisterScalableTarget with MinCapacity 6 above the service's 4 tasks: registering
    // "changes the resource's current capacity to a value that is inside of this range" (API
    // RegisterScalableTarget), at once, in Application Auto Scaling's words for a new minimum
    // (until 2026-12-06 at the first policy tick, 61 s).
    let text = scenario(20, "", "").replace(r#""minCapacity": 1"#, r#""minCapacity": 6"#);
    let mut sim = Sim::from_json(&text).expect("loads");
    sim.run_until(61_000);
    assert_eq!(
        scaling_events(&sim),
        [(
            0,
            "Message: Successfully set desired count to 6. Change successfully fulfilled by ecs. \
             Cause: minimum capacity was set to 6"
                .to_string()
        )]
    );
}

#[test]
fn a_count_set_outside_the_range_stays_until_a_policy_is_invoked() {
    // Application Auto Scaling User Guide, concepts: out-of-band changes outside the range
    // stand; "anytime a scaling policy is invoked or the RegisterScalableTarget API is called,
    // Application Auto Scaling retrieves the current capacity and compares it to the minimum
    // and maximum capacity". An UpdateService to 30 above MaxCapacity 20 at 2:00 stays while
    // CPU sits near the target (47 % of 50: neither alarm); once CPU is high, the policy's
    // scale-out is held to the maximum, 20 (until 2026-12-06 the next tick forced 20 at 2:01).
    let policy = target_tracking("cpu50", "ECSServiceAverageCPUUtilization", 50.0, "");
    let text = scenario(20, &policy, "");
    let text = format!(
        "{}, \"timeline\": [{{ \"at\": 120, \"action\": \"updateService\", \"service\": \"web\", \"desiredCount\": 30 }}] }}",
        text.trim_end().trim_end_matches('}')
    );
    let mut sim = Sim::from_json(&text).unwrap_or_else(|e| panic!("{e:?}"));
    drive(&mut sim, 10, |_| 47.0);
    assert_eq!(sim.services[0].desired, 30, "{:?}", scaling_events(&sim));
    assert!(
        scaling_events(&sim).is_empty(),
        "{:?}",
        scaling_events(&sim)
    );
    drive_from(&mut sim, 11, 16, |_| 100.0);
    assert_eq!(sim.services[0].desired, 20, "{:?}", scaling_events(&sim));
}

/// A step policy `name` on CPU (`comparison` `threshold`, 1 of 1 datapoints) with one step of
/// `adjustment` and the cooldown given.
fn one_step(
    name: &str,
    comparison: &str,
    threshold: f64,
    adjustment: i32,
    cooldown: u32,
) -> String {
    let bounds = if comparison == "GreaterThanThreshold" {
        r#""metricIntervalLowerBound": 0"#
    } else {
        r#""metricIntervalUpperBound": 0"#
    };
    format!(
        r#"{{
    "policyName": "{name}", "serviceNamespace": "ecs", "resourceId": "service/default/web",
    "scalableDimension": "ecs:service:DesiredCount", "policyType": "StepScaling",
    "stepScalingPolicyConfiguration": {{
      "adjustmentType": "ChangeInCapacity", "cooldown": {cooldown},
      "stepAdjustments": [{{ {bounds}, "scalingAdjustment": {adjustment} }}]
    }},
    "alarm": {{ "metricName": "CPUUtilization", "comparisonOperator": "{comparison}",
               "threshold": {threshold}, "evaluationPeriods": 1, "datapointsToAlarm": 1 }}
  }}"#
    )
}

#[test]
fn a_scale_out_by_another_policy_ends_a_step_scale_in_cooldown() {
    // API StepScalingPolicyConfiguration (Cooldown): "if another alarm triggers a scale-out
    // activity during the cooldown period after a scale-in activity, Application Auto Scaling
    // scales out the target immediately. In this case, the cooldown period for the scale-in
    // activity stops and doesn't complete."
    let policies = [
        one_step("cpu-out", "GreaterThanThreshold", 70.0, 2, 60),
        one_step("cpu-in", "LessThanThreshold", 30.0, -1, 900),
    ]
    .join(",");
    let mut sim = Sim::from_json(&scenario(20, &policies, "")).expect("loads");
    // Minute 1: 10 % → cpu-in 4 → 3, its cooldown to 16:01. Minute 2: 90 % → cpu-out 3 → 5,
    // which ends cpu-in's cooldown. Minutes 3–5: 10 % → cpu-in again at once (5 → 4 at 3:01),
    // and its new cooldown holds it after that.
    drive(&mut sim, 5, |k| if k == 2 { 90.0 } else { 10.0 });
    assert_eq!(
        count_changes(&sim),
        vec![
            (61_000, "cpu-in".to_string(), 4, 3),
            (121_000, "cpu-out".to_string(), 3, 5),
            (181_000, "cpu-in".to_string(), 5, 4),
        ]
    );
}

#[test]
fn a_step_scale_out_ends_the_target_tracking_scale_in_cooldown() {
    // TargetTrackingScalingPolicyConfiguration (ScaleInCooldown): "if another alarm triggers a
    // scale-out activity during the scale-in cooldown period, Application Auto Scaling scales
    // out the target immediately. In this case, the scale-in cooldown period stops and doesn't
    // complete."
    let policies = [
        target_tracking("cpu50", "ECSServiceAverageCPUUtilization", 50.0, ""),
        one_step("cpu-out", "GreaterThanThreshold", 80.0, 3, 60),
    ]
    .join(",");
    let mut sim = Sim::from_json(&scenario(20, &policies, "")).expect("loads");
    // 15 datapoints at 20 % (below 90 % of 50): cpu50 scales in at 15:01 to ⌈4 × 20 / 50⌉ = 2,
    // its scale-in cooldown to 20:01. Minute 16 at 95 %: cpu-out 2 → 5 at 16:01, which ends
    // cpu50's scale-in cooldown there.
    drive(&mut sim, 16, |k| if k == 16 { 95.0 } else { 20.0 });
    assert_eq!(
        count_changes(&sim),
        vec![
            (901_000, "cpu50".to_string(), 4, 2),
            (961_000, "cpu-out".to_string(), 2, 5),
        ]
    );
    assert_eq!(sim.autoscaling.policies[0].in_until, 961_000);
}

#[test]
fn a_step_scale_out_right_after_the_policys_own_scale_in_starts_from_the_count_now() {
    // One step policy with both signs (LessThan 30, 2 of 3 datapoints): at 2:01 the latest
    // datapoint (10) is below, -1: 4 → 3, cooldown 300 s. At 3:01 the alarm still holds (2 of
    // 3) but the latest datapoint (50) is above: +2 from the count now, 3 → 5. Until
    // 2026-12-06 it worked from the count before the scale-in, 4 + 2 = 6 (review).
    let p = r#"{
    "policyName": "both", "serviceNamespace": "ecs", "resourceId": "service/default/web",
    "scalableDimension": "ecs:service:DesiredCount", "policyType": "StepScaling",
    "stepScalingPolicyConfiguration": {
      "adjustmentType": "ChangeInCapacity", "cooldown": 300,
      "stepAdjustments": [
        { "metricIntervalUpperBound": 0, "scalingAdjustment": -1 },
        { "metricIntervalLowerBound": 0, "scalingAdjustment": 2 }
      ]
    },
    "alarm": { "metricName": "CPUUtilization", "comparisonOperator": "LessThanThreshold",
               "threshold": 30, "evaluationPeriods": 3, "datapointsToAlarm": 2 }
  }"#;
    let mut sim = Sim::from_json(&scenario(20, p, "")).expect("loads");
    drive(&mut sim, 3, |k| if k <= 2 { 10.0 } else { 50.0 });
    assert_eq!(
        count_changes(&sim),
        vec![
            (121_000, "both".to_string(), 4, 3),
            (181_000, "both".to_string(), 3, 5),
        ]
    );
}
