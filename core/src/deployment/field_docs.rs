//! What each key of a service's deployment settings does, for the editor's completion and hover
//! (see [`crate::form::field_doc`]).

use crate::form::field_doc::{Context, FieldDoc as F};

const DC: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html";
const CB: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html";
const TC: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ThresholdConfiguration.html";
const CTL: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentController.html";
const CAN: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CanaryConfiguration.html";
const LIN: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinearConfiguration.html";
const DA: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html";
const PMA: &str =
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html";
const CD: &str =
    "https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html";

/// `deploymentController`.
pub const CONTROLLER: Context = Context {
    name: "deploymentController",
    fields: &[F::new("type", "ECS runs the deployment itself; CODE_DEPLOY hands blue/green to CodeDeploy; EXTERNAL is refused here (a third-party controller). Default ECS.", CTL).values(&["ECS", "CODE_DEPLOY", "EXTERNAL"])],
};

/// `deploymentCircuitBreaker`.
pub const CIRCUIT_BREAKER: Context = Context {
    name: "deploymentCircuitBreaker",
    fields: &[
        F::new("enable", "Fail a deployment whose tasks keep failing to reach RUNNING or to stay healthy (threshold by default: half the desired count, between 3 and 200).", CB).values(&["true", "false"]),
        F::new("rollback", "On failure, roll back to the last completed deployment.", CB).values(&["true", "false"]),
        F::new("resetOnHealthyTask", "Whether a task reaching a healthy state resets the failure count to 0. Default true; false counts every failure of the deployment.", CB).values(&["true", "false"]),
        F::new("thresholdConfiguration", "How many failed tasks fail the deployment: a type and a value. Default BOUNDED_PERCENT 50 (half the desired count, between 3 and 200).", TC).child("thresholdConfiguration"),
    ],
};

/// `thresholdConfiguration`.
pub const THRESHOLD: Context = Context {
    name: "thresholdConfiguration",
    fields: &[
        F::new("type", "COUNT uses value as the threshold; BOUNDED_PERCENT takes value percent of the desired count, kept between 3 and 200; UNBOUNDED_PERCENT the same without the bounds. Required.", TC).values(&["COUNT", "BOUNDED_PERCENT", "UNBOUNDED_PERCENT"]),
        F::new("value", "The threshold itself (COUNT) or a percent of the desired count, rounded up; 1 or more. Required.", TC),
    ],
};

/// `deploymentConfiguration`.
pub const CONFIGURATION: Context = Context {
    name: "deploymentConfiguration",
    fields: &[
        F::new("maximumPercent", "Upper bound of RUNNING plus PENDING tasks during a deployment, as a percent of desiredCount; at least 100. Default 200; a DAEMON service must use 100, its default.", DC),
        F::new("minimumHealthyPercent", "Lower bound of healthy RUNNING tasks during a deployment, as a percent of desiredCount, 0 to 100. Default 100 (0 for DAEMON through the API, so every daemon task is replaced at once; the console uses 50).", DC),
        F::new("deploymentCircuitBreaker", "Stops (and optionally rolls back) a deployment whose tasks keep failing. Off when omitted.", CB).child("deploymentCircuitBreaker"),
        F::new("alarms", "CloudWatch alarms (from the scenario's cloudWatchAlarms) that fail a deployment when one goes into ALARM, watched once a task of it is RUNNING; a rolling update then bakes for the alarms' longest evaluationPeriods before it completes (the playground's choice).", DA).child("deploymentAlarms"),
        F::new("strategy", "How ECS shifts to the new revision: ROLLING replaces tasks in batches; BLUE_GREEN, CANARY and LINEAR start a full green set and move traffic to it. Default ROLLING.", DC).values(&["ROLLING", "BLUE_GREEN", "CANARY", "LINEAR"]),
        F::new("bakeTimeInMinutes", "Minutes blue and green both run after all traffic moved, before blue stops, 0 to 1,440. Required with BLUE_GREEN.", DC),
        F::new("canaryConfiguration", "CANARY only: the percent of traffic moved first and how long it bakes.", CAN).child("canaryConfiguration"),
        F::new("linearConfiguration", "LINEAR only: the percent moved each step and the wait between steps.", LIN).child("linearConfiguration"),
    ],
};

/// `canaryConfiguration`.
pub const CANARY: Context = Context {
    name: "canaryConfiguration",
    fields: &[
        F::new(
            "canaryPercent",
            "Percent of traffic the green tasks get first, 0.1 to 100. Default 5.",
            CAN,
        ),
        F::new(
            "canaryBakeTimeInMinutes",
            "Minutes at the canary percent before the rest moves, 0 to 1,440. Default 10.",
            CAN,
        ),
    ],
};

/// `linearConfiguration`.
pub const LINEAR: Context = Context {
    name: "linearConfiguration",
    fields: &[
        F::new(
            "stepPercent",
            "Percent of traffic moved each step, 3 to 100. Default 10.",
            LIN,
        ),
        F::new(
            "stepBakeTimeInMinutes",
            "Minutes between steps, 0 to 1,440. Default 6.",
            LIN,
        ),
    ],
};

/// `codeDeploy` (simulator key).
pub const CODE_DEPLOY: Context = Context {
    name: "codeDeploy",
    fields: &[
        F::new("deploymentConfigName", "A predefined CodeDeploy ECS configuration, e.g. CodeDeployDefault.ECSAllAtOnce or CodeDeployDefault.ECSCanary10Percent5Minutes.", CD).values(&["CodeDeployDefault.ECSAllAtOnce", "CodeDeployDefault.ECSLinear10PercentEvery1Minutes", "CodeDeployDefault.ECSLinear10PercentEvery3Minutes", "CodeDeployDefault.ECSCanary10Percent5Minutes", "CodeDeployDefault.ECSCanary10Percent15Minutes"]),
        F::new("terminationWaitTimeInMinutes", "Minutes the blue tasks keep running after traffic moved, 0 to 2,880. Default 0 here.", CD),
        F::new("greenTargetGroup", "The target group the green tasks register in (name or ARN).", CD),
    ],
};

/// `deploymentConfiguration.alarms` (API DeploymentAlarms).
pub const ALARMS: Context = Context {
    name: "deploymentAlarms",
    fields: &[
        F::new("alarmNames", "Names of cloudWatchAlarms entries the service's deployments watch. Required.", DA),
        F::new("enable", "Whether deployments watch the alarms. Required.", DA).values(&["true", "false"]),
        F::new("rollback", "Whether a deployment an alarm fails rolls back to the last completed deployment. Required. A rollback does not watch the alarms (the playground's choice).", DA).values(&["true", "false"]),
    ],
};

/// A `cloudWatchAlarms` entry (put-metric-alarm input on a service metric, 60-second period).
pub const METRIC_ALARM: Context = Context {
    name: "metricAlarm",
    fields: &[
        F::new("alarmName", "The alarm's name, which deploymentConfiguration.alarms.alarmNames lists. Required.", PMA),
        F::new("serviceName", "The service whose metric it watches (the ServiceName dimension). Required.", PMA),
        F::new("metricName", "The service metric it watches, one datapoint per minute (its sum for counts, its average otherwise). Required.", PMA).values(&["CPUUtilization", "MemoryUtilization", "RequestCountPerTarget", "RequestCount", "HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count", "TargetResponseTime", "RunningTaskCount"]),
        F::new("comparisonOperator", "How a datapoint breaches the threshold. Required.", PMA).values(&["GreaterThanThreshold", "GreaterThanOrEqualToThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold"]),
        F::new("threshold", "The value datapoints are compared with. Required.", PMA),
        F::new("evaluationPeriods", "One-minute datapoints looked at, 1 to 1,440. Required.", PMA),
        F::new("datapointsToAlarm", "Breaching datapoints among them that put the alarm in ALARM. Default: evaluationPeriods.", PMA),
    ],
};

/// Every context of this folder.
pub const CONTEXTS: &[Context] = &[
    CONTROLLER,
    CIRCUIT_BREAKER,
    THRESHOLD,
    CONFIGURATION,
    CANARY,
    LINEAR,
    CODE_DEPLOY,
    ALARMS,
    METRIC_ALARM,
];
