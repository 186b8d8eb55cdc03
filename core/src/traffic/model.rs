//! The resolved `traffic` entries and each service's discovery mode: names looked up, defaults
//! applied, ranges checked (by `scenario/resolve_traffic.rs`).

use super::document::RateProfile;
use super::queueing::RequestCost;
use crate::time::Millis;

/// Where a traffic entry's requests come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The internet, through the service's load balancer (ELB metrics are recorded).
    Internet,
    /// The tasks of another service (by index), through service discovery.
    Client(usize),
}

/// How a client finds a server's tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discovery {
    /// Cloud Map DNS: clients keep the answer for the record's TTL.
    CloudMapDns {
        /// The DNS record TTL, ms.
        ttl_ms: Millis,
    },
    /// Service Connect: the proxy in the client task always knows the current healthy tasks.
    ServiceConnect,
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
