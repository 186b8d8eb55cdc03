//! Service discovery between services: Cloud Map DNS (`serviceRegistries`), where each client
//! keeps the addresses it resolved until the record's TTL runs out, and Service Connect
//! (`serviceConnectConfiguration`), whose proxy routes to the current healthy tasks at once.

pub mod field_docs;
pub mod form;
pub mod namespace;
pub mod resolve;
pub mod service_connect;
pub mod spec;

pub use spec::{
    ServiceConnectClientAlias, ServiceConnectConfiguration, ServiceConnectService, ServiceRegistry,
};

/// Default DNS record TTL for a service's Cloud Map records, seconds: 60, what the ECS console
/// sets when it creates the Cloud Map service (DG service-discovery) and the AWS CDK default
/// (`CloudMapOptions.dnsTtl`: one minute).
pub const DEFAULT_DNS_TTL_SECONDS: u32 = 60;

/// How a client finds a server's tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discovery {
    /// Cloud Map DNS: clients keep the answer for the record's TTL.
    CloudMapDns {
        /// The DNS record TTL, ms.
        ttl_ms: crate::time::Millis,
    },
    /// Service Connect: the proxy in the client task always knows the current healthy tasks.
    ServiceConnect,
}
