//! The scalable target form: a service's scalable target (`scalableTargets`, API
//! RegisterScalableTarget): registering and deregistering the service, and its
//! MinCapacity/MaxCapacity. Registering adds a target tracking policy, so this sits above
//! [`super::target_tracking`].

use super::shared::{is_for, resource_id};
use super::target_tracking::{first_target_tracking, set_target_tracking, TargetTrackingSettings};
use crate::autoscaling::resolve::{SCALABLE_DIMENSION, SERVICE_NAMESPACE};
use crate::form::find::{find_service, no_service};
use crate::form::value::{array, array_mut, uint};
use crate::service::resolve::MAX_TASKS_PER_SERVICE;
use serde_json::{json, Value};

/// ECS quota "Tasks per service": MaxCapacity is at most 5,000.
pub const MAX_CAPACITY: u32 = MAX_TASKS_PER_SERVICE;

/// A service's registered scalable target and its first target tracking policy.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceScalingSettings {
    /// `minCapacity`.
    pub min_capacity: u32,
    /// `maxCapacity`.
    pub max_capacity: u32,
    /// The first target tracking policy on the service, if any.
    pub policy: Option<TargetTrackingSettings>,
}

/// The service's scaling, or None when it has no scalable target (or there is no such service).
pub fn service_scaling(doc: &Value, service: &str) -> Option<ServiceScalingSettings> {
    let id = resource_id(doc, service)?;
    let target = array(doc, "scalableTargets")
        .iter()
        .find(|t| is_for(t, &id))?;
    Some(ServiceScalingSettings {
        min_capacity: uint(target, "minCapacity", 0),
        max_capacity: uint(target, "maxCapacity", 0),
        policy: first_target_tracking(doc, service).map(|(_, p)| p),
    })
}

/// Registers the service as a scalable target (MinCapacity its desired count, MaxCapacity twice
/// that, at least 1) with a 50% CPU target tracking policy, unless it already has a target.
pub fn enable_service_scaling(doc: &mut Value, service: &str) -> Result<(), String> {
    let id = resource_id(doc, service).ok_or_else(|| no_service(service))?;
    if service_scaling(doc, service).is_some() {
        return Ok(());
    }
    let desired = find_service(doc, service)
        .and_then(|s| s.get("desiredCount"))
        .and_then(Value::as_u64)
        .unwrap_or(1)
        .min(u64::from(MAX_CAPACITY)) as u32;
    let min = desired.max(1);
    let max = (min * 2).min(MAX_CAPACITY);
    // Two writes: on a copy, so a refusal of the second (e.g. `scalingPolicies` is not a list)
    // leaves the document as it was (found by `make fuzz`).
    let mut next = doc.clone();
    array_mut(&mut next, "scalableTargets")?.push(json!({
        "serviceNamespace": SERVICE_NAMESPACE, "resourceId": id,
        "scalableDimension": SCALABLE_DIMENSION,
        "minCapacity": min, "maxCapacity": max }));
    set_target_tracking(&mut next, service, &TargetTrackingSettings::default())?;
    *doc = next;
    Ok(())
}

/// Deregisters the service: removes its scalable target, policies and scheduled actions (as
/// DeregisterScalableTarget deletes the policies and scheduled actions that belong to it).
pub fn disable_service_scaling(doc: &mut Value, service: &str) -> Result<(), String> {
    let id = resource_id(doc, service).ok_or_else(|| no_service(service))?;
    for key in ["scalableTargets", "scalingPolicies", "scheduledActions"] {
        if let Some(l) = doc.get_mut(key).and_then(Value::as_array_mut) {
            l.retain(|v| !is_for(v, &id));
        }
    }
    Ok(())
}

/// Sets the scalable target's MinCapacity and MaxCapacity (0 ≤ min ≤ max ≤ 5,000).
pub fn set_scalable_target(
    doc: &mut Value,
    service: &str,
    min: u32,
    max: u32,
) -> Result<(), String> {
    if max > MAX_CAPACITY {
        return Err(format!(
            "maxCapacity must be at most {MAX_CAPACITY}; got {max}"
        ));
    }
    if min > max {
        return Err(format!("minCapacity {min} is above maxCapacity {max}"));
    }
    let id = resource_id(doc, service).ok_or_else(|| no_service(service))?;
    let target = array_mut(doc, "scalableTargets")?
        .iter_mut()
        .find(|t| is_for(t, &id))
        .and_then(Value::as_object_mut)
        .ok_or_else(|| format!("service {service} has no scalable target"))?;
    target.insert("minCapacity".into(), json!(min));
    target.insert("maxCapacity".into(), json!(max));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::test_support::doc;

    const SCALING: &str = include_str!("../../../../tests/e2e/fixtures/traffic-scaling.json");
    const PLAIN: &str = include_str!("../../../../tests/golden/traffic_step_doubles_cpu.json");

    #[test]
    fn reads_the_target_and_its_target_tracking_policy() {
        let s = service_scaling(&doc(SCALING), "web").expect("registered");
        assert_eq!((s.min_capacity, s.max_capacity), (2, 10));
        let p = s.policy.expect("policy");
        assert_eq!(p.metric, "ECSServiceAverageCPUUtilization");
        assert_eq!(p.target_value, 50.0);
        assert_eq!((p.scale_out_cooldown, p.scale_in_cooldown), (60, 120));
        assert!(!p.disable_scale_in);
        assert_eq!(service_scaling(&doc(PLAIN), "web"), None);
        assert_eq!(
            resource_id(&doc(PLAIN), "web").as_deref(),
            Some("service/default/web")
        );
    }

    #[test]
    fn enabling_scaling_when_scaling_policies_is_not_a_list_changes_nothing() {
        // Found by `make fuzz`: the scalable target was added before the policy write failed.
        let mut d = doc(PLAIN);
        d["scalingPolicies"] = json!(1);
        let before = d.clone();
        assert!(enable_service_scaling(&mut d, "web").is_err());
        assert_eq!(d, before);
        // And with a list, both are written.
        d["scalingPolicies"] = json!([]);
        enable_service_scaling(&mut d, "web").expect("enables");
        assert!(service_scaling(&d, "web").is_some_and(|s| s.policy.is_some()));
    }

    #[test]
    fn bad_values_are_refused_with_the_field_name_and_nothing_changes() {
        let mut d = doc(SCALING);
        let before = d.clone();
        assert!(set_scalable_target(&mut d, "web", 5, 4)
            .unwrap_err()
            .starts_with("minCapacity"));
        assert!(set_scalable_target(&mut d, "web", 1, 5001)
            .unwrap_err()
            .starts_with("maxCapacity"));
        let ok = service_scaling(&d, "web")
            .and_then(|s| s.policy)
            .expect("policy");
        let bad = [
            (
                TargetTrackingSettings {
                    target_value: 0.0,
                    ..ok.clone()
                },
                "targetValue",
            ),
            (
                TargetTrackingSettings {
                    target_value: f64::NAN,
                    ..ok.clone()
                },
                "targetValue",
            ),
            (
                TargetTrackingSettings {
                    metric: "CPU".into(),
                    ..ok.clone()
                },
                "predefinedMetricType",
            ),
            (
                TargetTrackingSettings {
                    scale_in_cooldown: 86_401,
                    ..ok.clone()
                },
                "scaleInCooldown",
            ),
        ];
        for (p, field) in bad {
            assert!(set_target_tracking(&mut d, "web", &p)
                .unwrap_err()
                .starts_with(field));
        }
        assert_eq!(d, before);
        assert!(set_scalable_target(&mut doc(PLAIN), "web", 1, 2).is_err());
        assert!(enable_service_scaling(&mut d, "nope").is_err());
    }
}
