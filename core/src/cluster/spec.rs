//! The scenario keys for where tasks run: subnets and their zones, clusters (`create-cluster`),
//! and capacity providers backed by EC2 Auto Scaling groups (`create-capacity-provider`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
