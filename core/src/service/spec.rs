//! The scenario keys for services (`create-service` input) and standalone tasks (`run-task`
//! input), with their awsvpc network configuration.

use crate::cluster::CapacityProviderStrategyItem;
use crate::deployment::spec::{CodeDeploySpec, DeploymentConfiguration, DeploymentController};
use crate::placement::spec::{PlacementConstraintSpec, PlacementStrategySpec};
use serde::{Deserialize, Serialize};

/// A service as `create-service` takes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServiceSpec {
    /// The service name (1–255 letters, digits, hyphens, underscores).
    pub service_name: String,
    /// The cluster (default `default`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `family`, `family:revision`, or a task definition ARN.
    pub task_definition: String,
    /// Tasks to keep running (REPLICA only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desired_count: Option<u32>,
    /// `EC2`, `FARGATE` or `EXTERNAL`; mutually exclusive with a strategy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launch_type: Option<String>,
    /// Where tasks go when no launch type is given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capacity_provider_strategy: Vec<CapacityProviderStrategyItem>,
    /// `REPLICA` (default) or `DAEMON`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduling_strategy: Option<String>,
    /// Up to 5 strategies applied in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub placement_strategy: Vec<PlacementStrategySpec>,
    /// Up to 10 constraints, all binding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub placement_constraints: Vec<PlacementConstraintSpec>,
    /// Subnets and security groups for awsvpc tasks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_configuration: Option<NetworkConfiguration>,
    /// Application Load Balancer target groups the service's tasks register in (API
    /// LoadBalancer; see [`crate::elb`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub load_balancers: Vec<crate::elb::LoadBalancerSpec>,
    /// Rolling update bounds and the circuit breaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deployment_configuration: Option<DeploymentConfiguration>,
    /// Seconds the scheduler ignores failing health checks after a task starts (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_grace_period_seconds: Option<u32>,
    /// Fargate platform version (kept, not simulated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_version: Option<String>,
    /// Other `create-service` keys kept but not simulated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<serde_json::Value>,
    /// Kept, not simulated. The API spells it `enableECSManagedTags` (camelCase would give
    /// `enableEcsManagedTags`, which earlier builds accepted and still do).
    #[serde(
        default,
        rename = "enableECSManagedTags",
        alias = "enableEcsManagedTags",
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_ecs_managed_tags: Option<bool>,
    /// Kept, not simulated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub propagate_tags: Option<String>,
    /// Cloud Map registries the tasks register in (API ServiceRegistry; at most one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_registries: Vec<crate::discovery::ServiceRegistry>,
    /// Service Connect (API ServiceConnectConfiguration, the subset the simulator reads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_connect_configuration: Option<crate::discovery::ServiceConnectConfiguration>,
    /// Kept, not simulated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_execute_command: Option<bool>,
    /// Which deployment controller runs deployments (only `ECS`, the rolling update, is
    /// simulated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deployment_controller: Option<DeploymentController>,
    /// Simulator key: CodeDeploy settings for a `CODE_DEPLOY` service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_deploy: Option<CodeDeploySpec>,
    /// `ENABLED` or `DISABLED` (API CreateService). Only `DISABLED` is simulated: every service
    /// runs without Availability Zone rebalancing, and `ENABLED` is refused (see
    /// [`crate::service::platform::availability_zone_rebalancing`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability_zone_rebalancing: Option<String>,
}

/// `run-task` input for a standalone task started at time 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RunTaskSpec {
    /// The cluster (default `default`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// `family`, `family:revision`, or an ARN.
    pub task_definition: String,
    /// How many copies, 1–10.
    #[serde(default = "one")]
    pub count: u32,
    /// `EC2`, `FARGATE` or `EXTERNAL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launch_type: Option<String>,
    /// Capacity provider strategy, instead of a launch type.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capacity_provider_strategy: Vec<CapacityProviderStrategyItem>,
    /// Task group (default `family:<family>`), used by spread and `task:group`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Up to 5 strategies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub placement_strategy: Vec<PlacementStrategySpec>,
    /// Up to 10 constraints.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub placement_constraints: Vec<PlacementConstraintSpec>,
    /// Subnets for awsvpc tasks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_configuration: Option<NetworkConfiguration>,
    /// Free text recorded on the task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<String>,
}

fn one() -> u32 {
    1
}

/// `networkConfiguration` of create-service/run-task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkConfiguration {
    /// The awsvpc settings.
    pub awsvpc_configuration: AwsVpcConfiguration,
}

/// Subnets (which decide the Availability Zones of Fargate tasks) and security groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AwsVpcConfiguration {
    /// Up to 16 subnet IDs.
    pub subnets: Vec<String>,
    /// Up to 5 security groups (kept, not simulated).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_groups: Vec<String>,
    /// `ENABLED` or `DISABLED` (kept, not simulated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assign_public_ip: Option<String>,
}
