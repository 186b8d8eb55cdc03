//! The scenario document's auto scaling keys, as JSON shapes: Application Auto Scaling's
//! request shapes (RegisterScalableTarget, PutScalingPolicy, PutScheduledAction) in the AWS
//! CLI's camelCase, plus the simulator's own `fargateSpot` knob and step policies' `alarm`.

use serde::{Deserialize, Serialize};

/// Top-level `fargateSpot`: how often AWS reclaims Fargate Spot capacity in this run. AWS
/// publishes no rate; the scenario chooses one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FargateSpotSpec {
    /// Expected interruptions per RUNNING FARGATE_SPOT task per hour (0–60; 0 = only the
    /// timeline's `spotInterruption`).
    pub interruptions_per_hour: f64,
}

/// `register-scalable-target` input (Application Auto Scaling RegisterScalableTarget).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScalableTargetSpec {
    /// Must be `ecs`.
    pub service_namespace: String,
    /// `service/<cluster>/<service>`.
    pub resource_id: String,
    /// Must be `ecs:service:DesiredCount`.
    pub scalable_dimension: String,
    /// The desired count never goes below it.
    pub min_capacity: u32,
    /// The desired count never goes above it.
    pub max_capacity: u32,
}

/// `put-scaling-policy` input (Application Auto Scaling PutScalingPolicy).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScalingPolicySpec {
    /// The policy's name (unique per scalable target).
    pub policy_name: String,
    /// Must be `ecs`.
    pub service_namespace: String,
    /// `service/<cluster>/<service>` of a registered scalable target.
    pub resource_id: String,
    /// Must be `ecs:service:DesiredCount`.
    pub scalable_dimension: String,
    /// `TargetTrackingScaling` or `StepScaling`.
    pub policy_type: String,
    /// For `TargetTrackingScaling`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_tracking_scaling_policy_configuration: Option<TargetTrackingSpec>,
    /// For `StepScaling`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_scaling_policy_configuration: Option<StepScalingSpec>,
    /// Simulator key for `StepScaling`: the CloudWatch alarm (`put-metric-alarm`) whose action
    /// is this policy. In AWS it is a separate resource.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alarm: Option<AlarmSpec>,
}

/// `TargetTrackingScalingPolicyConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TargetTrackingSpec {
    /// The metric value to hold, e.g. 50 (percent CPU).
    pub target_value: f64,
    /// Which ECS metric.
    pub predefined_metric_specification: PredefinedMetricSpec,
    /// Seconds after a scale-out before another full scale-out (default 300).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale_out_cooldown: Option<u32>,
    /// Seconds after a scale-in before another (default 300).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale_in_cooldown: Option<u32>,
    /// Only scale out.
    #[serde(default)]
    pub disable_scale_in: bool,
}

/// `PredefinedMetricSpecification`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PredefinedMetricSpec {
    /// `ECSServiceAverageCPUUtilization`, `ECSServiceAverageMemoryUtilization` or
    /// `ALBRequestCountPerTarget`.
    pub predefined_metric_type: String,
    /// The target group for `ALBRequestCountPerTarget` (its `targetgroup/<name>/` part is checked
    /// against the service's, `autoscaling::resource_label`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_label: Option<String>,
}

/// `StepScalingPolicyConfiguration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StepScalingSpec {
    /// `ChangeInCapacity`, `PercentChangeInCapacity` or `ExactCapacity`.
    pub adjustment_type: String,
    /// Intervals of (metric − threshold) and their adjustments.
    pub step_adjustments: Vec<StepAdjustmentSpec>,
    /// Seconds (default 300).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooldown: Option<u32>,
    /// Smallest change for `PercentChangeInCapacity`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_adjustment_magnitude: Option<u32>,
    /// `Average`, `Minimum` or `Maximum` (kept; one-minute datapoints are used as they are).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric_aggregation_type: Option<String>,
}

/// `StepAdjustment`: bounds are relative to the alarm threshold; a missing bound is infinite.
/// A step at or above the threshold includes its lower bound, one below it its upper bound (API
/// StepAdjustment; see [`super::step::StepAdjustment::holds`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StepAdjustmentSpec {
    /// Lower bound of (metric − threshold); inclusive when 0 or more, else exclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric_interval_lower_bound: Option<f64>,
    /// Upper bound of (metric − threshold); inclusive when 0 or less, else exclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric_interval_upper_bound: Option<f64>,
    /// The adjustment (tasks, percent or exact count per `adjustmentType`).
    pub scaling_adjustment: i32,
}

impl StepAdjustmentSpec {
    /// The step as the engine evaluates it (resolve, its rules and the form all read it so).
    pub fn step(&self) -> super::step::StepAdjustment {
        super::step::StepAdjustment {
            lower: self.metric_interval_lower_bound,
            upper: self.metric_interval_upper_bound,
            adjustment: self.scaling_adjustment,
        }
    }
}

/// The CloudWatch alarm of a step scaling policy (`put-metric-alarm`, one-minute period, the
/// service's metric).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AlarmSpec {
    /// `CPUUtilization`, `MemoryUtilization` or `RequestCountPerTarget`.
    pub metric_name: String,
    /// `GreaterThanThreshold`, `GreaterThanOrEqualToThreshold`, `LessThanThreshold` or
    /// `LessThanOrEqualToThreshold`.
    pub comparison_operator: String,
    /// The threshold.
    pub threshold: f64,
    /// Datapoints looked at (1–1440 one-minute periods).
    pub evaluation_periods: u32,
    /// Breaching datapoints among them that put the alarm in ALARM (default: all).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datapoints_to_alarm: Option<u32>,
}

/// `put-scheduled-action` input (Application Auto Scaling PutScheduledAction).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScheduledActionSpec {
    /// The action's name.
    pub scheduled_action_name: String,
    /// Must be `ecs`.
    pub service_namespace: String,
    /// `service/<cluster>/<service>` of a registered scalable target.
    pub resource_id: String,
    /// Must be `ecs:service:DesiredCount`.
    pub scalable_dimension: String,
    /// `at(yyyy-mm-ddThh:mm:ss)` (the run starts at 1970-01-01T00:00:00) or
    /// `rate(N minute|minutes|hour|hours|day|days)`.
    pub schedule: String,
    /// The new minimum and/or maximum.
    pub scalable_target_action: ScalableTargetActionSpec,
}

/// `ScalableTargetAction`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScalableTargetActionSpec {
    /// New minimum capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_capacity: Option<u32>,
    /// New maximum capacity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_capacity: Option<u32>,
}
