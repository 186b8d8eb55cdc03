//! Container instances and capacity providers: where tasks can run.

pub mod capacity_provider;
pub mod instance;
pub mod managed_scaling;
pub mod spot;

pub use instance::{Instance, InstanceStatus};
