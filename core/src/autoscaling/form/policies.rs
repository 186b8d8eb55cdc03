//! A service's scaling policies as one list (`scalingPolicies`, API DescribeScalingPolicies and
//! DeleteScalingPolicy): each policy's name, type and settings in document order, and removing
//! one by name. Policies are identified by `policyName`, unique per scalable target in AWS. This
//! is the one form that knows both policy kinds, so it sits above [`super::target_tracking`] and
//! [`super::step_scaling`].

use super::shared::{has_name, is_for, no_policy, policy_name, registered_id, service_policies};
use super::step_scaling::{read_step_scaling, StepScalingSettings, STEP_SCALING};
use super::target_tracking::{read_target_tracking, TargetTrackingSettings, TARGET_TRACKING};
use crate::form::value::array_mut;
use serde_json::Value;

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
    service_policies(doc, service)
        .into_iter()
        .map(|p| {
            let kind = p
                .get("policyType")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let settings = match kind {
                TARGET_TRACKING => read_target_tracking(p).map(PolicySettings::TargetTracking),
                STEP_SCALING => Some(PolicySettings::Step(read_step_scaling(p))),
                _ => None,
            };
            PolicySummary {
                name: policy_name(p),
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
