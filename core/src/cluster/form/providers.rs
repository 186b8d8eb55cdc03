//! The capacity providers a service's form may offer: those of its cluster (what a strategy may
//! name), the document's Auto Scaling group providers, the ones its EC2 tasks can land on, and
//! its cluster's default strategy.

use super::launch::{launch, Launch};
use crate::cluster::CapacityProviderStrategyItem;
use crate::form::capacity::{entry_on_instances, strategy_on_instances};
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
        Launch::ClusterDefault => default_strategy(doc, service)
            .into_iter()
            .map(|i| i.capacity_provider)
            .collect(),
    };
    named.into_iter().filter(|n| groups.contains(n)).collect()
}

/// Whether the service named `service` runs on EC2 (or ECS Anywhere) for certain: launch type
/// EC2 or EXTERNAL, or a strategy (its own, else its cluster's default) without FARGATE and
/// FARGATE_SPOT, or none of these (launch type EC2 then). Its awsvpc tasks get no public IP
/// (ECS refuses `assignPublicIp` ENABLED there), so the form does not offer it.
pub fn service_on_instances(doc: &Value, service: &str) -> bool {
    let Some(s) = find_service(doc, service).and_then(Value::as_object) else {
        return false;
    };
    // No launch type or strategy: the cluster's default strategy, and with none of that
    // either, launch type EC2, as ECS (and the engine's `service::resolve`) fall back to.
    entry_on_instances(s).unwrap_or_else(|| {
        strategy_on_instances(
            default_strategy(doc, service)
                .iter()
                .map(|i| i.capacity_provider.as_str()),
        )
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn services_on_instances_are_known_by_launch_type_or_strategy() {
        let doc = json!({"services": [
            {"serviceName": "a", "launchType": "EC2"},
            {"serviceName": "b", "capacityProviderStrategy": [{"capacityProvider": "asg", "weight": 1}]},
            {"serviceName": "c", "launchType": "FARGATE"},
            {"serviceName": "d", "capacityProviderStrategy": [{"capacityProvider": "asg", "weight": 1},
                {"capacityProvider": "FARGATE", "weight": 1}]},
            {"serviceName": "e"},
            {"serviceName": "f", "cluster": "ec2"}
        ], "clusters": [{"clusterName": "default"},
            {"clusterName": "ec2", "defaultCapacityProviderStrategy": [{"capacityProvider": "asg", "weight": 1}]}]});
        let on = |s: &str| service_on_instances(&doc, s);
        assert!(on("a") && on("b") && on("f"));
        // "e": no launch type, strategy or cluster default runs as launch type EC2.
        assert!(on("e"));
        assert!(!on("c") && !on("d") && !on("missing"));
    }
}
