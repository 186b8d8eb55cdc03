//! The scenario document's load-balancer keys, as the AWS CLI's JSON takes them: the service's
//! `loadBalancers` (API LoadBalancer) and the top-level `targetGroups` (ELB API
//! CreateTargetGroup, flattened with the deregistration delay attribute).

use serde::{Deserialize, Serialize};

/// One entry of a service's `loadBalancers` (ECS API LoadBalancer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LoadBalancerSpec {
    /// The target group: a full ARN
    /// (`arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>`) or the name
    /// of an entry of `targetGroups`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_group_arn: Option<String>,
    /// Classic Load Balancers only; refused (ALB services give a target group instead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_balancer_name: Option<String>,
    /// The container that receives traffic (as named in the task definition).
    pub container_name: String,
    /// Its `containerPort`; must be in that container's `portMappings`.
    pub container_port: i64,
    /// ECS-native blue/green: the alternate target group and the listener rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advanced_configuration: Option<AdvancedConfiguration>,
}

/// `advancedConfiguration` of a LoadBalancer (ECS-native blue/green deployments).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdvancedConfiguration {
    /// The target group the green tasks register in (ARN or name).
    pub alternate_target_group_arn: String,
    /// The production listener rule ARN (kept, not simulated).
    pub production_listener_rule: String,
    /// The test listener rule ARN (kept, not simulated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_listener_rule: Option<String>,
    /// The role ECS uses to shift traffic (kept, not simulated).
    pub role_arn: String,
}

/// A target group (ELB API CreateTargetGroup, plus `deregistration_delay.timeout_seconds`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TargetGroupSpec {
    /// 1–32 letters, digits and hyphens, not starting or ending with a hyphen.
    pub target_group_name: String,
    /// `HTTP` (default) or `HTTPS`: an Application Load Balancer's target group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// The port targets receive traffic on, 1–65535 (default 80, the simulator's choice:
    /// ECS registers each task with its own port anyway).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u32>,
    /// Health check path (default `/`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_path: Option<String>,
    /// 5–300 s, default 30.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_interval_seconds: Option<u32>,
    /// 2–120 s, default 5 (an ALB's target group, HTTP or HTTPS); must be smaller than the
    /// interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_timeout_seconds: Option<u32>,
    /// Consecutive successes to become healthy, 2–10, default 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub healthy_threshold_count: Option<u32>,
    /// Consecutive failures to become unhealthy, 2–10, default 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unhealthy_threshold_count: Option<u32>,
    /// `deregistration_delay.timeout_seconds`: 0–3600 s, default 300.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deregistration_delay_seconds: Option<u32>,
    /// `instance` (an EC2 instance and a host port: bridge and host network modes) or `ip` (an
    /// IP address: awsvpc). Left out, the playground takes the type its service's network mode
    /// needs (AWS's default is `instance`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_type: Option<String>,
}
