//! The service's `taskDefinition` in the Service settings form: any registered revision, of
//! its own family or another (API CreateService / UpdateService `taskDefinition`: "The family
//! and revision (family:revision) or full ARN of the task definition to run in your service").
//! An engineer who registered a pasted definition as a new family found no way to run it but
//! editing the Scenario JSON (walkthrough, 2026-12-06). Like every form edit it changes the
//! scenario, which restarts the run: the service starts on that revision (a rolling update to
//! it is the Deployments panel's live UpdateService).
//!
//! A revision of another network mode takes the service's `networkConfiguration` along, as the
//! network mode field does ([`follow_network_mode`]): ECS requires one for awsvpc and refuses
//! it for any other mode.

use crate::form::find::service_mut;
use crate::form::value::array;
pub use crate::taskdef::form::NetworkFollowed;
use crate::taskdef::form::{definition, families, follow_network_mode, resolve_reference};
use crate::taskdef::network_memory::{Holder, NetworkMemory};
use serde_json::Value;

/// The revisions a service can be pointed at, as references: each family as itself (its
/// latest revision), then `family:1` … `family:n`, families in order of first registration.
pub fn references(doc: &Value) -> Vec<String> {
    families(doc)
        .into_iter()
        .flat_map(|f| {
            let n = f.latest_revision();
            std::iter::once(f.family.clone())
                .chain((1..=n).map(move |r| format!("{}:{r}", f.family)))
        })
        .collect()
}

/// The revision `reference` names in the scenario, as `family:revision` (a family alone is its
/// latest): what the service starts on. The form compares it with the revision the service
/// runs now, so a live update-service is not mistaken for the form's value (walkthrough: after
/// Update service the form showed web:1 beside tasks of web:2, with nothing to say why).
pub fn scenario_revision(doc: &Value, reference: &str) -> Option<String> {
    let index = resolve_reference(doc, reference)?;
    families(doc).into_iter().find_map(|f| {
        let position = f.indices.iter().position(|&i| i == index)?;
        Some(format!("{}:{}", f.family, position + 1))
    })
}

/// Sets service `service`'s `taskDefinition` to `reference` (`family`, `family:3` or an ARN of
/// a revision in the scenario) and makes its `networkConfiguration` follow the revision's
/// network mode, keeping what it takes out in `memory`. Refused, changing nothing, for an
/// unknown revision or service, or an awsvpc revision in a scenario without subnets.
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
    if awsvpc && subnets.is_empty() {
        // As the network mode field refuses it (review, 2026-12-06).
        return Err(format!(
            "{reference} uses awsvpc, whose tasks need subnets: add top-level subnets first"
        ));
    }
    let s = service_mut(doc, service)?;
    s.insert(
        "taskDefinition".into(),
        Value::String(reference.to_string()),
    );
    let holder = Holder::Service(service.to_string());
    Ok(follow_network_mode(s, &holder, awsvpc, &subnets, memory))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_reference_names_the_revision_the_service_starts_on() {
        let d = doc();
        assert_eq!(scenario_revision(&d, "web").as_deref(), Some("web:2"));
        assert_eq!(scenario_revision(&d, "web:1").as_deref(), Some("web:1"));
        assert_eq!(scenario_revision(&d, "nope"), None);
    }

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
    fn an_awsvpc_revision_without_subnets_is_refused_and_nothing_changes() {
        let mut d = doc();
        d.as_object_mut().map(|o| o.remove("subnets"));
        let before = d.clone();
        let mut memory = NetworkMemory::default();
        let e = set_service_task_definition(&mut d, "web", "fargate-app", &mut memory);
        assert_eq!(
            e,
            Err(
                "fargate-app uses awsvpc, whose tasks need subnets: add top-level subnets first"
                    .to_string()
            )
        );
        assert_eq!(d, before);
    }

    #[test]
    fn an_arn_names_a_revision_too() {
        let mut d = doc();
        let mut memory = NetworkMemory::default();
        let arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1";
        assert_eq!(
            set_service_task_definition(&mut d, "web", arn, &mut memory),
            Ok(NetworkFollowed::Unchanged)
        );
        assert_eq!(d["services"][0]["taskDefinition"], arn);
    }

    #[test]
    fn a_kept_public_ip_comes_back_disabled_on_instances() {
        // assignPublicIp ENABLED is refused for a service on EC2 ("Assign public IP is not
        // supported for this launch type"): kept from a Fargate past, it comes back DISABLED.
        let mut d = doc();
        let mut memory = NetworkMemory::default();
        memory.keep(
            Holder::Service("web".into()),
            json!({ "awsvpcConfiguration": { "subnets": ["subnet-a"], "assignPublicIp": "ENABLED" } }),
        );
        let followed = set_service_task_definition(&mut d, "web", "fargate-app", &mut memory);
        assert_eq!(followed, Ok(NetworkFollowed::Restored));
        assert_eq!(
            d["services"][0]["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"],
            "DISABLED"
        );
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
