//! Form edits of a service's Service Auto Scaling: its scalable target (`scalableTargets`,
//! API RegisterScalableTarget) and one target tracking policy (`scalingPolicies`, API
//! PutScalingPolicy). Step policies and scheduled actions are left as written.

use serde_json::{json, Map, Value};

/// `predefinedMetricType`s a target tracking policy of an ECS service can track.
pub const TRACKED_METRICS: [&str; 3] = [
    "ECSServiceAverageCPUUtilization",
    "ECSServiceAverageMemoryUtilization",
    "ALBRequestCountPerTarget",
];
/// ECS quota "Tasks per service": MaxCapacity is at most 5,000.
pub const MAX_CAPACITY: u32 = 5000;
/// The simulator's cap on cooldowns: one day, seconds (the API sets no upper bound).
pub const MAX_COOLDOWN: u32 = 86_400;

/// One target tracking policy as the form shows it (API TargetTrackingScalingPolicyConfiguration).
#[derive(Debug, Clone, PartialEq)]
pub struct TargetTrackingSettings {
    /// `predefinedMetricType`.
    pub metric: String,
    /// `targetValue`.
    pub target_value: f64,
    /// `scaleOutCooldown`, seconds (300).
    pub scale_out_cooldown: u32,
    /// `scaleInCooldown`, seconds (300).
    pub scale_in_cooldown: u32,
    /// `disableScaleIn`.
    pub disable_scale_in: bool,
}

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

/// `service/<cluster>/<service>`, the `resourceId` Application Auto Scaling uses for the
/// service, or None without that service.
pub fn resource_id(doc: &Value, service: &str) -> Option<String> {
    let svc = services(doc)
        .iter()
        .find(|s| s.get("serviceName").and_then(Value::as_str) == Some(service))?;
    let cluster = svc
        .get("cluster")
        .and_then(Value::as_str)
        .unwrap_or("default");
    Some(format!("service/{cluster}/{service}"))
}

/// The service's scaling, or None when it has no scalable target (or there is no such service).
pub fn service_scaling(doc: &Value, service: &str) -> Option<ServiceScalingSettings> {
    let id = resource_id(doc, service)?;
    let target = list(doc, "scalableTargets")
        .iter()
        .find(|t| is_for(t, &id))?;
    let u = |v: &Value, k: &str, d: u32| {
        v.get(k)
            .and_then(Value::as_u64)
            .map_or(d, |n| n.min(u64::from(u32::MAX)) as u32)
    };
    let policy = list(doc, "scalingPolicies")
        .iter()
        .filter(|p| is_for(p, &id))
        .find_map(|p| p.get("targetTrackingScalingPolicyConfiguration"))
        .map(|c| TargetTrackingSettings {
            metric: c
                .pointer("/predefinedMetricSpecification/predefinedMetricType")
                .and_then(Value::as_str)
                .unwrap_or(TRACKED_METRICS[0])
                .to_string(),
            target_value: c.get("targetValue").and_then(Value::as_f64).unwrap_or(50.0),
            scale_out_cooldown: u(c, "scaleOutCooldown", 300),
            scale_in_cooldown: u(c, "scaleInCooldown", 300),
            disable_scale_in: c
                .get("disableScaleIn")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        });
    Some(ServiceScalingSettings {
        min_capacity: u(target, "minCapacity", 0),
        max_capacity: u(target, "maxCapacity", 0),
        policy,
    })
}

/// Registers the service as a scalable target (MinCapacity its desired count, MaxCapacity twice
/// that, at least 1) with a 50% CPU target tracking policy, unless it already has a target.
pub fn enable_service_scaling(doc: &mut Value, service: &str) -> Result<(), String> {
    let id = resource_id(doc, service).ok_or_else(|| no_service(service))?;
    if service_scaling(doc, service).is_some() {
        return Ok(());
    }
    let desired = services(doc)
        .iter()
        .find(|s| s.get("serviceName").and_then(Value::as_str) == Some(service))
        .and_then(|s| s.get("desiredCount"))
        .and_then(Value::as_u64)
        .unwrap_or(1)
        .min(u64::from(MAX_CAPACITY)) as u32;
    let min = desired.max(1);
    let max = (min * 2).min(MAX_CAPACITY);
    list_mut(doc, "scalableTargets")?.push(json!({
        "serviceNamespace": "ecs", "resourceId": id,
        "scalableDimension": "ecs:service:DesiredCount",
        "minCapacity": min, "maxCapacity": max }));
    set_target_tracking(
        doc,
        service,
        &TargetTrackingSettings {
            metric: TRACKED_METRICS[0].into(),
            target_value: 50.0,
            scale_out_cooldown: 300,
            scale_in_cooldown: 300,
            disable_scale_in: false,
        },
    )
}

/// Deregisters the service: removes its scalable target, policies and scheduled actions.
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
    let target = list_mut(doc, "scalableTargets")?
        .iter_mut()
        .find(|t| is_for(t, &id))
        .and_then(Value::as_object_mut)
        .ok_or_else(|| format!("service {service} has no scalable target"))?;
    target.insert("minCapacity".into(), json!(min));
    target.insert("maxCapacity".into(), json!(max));
    Ok(())
}

/// Writes `p` into the service's first target tracking policy, or adds one named
/// `<service>-target-tracking`. Refuses an unknown metric, a target value ≤ 0 and cooldowns
/// over a day, naming the field.
pub fn set_target_tracking(
    doc: &mut Value,
    service: &str,
    p: &TargetTrackingSettings,
) -> Result<(), String> {
    if !TRACKED_METRICS.contains(&p.metric.as_str()) {
        return Err(format!(
            "predefinedMetricType must be one of {}",
            TRACKED_METRICS.join(", ")
        ));
    }
    if !(p.target_value.is_finite() && p.target_value > 0.0) {
        return Err(format!(
            "targetValue must be above 0; got {}",
            p.target_value
        ));
    }
    for (name, v) in [
        ("scaleOutCooldown", p.scale_out_cooldown),
        ("scaleInCooldown", p.scale_in_cooldown),
    ] {
        if v > MAX_COOLDOWN {
            return Err(format!(
                "{name} must be from 0 to {MAX_COOLDOWN} seconds; got {v}"
            ));
        }
    }
    let id = resource_id(doc, service).ok_or_else(|| no_service(service))?;
    let policies = list_mut(doc, "scalingPolicies")?;
    let existing = policies
        .iter_mut()
        .find(|v| is_for(v, &id) && v.get("targetTrackingScalingPolicyConfiguration").is_some());
    let policy = match existing {
        Some(v) => v,
        None => {
            policies.push(json!({
                "policyName": format!("{service}-target-tracking"),
                "serviceNamespace": "ecs", "resourceId": id,
                "scalableDimension": "ecs:service:DesiredCount",
                "policyType": "TargetTrackingScaling" }));
            let last = policies.len() - 1;
            &mut policies[last]
        }
    };
    let Some(obj) = policy.as_object_mut() else {
        return Err("scalingPolicies entry is not an object".into());
    };
    let mut config = obj
        .get("targetTrackingScalingPolicyConfiguration")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut spec: Map<String, Value> = config
        .get("predefinedMetricSpecification")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    spec.insert("predefinedMetricType".into(), json!(p.metric));
    config.insert("targetValue".into(), json!(p.target_value));
    config.insert("predefinedMetricSpecification".into(), Value::Object(spec));
    config.insert("scaleOutCooldown".into(), json!(p.scale_out_cooldown));
    config.insert("scaleInCooldown".into(), json!(p.scale_in_cooldown));
    config.insert("disableScaleIn".into(), json!(p.disable_scale_in));
    obj.insert(
        "targetTrackingScalingPolicyConfiguration".into(),
        Value::Object(config),
    );
    Ok(())
}

fn services(doc: &Value) -> &[Value] {
    list(doc, "services")
}

fn list<'a>(doc: &'a Value, key: &str) -> &'a [Value] {
    doc.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn list_mut<'a>(doc: &'a mut Value, key: &str) -> Result<&'a mut Vec<Value>, String> {
    let Some(obj) = doc.as_object_mut() else {
        return Err("the scenario is not a JSON object".into());
    };
    obj.entry(key)
        .or_insert_with(|| json!([]))
        .as_array_mut()
        .ok_or_else(|| format!("{key} is not an array"))
}

fn is_for(v: &Value, resource_id: &str) -> bool {
    v.get("resourceId").and_then(Value::as_str) == Some(resource_id)
}

fn no_service(name: &str) -> String {
    format!("there is no service named '{name}' in the scenario")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::edit_test_support::{doc, resolves};

    const SCALING: &str = include_str!("../../../tests/e2e/fixtures/traffic-scaling.json");
    const PLAIN: &str = include_str!("../../../tests/golden/traffic_step_doubles_cpu.json");

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
    fn enabling_registers_the_service_with_a_cpu_policy_that_resolves() {
        let mut d = doc(PLAIN);
        enable_service_scaling(&mut d, "web").expect("enabled");
        let s = service_scaling(&d, "web").expect("registered");
        assert_eq!((s.min_capacity, s.max_capacity), (2, 4));
        assert_eq!(s.policy.expect("policy").target_value, 50.0);
        assert!(resolves(&d));
        // Enabling twice changes nothing.
        let once = d.clone();
        enable_service_scaling(&mut d, "web").expect("again");
        assert_eq!(d, once);
        disable_service_scaling(&mut d, "web").expect("disabled");
        assert_eq!(service_scaling(&d, "web"), None);
        assert_eq!(d["scalingPolicies"], json!([]));
        assert!(resolves(&d));
    }

    #[test]
    fn target_and_policy_edits_round_trip_and_resolve() {
        let mut d = doc(SCALING);
        set_scalable_target(&mut d, "web", 1, 6).expect("valid");
        let p = TargetTrackingSettings {
            metric: "ECSServiceAverageMemoryUtilization".into(),
            target_value: 70.0,
            scale_out_cooldown: 30,
            scale_in_cooldown: 600,
            disable_scale_in: true,
        };
        set_target_tracking(&mut d, "web", &p).expect("valid");
        let s = service_scaling(&d, "web").expect("registered");
        assert_eq!((s.min_capacity, s.max_capacity), (1, 6));
        assert_eq!(s.policy, Some(p));
        assert_eq!(d["scalingPolicies"].as_array().map(Vec::len), Some(1));
        assert!(resolves(&d));
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
