//! The service scheduler (REPLICA and DAEMON), task lifecycle, and ECS's event texts.

pub mod connect;
pub mod field_docs;
pub mod form;
pub mod messages;
pub mod model;
pub mod network_form;
pub mod platform;
pub mod platform_features;
pub mod rebalancing;
pub mod replica;
pub mod resolve;
pub mod revision_form;
pub mod security_groups;
pub mod spec;
pub mod steady;
pub mod throttle;

pub use model::{RunTaskModel, ServiceModel};
pub use spec::{AwsVpcConfiguration, NetworkConfiguration, RunTaskSpec, ServiceSpec};
