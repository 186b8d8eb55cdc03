//! What the traffic model remembers between ticks: each task's current load (the playground
//! colours tasks by it), the running sums of the current one-minute period, active spikes,
//! and each client's cached DNS answers.

use super::queueing::TaskLoad;
use crate::time::Millis;
use std::collections::BTreeMap;

/// Sums over the current one-minute period for one serving service.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PeriodSums {
    /// Requests the load balancer sent to a target (ELB RequestCount).
    pub requests: f64,
    /// Requests a target failed (HTTPCode_Target_5XX_Count).
    pub target_5xx: f64,
    /// Requests with no target to go to (HTTPCode_ELB_5XX_Count).
    pub elb_5xx: f64,
    /// Requests answered in time, and the sum of their response times (ms), for the average
    /// TargetResponseTime.
    pub answered: f64,
    /// Σ answered × response time, ms.
    pub response_ms_sum: f64,
    /// Σ CPU units used over the period's task samples (DG service_utilization numerator).
    pub cpu_used: f64,
    /// Σ CPU units reserved over the same samples (the denominator).
    pub cpu_reserved: f64,
    /// Σ MiB used over the period's task samples.
    pub memory_used: f64,
    /// Σ MiB reserved over the same samples.
    pub memory_reserved: f64,
}

/// A client's cached answer for a server's Cloud Map DNS name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DnsAnswer {
    /// The tasks whose addresses the answer held (task indices).
    pub tasks: Vec<usize>,
    /// When the TTL runs out and the client resolves again.
    pub expires_at: Millis,
}

/// The traffic model's state on [`crate::sim::Sim`].
#[derive(Debug, Clone, Default)]
pub struct TrafficState {
    /// Each serving task's load over the last tick, by task index (absent: no traffic model
    /// for its service, or the task is not RUNNING).
    pub task_load: BTreeMap<usize, TaskLoad>,
    /// The current period's sums, by serving service index.
    pub period: BTreeMap<usize, PeriodSums>,
    /// Failed calls in the current period, by client service index.
    pub client_errors: BTreeMap<usize, f64>,
    /// Active `trafficSpike`s by service: (percent, from, until).
    pub spikes: BTreeMap<usize, (u32, Millis, Millis)>,
    /// Cached DNS answers by (client service, server service).
    pub dns: BTreeMap<(usize, usize), DnsAnswer>,
    /// Requests the load balancer sent to each target group in the current period, by
    /// target group index (ELB RequestCount, TargetGroup dimension).
    pub group_requests: BTreeMap<usize, f64>,
    /// Requests the load balancer answered itself for want of a routable target, since the
    /// start, by service index: part of `HTTPCode_ELB_5XX_Count`, kept apart so a run can tell
    /// a gap with no target from timeouts at overloaded tasks (both are the load balancer's
    /// 5xx since the 28th session). Not a metric and not in the trace.
    pub refused_no_target: BTreeMap<usize, f64>,
}
