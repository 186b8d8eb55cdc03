//! How a service chooses capacity, read from its document entry: a launch type, a capacity
//! provider strategy, or neither (the cluster's default strategy). The service form's summaries
//! show it, and [`super::providers::ec2_providers`] follows it to the service's EC2 capacity.

use crate::cluster::CapacityProviderStrategyItem;
use crate::form::capacity::FARGATE_PROVIDERS;
use crate::form::value::list_of;
use serde_json::Value;

/// How a service chooses capacity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Launch {
    /// `launchType`: `EC2`, `FARGATE` or `EXTERNAL`.
    LaunchType(String),
    /// `capacityProviderStrategy` items.
    Strategy(Vec<CapacityProviderStrategyItem>),
    /// Neither: the cluster's default capacity provider strategy applies.
    ClusterDefault,
}

/// Whether a service entry runs on Fargate: launch type FARGATE, or a strategy of FARGATE and
/// FARGATE_SPOT only. The form then offers no placement strategy or constraint, which ECS does
/// not support with Fargate (an engineer's walkthrough added one and got the error).
pub fn on_fargate(service: &Value) -> bool {
    match launch(service) {
        Launch::LaunchType(t) => t == "FARGATE",
        Launch::Strategy(items) => items
            .iter()
            .all(|i| FARGATE_PROVIDERS.contains(&i.capacity_provider.as_str())),
        Launch::ClusterDefault => false,
    }
}

/// [`on_fargate`] for the service named `service` in the scenario `doc` (false when there is
/// none).
pub fn service_on_fargate(doc: &Value, service: &str) -> bool {
    crate::form::find::find_service(doc, service).is_some_and(on_fargate)
}

/// The launch settings of a service entry of the document (strategy items that do not read
/// are skipped).
pub fn launch(service: &Value) -> Launch {
    if let Some(lt) = service.get("launchType").and_then(Value::as_str) {
        return Launch::LaunchType(lt.to_string());
    }
    let items: Vec<CapacityProviderStrategyItem> = list_of(service, "capacityProviderStrategy");
    if items.is_empty() {
        Launch::ClusterDefault
    } else {
        Launch::Strategy(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fargate_services_are_those_whose_tasks_can_only_go_to_fargate() {
        assert!(on_fargate(&json!({"launchType": "FARGATE"})));
        assert!(on_fargate(&json!({"capacityProviderStrategy": [
            {"capacityProvider": "FARGATE", "base": 1, "weight": 1},
            {"capacityProvider": "FARGATE_SPOT", "weight": 3}]})));
        assert!(!on_fargate(&json!({"launchType": "EC2"})));
        assert!(!on_fargate(
            &json!({"capacityProviderStrategy": [{"capacityProvider": "asg", "weight": 1}]})
        ));
        assert!(!on_fargate(&json!({})));
    }
}
