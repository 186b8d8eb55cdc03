//! `update-service --task-definition`: pointing a service at any registered revision, of its own
//! family or another (API UpdateService `taskDefinition`: "The family and revision
//! (family:revision) or full ARN of the task definition to run in your service"). An engineer
//! who registered a pasted definition as a new family found no way to run it but editing the
//! Scenario JSON (walkthrough, 2026-12-06).
//!
//! A revision of another network mode needs the service's `networkConfiguration` to follow, as
//! the network mode field's switch does ([`super::form::set_network_mode`]): ECS requires one for
//! awsvpc and refuses it for any other mode.

use super::form::{definition, public_ip_disabled, resolve_reference};
use super::network_memory::{Holder, NetworkMemory};
use crate::form::find::service_mut;
use crate::form::value::array;
use serde_json::{json, Value};

/// What the change did to the service's `networkConfiguration`, for the form to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkFollowed {
    /// Nothing to do: the modes agree with what the service has.
    Unchanged,
    /// An awsvpc revision and no configuration kept: one over all the scenario's subnets.
    AddedAllSubnets,
    /// An awsvpc revision: the configuration an earlier switch away took, given back.
    Restored,
    /// Another mode: the awsvpc configuration is taken out and kept for a switch back.
    LeftOut,
}

/// The revisions a service can be pointed at, as references: each family as itself (its
/// latest revision), then `family:1` … `family:n`, families in order of first registration.
pub fn references(doc: &Value) -> Vec<String> {
    super::form::families(doc)
        .into_iter()
        .flat_map(|f| {
            let n = f.latest_revision();
            std::iter::once(f.family.clone())
                .chain((1..=n).map(move |r| format!("{}:{r}", f.family)))
        })
        .collect()
}

/// Sets service `service`'s `taskDefinition` to `reference` (`family`, `family:3` or an ARN of
/// a revision in the scenario) and makes its `networkConfiguration` follow the revision's
/// network mode, keeping what it takes out in `memory`.
pub fn set_service_task_definition(
    doc: &mut Value,
    service: &str,
    reference: &str,
    memory: &mut NetworkMemory,
) -> Result<NetworkFollowed, String> {
    let index = resolve_reference(doc, reference)
        .ok_or_else(|| format!("no task definition '{reference}' is registered in the scenario"))?;
    let awsvpc = definition(doc, index)
        .and_then(|d| d.get("networkMode"))
        .and_then(Value::as_str)
        == Some("awsvpc");
    let subnets: Vec<Value> = array(doc, "subnets")
        .iter()
        .filter_map(|s| s.get("subnetId").cloned())
        .collect();
    let s = service_mut(doc, service)?;
    s.insert("taskDefinition".into(), json!(reference));
    let holder = Holder::Service(service.to_string());
    let has_config = s.contains_key("networkConfiguration");
    Ok(match (awsvpc, has_config) {
        (true, false) if !subnets.is_empty() => {
            let (config, followed) = match memory.take(&holder, &subnets) {
                Some(mut kept) => {
                    if crate::form::capacity::entry_on_instances(s) == Some(true) {
                        public_ip_disabled(&mut kept);
                    }
                    (kept, NetworkFollowed::Restored)
                }
                None => (
                    json!({ "awsvpcConfiguration": { "subnets": subnets } }),
                    NetworkFollowed::AddedAllSubnets,
                ),
            };
            s.insert("networkConfiguration".into(), config);
            followed
        }
        (false, true) => {
            if let Some(config) = s.shift_remove("networkConfiguration") {
                memory.keep(holder, config);
            }
            NetworkFollowed::LeftOut
        }
        _ => NetworkFollowed::Unchanged,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Value {
        json!({
            "subnets": [
                { "subnetId": "subnet-a", "availabilityZone": "us-east-1a" },
                { "subnetId": "subnet-b", "availabilityZone": "us-east-1b" }],
            "taskDefinitions": [
                { "family": "web", "networkMode": "bridge", "containerDefinitions": [] },
                { "family": "web", "networkMode": "bridge", "containerDefinitions": [] },
                { "family": "fargate-app", "networkMode": "awsvpc", "containerDefinitions": [] }],
            "services": [{ "serviceName": "web", "taskDefinition": "web:2", "launchType": "EC2" }]
        })
    }

    #[test]
    fn every_family_and_revision_is_offered() {
        assert_eq!(
            references(&doc()),
            ["web", "web:1", "web:2", "fargate-app", "fargate-app:1"]
        );
    }

    #[test]
    fn another_family_of_awsvpc_brings_a_network_configuration_and_back_takes_it_out() {
        let mut d = doc();
        let mut memory = NetworkMemory::default();
        let followed = set_service_task_definition(&mut d, "web", "fargate-app", &mut memory);
        assert_eq!(followed, Ok(NetworkFollowed::AddedAllSubnets));
        assert_eq!(d["services"][0]["taskDefinition"], "fargate-app");
        assert_eq!(
            d["services"][0]["networkConfiguration"],
            json!({ "awsvpcConfiguration": { "subnets": ["subnet-a", "subnet-b"] } })
        );
        // Security groups typed since come back after a round trip through bridge.
        d["services"][0]["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"] =
            json!(["sg-1"]);
        let back = set_service_task_definition(&mut d, "web", "web:1", &mut memory);
        assert_eq!(back, Ok(NetworkFollowed::LeftOut));
        assert!(d["services"][0].get("networkConfiguration").is_none());
        let again = set_service_task_definition(&mut d, "web", "fargate-app:1", &mut memory);
        assert_eq!(again, Ok(NetworkFollowed::Restored));
        assert_eq!(
            d["services"][0]["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"],
            json!(["sg-1"])
        );
    }

    #[test]
    fn a_revision_of_the_same_mode_changes_only_the_reference() {
        let mut d = doc();
        let before = d.clone();
        let mut memory = NetworkMemory::default();
        let followed = set_service_task_definition(&mut d, "web", "web:1", &mut memory);
        assert_eq!(followed, Ok(NetworkFollowed::Unchanged));
        let mut expected = before;
        expected["services"][0]["taskDefinition"] = json!("web:1");
        assert_eq!(d, expected);
    }

    #[test]
    fn an_unknown_revision_or_service_is_refused_and_nothing_changes() {
        let mut d = doc();
        let before = d.clone();
        let mut memory = NetworkMemory::default();
        let e = set_service_task_definition(&mut d, "web", "web:3", &mut memory);
        assert_eq!(
            e,
            Err("no task definition 'web:3' is registered in the scenario".to_string())
        );
        assert!(set_service_task_definition(&mut d, "api", "web:1", &mut memory).is_err());
        assert_eq!(d, before);
    }
}
