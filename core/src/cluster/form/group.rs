//! An Auto Scaling group capacity provider's instance type and its minimum, desired and maximum
//! size, as the capacity form shows and sets them.

use crate::catalog;
use crate::form::find::{group_provider, group_provider_mut, no_group_provider};
use crate::form::value::text;
use serde_json::{json, Map, Value};

/// An Auto Scaling group provider's instance type and sizes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupSize {
    /// EC2 instance type.
    pub instance_type: String,
    /// `minSize`.
    pub min: u32,
    /// `desiredCapacity`.
    pub desired: u32,
    /// `maxSize`.
    pub max: u32,
    /// The simulator's `awsvpcTrunking` (ENI trunking on the group's instances).
    pub trunking: bool,
}

/// An Auto Scaling group provider's instance type and sizes.
pub fn group_size(doc: &Value, provider: &str) -> Option<GroupSize> {
    let g = group_provider(doc, provider)?.get("autoScalingGroup")?;
    let n = |k: &str| g.get(k).and_then(Value::as_u64).unwrap_or(0) as u32;
    Some(GroupSize {
        instance_type: text(g, "instanceType"),
        min: n("minSize"),
        desired: n("desiredCapacity"),
        max: n("maxSize"),
        trunking: g
            .get("awsvpcTrunking")
            .and_then(Value::as_bool)
            .unwrap_or(false),
    })
}

/// Sets the instance type an Auto Scaling group provider launches (from the catalogue).
pub fn set_instance_type(
    doc: &mut Value,
    provider: &str,
    instance_type: &str,
) -> Result<(), String> {
    if catalog::instance_type(instance_type).is_none() {
        return Err(format!(
            "instance type '{instance_type}' is not in the playground's catalogue"
        ));
    }
    group_mut(doc, provider)?.insert("instanceType".into(), json!(instance_type));
    Ok(())
}

/// Sets an Auto Scaling group's minimum, desired and maximum size (min ≤ desired ≤ max).
pub fn set_group_size(
    doc: &mut Value,
    provider: &str,
    min: u32,
    desired: u32,
    max: u32,
) -> Result<(), String> {
    if min > max {
        return Err(format!("minimum size {min} is above maximum size {max}"));
    }
    if desired < min || desired > max {
        return Err(format!(
            "desired capacity {desired} must be between the minimum ({min}) and maximum ({max}) size"
        ));
    }
    let g = group_mut(doc, provider)?;
    g.insert("minSize".into(), json!(min));
    g.insert("desiredCapacity".into(), json!(desired));
    g.insert("maxSize".into(), json!(max));
    Ok(())
}

/// Turns ENI trunking on or off for the group's instances (`awsvpcTrunking`, which stands for
/// the account setting on instances launched after the opt-in). Off keeps a written key as
/// `false` (a lesson may open exactly that path) and adds none.
pub fn set_trunking(doc: &mut Value, provider: &str, on: bool) -> Result<(), String> {
    let g = group_mut(doc, provider)?;
    if on || g.contains_key("awsvpcTrunking") {
        g.insert("awsvpcTrunking".into(), json!(on));
    }
    Ok(())
}

/// The provider's `autoScalingGroup`, to edit.
fn group_mut<'a>(doc: &'a mut Value, provider: &str) -> Result<&'a mut Map<String, Value>, String> {
    group_provider_mut(doc, provider)
        .and_then(|p| p.get_mut("autoScalingGroup"))
        .and_then(Value::as_object_mut)
        .ok_or_else(|| no_group_provider(provider))
}
