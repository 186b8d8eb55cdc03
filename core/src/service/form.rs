//! The service form: the service picker's summaries, `update-service --desired-count`, and how
//! a service chooses capacity (launch type or capacity provider strategy). It edits the
//! scenario as JSON (see [`crate::form`]).

use crate::cluster::form::launch::launch;
use crate::cluster::form::providers::cluster_providers;
use crate::cluster::CapacityProviderStrategyItem;
use crate::form::find::{service_cluster, service_mut};
use crate::form::value::{array, text, uint};
use serde_json::{json, Value};

/// ECS quota "Tasks per service": 5,000, the most `desiredCount` can be (the resolver's limit,
/// under the name the desired count field reads naturally with).
pub use super::resolve::MAX_TASKS_PER_SERVICE as MAX_DESIRED_COUNT;
/// How a service chooses capacity, as [`ServiceSummary::launch`] shows it (read by the cluster
/// forms, which sit below this one and follow it to the service's EC2 capacity).
pub use crate::cluster::form::launch::Launch;

/// What the service picker shows about a service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceSummary {
    /// `serviceName`.
    pub name: String,
    /// `cluster` (`default` when absent).
    pub cluster: String,
    /// `taskDefinition` as written (`family`, `family:revision` or an ARN).
    pub task_definition: String,
    /// `desiredCount` (0 when absent).
    pub desired_count: u32,
    /// Launch type or capacity provider strategy.
    pub launch: Launch,
    /// `healthCheckGracePeriodSeconds`, when set.
    pub grace_seconds: Option<u32>,
}

/// Every service of the document, in document order.
pub fn services(doc: &Value) -> Vec<ServiceSummary> {
    array(doc, "services")
        .iter()
        .map(|s| ServiceSummary {
            name: text(s, "serviceName"),
            cluster: service_cluster(s).to_string(),
            task_definition: text(s, "taskDefinition"),
            desired_count: uint(s, "desiredCount", 0),
            launch: launch(s),
            grace_seconds: s
                .get("healthCheckGracePeriodSeconds")
                .and_then(Value::as_u64)
                .and_then(|g| u32::try_from(g).ok()),
        })
        .collect()
}

/// Reads a count typed into a number field: rounded and clamped to `0..=max`; `None` when it is
/// not a number at all.
pub fn clamp_count(typed: &str, max: u32) -> Option<u32> {
    let n: f64 = typed.trim().parse().ok()?;
    if n.is_nan() {
        return None;
    }
    Some(n.round().clamp(0.0, f64::from(max)) as u32)
}

/// `update-service --desired-count`.
pub fn set_desired_count(doc: &mut Value, service: &str, count: u32) -> Result<(), String> {
    if count > MAX_DESIRED_COUNT {
        return Err(format!(
            "desired count {count} is above ECS's limit of {MAX_DESIRED_COUNT} tasks per service"
        ));
    }
    service_mut(doc, service)?.insert("desiredCount".into(), json!(count));
    Ok(())
}

/// The most `healthCheckGracePeriodSeconds` may be (API CreateService: 2,147,483,647).
pub const MAX_GRACE_SECONDS: u32 = 2_147_483_647;

/// `update-service --health-check-grace-period-seconds`; `None` removes the key (default 0). A
/// walkthrough of lesson 7, whose one editable field this is, found no form field for it.
pub fn set_health_check_grace_period(
    doc: &mut Value,
    service: &str,
    seconds: Option<u32>,
) -> Result<(), String> {
    let s = service_mut(doc, service)?;
    match seconds {
        Some(g) if g > MAX_GRACE_SECONDS => {
            return Err(format!(
                "health check grace period {g} s is above ECS's limit of {MAX_GRACE_SECONDS} s"
            ))
        }
        Some(g) => {
            s.insert("healthCheckGracePeriodSeconds".into(), json!(g));
        }
        None => {
            s.shift_remove("healthCheckGracePeriodSeconds");
        }
    }
    Ok(())
}

/// The service's `availabilityZoneRebalancing` as written (None: the key is absent, so
/// CreateService's default applies).
pub fn availability_zone_rebalancing(doc: &Value, service: &str) -> Option<String> {
    crate::form::find::find_service(doc, service)?
        .get("availabilityZoneRebalancing")?
        .as_str()
        .map(str::to_string)
}

/// Sets `availabilityZoneRebalancing` (`ENABLED` or `DISABLED`), or takes the key out (None). An
/// update that leaves the key out keeps the service's value (API UpdateService), so lesson 16's
/// service, created DISABLED, needs ENABLED set: the form offers it beside the placement
/// strategies (it was JSON only, student walkthrough 2026-12-05).
pub fn set_availability_zone_rebalancing(
    doc: &mut Value,
    service: &str,
    value: Option<&str>,
) -> Result<(), String> {
    let s = service_mut(doc, service)?;
    match value {
        Some(v @ ("ENABLED" | "DISABLED")) => {
            s.insert("availabilityZoneRebalancing".into(), json!(v));
        }
        Some(other) => {
            return Err(format!(
                "availabilityZoneRebalancing is ENABLED or DISABLED; got {other}"
            ))
        }
        None => {
            s.shift_remove("availabilityZoneRebalancing");
        }
    }
    Ok(())
}

/// Gives the service a launch type (`EC2`, `FARGATE`, `EXTERNAL`) instead of a strategy.
pub fn set_launch_type(doc: &mut Value, service: &str, launch_type: &str) -> Result<(), String> {
    if !matches!(launch_type, "EC2" | "FARGATE" | "EXTERNAL") {
        return Err(format!(
            "launch type '{launch_type}' is not one of EC2, FARGATE, EXTERNAL"
        ));
    }
    let s = service_mut(doc, service)?;
    s.shift_remove("capacityProviderStrategy");
    s.insert("launchType".into(), json!(launch_type));
    Ok(())
}

/// Gives the service a capacity provider strategy instead of a launch type. Every provider
/// must belong to the service's cluster; an empty list means the cluster default.
pub fn set_capacity_provider_strategy(
    doc: &mut Value,
    service: &str,
    items: &[CapacityProviderStrategyItem],
) -> Result<(), String> {
    let known = cluster_providers(doc, service);
    for item in items {
        if !known.contains(&item.capacity_provider) {
            return Err(format!(
                "capacity provider '{}' is not associated with the service's cluster (it has: {})",
                item.capacity_provider,
                known.join(", ")
            ));
        }
    }
    let s = service_mut(doc, service)?;
    s.shift_remove("launchType");
    if items.is_empty() {
        s.shift_remove("capacityProviderStrategy");
    } else {
        let value = serde_json::to_value(items).map_err(|e| e.to_string())?;
        s.insert("capacityProviderStrategy".into(), value);
    }
    Ok(())
}

#[cfg(test)]
mod tests;
