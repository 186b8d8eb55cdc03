//! The service keys for service discovery, in the `create-service` API shape:
//! `serviceRegistries` (Cloud Map DNS, API ServiceRegistry) and `serviceConnectConfiguration`
//! (API ServiceConnectConfiguration, the subset the simulator reads; other keys are refused).

use serde::{Deserialize, Serialize};

/// One entry of `serviceRegistries` (API ServiceRegistry): the Cloud Map service the tasks are
/// registered in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServiceRegistry {
    /// The Cloud Map service ARN (`arn:aws:servicediscovery:…:service/srv-…`).
    pub registry_arn: String,
    /// Port for SRV records (awsvpc only; checked, not simulated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u32>,
    /// The container to register (required in bridge and host mode; checked, not simulated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_name: Option<String>,
    /// Its container port (required with it in bridge and host mode; checked, not simulated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_port: Option<u32>,
    /// Simulator key: the TTL of the Cloud Map service's DNS records (`DnsConfig.DnsRecords[].TTL`,
    /// which lives on the Cloud Map service, not in ECS), seconds; default 60.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_ttl_seconds: Option<u32>,
}

/// `serviceConnectConfiguration` (API ServiceConnectConfiguration).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServiceConnectConfiguration {
    /// Whether the tasks get the Service Connect proxy.
    pub enabled: bool,
    /// The Cloud Map namespace (name or ARN).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// The endpoints this service offers (a client-server service); empty for a client only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<ServiceConnectService>,
    /// Proxy log configuration (kept, not simulated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_configuration: Option<serde_json::Value>,
}

/// One endpoint of a client-server service (API ServiceConnectService).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServiceConnectService {
    /// The `name` of a port mapping in the task definition.
    pub port_name: String,
    /// The Cloud Map service name (default: the port name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discovery_name: Option<String>,
    /// The names and ports clients use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub client_aliases: Vec<ServiceConnectClientAlias>,
    /// The proxy's listening port (kept, not simulated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ingress_port_override: Option<u32>,
}

/// A name and port clients call (API ServiceConnectClientAlias).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServiceConnectClientAlias {
    /// The port clients use.
    pub port: u32,
    /// The DNS name clients use (default: the discovery name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_name: Option<String>,
}
