//! A service's deployment keys as written: `deploymentController`, `deploymentConfiguration`
//! (bounds, circuit breaker, ECS-native strategies) and the simulator key `codeDeploy`.

use serde::{Deserialize, Serialize};

/// `deploymentController` of a service (API DeploymentController).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeploymentController {
    /// `ECS`, `CODE_DEPLOY` or `EXTERNAL`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// `deploymentConfiguration.deploymentCircuitBreaker` (API DeploymentCircuitBreaker).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeploymentCircuitBreaker {
    /// Whether a deployment whose tasks cannot reach a steady state fails.
    pub enable: bool,
    /// Whether a failed deployment rolls back to the last completed one.
    pub rollback: bool,
    /// Whether a task reaching a healthy state resets the failure count (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset_on_healthy_task: Option<bool>,
    /// How many failed tasks fail a deployment (default `BOUNDED_PERCENT` 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold_configuration: Option<ThresholdConfiguration>,
}

/// `deploymentCircuitBreaker.thresholdConfiguration` (API ThresholdConfiguration): both keys
/// are required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ThresholdConfiguration {
    /// `COUNT`, `BOUNDED_PERCENT` or `UNBOUNDED_PERCENT` (checked when resolved).
    #[serde(rename = "type")]
    pub kind: String,
    /// The threshold itself (`COUNT`) or a percent of the desired count.
    pub value: u32,
}

/// `deploymentConfiguration.alarms` (API DeploymentAlarms): the scenario's `cloudWatchAlarms`
/// that fail a deployment when one goes into ALARM; all three keys are required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeploymentAlarms {
    /// Names of `cloudWatchAlarms` entries.
    pub alarm_names: Vec<String>,
    /// Whether deployments watch them.
    pub enable: bool,
    /// Whether a deployment they fail rolls back to the last completed one.
    pub rollback: bool,
}

/// `deploymentConfiguration` of a service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeploymentConfiguration {
    /// Upper bound on running tasks, percent of desired (default 200; DAEMON 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum_percent: Option<u32>,
    /// Lower bound on healthy tasks, percent of desired (default 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_healthy_percent: Option<u32>,
    /// The deployment circuit breaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deployment_circuit_breaker: Option<DeploymentCircuitBreaker>,
    /// CloudWatch alarms that fail a deployment (API DeploymentAlarms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alarms: Option<DeploymentAlarms>,
    /// ECS-native deployment strategy: `ROLLING` (default), `BLUE_GREEN`, `CANARY` or `LINEAR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<String>,
    /// Minutes blue and green both run after production traffic has shifted (0–1440).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bake_time_in_minutes: Option<u32>,
    /// The CANARY strategy's step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canary_configuration: Option<CanaryConfiguration>,
    /// The LINEAR strategy's steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linear_configuration: Option<LinearConfiguration>,
}

/// `canaryConfiguration` (API CanaryConfiguration).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CanaryConfiguration {
    /// Percent of production traffic on green during the canary phase (0.1–100, step 0.1;
    /// default 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canary_percent: Option<f64>,
    /// Minutes before the rest of the traffic shifts (0–1440; default 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canary_bake_time_in_minutes: Option<u32>,
}

/// `linearConfiguration` (API LinearConfiguration).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LinearConfiguration {
    /// Percent of production traffic shifted per step (3–100, step 0.1; default 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_percent: Option<f64>,
    /// Minutes between steps (0–1440; default 6), not after the last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_bake_time_in_minutes: Option<u32>,
}

/// Simulator key `codeDeploy` on a service with `deploymentController.type` `CODE_DEPLOY`:
/// the CodeDeploy deployment group settings that decide how traffic shifts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CodeDeploySpec {
    /// One of the predefined ECS deployment configurations, e.g. `CodeDeployDefault.ECSAllAtOnce`.
    pub deployment_config_name: String,
    /// Minutes the original (blue) task set is kept after traffic has shifted (0–2880).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub termination_wait_time_in_minutes: Option<u32>,
    /// The deployment group's second target group (CodeDeploy `targetGroupPairInfoList`
    /// `targetGroups[1]`), where the replacement (green) task set registers; the service's
    /// `loadBalancers` target group is the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub green_target_group: Option<String>,
}
