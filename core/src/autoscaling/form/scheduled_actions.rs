//! The scheduled actions form: a service's scheduled actions (`scheduledActions`, API PutScheduledAction and
//! DeleteScheduledAction): listing them in document order, adding one, setting the schedule and
//! the new MinCapacity/MaxCapacity of the action named X, removing one. Schedules are checked
//! with the parser resolve uses (`at(...)` from the run's start at 1970-01-01T00:00:00, or
//! `rate(...)`), capacities with resolve's rules.

use super::shared::{is_for, registered_id, resource_id};
use crate::autoscaling::resolve::{
    MAX_SCHEDULED_ACTIONS, MAX_SCHEDULED_ACTIONS_PER_TARGET, SCALABLE_DIMENSION, SERVICE_NAMESPACE,
};
use crate::autoscaling::rules::check_target_action;
use crate::autoscaling::schedule::parse_schedule;
use crate::form::refusal;
use crate::form::value::{array, array_mut, text};
use crate::problem::Problem;
use serde_json::{json, Map, Value};

/// The schedule a new action starts with: half an hour into the run.
pub const DEFAULT_SCHEDULE: &str = "at(1970-01-01T00:30:00)";

/// One scheduled action as the form shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledActionSettings {
    /// `scheduledActionName` (how the edits find it; not changed by them).
    pub name: String,
    /// `schedule`: `at(yyyy-mm-ddThh:mm:ss)` or `rate(value unit)`.
    pub schedule: String,
    /// `scalableTargetAction.minCapacity`.
    pub min_capacity: Option<u32>,
    /// `scalableTargetAction.maxCapacity`.
    pub max_capacity: Option<u32>,
}

/// Every scheduled action of the service, in document order (empty without a service).
pub fn scheduled_actions(doc: &Value, service: &str) -> Vec<ScheduledActionSettings> {
    let Some(id) = resource_id(doc, service) else {
        return Vec::new();
    };
    let cap = |a: &Value, k: &str| {
        a.pointer(&format!("/scalableTargetAction/{k}"))
            .and_then(Value::as_u64)
            .map(|n| n.min(u64::from(u32::MAX)) as u32)
    };
    array(doc, "scheduledActions")
        .iter()
        .filter(|a| is_for(a, &id))
        .map(|a| ScheduledActionSettings {
            name: text(a, "scheduledActionName"),
            schedule: text(a, "schedule"),
            min_capacity: cap(a, "minCapacity"),
            max_capacity: cap(a, "maxCapacity"),
        })
        .collect()
}

/// PutScheduledAction for a new action named `<service>-scheduled` (or `-2` …) at
/// [`DEFAULT_SCHEDULE`] that sets the target's current MinCapacity and MaxCapacity (a no-op
/// to edit from); returns its name. Refuses beyond 200 actions per scalable target.
pub fn add_scheduled_action(doc: &mut Value, service: &str) -> Result<String, String> {
    let id = registered_id(doc, service)?;
    let all = array(doc, "scheduledActions");
    let taken: Vec<&str> = all
        .iter()
        .filter(|a| is_for(a, &id))
        .filter_map(|a| a.get("scheduledActionName").and_then(Value::as_str))
        .collect();
    if taken.len() >= MAX_SCHEDULED_ACTIONS_PER_TARGET || all.len() >= MAX_SCHEDULED_ACTIONS {
        return Err(format!(
            "scheduledActions: at most {MAX_SCHEDULED_ACTIONS_PER_TARGET} scheduled actions per scalable target"
        ));
    }
    let base = format!("{service}-scheduled");
    let name = std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|n| !taken.contains(&n.as_str()))
        .unwrap_or(base);
    let target = array(doc, "scalableTargets")
        .iter()
        .find(|t| is_for(t, &id))
        .cloned()
        .unwrap_or_default();
    let action = json!({
        "scheduledActionName": name, "serviceNamespace": SERVICE_NAMESPACE, "resourceId": id,
        "scalableDimension": SCALABLE_DIMENSION, "schedule": DEFAULT_SCHEDULE,
        "scalableTargetAction": {
            "minCapacity": target.get("minCapacity").and_then(Value::as_u64).unwrap_or(0),
            "maxCapacity": target.get("maxCapacity").and_then(Value::as_u64).unwrap_or(0) } });
    array_mut(doc, "scheduledActions")?.push(action);
    Ok(name)
}

/// PutScheduledAction on the existing action named `a.name`: its schedule and capacities
/// (at least one; min ≤ max ≤ 5,000). Refusals name the field; the document is then unchanged.
pub fn set_scheduled_action(
    doc: &mut Value,
    service: &str,
    a: &ScheduledActionSettings,
) -> Result<(), String> {
    let mut problems = Vec::new();
    if let Err(e) = parse_schedule(a.schedule.trim()) {
        problems.push(Problem::new("schedule", e));
    }
    problems.extend(check_target_action(a.min_capacity, a.max_capacity));
    refusal(problems)?;
    let action = action_mut(doc, service, &a.name)?;
    action.insert("schedule".into(), json!(a.schedule.trim()));
    let mut target = action
        .get("scalableTargetAction")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    for (key, v) in [
        ("minCapacity", a.min_capacity),
        ("maxCapacity", a.max_capacity),
    ] {
        match v {
            Some(n) => target.insert(key.into(), json!(n)),
            None => target.shift_remove(key),
        };
    }
    action.insert("scalableTargetAction".into(), Value::Object(target));
    Ok(())
}

/// DeleteScheduledAction: removes the service's action named `name`; the others stay.
pub fn remove_scheduled_action(doc: &mut Value, service: &str, name: &str) -> Result<(), String> {
    let id = registered_id(doc, service)?;
    let actions = array_mut(doc, "scheduledActions")?;
    let i = actions
        .iter()
        .position(|a| is_for(a, &id) && has_name(a, name))
        .ok_or_else(|| no_action(service, name))?;
    actions.remove(i);
    Ok(())
}

fn action_mut<'a>(
    doc: &'a mut Value,
    service: &str,
    name: &str,
) -> Result<&'a mut Map<String, Value>, String> {
    let id = registered_id(doc, service)?;
    array_mut(doc, "scheduledActions")?
        .iter_mut()
        .find(|a| is_for(a, &id) && has_name(a, name))
        .and_then(Value::as_object_mut)
        .ok_or_else(|| no_action(service, name))
}

fn no_action(service: &str, name: &str) -> String {
    format!("scheduledActionName: service {service} has no scheduled action named '{name}'")
}

fn has_name(a: &Value, name: &str) -> bool {
    a.get("scheduledActionName").and_then(Value::as_str) == Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::test_support::doc;

    const STEP: &str = include_str!("../../scenario/examples/step-scaling-schedule.json");

    fn evening() -> ScheduledActionSettings {
        ScheduledActionSettings {
            name: "evening-rush".into(),
            schedule: "at(1970-01-01T00:40:00)".into(),
            min_capacity: Some(14),
            max_capacity: Some(20),
        }
    }

    #[test]
    fn lists_the_example_action() {
        assert_eq!(scheduled_actions(&doc(STEP), "api"), [evening()]);
        assert!(scheduled_actions(&doc(STEP), "nope").is_empty());
    }

    #[test]
    fn refusals_name_the_field_and_change_nothing() {
        let mut d = doc(STEP);
        let before = d.clone();
        let bad = [
            (
                ScheduledActionSettings {
                    schedule: "every evening".into(),
                    ..evening()
                },
                "schedule must be at(",
            ),
            (
                ScheduledActionSettings {
                    // Both day fields given: one of them must be `?`.
                    schedule: "cron(0 18 * * MON-FRI *)".into(),
                    ..evening()
                },
                "schedule: cron: exactly one of day-of-month and day-of-week",
            ),
            (
                ScheduledActionSettings {
                    schedule: "at(1970-13-01T00:00:00)".into(),
                    ..evening()
                },
                "schedule: '1970-13-01T00:00:00' is not",
            ),
            (
                ScheduledActionSettings {
                    schedule: "rate(1 minutes)".into(),
                    ..evening()
                },
                "schedule: rate unit",
            ),
            (
                ScheduledActionSettings {
                    min_capacity: None,
                    max_capacity: None,
                    ..evening()
                },
                "scalableTargetAction: give minCapacity",
            ),
            (
                ScheduledActionSettings {
                    min_capacity: Some(21),
                    ..evening()
                },
                "minCapacity must not exceed maxCapacity",
            ),
            (
                ScheduledActionSettings {
                    max_capacity: Some(5001),
                    ..evening()
                },
                "scalableTargetAction: capacities must be at most 5000",
            ),
            (
                ScheduledActionSettings {
                    name: "nope".into(),
                    ..evening()
                },
                "scheduledActionName",
            ),
        ];
        for (a, words) in bad {
            let err = set_scheduled_action(&mut d, "api", &a).unwrap_err();
            assert!(err.starts_with(words), "{err} (expected {words})");
        }
        assert_eq!(d, before);
        d["scalableTargets"] = json!([]);
        assert!(add_scheduled_action(&mut d, "api")
            .unwrap_err()
            .starts_with("resourceId"));
    }
}
