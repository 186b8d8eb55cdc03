//! The scenario document, version 1: everything a playground run needs, in one JSON file.
//!
//! Task definitions are real `register-task-definition` JSON and services follow the
//! `create-service` input shape, so what people write here carries over to AWS. Fields that
//! ECS does not have (images with behaviour, the timeline, subnets with their zones) are the
//! simulator's own and are documented in `docs/scenario-format.md`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The only scenario format version this build reads; links carry it so old links keep working.
pub const SCENARIO_VERSION: u32 = 1;

/// A whole scenario: clusters, capacity, task definitions, services, and scripted events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScenarioDocument {
    /// Format version; must be [`SCENARIO_VERSION`].
    pub version: u32,
    /// The one seed every random choice of a run derives from.
    pub seed: u64,
    /// A title shown in the playground.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Free text for the reader of a shared scenario (a workshop step, say).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The Region's Availability Zones as subnets; instances and awsvpc tasks live in subnets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subnets: Vec<SubnetSpec>,
    /// ECS clusters (`create-cluster`): their capacity providers and default strategy.
    pub clusters: Vec<ClusterSpec>,
    /// Capacity providers backed by EC2 Auto Scaling groups (`create-capacity-provider`).
    /// `FARGATE` and `FARGATE_SPOT` are built in and need no entry here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capacity_providers: Vec<CapacityProviderSpec>,
    /// Task definitions as `register-task-definition` input (or `describe-task-definition`
    /// output); registering the same family again makes the next revision.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub task_definitions: Vec<serde_json::Value>,
    /// How each container image behaves when it runs, keyed by the image reference.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub images: BTreeMap<String, ImageBehaviour>,
    /// Services (`create-service` input).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<ServiceSpec>,
    /// Standalone tasks started at time 0 (`run-task` input).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<RunTaskSpec>,
    /// Scripted events: failures and changes at given times.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<TimelineEvent>,
    /// Application Load Balancer target groups services register their tasks in
    /// (ELB API CreateTargetGroup; see [`crate::elb`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_groups: Vec<crate::elb::TargetGroupSpec>,
    /// Simulator key: requests to services and what they cost (see [`crate::traffic`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub traffic: Vec<crate::traffic::TrafficSpec>,
    /// Simulator knob: how often Fargate Spot tasks are interrupted at random.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fargate_spot: Option<crate::autoscaling::spec::FargateSpotSpec>,
    /// Application Auto Scaling `register-scalable-target` inputs (service desired counts).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scalable_targets: Vec<crate::autoscaling::spec::ScalableTargetSpec>,
    /// Application Auto Scaling `put-scaling-policy` inputs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scaling_policies: Vec<crate::autoscaling::spec::ScalingPolicySpec>,
    /// Application Auto Scaling `put-scheduled-action` inputs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scheduled_actions: Vec<crate::autoscaling::spec::ScheduledActionSpec>,
}

/// A subnet and the Availability Zone it is in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SubnetSpec {
    /// The subnet ID that services and Auto Scaling groups refer to.
    pub subnet_id: String,
    /// Its Availability Zone, e.g. `us-east-1a`.
    pub availability_zone: String,
}

/// A cluster as `create-cluster` takes it (the parts the simulator uses).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClusterSpec {
    /// The cluster name services refer to (`default` when a service names none).
    pub cluster_name: String,
    /// Capacity providers associated with the cluster, including `FARGATE`/`FARGATE_SPOT`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capacity_providers: Vec<String>,
    /// Used by services that give neither a launch type nor a strategy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub default_capacity_provider_strategy: Vec<CapacityProviderStrategyItem>,
    /// Container instances registered with launch type EXTERNAL (ECS Anywhere).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_instances: Vec<ExternalInstanceSpec>,
    /// Cluster settings, tags and other `create-cluster` keys the simulator keeps but ignores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<serde_json::Value>,
    /// Tags (kept, not simulated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<serde_json::Value>,
}

/// An on-premises server registered with ECS Anywhere.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExternalInstanceSpec {
    /// A name for the server (its `ecs.instance-id` is `mi-…`).
    pub name: String,
    /// CPU units it registers (1,024 per core).
    pub cpu: u32,
    /// Memory it registers, MiB.
    pub memory: u32,
    /// Custom attributes for placement constraints.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
}

/// One entry of a capacity provider strategy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CapacityProviderStrategyItem {
    /// The capacity provider's name.
    pub capacity_provider: String,
    /// Relative share of tasks after the base (0–1000).
    #[serde(default)]
    pub weight: u32,
    /// Tasks placed on this provider first (0–100000; only one item may set it).
    #[serde(default)]
    pub base: u32,
}

/// A capacity provider backed by an EC2 Auto Scaling group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CapacityProviderSpec {
    /// The provider's name (not `FARGATE`, `FARGATE_SPOT`, or starting with `aws`/`ecs`).
    pub name: String,
    /// The Auto Scaling group and its ECS settings.
    pub auto_scaling_group_provider: AutoScalingGroupProviderSpec,
}

/// `autoScalingGroupProvider` of `create-capacity-provider`, with the group itself inlined.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AutoScalingGroupProviderSpec {
    /// The EC2 Auto Scaling group (in AWS a separate resource referenced by ARN).
    pub auto_scaling_group: AutoScalingGroupSpec,
    /// Managed scaling (cluster auto scaling) settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed_scaling: Option<ManagedScalingSpec>,
    /// `ENABLED` keeps instances that run non-daemon tasks from scale-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed_termination_protection: Option<String>,
    /// `ENABLED` drains instances before the group terminates them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed_draining: Option<String>,
}

/// The parts of an EC2 Auto Scaling group and launch template that matter to ECS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AutoScalingGroupSpec {
    /// EC2 instance type from the catalogue, e.g. `m5.large`.
    pub instance_type: String,
    /// Group minimum size.
    pub min_size: u32,
    /// Group maximum size.
    pub max_size: u32,
    /// Instances the group keeps running.
    pub desired_capacity: u32,
    /// Subnets (the group's `VPCZoneIdentifier`); instances are balanced across their zones.
    pub subnets: Vec<String>,
    /// Seconds from launch until the ECS agent registers the instance (default 60).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boot_seconds: Option<u32>,
    /// Custom container instance attributes (`ECS_INSTANCE_ATTRIBUTES`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    /// Whether the account setting `awsvpcTrunking` is on for these instances.
    #[serde(default)]
    pub awsvpc_trunking: bool,
}

/// `managedScaling` of an Auto Scaling group provider (simulated in a later release).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ManagedScalingSpec {
    /// `ENABLED` or `DISABLED`.
    pub status: String,
    /// Target CapacityProviderReservation, 1–100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_capacity: Option<u32>,
    /// Smallest scale-out step (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_scaling_step_size: Option<u32>,
    /// Largest scale-out step (default 10000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum_scaling_step_size: Option<u32>,
    /// Seconds a new instance takes to count (default 300).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_warmup_period: Option<u32>,
}

/// How a container image behaves in the simulation: the simulator's stand-in for real code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImageBehaviour {
    /// Seconds to pull the image (default 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pull_seconds: Option<u32>,
    /// Seconds from container start until the application is up (default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_seconds: Option<u32>,
    /// The pull fails (`CannotPullContainerError`): the task never starts.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pull_fails: bool,
    /// The main process exits this many seconds after it starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crash_after_seconds: Option<u32>,
    /// The exit code of that crash (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    /// The container health check command fails.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub health_check_fails: bool,
    /// The process ignores SIGTERM, so stopping waits for `stopTimeout` and then SIGKILL.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ignores_sigterm: bool,
}

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
    /// Kept, not simulated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
}

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

/// A placement strategy: `binpack` (field `cpu`/`memory`), `spread` (any attribute or
/// `instanceId`), or `random`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlacementStrategySpec {
    /// `binpack`, `spread` or `random`.
    #[serde(rename = "type")]
    pub kind: String,
    /// What to binpack or spread on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// A placement constraint: `distinctInstance` or `memberOf` with a cluster query expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlacementConstraintSpec {
    /// `distinctInstance` or `memberOf`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The cluster query language expression for `memberOf`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expression: Option<String>,
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

/// `deploymentConfiguration` of a service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// CloudWatch alarms (kept, not simulated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alarms: Option<serde_json::Value>,
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

/// A scripted event at a time in the run. (Unknown keys are refused by [`TimelineAction`]:
/// serde cannot deny them on a struct that flattens another.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEvent {
    /// Seconds from the start of the run.
    pub at: u32,
    /// What happens.
    #[serde(flatten)]
    pub action: TimelineAction,
}

/// The things a timeline (or a playground button) can do to a running cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "action",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum TimelineAction {
    /// `stop-task` on the n-th running task of a service (in start order), like a user would.
    StopTask {
        /// The service whose task stops.
        service: String,
        /// Which of its tasks (0-based, oldest first).
        #[serde(default)]
        index: u32,
    },
    /// The EC2 instance is terminated; its tasks stop and its group launches a replacement.
    TerminateInstance {
        /// The n-th instance in launch order (0-based), across the scenario.
        instance: u32,
    },
    /// The container instance is set to DRAINING; its service tasks are replaced elsewhere.
    DrainInstance {
        /// The n-th instance in launch order (0-based).
        instance: u32,
    },
    /// Every instance and Fargate task in the zone is lost; nothing launches there.
    AzOutage {
        /// The zone, e.g. `us-east-1a`.
        availability_zone: String,
    },
    /// A Fargate Spot interruption of the n-th RUNNING FARGATE_SPOT task of a service (in start
    /// order): the two-minute warning, SIGTERM, and a replacement.
    SpotInterruption {
        /// The service whose Spot task is reclaimed.
        service: String,
        /// Which of its running Spot tasks (0-based, oldest first).
        #[serde(default)]
        index: u32,
    },
    /// The zone is usable again.
    AzRecovery {
        /// The zone.
        availability_zone: String,
    },
    /// `update-service`: a new desired count and/or task definition.
    UpdateService {
        /// The service.
        service: String,
        /// New desired count.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        desired_count: Option<u32>,
        /// New task definition (`family` or `family:revision`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        task_definition: Option<String>,
        /// `--force-new-deployment`: a new deployment even with the same task definition.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        force_new_deployment: bool,
    },
    /// Simulator action: the service's request rate is multiplied for a while (a burst the
    /// profile does not have, e.g. a marketing email).
    TrafficSpike {
        /// The service whose `traffic` entry is multiplied.
        service: String,
        /// Percent of the profile's rate, e.g. 300 for three times (1–10,000).
        multiplier: u32,
        /// How long it lasts, seconds (1–86,400).
        duration_seconds: u32,
    },
}
