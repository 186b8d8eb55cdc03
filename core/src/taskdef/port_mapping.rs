//! Container port mappings (API `PortMapping`).

use serde::{Deserialize, Serialize};

/// A container port exposed by a task, and how it maps to the host (API `PortMapping`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PortMapping {
    /// The port the application listens on inside the container.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_port: Option<i64>,
    /// The instance port: omitted or equal to containerPort for awsvpc/host; 0 or omitted in
    /// bridge mode means a dynamic port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_port: Option<i64>,
    /// `tcp` (default) or `udp`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
    /// Name used by Service Connect.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Application protocol for Service Connect (`http`, `http2`, `grpc`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_protocol: Option<AppProtocol>,
    /// A port range such as "8000-8010" (kept as written).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_port_range: Option<String>,
}

impl PortMapping {
    /// The protocol, defaulting to tcp as ECS does.
    pub fn protocol_or_default(&self) -> Protocol {
        self.protocol.unwrap_or(Protocol::Tcp)
    }
}

/// Transport protocol of a port mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    /// TCP, the default.
    Tcp,
    /// UDP.
    Udp,
}

impl Protocol {
    /// The value as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
        }
    }
}

/// Application protocol a Service Connect proxy speaks for a port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AppProtocol {
    /// HTTP/1.1.
    Http,
    /// HTTP/2.
    Http2,
    /// gRPC.
    Grpc,
}
