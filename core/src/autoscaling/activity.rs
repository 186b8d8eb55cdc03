//! Scaling activity texts in Application Auto Scaling's words: the Description, Cause and
//! StatusMessage that DescribeScalingActivities lists (Application Auto Scaling User Guide,
//! "Scaling activities for Application Auto Scaling",
//! <https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-scaling-activities.html>),
//! and the line the ECS console's Events tab shows for each (DG, Service Auto Scaling target
//! tracking tutorial: "Message: Successfully set desired count to 1. Change successfully
//! fulfilled by ecs. Cause: monitor alarm TargetTracking-service/... in state ALARM triggered
//! policy TargetTrackingPolicy").
//!
//! The API reference's examples (DescribeScalingActivities,
//! <https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DescribeScalingActivities.html>)
//! show an ECS target tracking scale-out ("Setting desired count to 3.", cause "monitor alarm
//! TargetTracking-service/my-cluster/my-service-AlarmHigh-<uuid> in state ALARM triggered
//! policy cpu75-target-tracking-scaling-policy") and scheduled actions: one activity sets the
//! range ("Setting min capacity to 15 and max capacity to 20", cause "scheduled action name
//! my-first-scheduled-action was triggered") and, when the capacity has to follow, a second
//! one does ("minimum capacity was set to 15"). The scheduled example is for a DynamoDB table
//! only; the ECS wording here follows it with "desired count".

/// `StatusCode` of an activity that completed: "Successful – Scaling was completed
/// successfully". The simulator sets the desired count at once, so every activity it records
/// is `Successful` but for a scheduled action that would leave the minimum above the maximum.
pub const STATUS_SUCCESSFUL: &str = "Successful";

/// `StatusCode` of an activity that did not complete: "Failed – The scaling activity failed".
pub const STATUS_FAILED: &str = "Failed";

/// `ServiceNamespace` of an ECS service's scalable target.
pub const SERVICE_NAMESPACE: &str = "ecs";

/// `ScalableDimension` of an ECS service's scalable target.
pub const SCALABLE_DIMENSION: &str = "ecs:service:DesiredCount";

/// The texts of one scaling activity, as DescribeScalingActivities lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityText {
    /// `Description`, e.g. "Setting desired count to 8."
    pub description: String,
    /// `Cause`, e.g. "monitor alarm … in state ALARM triggered policy cpu50".
    pub cause: String,
    /// `StatusMessage`, e.g. "Successfully set desired count to 8. Change successfully
    /// fulfilled by ecs."
    pub status_message: String,
}

impl ActivityText {
    /// The activity as the ECS console's Events tab shows it: `Message: <StatusMessage>
    /// Cause: <Cause>` (DG, Service Auto Scaling target tracking tutorial).
    pub fn console_event(&self) -> String {
        format!("Message: {} Cause: {}", self.status_message, self.cause)
    }
}

/// Which of the two alarms Application Auto Scaling creates for a target tracking policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetTrackingAlarm {
    /// The scale-out alarm.
    High,
    /// The scale-in alarm.
    Low,
}

/// The name of a target tracking policy's alarm: `TargetTracking-<resourceId>-AlarmHigh` or
/// `-AlarmLow`. AWS appends a random UUID (the DG tutorial's example ends
/// `-AlarmLow-fcd80aef-5161-4890-aeb4-35dde11ff42c`); the simulator leaves it out, so the name
/// is the same in every run.
pub fn target_tracking_alarm_name(resource_id: &str, alarm: TargetTrackingAlarm) -> String {
    let which = match alarm {
        TargetTrackingAlarm::High => "AlarmHigh",
        TargetTrackingAlarm::Low => "AlarmLow",
    };
    format!("TargetTracking-{resource_id}-{which}")
}

/// The name of a step policy's alarm. The scenario's `alarm` key has no name (in AWS it is a
/// separate PutMetricAlarm), so the simulator calls it `<policyName>-alarm`.
pub fn step_alarm_name(policy: &str) -> String {
    format!("{policy}-alarm")
}

/// `Cause` of an activity an alarm started: "monitor alarm web-app-cpu-lt-25 in state ALARM
/// triggered policy web-app-cpu-lt-25".
pub fn alarm_cause(alarm: &str, policy: &str) -> String {
    format!("monitor alarm {alarm} in state ALARM triggered policy {policy}")
}

/// `Cause` of the desired count following a new minimum: "minimum capacity was set to 15".
pub fn min_capacity_cause(min: u32) -> String {
    format!("minimum capacity was set to {min}")
}

/// `Cause` of the desired count following a new maximum: "maximum capacity was set to 10".
pub fn max_capacity_cause(max: u32) -> String {
    format!("maximum capacity was set to {max}")
}

/// `Cause` of a scheduled action's activity: "scheduled action name my-second-scheduled-action
/// was triggered".
pub fn scheduled_action_cause(name: &str) -> String {
    format!("scheduled action name {name} was triggered")
}

/// An activity that sets the desired count: Description "Setting desired count to 8.",
/// StatusMessage "Successfully set desired count to 8. Change successfully fulfilled by ecs."
pub fn desired_count_set(to: u32, cause: String) -> ActivityText {
    ActivityText {
        description: format!("Setting desired count to {to}."),
        cause,
        status_message: format!(
            "Successfully set desired count to {to}. Change successfully fulfilled by {SERVICE_NAMESPACE}."
        ),
    }
}

/// A scheduled action's activity that sets the range: Description "Setting min capacity to 15
/// and max capacity to 20", StatusMessage "Successfully set min capacity to 15 and max capacity
/// to 20" (no full stop, as in the docs). It names the capacities the action changed; the docs
/// only show an action that sets both, so the one-sided forms ("Setting min capacity to 15")
/// are the simulator's.
pub fn capacity_range_set(action: &str, min: Option<u32>, max: Option<u32>) -> ActivityText {
    let parts: Vec<String> = [("min", min), ("max", max)]
        .into_iter()
        .filter_map(|(which, v)| v.map(|v| format!("{which} capacity to {v}")))
        .collect();
    let what = parts.join(" and ");
    ActivityText {
        description: format!("Setting {what}"),
        cause: scheduled_action_cause(action),
        status_message: format!("Successfully set {what}"),
    }
}

/// A scheduled action whose sizes would leave the minimum capacity above the maximum: the
/// Application Auto Scaling User Guide (scheduled scaling, considerations) says "you must
/// include both sizes" in such a case, and a range with the minimum above the maximum is not one
/// the scalable target can hold (API RegisterScalableTarget); the action changes nothing. The
/// wording of the failure is the simulator's.
pub fn capacity_range_refused(action: &str, min: u32, max: u32) -> ActivityText {
    ActivityText {
        description: format!("Setting min capacity to {min} and max capacity to {max}"),
        cause: scheduled_action_cause(action),
        status_message: format!(
            "Failed to set the capacity range: the minimum capacity {min} would be above the maximum capacity {max}; give the scheduled action both sizes"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alarm_activity_reads_as_describe_scaling_activities_and_the_events_tab() {
        // AAS User Guide, scaling activities: Description "Setting desired count to 1.", Cause
        // "monitor alarm web-app-cpu-lt-25 in state ALARM triggered policy web-app-cpu-lt-25",
        // StatusMessage "Successfully set desired count to 1. Change successfully fulfilled by
        // ecs."
        let t = desired_count_set(1, alarm_cause("web-app-cpu-lt-25", "web-app-cpu-lt-25"));
        assert_eq!(t.description, "Setting desired count to 1.");
        assert_eq!(
            t.cause,
            "monitor alarm web-app-cpu-lt-25 in state ALARM triggered policy web-app-cpu-lt-25"
        );
        assert_eq!(
            t.status_message,
            "Successfully set desired count to 1. Change successfully fulfilled by ecs."
        );
        // DG target tracking tutorial, the service's Events tab (without the alarm's UUID).
        let alarm = target_tracking_alarm_name(
            "service/service-autoscaling/sample-webapp",
            TargetTrackingAlarm::Low,
        );
        let t = desired_count_set(1, alarm_cause(&alarm, "TargetTrackingPolicy"));
        assert_eq!(
            t.console_event(),
            "Message: Successfully set desired count to 1. Change successfully fulfilled by ecs. \
             Cause: monitor alarm TargetTracking-service/service-autoscaling/sample-webapp-AlarmLow \
             in state ALARM triggered policy TargetTrackingPolicy"
        );
        assert_eq!(step_alarm_name("cpu-steps"), "cpu-steps-alarm");
    }

    #[test]
    fn a_scheduled_action_sets_min_and_max_capacity_then_the_count_follows_the_minimum() {
        // AAS User Guide, scheduled scaling (CLI): "Setting min capacity to 15 and max capacity
        // to 20", "scheduled action name my-first-scheduled-action was triggered",
        // "Successfully set min capacity to 15 and max capacity to 20"; then the capacity
        // follows with Cause "minimum capacity was set to 15".
        let t = capacity_range_set("my-first-scheduled-action", Some(15), Some(20));
        assert_eq!(
            t,
            ActivityText {
                description: "Setting min capacity to 15 and max capacity to 20".into(),
                cause: "scheduled action name my-first-scheduled-action was triggered".into(),
                status_message: "Successfully set min capacity to 15 and max capacity to 20".into(),
            }
        );
        assert_eq!(
            t.console_event(),
            "Message: Successfully set min capacity to 15 and max capacity to 20 \
             Cause: scheduled action name my-first-scheduled-action was triggered"
        );
        let follow = desired_count_set(15, min_capacity_cause(15));
        assert_eq!(follow.cause, "minimum capacity was set to 15");
        assert_eq!(max_capacity_cause(10), "maximum capacity was set to 10");
        // One-sided actions name only what they set (the simulator's choice).
        assert_eq!(
            capacity_range_set("night", None, Some(3)).description,
            "Setting max capacity to 3"
        );
        assert_eq!(
            capacity_range_set("morning", Some(6), None).status_message,
            "Successfully set min capacity to 6"
        );
    }
}
