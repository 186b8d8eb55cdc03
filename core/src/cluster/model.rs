//! Clusters and capacity as the engine runs them: each cluster's capacity providers and default
//! strategy, the Auto Scaling groups behind EC2 providers, and where a service's tasks go.

use super::managed_scaling::ManagedScaling;
use crate::catalog::InstanceType;
use std::collections::BTreeMap;

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
    /// An EC2 Auto Scaling group (index into the model's Auto Scaling groups).
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
    pub managed_scaling: Option<ManagedScaling>,
    /// `managedTerminationProtection` ENABLED: scale-in keeps instances with non-daemon tasks.
    pub managed_termination_protection: bool,
    /// `managedDraining` (default ENABLED): ECS drains an instance's tasks before the group
    /// terminates it (its zone rebalancing, managed scaling's scale-in).
    pub managed_draining: bool,
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
