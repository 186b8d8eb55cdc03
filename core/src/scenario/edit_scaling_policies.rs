//! A service's scaling policies as one list (`scalingPolicies`, API DescribeScalingPolicies and
//! DeleteScalingPolicy): each policy's name, type and settings in document order, removing one
//! by name, and the helpers the target tracking and step edits share to find, name and add a
//! policy. Policies are identified by `policyName`, unique per scalable target in AWS.

use super::edit_scaling::{is_for, registered_id, resource_id};
use super::edit_step_scaling::{read_step_scaling, StepScalingSettings};
use super::edit_target_tracking::{read_target_tracking, TargetTrackingSettings};
use crate::autoscaling::resolve::{MAX_POLICIES_PER_TARGET, SCALABLE_DIMENSION, SERVICE_NAMESPACE};
use crate::form::value::{array, array_mut};
use serde_json::{json, Map, Value};

/// The settings of one policy, by `policyType`.
#[derive(Debug, Clone, PartialEq)]
pub enum PolicySettings {
    /// `TargetTrackingScaling`.
    TargetTracking(TargetTrackingSettings),
    /// `StepScaling`.
    Step(StepScalingSettings),
    /// Any other `policyType` (resolve reports it); the form only offers to remove it.
    Other(String),
}

/// One scaling policy of a service as the form lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicySummary {
    /// `policyName`.
    pub name: String,
    /// Its type and settings.
    pub settings: PolicySettings,
}

/// Every scaling policy of the service, in document order (empty without a service).
pub fn scaling_policies(doc: &Value, service: &str) -> Vec<PolicySummary> {
    let Some(id) = resource_id(doc, service) else {
        return Vec::new();
    };
    array(doc, "scalingPolicies")
        .iter()
        .filter(|p| is_for(p, &id))
        .map(|p| {
            let kind = p
                .get("policyType")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let settings = match kind {
                "TargetTrackingScaling" => {
                    read_target_tracking(p).map(PolicySettings::TargetTracking)
                }
                "StepScaling" => Some(PolicySettings::Step(read_step_scaling(p))),
                _ => None,
            };
            PolicySummary {
                name: p
                    .get("policyName")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                settings: settings.unwrap_or_else(|| PolicySettings::Other(kind.to_string())),
            }
        })
        .collect()
}

/// DeleteScalingPolicy: removes the service's policy named `name`; the others stay as written.
pub fn remove_scaling_policy(doc: &mut Value, service: &str, name: &str) -> Result<(), String> {
    let id = registered_id(doc, service)?;
    let policies = array_mut(doc, "scalingPolicies")?;
    let before = policies.len();
    policies.retain(|p| !(is_for(p, &id) && has_name(p, name)));
    if policies.len() == before {
        return Err(no_policy(service, name));
    }
    Ok(())
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

fn has_name(p: &Value, name: &str) -> bool {
    p.get("policyName").and_then(Value::as_str) == Some(name)
}

fn no_policy(service: &str, name: &str) -> String {
    format!("policyName: service {service} has no scaling policy named '{name}'")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::edit_test_support::{doc, resolves};

    const STEP: &str = include_str!("examples/step-scaling-schedule.json");

    #[test]
    fn lists_the_policies_of_the_service_in_document_order() {
        let mut d = doc(STEP);
        let tt = json!({ "policyName": "mem", "serviceNamespace": "ecs",
            "resourceId": "service/default/api", "scalableDimension": "ecs:service:DesiredCount",
            "policyType": "TargetTrackingScaling",
            "targetTrackingScalingPolicyConfiguration": { "targetValue": 60,
                "predefinedMetricSpecification": { "predefinedMetricType": "ECSServiceAverageMemoryUtilization" } } });
        d["scalingPolicies"]
            .as_array_mut()
            .expect("array")
            .insert(0, tt);
        assert!(resolves(&d));
        let ps = scaling_policies(&d, "api");
        let names: Vec<&str> = ps.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["mem", "cpu-steps"]);
        assert!(
            matches!(&ps[0].settings, PolicySettings::TargetTracking(t) if t.target_value == 60.0 && t.scale_in_cooldown == 300)
        );
        assert!(matches!(&ps[1].settings, PolicySettings::Step(s) if s.threshold == 60.0));
        assert!(scaling_policies(&d, "nope").is_empty());
    }

    #[test]
    fn removing_a_policy_by_name_leaves_the_others_intact() {
        let mut d = doc(STEP);
        let (_, added) = push_policy(&mut d, "api", "x", "StepScaling").expect("added");
        assert_eq!(added, "api-x");
        let (_, again) = push_policy(&mut d, "api", "x", "StepScaling").expect("added");
        assert_eq!(again, "api-x-2");
        let before = d["scalingPolicies"][0].clone();
        remove_scaling_policy(&mut d, "api", "api-x").expect("removed");
        let names: Vec<String> = scaling_policies(&d, "api")
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["cpu-steps", "api-x-2"]);
        assert_eq!(d["scalingPolicies"][0], before);
        remove_scaling_policy(&mut d, "api", "api-x-2").expect("removed");
        assert!(resolves(&d));
        let err = remove_scaling_policy(&mut d, "api", "gone").unwrap_err();
        assert!(err.starts_with("policyName"), "{err}");
    }

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
