//! The capacity providers a service's form may offer: those of its cluster (what a strategy may
//! name), the document's Auto Scaling group providers, the ones its EC2 tasks can land on, and
//! its cluster's default strategy.

use super::launch::{launch, Launch};
use crate::cluster::CapacityProviderStrategyItem;
use crate::form::find::{find_service, service_cluster};
use crate::form::value::{array, list_of, text};
use serde_json::Value;

/// The capacity providers the service's cluster has (what its strategy may name).
pub fn cluster_providers(doc: &Value, service: &str) -> Vec<String> {
    let Some(s) = find_service(doc, service) else {
        return Vec::new();
    };
    cluster_of(doc, s)
        .map(|c| {
            array(c, "capacityProviders")
                .iter()
                .filter_map(|p| p.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The names of the document's Auto Scaling group capacity providers.
pub fn group_providers(doc: &Value) -> Vec<String> {
    array(doc, "capacityProviders")
        .iter()
        .map(|p| text(p, "name"))
        .collect()
}

/// The Auto Scaling group providers a service's tasks can land on: those of its cluster for
/// launch type EC2, else those named by its strategy (or the cluster's default strategy).
pub fn ec2_providers(doc: &Value, service: &str) -> Vec<String> {
    let Some(s) = find_service(doc, service) else {
        return Vec::new();
    };
    let groups = group_providers(doc);
    let named: Vec<String> = match launch(s) {
        Launch::LaunchType(lt) if lt == "EC2" => cluster_providers(doc, service),
        Launch::LaunchType(_) => Vec::new(),
        Launch::Strategy(items) => items.into_iter().map(|i| i.capacity_provider).collect(),
        Launch::ClusterDefault => cluster_of(doc, s)
            .map(|c| list_of::<CapacityProviderStrategyItem>(c, "defaultCapacityProviderStrategy"))
            .unwrap_or_default()
            .into_iter()
            .map(|i| i.capacity_provider)
            .collect(),
    };
    named.into_iter().filter(|n| groups.contains(n)).collect()
}

/// The cluster's default capacity provider strategy, for a service switching to a strategy.
pub fn default_strategy(doc: &Value, service: &str) -> Vec<CapacityProviderStrategyItem> {
    let Some(s) = find_service(doc, service) else {
        return Vec::new();
    };
    cluster_of(doc, s)
        .map(|c| list_of(c, "defaultCapacityProviderStrategy"))
        .unwrap_or_default()
}

/// The `clusters` entry of the cluster a service entry runs in.
fn cluster_of<'a>(doc: &'a Value, service: &Value) -> Option<&'a Value> {
    let cluster = service_cluster(service);
    array(doc, "clusters")
        .iter()
        .find(|c| text(c, "clusterName") == cluster)
}
