//! The service form's `networkConfiguration.awsvpcConfiguration` (subnets, security groups,
//! `assignPublicIp`), and what a Fargate choice needs filled in (issue #14: choosing FARGATE in
//! the form used to leave a service with two errors). Edits the scenario as JSON (see
//! [`crate::form`]); the whole scenario is validated after each edit, as with every form.

use crate::form::find::{find_service, service_mut};
use crate::form::value::{array, text};
use crate::taskdef::form::{definition_mut, network_mode, resolve_reference, set_network_mode};
use crate::taskdef::network_memory::NetworkMemory;
use crate::taskdef::{fargate_cpu_values, fargate_memory_values};
use serde_json::{json, Map, Value};

/// ECS API `AwsVpcConfiguration`: at most 16 subnets.
pub const MAX_SUBNETS: usize = 16;
pub use super::security_groups::MAX_SECURITY_GROUPS;

/// What the form shows of a service's awsvpc settings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AwsvpcForm {
    /// The service has a `networkConfiguration` at all.
    pub present: bool,
    /// `subnets`, as written.
    pub subnets: Vec<String>,
    /// `securityGroups`, as written.
    pub security_groups: Vec<String>,
    /// `assignPublicIp` is `ENABLED` (ECS's default is `DISABLED`).
    pub assign_public_ip: bool,
}

/// The scenario's subnets as (subnet ID, Availability Zone), in document order: what the form
/// offers to tick.
pub fn scenario_subnets(doc: &Value) -> Vec<(String, String)> {
    array(doc, "subnets")
        .iter()
        .map(|s| (text(s, "subnetId"), text(s, "availabilityZone")))
        .filter(|(id, _)| !id.is_empty())
        .collect()
}

/// The awsvpc settings of the service named `service` (empty when it has none).
pub fn awsvpc_form(doc: &Value, service: &str) -> AwsvpcForm {
    let Some(config) = find_service(doc, service)
        .and_then(|s| s.get("networkConfiguration"))
        .and_then(|n| n.get("awsvpcConfiguration"))
    else {
        return AwsvpcForm::default();
    };
    let strings = |key: &str| -> Vec<String> {
        array(config, key)
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    AwsvpcForm {
        present: true,
        subnets: strings("subnets"),
        security_groups: strings("securityGroups"),
        assign_public_ip: text(config, "assignPublicIp") == "ENABLED",
    }
}

/// Reads security group IDs typed into one field (separated by commas or spaces); refuses more
/// than [`MAX_SECURITY_GROUPS`] or an ID that does not start with `sg-`.
pub fn parse_security_groups(typed: &str) -> Result<Vec<String>, String> {
    let groups: Vec<String> = typed
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|g| !g.is_empty())
        .map(str::to_string)
        .collect();
    super::security_groups::check_group_count(groups.len())?;
    for g in &groups {
        super::security_groups::check_group_id(g)?;
    }
    Ok(groups)
}

/// `update-service --network-configuration awsvpcConfiguration={…}`: the subnets must be the
/// scenario's (1 to [`MAX_SUBNETS`]); `securityGroups` is left out when empty and
/// `assignPublicIp` is written either way, so the choice shows in the JSON.
pub fn set_awsvpc_configuration(
    doc: &mut Value,
    service: &str,
    subnets: &[String],
    security_groups: &[String],
    assign_public_ip: bool,
) -> Result<(), String> {
    if subnets.is_empty() {
        return Err("awsvpc needs at least one subnet: tick one".into());
    }
    if subnets.len() > MAX_SUBNETS {
        return Err(format!(
            "{} subnets: ECS allows at most {MAX_SUBNETS} per service",
            subnets.len()
        ));
    }
    let known = scenario_subnets(doc);
    if let Some(bad) = subnets
        .iter()
        .find(|s| !known.iter().any(|(id, _)| id == *s))
    {
        return Err(format!(
            "subnet '{bad}' is not one of the scenario's subnets"
        ));
    }
    super::security_groups::check_group_count(security_groups.len())?;
    let mut config = json!({ "subnets": subnets });
    if !security_groups.is_empty() {
        config["securityGroups"] = json!(security_groups);
    }
    config["assignPublicIp"] = json!(if assign_public_ip {
        "ENABLED"
    } else {
        "DISABLED"
    });
    service_mut(doc, service)?.insert(
        "networkConfiguration".into(),
        json!({ "awsvpcConfiguration": config }),
    );
    Ok(())
}

/// After the service named `service` was switched to the FARGATE launch type: fills in what
/// Fargate needs and the form can choose sensibly, and returns one sentence per change (the
/// form shows them). The task definition revision the service runs gets `networkMode` awsvpc
/// (through [`set_network_mode`], which also gives its services and tasks subnets, or the
/// configuration `memory` kept from a switch away from awsvpc), FARGATE among
/// its `requiresCompatibilities`, and, without task-level `cpu`/`memory`, the smallest Fargate
/// size that holds its containers' own; a service still without `networkConfiguration` gets
/// every subnet of the scenario; placement strategies and constraints, which ECS does not
/// support with the Fargate launch type, are removed. The revision is changed in place, as the
/// form's network mode picker does (the run restarts with it).
pub fn fill_for_fargate(
    doc: &mut Value,
    service: &str,
    memory: &mut NetworkMemory,
) -> Result<Vec<String>, String> {
    let mut notes = Vec::new();
    let reference = text(
        find_service(doc, service).ok_or_else(|| crate::form::find::no_service(service))?,
        "taskDefinition",
    );
    if let Some(index) = resolve_reference(doc, &reference) {
        if network_mode(doc, service).as_deref() != Some("awsvpc") {
            let back = set_network_mode(doc, service, "awsvpc", memory)?;
            notes.push(if back.is_empty() {
                format!(
                    "task definition {reference}: networkMode set to awsvpc (the only mode Fargate supports), and its services given the scenario's subnets"
                )
            } else {
                format!(
                    "task definition {reference}: networkMode set to awsvpc (the only mode Fargate supports), and its services given back the networkConfiguration they had before it left awsvpc (subnets, security groups, assignPublicIp)"
                )
            });
        }
        if let Some(td) = definition_mut(doc, index) {
            notes.extend(fargate_task_definition(td, &reference));
        }
    }
    let subnets: Vec<String> = scenario_subnets(doc)
        .into_iter()
        .map(|(id, _)| id)
        .take(MAX_SUBNETS)
        .collect();
    let s = service_mut(doc, service)?;
    if !s.contains_key("networkConfiguration") && !subnets.is_empty() {
        notes.push(format!(
            "networkConfiguration.awsvpcConfiguration.subnets set to the scenario's subnets ({}): Fargate tasks use awsvpc networking and need subnets",
            subnets.join(", ")
        ));
        s.insert(
            "networkConfiguration".into(),
            json!({ "awsvpcConfiguration": { "subnets": subnets, "assignPublicIp": "DISABLED" } }),
        );
    }
    for key in ["placementStrategy", "placementConstraints"] {
        if s.shift_remove(key).is_some() {
            notes.push(format!(
                "{key} removed: ECS does not support placement strategies or constraints with the Fargate launch type"
            ));
        }
    }
    Ok(notes)
}

/// After the service named `service` was switched to the EC2 launch type: a task definition
/// revision whose `requiresCompatibilities` lists others but not EC2 gets EC2 (the switch left
/// "Task definition does not support launch_type EC2." before, an engineer's walkthrough); one
/// sentence per change, as [`fill_for_fargate`] gives. A definition without the list is already
/// EC2-compatible.
pub fn fill_for_ec2(doc: &mut Value, service: &str) -> Result<Vec<String>, String> {
    let reference = text(
        find_service(doc, service).ok_or_else(|| crate::form::find::no_service(service))?,
        "taskDefinition",
    );
    let mut notes = Vec::new();
    let Some(td) = resolve_reference(doc, &reference).and_then(|i| definition_mut(doc, i)) else {
        return Ok(notes);
    };
    if let Some(list) = td
        .get_mut("requiresCompatibilities")
        .and_then(Value::as_array_mut)
    {
        if !list.iter().any(|c| c.as_str() == Some("EC2")) {
            list.push(json!("EC2"));
            notes.push(format!(
                "task definition {reference}: EC2 added to requiresCompatibilities"
            ));
        }
    }
    Ok(notes)
}

/// FARGATE among a task definition's `requiresCompatibilities`, and a task size when it has
/// none: the smallest Fargate CPU value at least its containers' `cpu` together, with the
/// smallest memory that value allows at least their `memory` (or `memoryReservation`).
fn fargate_task_definition(td: &mut Map<String, Value>, reference: &str) -> Vec<String> {
    let mut notes = Vec::new();
    // What the containers ask for together (the task size must hold it).
    let needed = |keys: &[&str]| -> u64 {
        td.get("containerDefinitions")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|c| {
                keys.iter()
                    .find_map(|k| c.get(*k).and_then(Value::as_u64))
                    .unwrap_or(0)
            })
            .sum()
    };
    let (cpu_needed, memory_needed) = (needed(&["cpu"]), needed(&["memory", "memoryReservation"]));
    let compat = td
        .entry("requiresCompatibilities")
        .or_insert_with(|| json!([]));
    if let Some(list) = compat.as_array_mut() {
        if !list.iter().any(|c| c.as_str() == Some("FARGATE")) {
            list.push(json!("FARGATE"));
            notes.push(format!(
                "task definition {reference}: FARGATE added to requiresCompatibilities"
            ));
        }
    }
    if td.contains_key("cpu") || td.contains_key("memory") {
        return notes;
    }
    let size = fargate_cpu_values().into_iter().find_map(|cpu| {
        (u64::from(cpu) >= cpu_needed)
            .then(|| {
                fargate_memory_values(cpu)
                    .into_iter()
                    .find(|&m| u64::from(m) >= memory_needed)
                    .map(|m| (cpu, m))
            })
            .flatten()
    });
    if let Some((cpu, memory)) = size {
        td.insert("cpu".into(), json!(cpu.to_string()));
        td.insert("memory".into(), json!(memory.to_string()));
        notes.push(format!(
            "task definition {reference}: task size cpu {cpu} / memory {memory} MiB, the smallest Fargate size that holds its containers (cpu {cpu_needed}, memory {memory_needed} MiB)"
        ));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::test_support::{doc as scenario, DEFAULT_SCENARIO};
    use crate::service::form::set_launch_type;

    fn doc() -> Value {
        scenario(DEFAULT_SCENARIO)
    }

    #[test]
    fn reads_the_fargate_services_subnets_and_nothing_for_a_bridge_service() {
        let d = doc();
        assert_eq!(
            awsvpc_form(&d, "api").subnets,
            ["subnet-a", "subnet-b", "subnet-c"]
        );
        assert!(awsvpc_form(&d, "api").present);
        assert!(!awsvpc_form(&d, "web").present);
        assert_eq!(scenario_subnets(&d).len(), 3);
    }

    #[test]
    fn sets_subnets_security_groups_and_public_ip_and_refuses_unknown_subnets() {
        let mut d = doc();
        let one = vec!["subnet-b".to_string()];
        let sg = parse_security_groups("sg-0a1, sg-0b2").unwrap();
        set_awsvpc_configuration(&mut d, "api", &one, &sg, true).unwrap();
        let f = awsvpc_form(&d, "api");
        assert_eq!(f.subnets, one);
        assert_eq!(f.security_groups, ["sg-0a1", "sg-0b2"]);
        assert!(f.assign_public_ip);
        let err = set_awsvpc_configuration(&mut d, "api", &["subnet-z".into()], &[], false);
        assert!(err.unwrap_err().contains("subnet-z"));
        assert!(set_awsvpc_configuration(&mut d, "api", &[], &[], false).is_err());
        assert!(parse_security_groups("sg-1 sg-2 sg-3 sg-4 sg-5 sg-6").is_err());
        assert!(parse_security_groups("default")
            .unwrap_err()
            .contains("default"));
    }

    #[test]
    fn choosing_ec2_adds_ec2_to_a_fargate_only_task_definition_and_the_scenario_resolves() {
        // The default api service runs a FARGATE-only revision: launch type EC2 alone left
        // "Task definition does not support launch_type EC2." (engineer walkthrough).
        let mut d = doc();
        set_launch_type(&mut d, "api", "EC2").unwrap();
        let notes = fill_for_ec2(&mut d, "api").unwrap();
        assert_eq!(
            notes,
            ["task definition api: EC2 added to requiresCompatibilities"]
        );
        assert!(fill_for_ec2(&mut d, "api").unwrap().is_empty());
        // (That the scenario then resolves is checked in `scenario/tests/forms_service.rs`.)
        // web's revision names EC2 already.
        assert!(fill_for_ec2(&mut d, "web").unwrap().is_empty());
    }

    #[test]
    fn choosing_fargate_after_leaving_awsvpc_gives_the_kept_network_configuration_back() {
        // awsvpc with chosen settings, then bridge (ECS: no networkConfiguration there), then
        // Launch type FARGATE: the settings come back, not every subnet without security groups.
        let mut d = doc();
        let mut memory = NetworkMemory::default();
        let sg = parse_security_groups("sg-0a1").unwrap();
        set_awsvpc_configuration(&mut d, "api", &["subnet-c".into()], &sg, false).unwrap();
        let chosen = d["services"][1]["networkConfiguration"].clone();
        set_network_mode(&mut d, "api", "bridge", &mut memory).unwrap();
        assert!(d["services"][1].get("networkConfiguration").is_none());
        set_launch_type(&mut d, "api", "FARGATE").unwrap();
        let notes = fill_for_fargate(&mut d, "api", &mut memory).unwrap();
        assert!(
            notes[0].contains("given back the networkConfiguration"),
            "{notes:?}"
        );
        assert_eq!(d["services"][1]["networkConfiguration"], chosen);
    }

    #[test]
    fn choosing_fargate_fills_the_bridge_ec2_web_service_and_says_what_it_filled() {
        let mut d = doc();
        // The default web service: bridge, EC2 only, no task size, a placement strategy.
        assert!(d["services"][0].get("placementStrategy").is_some());
        set_launch_type(&mut d, "web", "FARGATE").unwrap();
        let notes = fill_for_fargate(&mut d, "web", &mut NetworkMemory::default()).unwrap();
        assert!(notes[0].contains("networkMode set to awsvpc"), "{notes:?}");
        assert!(
            notes.iter().any(|n| n.contains("FARGATE added")),
            "{notes:?}"
        );
        assert!(
            notes.iter().any(|n| n.contains("cpu 256 / memory 512 MiB")),
            "{notes:?}"
        );
        assert!(notes
            .iter()
            .any(|n| n.starts_with("placementStrategy removed")));
        assert_eq!(awsvpc_form(&d, "web").subnets.len(), 3);
        // (That the scenario then resolves is checked in `scenario/tests/forms_service.rs`.)
        // A second time there is nothing left to fill.
        assert!(
            fill_for_fargate(&mut d, "web", &mut NetworkMemory::default())
                .unwrap()
                .is_empty()
        );
        // The api service (already awsvpc and FARGATE, with its own subnets) is left as written.
        let before = d["services"][1].clone();
        set_launch_type(&mut d, "api", "FARGATE").unwrap();
        assert!(
            fill_for_fargate(&mut d, "api", &mut NetworkMemory::default())
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            d["services"][1]["networkConfiguration"],
            before["networkConfiguration"]
        );
    }
}
