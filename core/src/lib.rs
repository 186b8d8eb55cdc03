//! `ecs-sim`: a deterministic discrete-event simulation of Amazon Elastic Container Service.
//!
//! Pure Rust with no clock, no I/O and no browser APIs, so the same engine runs natively (the
//! `ecs-sim` command line, tests) and in the browser (the playground). The modules follow the
//! ECS vocabulary; see `CONTRIBUTING.md` for the map.

pub mod autoscaling;
pub mod catalog;
pub mod discovery;
pub mod elb;
pub mod form;
pub mod metrics;
pub mod order;
pub mod placement;
pub mod problem;
pub mod rng;
pub mod scenario;
pub mod task;
pub mod taskdef;
pub mod time;
pub mod traffic;

pub use problem::Problem;
pub mod advice;
pub mod challenge;
pub mod cluster;
pub mod compare;
pub mod cost;
pub mod deployment;
pub mod service;
pub mod sim;
pub mod view;

pub use sim::{LoadError, Sim};
pub mod bench;
pub mod cli;
#[cfg(test)]
mod tests;
