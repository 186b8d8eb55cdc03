//! Behaviour of whole runs, concept by concept: scenarios are loaded and run, and the
//! outcome is checked against the rule each test names. This module sits above every other
//! (it may read the engine, its views and its reports), and exists only in test builds.

mod advice;
mod advice_network;
mod autoscaling;
mod deployment;
mod elb;
mod examples;
mod limits;
mod managed_draining;
mod oom;
mod rebalancing;
mod shape_paths;
mod spot;
mod start_steady;
mod wakes;
