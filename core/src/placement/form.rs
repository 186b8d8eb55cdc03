//! The placement form: a service's `placementStrategy` and `placementConstraints`, checked with
//! the rules resolve uses ([`super::rules`]) so the form never writes what the scenario would
//! then reject. It edits the scenario as JSON (see [`crate::form`]).

use super::rules::{self, RuleError};
use super::spec::{PlacementConstraintSpec, PlacementStrategySpec};
use crate::form::find::{find_service, service_mut};
use crate::form::value::{list_of, set_or_remove};
use serde_json::Value;

/// The API's limits on a service's placement lists, which the form's add buttons respect.
pub use super::rules::{MAX_PLACEMENT_CONSTRAINTS, MAX_PLACEMENT_STRATEGIES};

/// A service's placement strategies and constraints (entries that do not read are skipped).
pub fn placement(
    doc: &Value,
    service: &str,
) -> (Vec<PlacementStrategySpec>, Vec<PlacementConstraintSpec>) {
    let Some(s) = find_service(doc, service) else {
        return (Vec::new(), Vec::new());
    };
    (
        list_of(s, "placementStrategy"),
        list_of(s, "placementConstraints"),
    )
}

/// Sets the service's placement strategies (applied in order; at most 5).
pub fn set_placement_strategy(
    doc: &mut Value,
    service: &str,
    items: &[PlacementStrategySpec],
) -> Result<(), String> {
    set_placement_list(
        doc,
        service,
        items,
        PlacementList {
            key: "placementStrategy",
            noun: ("strategy", "placement strategies"),
            max: MAX_PLACEMENT_STRATEGIES,
            check: |p| rules::strategy(p).map(drop),
        },
    )
}

/// Sets the service's placement constraints (all must hold; at most 10).
pub fn set_placement_constraints(
    doc: &mut Value,
    service: &str,
    items: &[PlacementConstraintSpec],
) -> Result<(), String> {
    set_placement_list(
        doc,
        service,
        items,
        PlacementList {
            key: "placementConstraints",
            noun: ("constraint", "placement constraints"),
            max: MAX_PLACEMENT_CONSTRAINTS,
            check: |c| rules::constraint(c).map(drop),
        },
    )
}

/// The expression a new `memberOf` row starts with: every instance type the scenario declares
/// (`attribute:ecs.instance-type in [m5.large, r5.large]`), so adding the row changes nothing
/// until it is narrowed, and it shows the types there are to choose from. A fixed `m5.*` was
/// applied at once and, in a lesson about r5 instances, did the opposite of the lesson
/// (a student's walkthrough, 2026-12-05). No type declared: a test every Linux instance passes.
pub fn member_of_start(doc: &Value) -> String {
    fn collect<'a>(v: &'a Value, out: &mut std::collections::BTreeSet<&'a str>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    match (k.as_str(), x) {
                        ("instanceType", Value::String(t)) => {
                            out.insert(t);
                        }
                        _ => collect(x, out),
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
            _ => {}
        }
    }
    let mut types = std::collections::BTreeSet::new();
    collect(doc, &mut types);
    if types.is_empty() {
        return "attribute:ecs.os-type == linux".to_string();
    }
    let list: Vec<&str> = types.into_iter().collect();
    format!("attribute:ecs.instance-type in [{}]", list.join(", "))
}

/// What differs between the two placement lists of a service.
struct PlacementList<T> {
    /// The service's key.
    key: &'static str,
    /// (one item, the list) as messages name them.
    noun: (&'static str, &'static str),
    /// The API's limit on items.
    max: usize,
    /// The rule one item must follow.
    check: fn(&T) -> Result<(), RuleError>,
}

/// Checks and writes one placement list (an empty list removes the key).
fn set_placement_list<T: serde::Serialize>(
    doc: &mut Value,
    service: &str,
    items: &[T],
    list: PlacementList<T>,
) -> Result<(), String> {
    if items.len() > list.max {
        return Err(format!(
            "a service can have at most {} {}",
            list.max, list.noun.1
        ));
    }
    for (i, item) in items.iter().enumerate() {
        (list.check)(item)
            .map_err(|e| format!("{} {} {}: {}", list.noun.0, i + 1, e.key, e.message))?;
    }
    let value = serde_json::to_value(items).map_err(|e| e.to_string())?;
    set_or_remove(service_mut(doc, service)?, list.key, value);
    Ok(())
}
