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

/// Which of a group's sizes the form changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeField {
    /// `minSize`.
    Min,
    /// `desiredCapacity`.
    Desired,
    /// `maxSize`.
    Max,
}

/// The sizes after the form sets `field` to `n`, with the others moved as far as needed to keep
/// min ≤ desired ≤ max, and a note for each one moved. The form took the three one at a time and
/// refused every order but min, desired, max: Max 2 on a 3/3/3 group was refused (minimum above
/// maximum) while its box kept showing 2 (student walkthrough of lesson 14).
pub fn resize(current: &GroupSize, field: SizeField, n: u32) -> ((u32, u32, u32), Vec<String>) {
    const NAMES: [&str; 3] = ["minSize", "desiredCapacity", "maxSize"];
    let set = field as usize;
    let mut sizes = [current.min, current.desired, current.max];
    sizes[set] = n;
    let mut notes = Vec::new();
    for (i, size) in sizes.iter_mut().enumerate() {
        // The sizes below the one set may not exceed it, those above may not fall short of it.
        let to = match i.cmp(&set) {
            std::cmp::Ordering::Less => (*size).min(n),
            std::cmp::Ordering::Greater => (*size).max(n),
            std::cmp::Ordering::Equal => continue,
        };
        if to != *size {
            let how = if to < *size { "lowered" } else { "raised" };
            notes.push(format!("{} {how} from {size} to {to}", NAMES[i]));
            *size = to;
        }
    }
    ((sizes[0], sizes[1], sizes[2]), notes)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn group(min: u32, desired: u32, max: u32) -> GroupSize {
        GroupSize {
            instance_type: "m5.large".into(),
            min,
            desired,
            max,
            trunking: false,
        }
    }

    #[test]
    fn a_size_set_in_any_order_moves_the_others_and_says_so() {
        // Lesson 14's 3/3/3 group: Max 2 first lowers desired and min with it.
        let ((min, desired, max), notes) = resize(&group(3, 3, 3), SizeField::Max, 2);
        assert_eq!((min, desired, max), (2, 2, 2));
        assert_eq!(
            notes,
            [
                "minSize lowered from 3 to 2",
                "desiredCapacity lowered from 3 to 2"
            ]
        );
        let (sizes, notes) = resize(&group(1, 2, 4), SizeField::Desired, 6);
        assert_eq!((sizes, notes.len()), ((1, 6, 6), 1));
        assert_eq!(notes[0], "maxSize raised from 4 to 6");
        let (sizes, notes) = resize(&group(1, 2, 4), SizeField::Min, 3);
        assert_eq!(sizes, (3, 3, 4));
        assert_eq!(notes, ["desiredCapacity raised from 2 to 3"]);
        // Inside the bounds nothing else moves.
        let (sizes, notes) = resize(&group(1, 2, 4), SizeField::Desired, 3);
        assert_eq!((sizes, notes.is_empty()), ((1, 3, 4), true));
    }
}
