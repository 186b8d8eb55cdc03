//! Container instances and capacity providers: where tasks can run.

pub mod az_rebalance;
pub mod capacity_provider;
pub mod field_docs;
pub mod form;
pub mod instance;
pub mod managed_scaling;
pub mod model;
pub mod resolve;
pub mod spec;
pub mod spot;
pub mod termination_policy;

pub use instance::{Instance, InstanceStatus};
pub use model::{AsgModel, ClusterModel, LaunchTarget, ProviderKind, StrategyItem};
pub use spec::{
    AutoScalingGroupProviderSpec, AutoScalingGroupSpec, CapacityProviderSpec,
    CapacityProviderStrategyItem, ClusterSpec, ExternalInstanceSpec, ManagedScalingSpec,
    SubnetSpec,
};
