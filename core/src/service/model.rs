//! Services and standalone tasks as the engine runs them: resolved from `create-service` and
//! `run-task` inputs, with defaults applied and names looked up.

use crate::cluster::LaunchTarget;
use crate::placement::{Constraint, Strategy};

/// A service, resolved.
#[derive(Debug, Clone)]
pub struct ServiceModel {
    /// The service name.
    pub name: String,
    /// Its cluster.
    pub cluster: usize,
    /// Task definition index.
    pub task_definition: usize,
    /// Desired count (REPLICA).
    pub desired: u32,
    /// DAEMON scheduling.
    pub daemon: bool,
    /// Launch type or strategy.
    pub launch: LaunchTarget,
    /// Placement strategies (defaults applied).
    pub strategies: Vec<Strategy>,
    /// Placement constraints.
    pub constraints: Vec<Constraint>,
    /// Zones of the awsvpc subnets, in order (empty when not awsvpc).
    pub subnet_zones: Vec<String>,
    /// maximumPercent.
    pub maximum_percent: u32,
    /// minimumHealthyPercent.
    pub minimum_healthy_percent: u32,
    /// healthCheckGracePeriodSeconds, ms.
    pub grace_ms: u64,
    /// The load balancer its tasks register with (first `loadBalancers` entry).
    pub load_balancer: Option<crate::elb::ServiceLoadBalancer>,
    /// The target groups of its other `loadBalancers` entries (entry index, group), which the
    /// playground does not register tasks in (advice says so).
    pub extra_target_groups: Vec<(usize, usize)>,
    /// `deploymentConfiguration.deploymentCircuitBreaker` when enabled.
    pub circuit_breaker: Option<crate::deployment::circuit_breaker::CircuitBreakerConfig>,
    /// `deploymentConfiguration.alarms` when enabled: the CloudWatch alarms that fail its
    /// deployments.
    pub deployment_alarms: Option<crate::deployment::resolve::AlarmWatch>,
    /// How deployments shift traffic (blue/green, canary, linear, CodeDeploy); None: rolling.
    pub traffic_shift: Option<crate::deployment::shift::ShiftPlan>,
    /// `deploymentController.type` CODE_DEPLOY: CodeDeploy runs its deployments (no circuit
    /// breaker; the percentages bound only tasks on DRAINING instances, API
    /// DeploymentConfiguration).
    pub code_deploy: bool,
    /// `networkConfiguration.awsvpcConfiguration.assignPublicIp` is `ENABLED` (kept for advice,
    /// not simulated).
    pub assign_public_ip: bool,
    /// `platformVersion` when set (kept for advice, not simulated).
    pub platform_version: Option<String>,
    /// Availability Zone rebalancing runs for it (`availabilityZoneRebalancing` ENABLED, or left
    /// out on a service that can use it; see `service::rebalancing`).
    pub az_rebalancing: bool,
    /// `serviceConnectConfiguration.enabled`: every revision it runs must set the task memory
    /// limit the proxy needs (DG service-connect).
    pub service_connect: bool,
    /// The `portName`s its Service Connect endpoints name (`serviceConnectConfiguration
    /// .services[].portName`): every revision it runs must have port mappings so named.
    pub connect_port_names: Vec<String>,
}
/// A standalone RunTask at time 0, resolved.
#[derive(Debug, Clone)]
pub struct RunTaskModel {
    /// Its cluster.
    pub cluster: usize,
    /// Task definition index.
    pub task_definition: usize,
    /// Copies.
    pub count: u32,
    /// Launch type or strategy.
    pub launch: LaunchTarget,
    /// The task group.
    pub group: String,
    /// Placement strategies.
    pub strategies: Vec<Strategy>,
    /// Placement constraints.
    pub constraints: Vec<Constraint>,
    /// Zones of the awsvpc subnets.
    pub subnet_zones: Vec<String>,
    /// startedBy.
    pub started_by: Option<String>,
}
