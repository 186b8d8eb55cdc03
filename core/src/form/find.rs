//! Finding a service or an Auto Scaling group capacity provider of the document by name, and
//! the messages a form gives when there is none.

use super::value::array;
use serde_json::{Map, Value};

/// The index in `doc[list]` of the entry whose `key` is `name`.
fn index_of(doc: &Value, list: &str, key: &str, name: &str) -> Option<usize> {
    array(doc, list)
        .iter()
        .position(|e| e.get(key).and_then(Value::as_str) == Some(name))
}

/// The service named `name` (its `serviceName`).
pub(crate) fn find_service<'a>(doc: &'a Value, name: &str) -> Option<&'a Value> {
    array(doc, "services").get(index_of(doc, "services", "serviceName", name)?)
}

/// Where the service named `name` is in the document (`services[2]`): a form asks an open
/// lesson's lock about the paths under it, to draw a locked field disabled.
pub fn service_path(doc: &Value, name: &str) -> Option<String> {
    index_of(doc, "services", "serviceName", name).map(|i| format!("services[{i}]"))
}

/// Where the `autoScalingGroupProvider` of the capacity provider named `name` is
/// (`capacityProviders[0].autoScalingGroupProvider`), as [`service_path`].
pub fn group_provider_path(doc: &Value, name: &str) -> Option<String> {
    index_of(doc, "capacityProviders", "name", name)
        .map(|i| format!("capacityProviders[{i}].autoScalingGroupProvider"))
}

/// The service named `name` as an object to edit, or [`no_service`].
pub(crate) fn service_mut<'a>(
    doc: &'a mut Value,
    name: &str,
) -> Result<&'a mut Map<String, Value>, String> {
    doc.get_mut("services")
        .and_then(Value::as_array_mut)
        .and_then(|list| {
            list.iter_mut()
                .find(|s| s.get("serviceName").and_then(Value::as_str) == Some(name))
        })
        .and_then(Value::as_object_mut)
        .ok_or_else(|| no_service(name))
}

/// Why an edit of the service named `name` cannot apply: there is none.
pub(crate) fn no_service(name: &str) -> String {
    format!("there is no service named '{name}' in the scenario")
}

/// The cluster a service runs in (`cluster`, `default` when absent, as in ECS).
pub(crate) fn service_cluster(service: &Value) -> &str {
    service
        .get("cluster")
        .and_then(Value::as_str)
        .unwrap_or("default")
}

/// The `autoScalingGroupProvider` of the capacity provider named `name`.
pub(crate) fn group_provider<'a>(doc: &'a Value, name: &str) -> Option<&'a Value> {
    array(doc, "capacityProviders")
        .get(index_of(doc, "capacityProviders", "name", name)?)?
        .get("autoScalingGroupProvider")
}

/// The `autoScalingGroupProvider` of the capacity provider named `name`, to edit.
pub(crate) fn group_provider_mut<'a>(doc: &'a mut Value, name: &str) -> Option<&'a mut Value> {
    doc.get_mut("capacityProviders")
        .and_then(Value::as_array_mut)
        .and_then(|list| {
            list.iter_mut()
                .find(|p| p.get("name").and_then(Value::as_str) == Some(name))
        })
        .and_then(|p| p.get_mut("autoScalingGroupProvider"))
}

/// Why an edit of the Auto Scaling group provider named `name` cannot apply: there is none.
pub(crate) fn no_group_provider(name: &str) -> String {
    format!("there is no Auto Scaling group capacity provider named '{name}'")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_service_and_a_group_provider_are_found_where_they_are() {
        let doc = json!({
            "services": [{"serviceName": "a"}, {"serviceName": "b"}],
            "capacityProviders": [{"name": "FARGATE"}, {"name": "asg", "autoScalingGroupProvider": {}}]
        });
        assert_eq!(service_path(&doc, "b").as_deref(), Some("services[1]"));
        assert_eq!(service_path(&doc, "c"), None);
        assert_eq!(
            group_provider_path(&doc, "asg").as_deref(),
            Some("capacityProviders[1].autoScalingGroupProvider")
        );
        assert_eq!(group_provider_path(&json!({}), "asg"), None);
    }
}
