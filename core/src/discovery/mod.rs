//! Service discovery between services: Cloud Map DNS (`serviceRegistries`), where each client
//! keeps the addresses it resolved until the record's TTL runs out, and Service Connect
//! (`serviceConnectConfiguration`), whose proxy routes to the current healthy tasks at once.

pub mod dns;
pub mod document;

pub use document::{
    ServiceConnectClientAlias, ServiceConnectConfiguration, ServiceConnectService, ServiceRegistry,
};

/// Default DNS record TTL for a service's Cloud Map records, seconds: 60, what the ECS console
/// sets when it creates the Cloud Map service (DG service-discovery) and the AWS CDK default
/// (`CloudMapOptions.dnsTtl`: one minute).
pub const DEFAULT_DNS_TTL_SECONDS: u32 = 60;
