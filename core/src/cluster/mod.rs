//! Container instances and capacity providers: where tasks can run.

pub mod capacity_provider;
pub mod instance;

pub use instance::{Instance, InstanceStatus};
