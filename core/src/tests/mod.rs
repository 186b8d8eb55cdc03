//! Behaviour of whole runs, concept by concept: scenarios are loaded and run, and the
//! outcome is checked against the rule each test names. This module sits above every other
//! (it may read the engine, its views and its reports), and exists only in test builds.

mod advice;
mod advice_network;
mod autoscaling;
mod daemon_deployments;
mod deployment;
mod deployment_alarms;
mod elb;
mod examples;
mod hang_task;
mod limits;
mod managed_draining;
mod new_revision;
mod oom;
mod rebalancing;
mod scale_in;
mod service_connect;
mod shape_paths;
mod spot;
mod start_steady;
mod wakes;

/// Each log line of `sim` that contains `needle`, with its time in whole seconds (the
/// rebalancing and managed draining tests read the story from the log).
pub(crate) fn log_lines(sim: &crate::sim::Sim, needle: &str) -> Vec<(u64, String)> {
    sim.log()
        .iter()
        .filter(|e| e.text.contains(needle))
        .map(|e| (e.at / 1000, e.text.clone()))
        .collect()
}
