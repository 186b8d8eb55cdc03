//! What every Service Auto Scaling form shares, and so imports none of them: the service's
//! `resourceId` and whether it is registered, which targets, policies and actions are for it,
//! finding and adding a policy by name, and numbers written the way people write them.

use crate::autoscaling::resolve::{MAX_POLICIES_PER_TARGET, SCALABLE_DIMENSION, SERVICE_NAMESPACE};
use crate::form::find::{find_service, no_service, service_cluster};
use crate::form::value::{array, array_mut, text};
use serde_json::{json, Map, Value};

/// The simulator's cap on cooldowns: one day, seconds (the API sets no upper bound).
pub const MAX_COOLDOWN: u32 = 86_400;

/// `service/<cluster>/<service>`, the `resourceId` Application Auto Scaling uses for the
/// service, or None without that service.
pub fn resource_id(doc: &Value, service: &str) -> Option<String> {
    let svc = find_service(doc, service)?;
    let cluster = service_cluster(svc);
    Some(format!("service/{cluster}/{service}"))
}

/// The service's `resourceId` when it is registered as a scalable target (policies and
/// scheduled actions need one, as in Application Auto Scaling).
pub(crate) fn registered_id(doc: &Value, service: &str) -> Result<String, String> {
    let id = resource_id(doc, service).ok_or_else(|| no_service(service))?;
    if !array(doc, "scalableTargets").iter().any(|t| is_for(t, &id)) {
        return Err(format!(
            "resourceId: register service {service} as a scalable target first (scalableTargets)"
        ));
    }
    Ok(id)
}

/// Whether a target, policy or scheduled action names `resource_id`.
pub(crate) fn is_for(v: &Value, resource_id: &str) -> bool {
    v.get("resourceId").and_then(Value::as_str) == Some(resource_id)
}

/// The service's `scalingPolicies` entries, in document order (none without a service).
pub(crate) fn service_policies<'a>(doc: &'a Value, service: &str) -> Vec<&'a Value> {
    let Some(id) = resource_id(doc, service) else {
        return Vec::new();
    };
    array(doc, "scalingPolicies")
        .iter()
        .filter(|p| is_for(p, &id))
        .collect()
}

/// A policy's `policyName` (`""` when absent).
pub(crate) fn policy_name(p: &Value) -> String {
    text(p, "policyName")
}

/// The service's policy named `name`, as an object to edit.
pub(crate) fn policy_mut<'a>(
    doc: &'a mut Value,
    service: &str,
    name: &str,
) -> Result<&'a mut Map<String, Value>, String> {
    let id = registered_id(doc, service)?;
    array_mut(doc, "scalingPolicies")?
        .iter_mut()
        .find(|p| is_for(p, &id) && has_name(p, name))
        .and_then(Value::as_object_mut)
        .ok_or_else(|| no_policy(service, name))
}

/// Appends a policy of `policy_type` for the service, named `<service>-<suffix>` (with `-2`,
/// `-3` … when taken), and returns the new policy and its name. Refuses beyond
/// Application Auto Scaling's 50 policies per scalable target.
pub(crate) fn push_policy<'a>(
    doc: &'a mut Value,
    service: &str,
    suffix: &str,
    policy_type: &str,
) -> Result<(&'a mut Map<String, Value>, String), String> {
    let id = registered_id(doc, service)?;
    let taken: Vec<String> = array(doc, "scalingPolicies")
        .iter()
        .filter(|p| is_for(p, &id))
        .filter_map(|p| p.get("policyName").and_then(Value::as_str))
        .map(str::to_string)
        .collect();
    if taken.len() >= MAX_POLICIES_PER_TARGET {
        return Err(format!(
            "scalingPolicies: at most {MAX_POLICIES_PER_TARGET} scaling policies per scalable target"
        ));
    }
    let base = format!("{service}-{suffix}");
    let name = std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|n| !taken.contains(n))
        .unwrap_or(base);
    let policies = array_mut(doc, "scalingPolicies")?;
    policies.push(json!({
        "policyName": name, "serviceNamespace": SERVICE_NAMESPACE, "resourceId": id,
        "scalableDimension": SCALABLE_DIMENSION, "policyType": policy_type }));
    let obj = policies
        .last_mut()
        .and_then(Value::as_object_mut)
        .ok_or("scalingPolicies entry is not an object")?;
    Ok((obj, name))
}

/// Whether a policy is named `name`.
pub(crate) fn has_name(p: &Value, name: &str) -> bool {
    p.get("policyName").and_then(Value::as_str) == Some(name)
}

/// Why an edit of the service's policy `name` cannot apply: there is none.
pub(crate) fn no_policy(service: &str, name: &str) -> String {
    format!("policyName: service {service} has no scaling policy named '{name}'")
}

/// A JSON number as a person writes it: `60`, not `60.0`, for whole values.
pub(crate) fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::test_support::doc;

    const STEP: &str = include_str!("../../scenario/examples/step-scaling-schedule.json");

    #[test]
    fn a_policy_needs_a_scalable_target_and_at_most_50_fit() {
        let mut d = doc(STEP);
        d["scalableTargets"] = json!([]);
        let err = push_policy(&mut d, "api", "x", "StepScaling").unwrap_err();
        assert!(err.starts_with("resourceId"), "{err}");
        let mut d = doc(STEP);
        for _ in 1..MAX_POLICIES_PER_TARGET {
            push_policy(&mut d, "api", "x", "StepScaling").expect("room");
        }
        let err = push_policy(&mut d, "api", "x", "StepScaling").unwrap_err();
        assert!(err.starts_with("scalingPolicies"), "{err}");
    }
}
