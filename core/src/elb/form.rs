//! The load balancer form: the deregistration delay of the target group a service's first
//! `loadBalancers` entry names. A lesson asks for it (lesson 8), and before this form only the
//! Scenario JSON could set it (student walkthrough, 2026-12-05). Also attaching a service to a
//! new target group and detaching it: an engineer trying a deployment setting behind a load
//! balancer had to write the target group and the `loadBalancers` entry by hand.

use crate::form::find::{find_service, no_service, service_mut};
use crate::form::value::{array, array_mut, text};
use crate::taskdef::form::{definition, resolve_reference};
use serde_json::{json, Value};

/// The highest `deregistrationDelaySeconds` (ALB target group attribute
/// `deregistration_delay.timeout_seconds`: 0–3600 s).
pub const MAX_DEREGISTRATION_DELAY_SECONDS: u32 = 3600;

/// The target group a service sends traffic to, as the form shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceTargetGroup {
    /// Its index in `targetGroups`.
    pub index: usize,
    /// `targetGroupName`.
    pub name: String,
    /// `deregistrationDelaySeconds`, or the default when the key is absent.
    pub deregistration_delay_seconds: u32,
}

/// The target group named by the first `loadBalancers` entry of the service named `service`
/// (`targetGroupArn`, by name or ARN as the scenario resolves it), if it is declared.
pub fn service_target_group(doc: &Value, service: &str) -> Option<ServiceTargetGroup> {
    let reference = find_service(doc, service)?
        .get("loadBalancers")?
        .as_array()?
        .first()?
        .get("targetGroupArn")?
        .as_str()?;
    let name = super::resolve::group_name(reference)?;
    let groups = doc.get("targetGroups")?.as_array()?;
    let index = groups
        .iter()
        .position(|g| g.get("targetGroupName").and_then(Value::as_str) == Some(name))?;
    let delay = groups[index]
        .get("deregistrationDelaySeconds")
        .and_then(Value::as_u64)
        .and_then(|d| u32::try_from(d).ok())
        .unwrap_or(super::resolve::DEFAULT_DEREGISTRATION_DELAY_SECONDS);
    Some(ServiceTargetGroup {
        index,
        name: name.to_string(),
        deregistration_delay_seconds: delay,
    })
}

/// Sets the deregistration delay of the service's target group to `seconds` (0–3600), or says
/// why not (the document is then unchanged).
pub fn set_deregistration_delay(
    doc: &mut Value,
    service: &str,
    seconds: u32,
) -> Result<(), String> {
    if seconds > MAX_DEREGISTRATION_DELAY_SECONDS {
        return Err(format!(
            "deregistrationDelaySeconds must be between 0 and {MAX_DEREGISTRATION_DELAY_SECONDS}; got {seconds}"
        ));
    }
    if find_service(doc, service).is_none() {
        return Err(no_service(service));
    }
    let group = service_target_group(doc, service).ok_or_else(|| {
        format!("service '{service}' has no load balancer target group declared in targetGroups")
    })?;
    let slot = doc
        .get_mut("targetGroups")
        .and_then(Value::as_array_mut)
        .and_then(|g| g.get_mut(group.index))
        .and_then(Value::as_object_mut)
        .ok_or("targetGroups is not a list of objects")?;
    slot.insert("deregistrationDelaySeconds".into(), Value::from(seconds));
    Ok(())
}

/// The longest target group name (ELB API CreateTargetGroup: at most 32 characters).
const MAX_TARGET_GROUP_NAME: usize = 32;

/// Sends the service named `service` through a new Application Load Balancer target group:
/// `targetGroups` gains one named after the service (`web-tg`, with every default: HTTP,
/// health checks on `/`, a 300 s deregistration delay; its target type follows the task's
/// network mode), and the service a `loadBalancers` entry for the first container of its task
/// definition that maps a port (the essential ones first). Returns one sentence per change, as
/// the other forms say what they filled in; refuses a service that already has a load
/// balancer, or whose containers map no port (the load balancer sends requests to one).
pub fn attach_load_balancer(doc: &mut Value, service: &str) -> Result<Vec<String>, String> {
    let svc = find_service(doc, service).ok_or_else(|| no_service(service))?;
    if !array(svc, "loadBalancers").is_empty() {
        return Err(format!("service '{service}' already has a load balancer"));
    }
    let reference = text(svc, "taskDefinition");
    let td = resolve_reference(doc, &reference)
        .and_then(|i| definition(doc, i))
        .ok_or_else(|| {
            format!("service '{service}' names no task definition of the scenario ('{reference}')")
        })?;
    let (container, port) = served_port(td).ok_or_else(|| {
        format!("no container of task definition {reference} maps a port: add a portMappings entry (containerPort) first, since the load balancer sends requests to a container port")
    })?;
    let name = free_group_name(doc, service);
    array_mut(doc, "targetGroups")?.push(json!({ "targetGroupName": name }));
    service_mut(doc, service)?.insert(
        "loadBalancers".into(),
        json!([{ "targetGroupArn": name, "containerName": container, "containerPort": port }]),
    );
    Ok(vec![
        format!("Added target group {name} (targetGroups), with the defaults: HTTP, health checks on /, deregistration delay 300 s."),
        format!("Service {service} now registers container {container}, port {port}, in {name} (loadBalancers)."),
    ])
}

/// Takes the service named `service` off its load balancer: its `loadBalancers` go, and so does
/// each target group they named that no other service uses. One sentence per change.
pub fn detach_load_balancer(doc: &mut Value, service: &str) -> Result<Vec<String>, String> {
    let svc = find_service(doc, service).ok_or_else(|| no_service(service))?;
    if array(svc, "loadBalancers").is_empty() {
        // Refused before anything changes, as every form's refusal is.
        return Err(format!("service '{service}' has no load balancer"));
    }
    let named: Vec<String> = group_names(array(svc, "loadBalancers")).collect();
    service_mut(doc, service)?.shift_remove("loadBalancers");
    let still_used: Vec<String> = array(doc, "services")
        .iter()
        .flat_map(|s| group_names(array(s, "loadBalancers")))
        .collect();
    let mut notes = vec![format!(
        "Service {service} no longer uses a load balancer (loadBalancers removed)."
    )];
    let groups = array_mut(doc, "targetGroups")?;
    groups.retain(|g| {
        let n = text(g, "targetGroupName");
        let gone = named.contains(&n) && !still_used.contains(&n);
        if gone {
            notes.push(format!(
                "Removed target group {n} (targetGroups): no other service uses it."
            ));
        }
        !gone
    });
    Ok(notes)
}

/// The target group names `loadBalancers` entries send traffic to (`targetGroupArn`, by name or
/// ARN as the scenario resolves it).
fn group_names(entries: &[Value]) -> impl Iterator<Item = String> + '_ {
    entries
        .iter()
        .filter_map(|e| e.get("targetGroupArn")?.as_str())
        .filter_map(super::resolve::group_name)
        .map(str::to_string)
}

/// The container a load balancer would send requests to, and its port: the first container
/// mapping a `containerPort`, essential containers (the default) before the others.
fn served_port(td: &Value) -> Option<(String, u64)> {
    let containers = array(td, "containerDefinitions");
    let essential = |c: &&Value| c.get("essential").and_then(Value::as_bool) != Some(false);
    let mapped = |c: &Value| {
        let port = array(c, "portMappings")
            .iter()
            .find_map(|m| m.get("containerPort")?.as_u64())?;
        Some((text(c, "name"), port))
    };
    containers
        .iter()
        .filter(essential)
        .find_map(mapped)
        .or_else(|| containers.iter().find_map(mapped))
}

/// A target group name for `service` that the scenario does not use yet: its letters and digits
/// (a target group name allows only those and hyphens) and `-tg`, then `-tg-2`, `-tg-3`…
fn free_group_name(doc: &Value, service: &str) -> String {
    let mut base: String = service
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    base = base.trim_matches('-').to_string();
    if base.is_empty() {
        base = "service".into();
    }
    let taken = |n: &str| {
        array(doc, "targetGroups")
            .iter()
            .any(|g| text(g, "targetGroupName") == n)
    };
    (1..)
        .map(|k| {
            let suffix = if k == 1 {
                "-tg".to_string()
            } else {
                format!("-tg-{k}")
            };
            let keep = MAX_TARGET_GROUP_NAME - suffix.len();
            let stem: String = base.chars().take(keep).collect();
            format!("{}{suffix}", stem.trim_end_matches('-'))
        })
        .find(|n| !taken(n))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc() -> Value {
        json!({
            "services": [
                {"serviceName": "web", "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123456789abcdef", "containerName": "app", "containerPort": 80}]},
                {"serviceName": "worker"}
            ],
            "targetGroups": [{"targetGroupName": "other"}, {"targetGroupName": "web-tg"}]
        })
    }

    #[test]
    fn the_form_reads_and_sets_the_delay_of_the_service_target_group() {
        let mut d = doc();
        let g = service_target_group(&d, "web").unwrap();
        assert_eq!(
            (g.index, g.name.as_str(), g.deregistration_delay_seconds),
            (1, "web-tg", 300)
        );
        set_deregistration_delay(&mut d, "web", 30).unwrap();
        assert_eq!(d["targetGroups"][1]["deregistrationDelaySeconds"], 30);
        assert_eq!(
            service_target_group(&d, "web")
                .unwrap()
                .deregistration_delay_seconds,
            30
        );
        assert!(d["targetGroups"][0]
            .get("deregistrationDelaySeconds")
            .is_none());
    }

    #[test]
    fn the_form_refuses_a_delay_out_of_range_or_a_service_without_a_target_group() {
        let mut d = doc();
        let before = d.clone();
        assert_eq!(
            set_deregistration_delay(&mut d, "web", 3601).unwrap_err(),
            "deregistrationDelaySeconds must be between 0 and 3600; got 3601"
        );
        assert!(set_deregistration_delay(&mut d, "worker", 30).is_err());
        assert!(set_deregistration_delay(&mut d, "nope", 30).is_err());
        assert_eq!(d, before);
        assert_eq!(service_target_group(&d, "worker"), None);
    }
}
