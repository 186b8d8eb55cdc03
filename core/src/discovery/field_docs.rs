//! What each key of Cloud Map registrations and Service Connect does, for the editor's
//! completion and hover (see [`crate::form::field_doc`]).

use crate::form::field_doc::{Context, FieldDoc as F};

const SR: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html";
const SC: &str = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectConfiguration.html";
const SCS: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html";
const ALIAS: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectClientAlias.html";

/// A `serviceRegistries` entry.
pub const SERVICE_REGISTRY: Context = Context {
    name: "serviceRegistry",
    fields: &[
        F::new("registryArn", "The Cloud Map service (arn:aws:servicediscovery:…:service/srv-…) the tasks register in as DNS records.", SR),
        F::new("port", "Port for SRV records, awsvpc only and instead of containerName and containerPort. Checked, not simulated.", SR),
        F::new("containerName", "The container to register; required with containerPort in bridge and host mode. Checked, not simulated.", SR),
        F::new("containerPort", "A containerPort of containerName; required with it in bridge and host mode. Checked, not simulated.", SR),
        F::new("dnsTtlSeconds", "Simulator key: TTL of the DNS records (set on the Cloud Map service in AWS), seconds; clients keep calling a stopped task until it expires. Default 60.", "https://docs.aws.amazon.com/cloud-map/latest/api/API_DnsRecord.html"),
    ],
};

/// `serviceConnectConfiguration`.
pub const SERVICE_CONNECT: Context = Context {
    name: "serviceConnectConfiguration",
    fields: &[
        F::new(
            "enabled",
            "Whether the tasks get the Service Connect proxy. The task definition must then set a task-level memory above the sum of the containers' memory limits, and the service may not use the CODE_DEPLOY deployment controller.",
            SC,
        )
        .values(&["true", "false"]),
        F::new(
            "namespace",
            "The Cloud Map namespace (name or ARN) the service joins.",
            SC,
        ),
        F::new(
            "services",
            "The endpoints this service offers to others; leave empty for a client only.",
            SC,
        )
        .child("serviceConnectService"),
        F::new(
            "logConfiguration",
            "The proxy's log configuration. Kept, not simulated.",
            SC,
        ),
    ],
};

/// A Service Connect `services` entry.
pub const SERVICE_CONNECT_SERVICE: Context = Context {
    name: "serviceConnectService",
    fields: &[
        F::new(
            "portName",
            "The name of a port mapping in the task definition that this endpoint serves.",
            SCS,
        ),
        F::new(
            "discoveryName",
            "The Cloud Map service name of the endpoint, unique within the namespace. Default the port name.",
            SCS,
        ),
        F::new(
            "clientAliases",
            "The DNS names and ports clients call.",
            SCS,
        )
        .child("serviceConnectClientAlias"),
        F::new(
            "ingressPortOverride",
            "The port the proxy listens on, 0 to 65535. Checked, not simulated.",
            SCS,
        ),
    ],
};

/// A `clientAliases` entry.
pub const CLIENT_ALIAS: Context = Context {
    name: "serviceConnectClientAlias",
    fields: &[
        F::new(
            "port",
            "The port clients use, 0 to 65535. With dnsName, unique within the namespace.",
            ALIAS,
        ),
        F::new(
            "dnsName",
            "The DNS name clients use. Default the discovery name.",
            ALIAS,
        ),
    ],
};

/// Every context of this folder.
pub const CONTEXTS: &[Context] = &[
    SERVICE_REGISTRY,
    SERVICE_CONNECT,
    SERVICE_CONNECT_SERVICE,
    CLIENT_ALIAS,
];
