//! Names unique within a Service Connect namespace, across the services that join it (DG
//! "Service Connect" considerations,
//! https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html: "All
//! endpoints must be unique within a namespace. All discovery names must be unique within a
//! namespace."; API ServiceConnectService `discoveryName`: "This must be unique within the
//! AWS Cloud Map namespace", and "If the discoveryName isn't specified, the port mapping name
//! from the task definition is used"; API ServiceConnectClientAlias: "Each name and port
//! mapping must be unique within the namespace").
//!
//! A configuration that names no namespace is in its cluster's default namespace, which the
//! simulator does not model: two such services of one cluster share it, and one of them is
//! compared with nothing else. Namespaces are compared as written (see
//! `resolve::same_namespace`). The docs quote no ECS message; the texts are the simulator's.

use super::ServiceConnectConfiguration;
use crate::problem::Problem;

/// One enabled Service Connect configuration the names of later ones are checked against.
#[derive(Debug, Clone, Copy)]
pub struct Joined<'a> {
    /// The service's path, e.g. `services[1]`.
    pub path: &'a str,
    /// The service's name.
    pub service: &'a str,
    /// Its cluster as written (`None`: `default`).
    pub cluster: Option<&'a str>,
    /// Its configuration.
    pub config: &'a ServiceConnectConfiguration,
}

/// The namespace a configuration is certainly in: the one it names, else its cluster's default.
fn namespace_key<'a>(j: &Joined<'a>) -> (bool, &'a str) {
    match j.config.namespace.as_deref() {
        Some(ns) => (true, ns),
        None => (false, j.cluster.unwrap_or("default")),
    }
}

/// The namespace's name for a message.
fn namespace_words(j: &Joined<'_>) -> String {
    match j.config.namespace.as_deref() {
        Some(ns) => format!("namespace '{ns}'"),
        None => format!(
            "the default namespace of cluster '{}'",
            j.cluster.unwrap_or("default")
        ),
    }
}

/// The discovery name (`discoveryName`, else `portName`) of each endpoint, with the key it was
/// taken from.
fn discovery_names(
    c: &ServiceConnectConfiguration,
) -> impl Iterator<Item = (usize, &str, &'static str)> {
    c.services
        .iter()
        .enumerate()
        .map(|(k, e)| match &e.discovery_name {
            Some(d) => (k, d.as_str(), "discoveryName"),
            None => (k, e.port_name.as_str(), "portName"),
        })
}

/// The client aliases that name a DNS name: (endpoint, alias, dnsName, port).
fn aliases(c: &ServiceConnectConfiguration) -> impl Iterator<Item = (usize, usize, &str, u32)> {
    c.services.iter().enumerate().flat_map(|(k, e)| {
        e.client_aliases
            .iter()
            .enumerate()
            .filter_map(move |(a, x)| x.dns_name.as_deref().map(|d| (k, a, d, x.port)))
    })
}

/// Who already uses a name: an earlier endpoint of the same service (`mine`), else the first
/// earlier service of the namespace that does (`theirs`); None when nobody does.
fn used_by(mine: bool, theirs: Option<&Joined<'_>>) -> Option<String> {
    match (mine, theirs) {
        (true, _) => Some("an earlier endpoint of this service".to_string()),
        (false, Some(o)) => Some(format!("service '{}' ({})", o.service, o.path)),
        (false, None) => None,
    }
}

/// The discovery names and client alias (dnsName, port) pairs of `me` already used in its
/// namespace by `earlier` configurations or by an earlier endpoint of its own. Problems are at
/// `{me.path}.serviceConnectConfiguration.services[k]…`.
pub fn check_unique(me: Joined<'_>, earlier: &[Joined<'_>]) -> Vec<Problem> {
    let mut out = Vec::new();
    if !me.config.enabled {
        return out;
    }
    let key = namespace_key(&me);
    let peers: Vec<&Joined<'_>> = earlier
        .iter()
        .filter(|o| o.config.enabled && namespace_key(o) == key)
        .collect();
    let here = format!("{}.serviceConnectConfiguration.services", me.path);
    let names: Vec<(usize, &str, &str)> = discovery_names(me.config).collect();
    for (n, &(k, name, field)) in names.iter().enumerate() {
        let mine = names[..n].iter().any(|(_, other, _)| *other == name);
        let theirs = peers
            .iter()
            .find(|o| discovery_names(o.config).any(|(_, other, _)| other == name));
        let Some(by) = used_by(mine, theirs.copied()) else {
            continue;
        };
        out.push(Problem::new(
            format!("{here}[{k}].{field}"),
            format!(
                "The discovery name '{name}' is already used in {} by {by}: discovery names must be unique within a namespace (set a different discoveryName).",
                namespace_words(&me)
            ),
        ));
    }
    let pairs: Vec<(usize, usize, &str, u32)> = aliases(me.config).collect();
    for (n, &(k, a, dns, port)) in pairs.iter().enumerate() {
        let mine = pairs[..n].iter().any(|p| p.2 == dns && p.3 == port);
        let theirs = peers
            .iter()
            .find(|o| aliases(o.config).any(|p| p.2 == dns && p.3 == port));
        let Some(by) = used_by(mine, theirs.copied()) else {
            continue;
        };
        out.push(Problem::new(
            format!("{here}[{k}].clientAliases[{a}]"),
            format!(
                "The endpoint {dns}:{port} is already used in {} by {by}: each client alias name and port must be unique within a namespace.",
                namespace_words(&me)
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discovery::{ServiceConnectClientAlias, ServiceConnectService};

    /// (portName, discoveryName, client alias dnsName and port) of one endpoint.
    type Endpoint<'a> = (&'a str, Option<&'a str>, Option<(&'a str, u32)>);

    fn config(ns: Option<&str>, endpoints: &[Endpoint<'_>]) -> ServiceConnectConfiguration {
        ServiceConnectConfiguration {
            enabled: true,
            namespace: ns.map(str::to_string),
            services: endpoints
                .iter()
                .map(|(port, discovery, alias)| ServiceConnectService {
                    port_name: (*port).to_string(),
                    discovery_name: discovery.map(str::to_string),
                    client_aliases: alias
                        .iter()
                        .map(|(dns, p)| ServiceConnectClientAlias {
                            port: *p,
                            dns_name: Some((*dns).to_string()),
                        })
                        .collect(),
                    ingress_port_override: None,
                })
                .collect(),
            log_configuration: None,
        }
    }

    fn joined<'a>(
        path: &'a str,
        cluster: Option<&'a str>,
        c: &'a ServiceConnectConfiguration,
    ) -> Joined<'a> {
        Joined {
            path,
            service: path,
            cluster,
            config: c,
        }
    }

    #[test]
    fn discovery_names_are_unique_in_a_namespace_dg_service_connect() {
        let orders = config(Some("internal"), &[("http", None, Some(("orders", 80)))]);
        // Same port name, no discoveryName: the Cloud Map service "http" twice.
        let copy = config(Some("internal"), &[("http", None, Some(("orders-v2", 80)))]);
        let v = check_unique(
            joined("services[1]", None, &copy),
            &[joined("services[0]", None, &orders)],
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(
            v[0].path,
            "services[1].serviceConnectConfiguration.services[0].portName"
        );
        assert!(v[0].message.contains("'http'") && v[0].message.contains("services[0]"));
        // A discoveryName of its own, or another namespace, is accepted.
        let renamed = config(
            Some("internal"),
            &[("http", Some("http-v2"), Some(("orders-v2", 80)))],
        );
        assert!(check_unique(
            joined("services[1]", None, &renamed),
            &[joined("services[0]", None, &orders)]
        )
        .is_empty());
        let elsewhere = config(Some("other"), &[("http", None, Some(("orders", 80)))]);
        assert!(check_unique(
            joined("services[1]", None, &elsewhere),
            &[joined("services[0]", None, &orders)]
        )
        .is_empty());
    }

    #[test]
    fn client_alias_names_and_ports_are_unique_in_a_namespace_api_service_connect_client_alias() {
        let orders = config(Some("internal"), &[("http", None, Some(("orders", 80)))]);
        let clash = config(Some("internal"), &[("web", None, Some(("orders", 80)))]);
        let v = check_unique(
            joined("services[1]", None, &clash),
            &[joined("services[0]", None, &orders)],
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(
            v[0].path,
            "services[1].serviceConnectConfiguration.services[0].clientAliases[0]"
        );
        assert!(v[0].message.contains("orders:80"));
        // The same name on another port is another endpoint.
        let other_port = config(Some("internal"), &[("web", None, Some(("orders", 8080)))]);
        assert!(check_unique(
            joined("services[1]", None, &other_port),
            &[joined("services[0]", None, &orders)]
        )
        .is_empty());
    }

    #[test]
    fn unnamed_namespaces_clash_only_within_one_cluster() {
        let a = config(None, &[("http", None, None)]);
        let b = config(None, &[("http", None, None)]);
        assert_eq!(
            check_unique(
                joined("services[1]", Some("prod"), &b),
                &[joined("services[0]", Some("prod"), &a)]
            )
            .len(),
            1
        );
        assert!(check_unique(
            joined("services[1]", Some("test"), &b),
            &[joined("services[0]", Some("prod"), &a)]
        )
        .is_empty());
        // Named and unnamed: not certainly the same namespace.
        let named = config(Some("internal"), &[("http", None, None)]);
        assert!(check_unique(
            joined("services[1]", Some("prod"), &named),
            &[joined("services[0]", Some("prod"), &a)]
        )
        .is_empty());
    }

    #[test]
    fn one_service_may_not_repeat_a_discovery_name() {
        let twice = config(
            Some("internal"),
            &[("http", None, None), ("http", None, None)],
        );
        let v = check_unique(joined("services[0]", None, &twice), &[]);
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].message.contains("an earlier endpoint of this service"));
    }
}
