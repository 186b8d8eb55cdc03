//! Application Load Balancer target groups for services (DG service-load-balancing): the
//! `targetGroups` a scenario declares, the service `loadBalancers` that point at them, target
//! registration while a task is ACTIVATING, ELB health checks per target, deregistration with
//! its delay while a task is DEACTIVATING, and the targets a listener routes to.
//!
//! Owner: area E (load balancer). Other subsystems only call the hooks in `sim/hooks.rs`.

pub mod field_docs;
pub mod form;
pub mod resolve;
pub mod spec;
pub mod target;

pub use resolve::{ServiceLoadBalancer, TargetGroupModel};
pub use spec::{AdvancedConfiguration, LoadBalancerSpec, TargetGroupSpec};
pub use target::{Target, TargetHealthState};
