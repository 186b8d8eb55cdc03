//! The validated, resolved form of a scenario that the engine runs: names are looked up,
//! task definitions have revisions and their resource needs worked out, defaults applied.

use super::document::{ImageBehaviour, TimelineEvent};
use crate::catalog::InstanceType;
use crate::placement::query::Expression;
use crate::taskdef::{NetworkMode, Protocol, TaskDefinition};
use std::collections::BTreeMap;

/// A scenario ready to run.
#[derive(Debug, Clone)]
pub struct Model {
    /// The run's seed.
    pub seed: u64,
    /// Availability Zones in the order they first appear among the subnets.
    pub zones: Vec<String>,
    /// Subnet ID → its zone.
    pub subnets: BTreeMap<String, String>,
    /// Clusters in document order.
    pub clusters: Vec<ClusterModel>,
    /// Auto Scaling group capacity providers in document order.
    pub asgs: Vec<AsgModel>,
    /// Registered task definitions, in registration order.
    pub task_definitions: Vec<RegisteredTaskDefinition>,
    /// Image behaviours.
    pub images: BTreeMap<String, ImageBehaviour>,
    /// Services in document order.
    pub services: Vec<ServiceModel>,
    /// Standalone tasks started at time 0.
    pub run_tasks: Vec<RunTaskModel>,
    /// Scripted events, sorted by time (stable).
    pub timeline: Vec<TimelineEvent>,
    /// Application Load Balancer target groups, in document order.
    pub target_groups: Vec<crate::elb::TargetGroupModel>,
    /// Requests to services (empty unless the document has a `traffic` key).
    pub traffic: crate::traffic::TrafficModel,
    /// Service Auto Scaling and Fargate Spot settings.
    pub auto_scaling: crate::autoscaling::AutoScalingModel,
}

/// A cluster and what is associated with it.
#[derive(Debug, Clone)]
pub struct ClusterModel {
    /// The cluster name.
    pub name: String,
    /// Associated capacity providers (names).
    pub capacity_providers: Vec<String>,
    /// Used by services that name neither launch type nor strategy.
    pub default_strategy: Vec<StrategyItem>,
    /// ECS Anywhere servers: (name, cpu, memory, attributes).
    pub external_instances: Vec<(String, u32, u32, BTreeMap<String, String>)>,
}

/// Where a provider's tasks run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProviderKind {
    /// An EC2 Auto Scaling group (index into [`Model::asgs`]).
    Asg(usize),
    /// AWS Fargate, on-demand.
    Fargate,
    /// AWS Fargate Spot.
    FargateSpot,
}

/// One resolved capacity provider strategy item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrategyItem {
    /// The provider's name as written.
    pub name: String,
    /// What it is.
    pub kind: ProviderKind,
    /// Tasks placed here first.
    pub base: u32,
    /// Share of the rest.
    pub weight: u32,
}

/// An Auto Scaling group provider.
#[derive(Debug, Clone)]
pub struct AsgModel {
    /// The capacity provider's name.
    pub provider: String,
    /// The cluster it is associated with.
    pub cluster: usize,
    /// Its instance type.
    pub instance_type: &'static InstanceType,
    /// Minimum size.
    pub min_size: u32,
    /// Maximum size.
    pub max_size: u32,
    /// Desired capacity.
    pub desired: u32,
    /// (subnet, zone) pairs the group launches into.
    pub subnets: Vec<(String, String)>,
    /// Milliseconds from launch to registration with ECS.
    pub boot_ms: u64,
    /// Custom attributes.
    pub attributes: BTreeMap<String, String>,
    /// awsvpcTrunking account setting.
    pub trunking: bool,
    /// Cluster auto scaling settings when `managedScaling` is ENABLED.
    pub managed_scaling: Option<crate::cluster::managed_scaling::ManagedScaling>,
    /// `managedTerminationProtection` ENABLED: scale-in keeps instances with non-daemon tasks.
    pub managed_termination_protection: bool,
}

/// A task definition revision and what it needs from an instance.
#[derive(Debug, Clone)]
pub struct RegisteredTaskDefinition {
    /// The family.
    pub family: String,
    /// Its revision, 1-based.
    pub revision: u32,
    /// The definition as registered.
    pub definition: TaskDefinition,
    /// Resource needs and container behaviour.
    pub needs: TaskNeeds,
}

impl RegisteredTaskDefinition {
    /// `family:revision`, as ECS names a task definition.
    pub fn name(&self) -> String {
        format!("{}:{}", self.family, self.revision)
    }
}

/// What a task of a definition reserves and how its containers behave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskNeeds {
    /// CPU units reserved on an instance.
    pub cpu: u32,
    /// Memory reserved on an instance, MiB.
    pub memory: u32,
    /// GPUs.
    pub gpus: u32,
    /// Static host ports.
    pub static_ports: Vec<(Protocol, u16)>,
    /// Dynamic host ports (bridge, hostPort 0/omitted).
    pub dynamic_ports: u32,
    /// The network mode.
    pub network_mode: NetworkMode,
    /// The containers.
    pub containers: Vec<ContainerModel>,
    /// The most memory the containers may use before one is OOM-killed, MiB (see
    /// [`TaskDefinition::hard_memory_limit_mib`](crate::taskdef::TaskDefinition::hard_memory_limit_mib)).
    pub hard_memory_mib: Option<u32>,
}

/// One container's behaviour in the simulation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerModel {
    /// Container name.
    pub name: String,
    /// Image reference.
    pub image: String,
    /// Whether its exit stops the task.
    pub essential: bool,
    /// Health check (interval, timeout, retries, startPeriod), seconds.
    pub health_check: Option<(u32, u32, u32, u32)>,
    /// Seconds between SIGTERM and SIGKILL (default 30).
    pub stop_timeout: u32,
}

/// Where a service's or task's tasks go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LaunchTarget {
    /// Launch type EC2: any ACTIVE instance of the cluster.
    Ec2,
    /// Launch type FARGATE.
    Fargate,
    /// Launch type EXTERNAL: ECS Anywhere instances.
    External,
    /// A capacity provider strategy.
    Strategy(Vec<StrategyItem>),
}

impl LaunchTarget {
    /// Whether tasks run on Fargate (launch type FARGATE, or a strategy of Fargate providers;
    /// validation refuses strategies that mix them with Auto Scaling group providers).
    pub fn uses_fargate(&self) -> bool {
        match self {
            LaunchTarget::Fargate => true,
            LaunchTarget::Strategy(items) => items
                .iter()
                .any(|i| !matches!(i.kind, ProviderKind::Asg(_))),
            LaunchTarget::Ec2 | LaunchTarget::External => false,
        }
    }
}

/// A placement strategy, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Strategy {
    /// Least remaining CPU.
    BinpackCpu,
    /// Least remaining memory.
    BinpackMemory,
    /// Even across the values of an attribute (`ecs.availability-zone`) or instances.
    Spread(SpreadField),
    /// Any instance (seeded).
    Random,
}

/// What spread balances on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpreadField {
    /// `instanceId` (or `host`).
    Instance,
    /// `attribute:<name>`.
    Attribute(String),
}

/// A placement constraint, resolved.
#[derive(Debug, Clone)]
pub enum Constraint {
    /// Each task of the group on a different instance.
    DistinctInstance,
    /// Only instances matching the expression (kept with its text for messages).
    MemberOf(Expression, String),
}

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
    /// `deploymentConfiguration.deploymentCircuitBreaker` when enabled.
    pub circuit_breaker: Option<crate::deployment::circuit_breaker::CircuitBreakerConfig>,
    /// How deployments shift traffic (blue/green, canary, linear, CodeDeploy); None: rolling.
    pub traffic_shift: Option<crate::deployment::shift::ShiftPlan>,
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
