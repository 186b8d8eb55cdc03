//! The resolved `traffic` entries and each service's discovery mode: names looked up, defaults
//! applied, ranges checked (by `scenario/resolve_traffic.rs`).

use super::queueing::RequestCost;
use super::spec::RateProfile;
use crate::discovery::Discovery;

/// Where a traffic entry's requests come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The internet, through the service's load balancer (ELB metrics are recorded).
    Internet,
    /// The tasks of another service (by index), through service discovery.
    Client(usize),
}

/// One resolved `traffic` entry.
#[derive(Debug, Clone, PartialEq)]
pub struct TrafficEntry {
    /// The service that serves the requests.
    pub service: usize,
    /// Who sends them.
    pub source: Source,
    /// How discovery works for a `Client` source (None for the internet).
    pub discovery: Option<Discovery>,
    /// A `Client` source with Service Connect in another namespace than the server's:
    /// (client's, server's) namespace, for the advice rule `service-connect-namespaces-apart`.
    pub namespaces_apart: Option<(String, String)>,
    /// The request rate over time.
    pub profile: RateProfile,
    /// The cost of a request.
    pub cost: RequestCost,
}

/// Everything the traffic model needs from the scenario.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrafficModel {
    /// Traffic entries in document order (at most one per serving service).
    pub entries: Vec<TrafficEntry>,
}
