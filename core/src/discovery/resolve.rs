//! Checks a service's `serviceRegistries` and decides how a client service finds a server:
//! Service Connect when both take part, else the server's Cloud Map DNS records.

use super::{Discovery, ServiceConnectConfiguration, ServiceRegistry, DEFAULT_DNS_TTL_SECONDS};
use crate::problem::Problem;

/// Simulator limit on a DNS TTL: one week, the longest run (Cloud Map itself takes up to
/// 2,147,483,647 s, API DnsRecord.TTL).
pub const MAX_DNS_TTL_SECONDS: u32 = 7 * 24 * 3600;
/// API limit: "Each service may be associated with one service registry" (API CreateService,
/// serviceRegistries).
pub const MAX_SERVICE_REGISTRIES: usize = 1;

/// The problems of one service's `serviceRegistries` (at `path`): at most one registry, a Cloud
/// Map ARN, a TTL within the simulator's bound.
pub fn check_registries(path: &str, registries: &[ServiceRegistry]) -> Vec<Problem> {
    let mut out = Vec::new();
    if registries.len() > MAX_SERVICE_REGISTRIES {
        out.push(Problem::new(path, "Each service may be associated with one service registry. Multiple service registries for each service isn't supported."));
    }
    for (k, r) in registries.iter().enumerate() {
        if !r.registry_arn.starts_with("arn:") {
            out.push(Problem::new(
                format!("{path}[{k}].registryArn"),
                format!(
                    "registryArn must be a Cloud Map service ARN; got '{}'",
                    r.registry_arn
                ),
            ));
        }
        if r.dns_ttl_seconds.is_some_and(|t| t > MAX_DNS_TTL_SECONDS) {
            out.push(Problem::new(
                format!("{path}[{k}].dnsTtlSeconds"),
                format!("dnsTtlSeconds must be from 0 to {MAX_DNS_TTL_SECONDS}"),
            ));
        }
    }
    out
}

/// "Services configured to use service discovery have a limit of 1,000 tasks per service"
/// (DG service-discovery considerations; a Route 53 quota).
pub const MAX_TASKS_WITH_SERVICE_DISCOVERY: u32 = 1000;

/// A service with `serviceRegistries` (at `path`) asking for more tasks than service discovery
/// allows.
pub fn check_task_limit(
    path: &str,
    registries: &[ServiceRegistry],
    desired: u32,
) -> Option<Problem> {
    (!registries.is_empty() && desired > MAX_TASKS_WITH_SERVICE_DISCOVERY).then(|| {
        Problem::new(
            format!("{path}.desiredCount"),
            format!("Services configured to use service discovery have a limit of {MAX_TASKS_WITH_SERVICE_DISCOVERY} tasks per service; got {desired}."),
        )
    })
}

/// Which container and port a `serviceRegistries` entry (at `path`) registers, against the
/// service's task definition `td` (API ServiceRegistry): with the `bridge` or `host` network
/// mode "you must specify a containerName and containerPort combination from the task
/// definition"; with `awsvpc`, a containerName and containerPort combination or a `port`,
/// "however, you can't specify both". A named container must exist and map that port.
pub fn check_registry_container(
    path: &str,
    registries: &[ServiceRegistry],
    td: &crate::taskdef::TaskDefinition,
    mode: crate::taskdef::NetworkMode,
) -> Vec<Problem> {
    let mut out = Vec::new();
    if mode == crate::taskdef::NetworkMode::None && !registries.is_empty() {
        // No container or port can fix this one (DG service-discovery considerations).
        out.push(Problem::new(
            path,
            "Service discovery requires the awsvpc, bridge or host network mode (none is not supported).",
        ));
        return out;
    }
    for (k, r) in registries.iter().enumerate() {
        let at = format!("{path}[{k}]");
        match (&r.container_name, r.container_port) {
            (Some(name), Some(port)) => {
                if let Err((field, why)) = td.container_with_port(name, i64::from(port)) {
                    out.push(Problem::new(format!("{at}.{field}"), why));
                }
                if r.port.is_some() && mode == crate::taskdef::NetworkMode::Awsvpc {
                    out.push(Problem::new(format!("{at}.port"), "Specify either a containerName and containerPort combination or a port value, but not both."));
                }
            }
            (None, None) => {
                if mode != crate::taskdef::NetworkMode::Awsvpc {
                    out.push(Problem::new(
                        at,
                        format!("The task definition uses the {} network mode: specify a containerName and containerPort combination from the task definition.", mode.as_str()),
                    ));
                }
            }
            (Some(_), None) => out.push(Problem::new(
                format!("{at}.containerPort"),
                "containerName needs a containerPort from the task definition.",
            )),
            (None, Some(_)) => out.push(Problem::new(
                format!("{at}.containerName"),
                "containerPort needs the containerName of the container that maps it.",
            )),
        }
    }
    out
}

/// A Service Connect endpoint's `portName` (at `path`, the service's
/// `serviceConnectConfiguration`) must be the `name` of a port mapping in the service's task
/// definition, one of `port_names` (API ServiceConnectService: "The portName must match the
/// name of one of the portMappings from all the containers in the task definition of this
/// Amazon ECS service."). CreateService refuses it otherwise.
pub fn check_port_names(
    path: &str,
    service_connect: Option<&ServiceConnectConfiguration>,
    port_names: &[&str],
) -> Vec<Problem> {
    let Some(sc) = service_connect else {
        return Vec::new();
    };
    sc.services
        .iter()
        .enumerate()
        .filter(|(_, e)| !port_names.contains(&e.port_name.as_str()))
        .map(|(k, e)| {
            Problem::new(
                format!("{path}.services[{k}].portName"),
                port_name_refusal(&e.port_name, port_names),
            )
        })
        .collect()
}

/// What ECS answers when `port_name` is not among the revision's port mapping names
/// `port_names`: CreateService for the first revision, UpdateService for a later one.
pub fn port_name_refusal(port_name: &str, port_names: &[&str]) -> String {
    let named = if port_names.is_empty() {
        "the task definition names none of its port mappings".to_string()
    } else {
        format!(
            "the task definition's port mappings are named {}",
            port_names.join(", ")
        )
    };
    format!("The portName '{port_name}' does not match the name of a port mapping in the task definition: {named}.")
}

/// How a client reaches a server: Service Connect when the server offers endpoints and the
/// client has Service Connect enabled in the same namespace (DG service-connect-concepts: a
/// client service needs its own serviceConnectConfiguration to reach client-server endpoints;
/// API ClusterServiceConnectDefaults: "Tasks that run in a namespace can use short names to
/// connect to services in the namespace"), else the server's Cloud Map DNS records with their
/// TTL; None when the server cannot be discovered.
pub fn between(
    server_registries: &[ServiceRegistry],
    server_service_connect: Option<&ServiceConnectConfiguration>,
    client_service_connect: Option<&ServiceConnectConfiguration>,
) -> Option<Discovery> {
    if connect_on_both_sides(server_service_connect, client_service_connect)
        && same_namespace(server_service_connect, client_service_connect)
    {
        Some(Discovery::ServiceConnect)
    } else {
        server_registries.first().map(|r| {
            let ttl = r.dns_ttl_seconds.unwrap_or(DEFAULT_DNS_TTL_SECONDS);
            Discovery::CloudMapDns {
                ttl_ms: u64::from(ttl.min(MAX_DNS_TTL_SECONDS)) * 1000,
            }
        })
    }
}

/// The two namespaces a client and a server are kept apart by, when the server offers
/// Service Connect endpoints and the client has Service Connect enabled but each names another
/// namespace: the client then reaches the server only through its Cloud Map DNS records, if
/// any (DG service-connect-concepts). `(client's, server's)`; None otherwise. A student's
/// lesson 15 answer put the client in a namespace of its own and got no word of it
/// (walkthrough, 2026-12-06).
pub fn namespaces_apart(
    server: Option<&ServiceConnectConfiguration>,
    client: Option<&ServiceConnectConfiguration>,
) -> Option<(String, String)> {
    if !connect_on_both_sides(server, client) || same_namespace(server, client) {
        return None;
    }
    Some((client?.namespace.clone()?, server?.namespace.clone()?))
}

/// The server offers Service Connect endpoints and the client has Service Connect enabled:
/// what [`between`] needs for Service Connect, and [`namespaces_apart`] for its warning.
fn connect_on_both_sides(
    server: Option<&ServiceConnectConfiguration>,
    client: Option<&ServiceConnectConfiguration>,
) -> bool {
    server.is_some_and(|sc| sc.enabled && !sc.services.is_empty())
        && client.is_some_and(|sc| sc.enabled)
}

/// Whether two Service Connect configurations may be in the same namespace. Names are compared
/// as written (a name and the ARN of the same namespace count as different: the simulator has
/// no Cloud Map to look them up in). One that names none is in its cluster's default namespace
/// (API ClusterServiceConnectDefaults), which the simulator does not model: it is taken to be
/// the other's, so only two different names written out keep the services apart.
pub fn same_namespace(
    a: Option<&ServiceConnectConfiguration>,
    b: Option<&ServiceConnectConfiguration>,
) -> bool {
    match (
        a.and_then(|c| c.namespace.as_deref()),
        b.and_then(|c| c.namespace.as_deref()),
    ) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_connect_reaches_only_endpoints_of_the_clients_namespace() {
        // A walkthrough passed lesson 15 with web in namespace "other" calling orders in
        // "internal" through Service Connect.
        let mut offers = service_connect(true, true);
        offers.namespace = Some("internal".into());
        let mut client = service_connect(true, false);
        client.namespace = Some("other".into());
        assert_eq!(
            between(&[registry(Some(300))], Some(&offers), Some(&client)),
            Some(Discovery::CloudMapDns { ttl_ms: 300_000 })
        );
        assert_eq!(between(&[], Some(&offers), Some(&client)), None);
        client.namespace = Some("internal".into());
        assert_eq!(
            between(&[], Some(&offers), Some(&client)),
            Some(Discovery::ServiceConnect)
        );
        // A client naming no namespace is in its cluster's default, taken to be the server's.
        client.namespace = None;
        assert_eq!(
            between(&[], Some(&offers), Some(&client)),
            Some(Discovery::ServiceConnect)
        );
    }

    fn registry(ttl: Option<u32>) -> ServiceRegistry {
        ServiceRegistry {
            registry_arn: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1".into(),
            port: None,
            container_name: None,
            container_port: None,
            dns_ttl_seconds: ttl,
        }
    }

    fn service_connect(enabled: bool, offers: bool) -> ServiceConnectConfiguration {
        ServiceConnectConfiguration {
            enabled,
            namespace: None,
            services: if offers {
                vec![super::super::ServiceConnectService {
                    port_name: "http".into(),
                    discovery_name: None,
                    client_aliases: Vec::new(),
                    ingress_port_override: None,
                }]
            } else {
                Vec::new()
            },
            log_configuration: None,
        }
    }

    #[test]
    fn a_service_connect_port_name_must_name_a_port_mapping() {
        // API ServiceConnectService, portName.
        let offers = service_connect(true, true);
        assert!(check_port_names("s", Some(&offers), &["http", "grpc"]).is_empty());
        let wrong = check_port_names("s", Some(&offers), &["web"]);
        assert_eq!(wrong.len(), 1);
        assert_eq!(wrong[0].path, "s.services[0].portName");
        assert!(wrong[0].message.contains("'http'") && wrong[0].message.contains("named web"));
        let none = check_port_names("s", Some(&offers), &[]);
        assert!(none[0].message.contains("names none"));
        assert!(check_port_names("s", None, &[]).is_empty());
    }

    #[test]
    fn service_connect_needs_endpoints_on_the_server_and_service_connect_on_the_client() {
        let offers = service_connect(true, true);
        let client = service_connect(true, false);
        assert_eq!(
            between(&[], Some(&offers), Some(&client)),
            Some(Discovery::ServiceConnect)
        );
        // The client without Service Connect falls back to the server's DNS records.
        assert_eq!(
            between(&[registry(Some(10))], Some(&offers), None),
            Some(Discovery::CloudMapDns { ttl_ms: 10_000 })
        );
        assert_eq!(between(&[], Some(&offers), None), None);
    }

    #[test]
    fn cloud_map_records_default_to_a_60_second_ttl_capped_at_a_week() {
        assert_eq!(
            between(&[registry(None)], None, None),
            Some(Discovery::CloudMapDns { ttl_ms: 60_000 })
        );
        assert_eq!(
            between(&[registry(Some(u32::MAX))], None, None),
            Some(Discovery::CloudMapDns {
                ttl_ms: u64::from(MAX_DNS_TTL_SECONDS) * 1000
            })
        );
    }

    /// DG service-discovery considerations: 1,000 tasks per service; `none` is not supported,
    /// which no container or port fixes (it asked for a containerName and containerPort; ELB
    /// walkthrough 2026-12-06).
    #[test]
    fn service_discovery_takes_at_most_1000_tasks_and_no_none_network_mode() {
        assert!(check_task_limit("s", &[registry(None)], 1000).is_none());
        assert!(check_task_limit("s", &[], 1001).is_none());
        let p = check_task_limit("s", &[registry(None)], 1001).expect("refused");
        assert_eq!(p.path, "s.desiredCount");
        assert!(p.message.contains("limit of 1000 tasks"), "{}", p.message);
        let td = crate::taskdef::TaskDefinition::default();
        let none = check_registry_container(
            "r",
            &[registry(None)],
            &td,
            crate::taskdef::NetworkMode::None,
        );
        assert_eq!(none.len(), 1);
        assert_eq!(none[0].path, "r");
        assert!(
            none[0].message.contains("none is not supported"),
            "{}",
            none[0].message
        );
        assert!(
            check_registry_container("r", &[], &td, crate::taskdef::NetworkMode::None).is_empty()
        );
    }

    #[test]
    fn one_registry_with_a_cloud_map_arn_and_a_bounded_ttl() {
        assert!(check_registries("r", &[registry(Some(60))]).is_empty());
        let two = check_registries("r", &[registry(None), registry(None)]);
        assert_eq!(two.len(), 1);
        assert_eq!(two[0].path, "r");
        let mut bad = registry(Some(MAX_DNS_TTL_SECONDS + 1));
        bad.registry_arn = "srv-1".into();
        let paths: Vec<String> = check_registries("r", &[bad])
            .into_iter()
            .map(|p| p.path)
            .collect();
        assert_eq!(paths, ["r[0].registryArn", "r[0].dnsTtlSeconds"]);
    }
}
