//! The built-in catalogue of EC2 instance types, Fargate sizes and their us-east-1 prices.
//!
//! Scenarios name an instance type (`"c5.large"`); the engine looks it up here to learn what the
//! container instance registers with ECS (CPU units, memory), how many `awsvpc` tasks it can
//! host (DG: container-instance-eni), and which host ports are never free (API: PortMapping).

pub mod ec2_types;
pub mod instance_type;
pub mod memory;
pub mod ports;

pub use ec2_types::{all, instance_type};
pub use instance_type::{Architecture, InstanceType};
pub mod prices;
