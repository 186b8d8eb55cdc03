//! The top-level `traffic` key of the scenario document: who sends requests to which service,
//! at what rate, and what each request costs the task that serves it. None of this is an AWS
//! API shape (AWS has no "traffic" object); the names are the simulator's own and are
//! documented in `docs/scenario-format.md`.

use serde::{Deserialize, Serialize};

/// Requests to one service, from the internet (through its load balancer) or from another
/// service (through service discovery).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TrafficSpec {
    /// The service that receives the requests.
    pub service_name: String,
    /// The client service that makes the calls; absent means the internet, through the
    /// service's load balancer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_service: Option<String>,
    /// How the request rate changes over the run.
    pub profile: RateProfile,
    /// CPU time one request needs, ms (a task with 1024 CPU units does 1000 ms of CPU work
    /// per second).
    pub cpu_millis_per_request: f64,
    /// Memory each request in flight holds, MiB.
    #[serde(default, rename = "memoryMiBPerConcurrentRequest")]
    pub memory_mib_per_concurrent_request: f64,
    /// CPU a task uses with no requests, percent of its reservation.
    #[serde(default)]
    pub base_cpu_percent: f64,
    /// Memory a task uses with no requests, MiB.
    #[serde(default, rename = "baseMemoryMiB")]
    pub base_memory_mib: f64,
    /// Requests that would take longer than this fail (default 30,000 ms).
    #[serde(default = "default_timeout")]
    pub timeout_millis: u32,
}

/// The default request timeout: 30 s (simulator's choice; see `DEFAULT_TIMEOUT_MILLIS`).
fn default_timeout() -> u32 {
    super::DEFAULT_TIMEOUT_MILLIS
}

/// A request rate over time, in requests per second; `shape` says which.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "shape",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum RateProfile {
    /// The same rate all the time.
    Constant {
        /// Requests per second.
        requests_per_second: f64,
    },
    /// One rate, then another from `atSeconds` on.
    Step {
        /// Requests per second before the step.
        requests_per_second: f64,
        /// Requests per second from the step on.
        then_requests_per_second: f64,
        /// When the step happens, seconds from the start.
        at_seconds: u32,
    },
    /// A straight line from one rate to another between two times; flat before and after.
    Ramp {
        /// Requests per second up to `startSeconds`.
        from_requests_per_second: f64,
        /// Requests per second from `endSeconds` on.
        to_requests_per_second: f64,
        /// When the ramp starts.
        start_seconds: u32,
        /// When the ramp ends.
        end_seconds: u32,
    },
    /// A daily wave between a minimum and a maximum, highest at `peakAtSeconds`.
    DailySine {
        /// The trough.
        min_requests_per_second: f64,
        /// The peak.
        max_requests_per_second: f64,
        /// A time of a peak, seconds from the start.
        #[serde(default)]
        peak_at_seconds: u32,
        /// The period (default 86,400 s, one day).
        #[serde(default = "one_day")]
        period_seconds: u32,
    },
    /// A base rate with one burst.
    Spike {
        /// Requests per second outside the burst.
        requests_per_second: f64,
        /// Requests per second during the burst.
        spike_requests_per_second: f64,
        /// When the burst starts.
        at_seconds: u32,
        /// How long it lasts.
        duration_seconds: u32,
    },
}

fn one_day() -> u32 {
    86_400
}
