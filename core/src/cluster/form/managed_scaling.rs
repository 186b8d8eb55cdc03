//! The managed scaling form: an Auto Scaling group capacity provider's `managedScaling` and
//! `managedTerminationProtection` (API CreateCapacityProvider / ManagedScaling), for the
//! capacity editor. Works on the document as JSON so other keys stay as written.

use crate::cluster::managed_scaling::{
    DEFAULT_INSTANCE_WARMUP_SECONDS, DEFAULT_MAXIMUM_SCALING_STEP_SIZE,
    DEFAULT_MINIMUM_SCALING_STEP_SIZE, DEFAULT_TARGET_CAPACITY,
};
use crate::cluster::ManagedScalingSpec;
use crate::form::find::{group_provider, group_provider_mut, no_group_provider};
use serde_json::{json, Map, Value};

/// API ManagedScaling: targetCapacity is 1–100.
pub const TARGET_CAPACITY_RANGE: (u32, u32) = (1, 100);
/// API ManagedScaling: minimum/maximumScalingStepSize are 1–10,000.
pub const STEP_SIZE_RANGE: (u32, u32) = (1, 10_000);
/// API ManagedScaling: instanceWarmupPeriod is 0–10,000 seconds.
pub const WARMUP_RANGE: (u32, u32) = (0, 10_000);

/// A provider's managed scaling as the form shows it, AWS defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagedScalingSettings {
    /// `status` ENABLED.
    pub enabled: bool,
    /// `targetCapacity`, percent.
    pub target_capacity: u32,
    /// `minimumScalingStepSize`.
    pub minimum_scaling_step_size: u32,
    /// `maximumScalingStepSize`.
    pub maximum_scaling_step_size: u32,
    /// `instanceWarmupPeriod`, seconds.
    pub instance_warmup_period: u32,
    /// `managedTerminationProtection` ENABLED.
    pub managed_termination_protection: bool,
}

/// The managed scaling of the Auto Scaling group provider named `provider` (None when there is
/// no such provider), with AWS's defaults where a field is absent or unreadable.
pub fn managed_scaling(doc: &Value, provider: &str) -> Option<ManagedScalingSettings> {
    let p = group_provider(doc, provider)?;
    let ms = p
        .get("managedScaling")
        .and_then(|v| serde_json::from_value::<ManagedScalingSpec>(v.clone()).ok());
    let ms = ms.as_ref();
    Some(ManagedScalingSettings {
        enabled: ms.is_some_and(|m| m.status == "ENABLED"),
        target_capacity: ms
            .and_then(|m| m.target_capacity)
            .unwrap_or(DEFAULT_TARGET_CAPACITY),
        minimum_scaling_step_size: ms
            .and_then(|m| m.minimum_scaling_step_size)
            .unwrap_or(DEFAULT_MINIMUM_SCALING_STEP_SIZE),
        maximum_scaling_step_size: ms
            .and_then(|m| m.maximum_scaling_step_size)
            .unwrap_or(DEFAULT_MAXIMUM_SCALING_STEP_SIZE),
        instance_warmup_period: ms
            .and_then(|m| m.instance_warmup_period)
            .unwrap_or(DEFAULT_INSTANCE_WARMUP_SECONDS),
        managed_termination_protection: p
            .get("managedTerminationProtection")
            .and_then(Value::as_str)
            == Some("ENABLED"),
    })
}

/// Writes `s` into the provider as `create-capacity-provider` JSON, or says which field is out
/// of AWS's range (the document is then unchanged).
pub fn set_managed_scaling(
    doc: &mut Value,
    provider: &str,
    s: &ManagedScalingSettings,
) -> Result<(), String> {
    check("targetCapacity", s.target_capacity, TARGET_CAPACITY_RANGE)?;
    check(
        "minimumScalingStepSize",
        s.minimum_scaling_step_size,
        STEP_SIZE_RANGE,
    )?;
    check(
        "maximumScalingStepSize",
        s.maximum_scaling_step_size,
        STEP_SIZE_RANGE,
    )?;
    check(
        "instanceWarmupPeriod",
        s.instance_warmup_period,
        WARMUP_RANGE,
    )?;
    if s.minimum_scaling_step_size > s.maximum_scaling_step_size {
        return Err(format!(
            "minimumScalingStepSize {} is above maximumScalingStepSize {}",
            s.minimum_scaling_step_size, s.maximum_scaling_step_size
        ));
    }
    let p = provider_mut(doc, provider)?;
    p.insert(
        "managedScaling".into(),
        json!({
            "status": if s.enabled { "ENABLED" } else { "DISABLED" },
            "targetCapacity": s.target_capacity,
            "minimumScalingStepSize": s.minimum_scaling_step_size,
            "maximumScalingStepSize": s.maximum_scaling_step_size,
            "instanceWarmupPeriod": s.instance_warmup_period,
        }),
    );
    p.insert(
        "managedTerminationProtection".into(),
        json!(if s.managed_termination_protection {
            "ENABLED"
        } else {
            "DISABLED"
        }),
    );
    Ok(())
}

fn check(field: &str, v: u32, (lo, hi): (u32, u32)) -> Result<(), String> {
    if v < lo || v > hi {
        return Err(format!("{field} must be from {lo} to {hi}; got {v}"));
    }
    Ok(())
}

/// The provider's `autoScalingGroupProvider`, to edit.
fn provider_mut<'a>(doc: &'a mut Value, name: &str) -> Result<&'a mut Map<String, Value>, String> {
    group_provider_mut(doc, name)
        .and_then(Value::as_object_mut)
        .ok_or_else(|| no_group_provider(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::test_support::doc as scenario;

    const GOLDEN: &str = include_str!("../../../../tests/golden/managed_scaling.json");

    fn doc() -> Value {
        scenario(GOLDEN)
    }

    #[test]
    fn reads_the_document_and_fills_aws_defaults() {
        let s = managed_scaling(&doc(), "asg").expect("provider");
        assert!(s.enabled);
        assert_eq!(s.target_capacity, 100);
        assert_eq!(s.minimum_scaling_step_size, 1);
        assert_eq!(s.maximum_scaling_step_size, 10_000);
        assert_eq!(s.instance_warmup_period, 300);
        assert!(s.managed_termination_protection);
        assert_eq!(managed_scaling(&doc(), "nope"), None);
        assert_eq!(managed_scaling(&json!({}), "asg"), None);
    }

    #[test]
    fn out_of_range_values_are_refused_with_the_field_name_and_nothing_changes() {
        let mut d = doc();
        let before = d.clone();
        let mut s = managed_scaling(&d, "asg").expect("provider");
        s.target_capacity = 0;
        let e = set_managed_scaling(&mut d, "asg", &s).unwrap_err();
        assert!(e.contains("targetCapacity"), "{e}");
        s.target_capacity = 100;
        s.minimum_scaling_step_size = 5;
        s.maximum_scaling_step_size = 4;
        let e = set_managed_scaling(&mut d, "asg", &s).unwrap_err();
        assert!(e.contains("above maximumScalingStepSize"), "{e}");
        s.minimum_scaling_step_size = 1;
        s.instance_warmup_period = 10_001;
        assert!(set_managed_scaling(&mut d, "asg", &s).is_err());
        assert_eq!(d, before);
        assert!(
            set_managed_scaling(&mut d, "nope", &managed_scaling(&before, "asg").expect("p"))
                .is_err()
        );
    }
}
