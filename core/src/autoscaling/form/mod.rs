//! The Service Auto Scaling forms: a service's scalable target, its scaling policies (target
//! tracking and step scaling, with the step rows) and its scheduled actions, as Application
//! Auto Scaling's APIs would write them. They edit the scenario as JSON (see [`crate::form`])
//! and check what they write with the rules resolve uses ([`super::rules`]).
//!
//! The files import each other one way only, lowest first:
//! - [`shared`]: finding the service's target, policies and actions; adding and naming a policy;
//! - [`target_tracking`], [`step_scaling`] (one policy kind each), [`scheduled_actions`], and
//!   [`step_rows`] (which needs none of the others);
//! - [`policies`]: the service's policy list, which knows both kinds;
//! - [`target`]: registering the service, which adds a target tracking policy.

pub mod policies;
pub mod scheduled_actions;
pub mod shared;
pub mod step_rows;
pub mod step_scaling;
pub mod target;
pub mod target_tracking;
