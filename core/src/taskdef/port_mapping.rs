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

/// `containerName` and `containerPort`: the container exists in the task definition and maps
/// that container port (API LoadBalancer: "This port must correspond to a containerPort in the
/// task definition the tasks in the service are using"; API ServiceRegistry: "a containerName
/// and containerPort combination from the task definition"). Its index when both hold, else
/// the field at fault and ECS's message. CreateService checks the first revision,
/// UpdateService each later one.
pub fn container_with_port(
    td: &super::TaskDefinition,
    name: &str,
    port: i64,
) -> Result<usize, (&'static str, String)> {
    let containers = td.containers();
    let Some(c) = containers
        .iter()
        .position(|c| c.name.as_deref() == Some(name))
    else {
        return Err((
            "containerName",
            format!("The container {name} does not exist in the task definition."),
        ));
    };
    let port_ok = containers[c]
        .port_mappings
        .iter()
        .flatten()
        .any(|pm| pm.container_port == Some(port));
    if !port_ok {
        // ECS CreateService's InvalidParameterException wording.
        return Err((
            "containerPort",
            format!("The container {name} did not have a container port {port} defined."),
        ));
    }
    Ok(c)
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
