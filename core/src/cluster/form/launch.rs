//! How a service chooses capacity, read from its document entry: a launch type, a capacity
//! provider strategy, or neither (the cluster's default strategy). The service form's summaries
//! show it, and [`super::providers::ec2_providers`] follows it to the service's EC2 capacity.

use crate::cluster::CapacityProviderStrategyItem;
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
