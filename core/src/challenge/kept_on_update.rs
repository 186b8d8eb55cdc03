//! A lesson's answer changes a service that is already running, so ECS reads it as an
//! UpdateService: a key whose update default is "the service's existing value" but whose create
//! default differs cannot be left out to get the create default. API UpdateService,
//! `availabilityZoneRebalancing`: "For create service requests, when no value is specified …
//! Amazon ECS defaults the value to ENABLED. For update service requests, when no value is
//! specified … Amazon ECS defaults to the service's existing value". Lesson 16 starts DISABLED;
//! deleting the key passed Check (the scenario is read as created), where ECS would have kept
//! DISABLED.

use crate::problem::Problem;
use serde_json::Value;

/// Service keys with that asymmetry (API UpdateService).
const KEPT: &[&str] = &["availabilityZoneRebalancing"];

/// The keys a start's service sets that `submitted`'s service of the same `serviceName` leaves
/// out, each a problem at its path in `submitted` saying what ECS would do.
pub fn left_out(start: &Value, submitted: &Value) -> Vec<Problem> {
    let (Some(before), Some(after)) = (services(start), services(submitted)) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (i, now) in after.iter().enumerate() {
        let Some(name) = now.get("serviceName") else {
            continue;
        };
        let Some(was) = before.iter().find(|w| w.get("serviceName") == Some(name)) else {
            continue;
        };
        for key in KEPT {
            if let (Some(value), None) = (was.get(*key), now.get(*key)) {
                let shown = value
                    .as_str()
                    .map_or_else(|| value.to_string(), str::to_string);
                found.push(Problem::new(
                    format!("services[{i}].{key}"),
                    format!(
                        "left out: the service already runs with {shown}, and an UpdateService without {key} keeps it (only a new service gets the default); write the value you want"
                    ),
                ));
            }
        }
    }
    found
}

/// A document's `services` list.
fn services(doc: &Value) -> Option<&Vec<Value>> {
    doc.get("services").and_then(Value::as_array)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn leaving_out_az_rebalancing_keeps_the_running_services_value() {
        let start = json!({"services": [{"serviceName": "web", "availabilityZoneRebalancing": "DISABLED"}]});
        let deleted = json!({"services": [{"serviceName": "web"}]});
        let found = left_out(&start, &deleted);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "services[0].availabilityZoneRebalancing");
        assert!(found[0].message.contains("already runs with DISABLED"));
        let written =
            json!({"services": [{"serviceName": "web", "availabilityZoneRebalancing": "ENABLED"}]});
        assert!(left_out(&start, &written).is_empty());
        // A start without the key: the answer may leave it out too.
        assert!(left_out(&deleted, &deleted).is_empty());
    }
}
