//! What each key of Service Auto Scaling (scalable targets, scaling policies, scheduled actions)
//! and the Fargate Spot rate does, for the editor's completion and hover (see
//! [`crate::form::field_doc`]).

use crate::form::field_doc::{Context, FieldDoc as F};

const RST: &str = "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html";
const PSP: &str =
    "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScalingPolicy.html";
const TT: &str = "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html";
const PM: &str = "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html";
const SS: &str = "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_StepScalingPolicyConfiguration.html";
const SA: &str =
    "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_StepAdjustment.html";
const ALARM: &str =
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html";
const PSA: &str =
    "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html";
const STA: &str = "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_ScalableTargetAction.html";

const NAMESPACE: &str = "Must be ecs: the service's desired count is what scales.";
const RESOURCE: &str = "service/<cluster>/<service> of the service to scale.";
const DIMENSION: &str = "Must be ecs:service:DesiredCount.";

/// `fargateSpot` (simulator key).
pub const FARGATE_SPOT: Context = Context {
    name: "fargateSpot",
    fields: &[F::new("interruptionsPerHour", "Simulator key: expected interruptions per RUNNING FARGATE_SPOT task per hour, 0 to 60 (AWS publishes no rate); 0 leaves only the timeline's spotInterruption.", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html")],
};

/// A `scalableTargets` entry.
pub const SCALABLE_TARGET: Context = Context {
    name: "scalableTarget",
    fields: &[
        F::new("serviceNamespace", NAMESPACE, RST).values(&["ecs"]),
        F::new("resourceId", RESOURCE, RST),
        F::new("scalableDimension", DIMENSION, RST).values(&["ecs:service:DesiredCount"]),
        F::new(
            "minCapacity",
            "Scaling never sets the desired count below this.",
            RST,
        ),
        F::new(
            "maxCapacity",
            "Scaling never sets the desired count above this.",
            RST,
        ),
    ],
};

/// A `scalingPolicies` entry.
pub const SCALING_POLICY: Context = Context {
    name: "scalingPolicy",
    fields: &[
        F::new("policyName", "The policy's name, unique per scalable target; 1 to 256 characters.", PSP),
        F::new("serviceNamespace", NAMESPACE, PSP).values(&["ecs"]),
        F::new("resourceId", "service/<cluster>/<service> of a registered scalable target.", PSP),
        F::new("scalableDimension", DIMENSION, PSP).values(&["ecs:service:DesiredCount"]),
        F::new("policyType", "TargetTrackingScaling holds a metric at a target value; StepScaling adds or removes tasks by steps when an alarm fires.", PSP).values(&["TargetTrackingScaling", "StepScaling"]),
        F::new("targetTrackingScalingPolicyConfiguration", "TargetTrackingScaling only: the metric, its target value and the cooldowns.", TT).child("targetTracking"),
        F::new("stepScalingPolicyConfiguration", "StepScaling only: the adjustment type, steps and cooldown.", SS).child("stepScaling"),
        F::new("alarm", "Simulator key: the CloudWatch alarm that triggers a StepScaling policy (in AWS a separate PutMetricAlarm).", ALARM).child("alarm"),
    ],
};

/// `targetTrackingScalingPolicyConfiguration`.
pub const TARGET_TRACKING: Context = Context {
    name: "targetTracking",
    fields: &[
        F::new("targetValue", "The metric value to hold, e.g. 50 (percent CPU); desired count becomes ⌈count × metric / target⌉.", TT),
        F::new("predefinedMetricSpecification", "Which ECS metric to track.", PM).child("predefinedMetric"),
        F::new("scaleOutCooldown", "Seconds after a scale-out before another. Default 300.", TT),
        F::new("scaleInCooldown", "Seconds after a scale-in before another scale-in (here also after a scale-out: the simulator's reading). Default 300.", TT),
        F::new("disableScaleIn", "true: the policy only ever adds tasks. Default false.", TT).values(&["true", "false"]),
    ],
};

/// `predefinedMetricSpecification`.
pub const PREDEFINED_METRIC: Context = Context {
    name: "predefinedMetric",
    fields: &[
        F::new("predefinedMetricType", "The service's average CPU or memory utilisation, or requests per target of its target group.", PM).values(&["ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization", "ALBRequestCountPerTarget"]),
        F::new("resourceLabel", "Required with ALBRequestCountPerTarget and refused with the other metrics: app/<load-balancer>/<id>/targetgroup/<name>/<id>, naming the service's target group.", PM),
    ],
};

/// `stepScalingPolicyConfiguration`.
pub const STEP_SCALING: Context = Context {
    name: "stepScaling",
    fields: &[
        F::new("adjustmentType", "What scalingAdjustment means: tasks to add, percent to add, or the exact count.", SS).values(&["ChangeInCapacity", "PercentChangeInCapacity", "ExactCapacity"]),
        F::new("stepAdjustments", "Intervals of (metric − threshold) and the adjustment of each; they must not overlap or leave gaps.", SA).child("stepAdjustment"),
        F::new("cooldown", "Seconds after a scaling activity before the policy acts again. Default 300.", SS),
        F::new("minAdjustmentMagnitude", "PercentChangeInCapacity only: the fewest tasks a step changes.", SS),
        F::new("metricAggregationType", "How the alarm's datapoints are combined. Default Average.", SS).values(&["Average", "Minimum", "Maximum"]),
    ],
};

/// A `stepAdjustments` entry.
pub const STEP_ADJUSTMENT: Context = Context {
    name: "stepAdjustment",
    fields: &[
        F::new("metricIntervalLowerBound", "Lower bound of (metric − threshold) for this step, inclusive; omitted means minus infinity.", SA),
        F::new("metricIntervalUpperBound", "Upper bound of (metric − threshold), exclusive; omitted means plus infinity.", SA),
        F::new("scalingAdjustment", "Tasks, percent or exact count (per adjustmentType) this step applies; negative scales in.", SA),
    ],
};

/// `alarm` (simulator key).
pub const ALARM_CONTEXT: Context = Context {
    name: "alarm",
    fields: &[
        F::new("metricName", "The service metric the alarm watches.", ALARM).values(&[
            "CPUUtilization",
            "MemoryUtilization",
            "RequestCountPerTarget",
        ]),
        F::new(
            "comparisonOperator",
            "How the metric is compared with threshold.",
            ALARM,
        )
        .values(&[
            "GreaterThanOrEqualToThreshold",
            "GreaterThanThreshold",
            "LessThanThreshold",
            "LessThanOrEqualToThreshold",
        ]),
        F::new("threshold", "The value the metric is compared with.", ALARM),
        F::new(
            "evaluationPeriods",
            "One-minute periods looked at, 1 to 1,440.",
            ALARM,
        ),
        F::new(
            "datapointsToAlarm",
            "Breaching periods among them that fire the alarm. Default evaluationPeriods.",
            ALARM,
        ),
    ],
};

/// A `scheduledActions` entry.
pub const SCHEDULED_ACTION: Context = Context {
    name: "scheduledAction",
    fields: &[
        F::new("scheduledActionName", "The action's name, unique per scalable target.", PSA),
        F::new("serviceNamespace", NAMESPACE, PSA).values(&["ecs"]),
        F::new("resourceId", "service/<cluster>/<service> of a registered scalable target.", PSA),
        F::new("scalableDimension", DIMENSION, PSA).values(&["ecs:service:DesiredCount"]),
        F::new("schedule", "When: at(yyyy-mm-ddThh:mm:ss), rate(N minutes|hours|days) or cron(minutes hours day month weekday year), in run time.", PSA),
        F::new("scalableTargetAction", "The new minimum and/or maximum capacity from then on.", STA).child("scalableTargetAction"),
    ],
};

/// `scalableTargetAction`.
pub const SCALABLE_TARGET_ACTION: Context = Context {
    name: "scalableTargetAction",
    fields: &[
        F::new("minCapacity", "The new minimum desired count.", STA),
        F::new("maxCapacity", "The new maximum desired count.", STA),
    ],
};

/// Every context of this folder.
pub const CONTEXTS: &[Context] = &[
    FARGATE_SPOT,
    SCALABLE_TARGET,
    SCALING_POLICY,
    TARGET_TRACKING,
    PREDEFINED_METRIC,
    STEP_SCALING,
    STEP_ADJUSTMENT,
    ALARM_CONTEXT,
    SCHEDULED_ACTION,
    SCALABLE_TARGET_ACTION,
];
