//! Behaviour of whole runs, concept by concept: scenarios are loaded and run, and the
//! outcome is checked against the rule each test names. This module sits above every other
//! (it may read the engine, its views and its reports), and exists only in test builds.

mod advice;
mod advice_network;
mod autoscaling;
mod container_dependencies;
mod cost_load_balancers;
mod cost_registered_instance;
mod cost_windows;
mod crash_in_flight;
mod daemon_deployments;
mod definition_constraints;
mod deployment;
mod deployment_alarms;
mod describe_containers;
mod discovery_health;
mod elb;
mod examples;
mod hang_task;
mod limits;
mod managed_draining;
mod managed_scaling_steps;
mod new_revision;
mod oom;
mod rebalancing;
mod restart_policy;
mod scale_in;
mod service_connect;
mod shape_paths;
mod spot;
mod start_steady;
mod stop_timeout;
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

/// The problems of a scenario document that must be refused as invalid (the test fails when
/// it loads or fails for another reason).
pub(crate) fn refused_doc(doc: &serde_json::Value) -> Vec<crate::problem::Problem> {
    match crate::sim::Sim::from_json(&doc.to_string()) {
        Err(crate::sim::LoadError::Invalid(p)) => p,
        Err(e) => panic!("refused for another reason: {e}"),
        Ok(_) => panic!("accepted"),
    }
}

/// A scenario document run to `until_ms` (it must load).
pub(crate) fn run_doc(doc: &serde_json::Value, until_ms: u64) -> crate::sim::Sim {
    let mut sim = crate::sim::Sim::from_json(&doc.to_string()).expect("valid scenario");
    sim.run_until(until_ms);
    sim
}

/// The times (ms) of the log lines of `sim` containing `needle`.
pub(crate) fn log_times(sim: &crate::sim::Sim, needle: &str) -> Vec<u64> {
    sim.log()
        .iter()
        .filter(|e| e.text.contains(needle))
        .map(|e| e.at)
        .collect()
}

/// The sum of service 0's datapoints of `metric` over the run.
pub(crate) fn metric_sum(sim: &crate::sim::Sim, metric: crate::metrics::MetricName) -> f64 {
    sim.metrics
        .series(metric, &crate::metrics::Dimension::Service(0))
        .iter()
        .map(|d| d.value)
        .sum()
}
