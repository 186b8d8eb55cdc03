//! Edits of a scenario document for the playground's form controls.
//!
//! The forms work on the scenario as a `serde_json::Value` (the text the user sees), so an
//! edit changes only what it names and keeps every other key. Each edit either applies fully
//! or returns a message saying why not; none panics on any document. Whether the result is a
//! valid scenario is for [`super::resolve`] to say, exactly as if the user had typed it.

use crate::cluster::CapacityProviderStrategyItem;

use crate::catalog;
use crate::form::find::{
    find_service, group_provider, group_provider_mut, no_group_provider, no_service,
    service_cluster, service_mut,
};
use crate::form::value::{array, list_of, set_or_remove, text, uint};
use crate::placement::{PlacementConstraintSpec, PlacementStrategySpec};
use crate::taskdef::parse::READ_ONLY_KEYS;
use serde_json::{json, Map, Value};

pub use crate::placement::rules::{MAX_PLACEMENT_CONSTRAINTS, MAX_PLACEMENT_STRATEGIES};
/// ECS quota "Tasks per service": 5,000, the most `desiredCount` can be (the resolver's limit,
/// under the name the desired count field reads naturally with).
pub use crate::service::resolve::MAX_TASKS_PER_SERVICE as MAX_DESIRED_COUNT;
/// Network modes a Linux task definition can use.
pub const NETWORK_MODES: [&str; 4] = ["awsvpc", "bridge", "host", "none"];

/// How a service chooses capacity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Launch {
    /// `launchType`: `EC2`, `FARGATE` or `EXTERNAL`.
    LaunchType(String),
    /// `capacityProviderStrategy` items.
    Strategy(Vec<CapacityProviderStrategyItem>),
    /// Neither: the cluster's default capacity provider strategy applies.
    ClusterDefault,
}

/// What the service picker shows about a service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceSummary {
    /// `serviceName`.
    pub name: String,
    /// `cluster` (`default` when absent).
    pub cluster: String,
    /// `taskDefinition` as written (`family`, `family:revision` or an ARN).
    pub task_definition: String,
    /// `desiredCount` (0 when absent).
    pub desired_count: u32,
    /// Launch type or capacity provider strategy.
    pub launch: Launch,
}

/// A task definition family and where its revisions are in `taskDefinitions`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilySummary {
    /// The family name.
    pub family: String,
    /// Indices into `taskDefinitions`, revision 1 first (revision = position + 1).
    pub indices: Vec<usize>,
}

impl FamilySummary {
    /// The latest revision number.
    pub fn latest_revision(&self) -> u32 {
        self.indices.len() as u32
    }
}

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
}

/// Every service of the document, in document order.
pub fn services(doc: &Value) -> Vec<ServiceSummary> {
    array(doc, "services")
        .iter()
        .map(|s| ServiceSummary {
            name: text(s, "serviceName"),
            cluster: service_cluster(s).to_string(),
            task_definition: text(s, "taskDefinition"),
            desired_count: uint(s, "desiredCount", 0),
            launch: launch(s),
        })
        .collect()
}

/// Every task definition family with its revisions, in order of first registration.
pub fn families(doc: &Value) -> Vec<FamilySummary> {
    let mut out: Vec<FamilySummary> = Vec::new();
    for (i, td) in array(doc, "taskDefinitions").iter().enumerate() {
        let family = family_of(td);
        match out.iter_mut().find(|f| f.family == family) {
            Some(f) => f.indices.push(i),
            None => out.push(FamilySummary {
                family,
                indices: vec![i],
            }),
        }
    }
    out
}

/// The family's latest revision number and its definition in `register-task-definition`
/// shape (read-only keys of describe output removed), for the task definition editor.
pub fn latest_revision(doc: &Value, family: &str) -> Option<(u32, Value)> {
    let f = families(doc).into_iter().find(|f| f.family == family)?;
    let index = *f.indices.last()?;
    let td = array(doc, "taskDefinitions").get(index)?;
    let mut inner = td.get("taskDefinition").unwrap_or(td).clone();
    if let Some(obj) = inner.as_object_mut() {
        for key in READ_ONLY_KEYS {
            obj.shift_remove(*key);
        }
    }
    Some((f.latest_revision(), inner))
}

/// The `taskDefinitions` index a reference (`family`, `family:3`, an ARN) resolves to: the
/// named revision, or the latest when none is named.
pub fn resolve_reference(doc: &Value, reference: &str) -> Option<usize> {
    let (family, revision) = split_reference(reference);
    let f = families(doc).into_iter().find(|f| f.family == family)?;
    match revision {
        Some(r) => f.indices.get(r.checked_sub(1)? as usize).copied(),
        None => f.indices.last().copied(),
    }
}

/// The network mode of the task definition a service runs (`bridge` when not set, as ECS
/// defaults on Linux).
pub fn network_mode(doc: &Value, service: &str) -> Option<String> {
    let s = find_service(doc, service)?;
    let index = resolve_reference(doc, &text(s, "taskDefinition"))?;
    let td = array(doc, "taskDefinitions").get(index)?;
    let inner = td.get("taskDefinition").unwrap_or(td);
    Some(
        inner
            .get("networkMode")
            .and_then(Value::as_str)
            .unwrap_or("bridge")
            .to_string(),
    )
}

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

/// The capacity providers the service's cluster has (what its strategy may name).
pub fn cluster_providers(doc: &Value, service: &str) -> Vec<String> {
    let Some(s) = find_service(doc, service) else {
        return Vec::new();
    };
    cluster_of(doc, s)
        .map(|c| {
            array(c, "capacityProviders")
                .iter()
                .filter_map(|p| p.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The names of the document's Auto Scaling group capacity providers.
pub fn group_providers(doc: &Value) -> Vec<String> {
    array(doc, "capacityProviders")
        .iter()
        .map(|p| text(p, "name"))
        .collect()
}

/// The Auto Scaling group providers a service's tasks can land on: those of its cluster for
/// launch type EC2, else those named by its strategy (or the cluster's default strategy).
pub fn ec2_providers(doc: &Value, service: &str) -> Vec<String> {
    let Some(s) = find_service(doc, service) else {
        return Vec::new();
    };
    let groups = group_providers(doc);
    let named: Vec<String> = match launch(s) {
        Launch::LaunchType(lt) if lt == "EC2" => cluster_providers(doc, service),
        Launch::LaunchType(_) => Vec::new(),
        Launch::Strategy(items) => items.into_iter().map(|i| i.capacity_provider).collect(),
        Launch::ClusterDefault => cluster_of(doc, s)
            .map(|c| list_of::<CapacityProviderStrategyItem>(c, "defaultCapacityProviderStrategy"))
            .unwrap_or_default()
            .into_iter()
            .map(|i| i.capacity_provider)
            .collect(),
    };
    named.into_iter().filter(|n| groups.contains(n)).collect()
}

/// The cluster's default capacity provider strategy, for a service switching to a strategy.
pub fn default_strategy(doc: &Value, service: &str) -> Vec<CapacityProviderStrategyItem> {
    let Some(s) = find_service(doc, service) else {
        return Vec::new();
    };
    cluster_of(doc, s)
        .map(|c| list_of(c, "defaultCapacityProviderStrategy"))
        .unwrap_or_default()
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
    })
}

/// Reads a count typed into a number field: rounded and clamped to `0..=max`; `None` when it is
/// not a number at all.
pub fn clamp_count(typed: &str, max: u32) -> Option<u32> {
    let n: f64 = typed.trim().parse().ok()?;
    if n.is_nan() {
        return None;
    }
    Some(n.round().clamp(0.0, f64::from(max)) as u32)
}

/// `update-service --desired-count`.
pub fn set_desired_count(doc: &mut Value, service: &str, count: u32) -> Result<(), String> {
    if count > MAX_DESIRED_COUNT {
        return Err(format!(
            "desired count {count} is above ECS's limit of {MAX_DESIRED_COUNT} tasks per service"
        ));
    }
    service_mut(doc, service)?.insert("desiredCount".into(), json!(count));
    Ok(())
}

/// Gives the service a launch type (`EC2`, `FARGATE`, `EXTERNAL`) instead of a strategy.
pub fn set_launch_type(doc: &mut Value, service: &str, launch_type: &str) -> Result<(), String> {
    if !matches!(launch_type, "EC2" | "FARGATE" | "EXTERNAL") {
        return Err(format!(
            "launch type '{launch_type}' is not one of EC2, FARGATE, EXTERNAL"
        ));
    }
    let s = service_mut(doc, service)?;
    s.shift_remove("capacityProviderStrategy");
    s.insert("launchType".into(), json!(launch_type));
    Ok(())
}

/// Gives the service a capacity provider strategy instead of a launch type. Every provider
/// must belong to the service's cluster; an empty list means the cluster default.
pub fn set_capacity_provider_strategy(
    doc: &mut Value,
    service: &str,
    items: &[CapacityProviderStrategyItem],
) -> Result<(), String> {
    let known = cluster_providers(doc, service);
    for item in items {
        if !known.contains(&item.capacity_provider) {
            return Err(format!(
                "capacity provider '{}' is not associated with the service's cluster (it has: {})",
                item.capacity_provider,
                known.join(", ")
            ));
        }
    }
    let s = service_mut(doc, service)?;
    s.shift_remove("launchType");
    if items.is_empty() {
        s.shift_remove("capacityProviderStrategy");
    } else {
        let value = serde_json::to_value(items).map_err(|e| e.to_string())?;
        s.insert("capacityProviderStrategy".into(), value);
    }
    Ok(())
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
            check: |p| crate::placement::rules::strategy(p).map(drop),
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
            check: |c| crate::placement::rules::constraint(c).map(drop),
        },
    )
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
    check: fn(&T) -> Result<(), crate::placement::rules::RuleError>,
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

/// Changes the network mode of the task definition revision the service runs. Switching to
/// `awsvpc` gives every service and task using that revision a `networkConfiguration` over all
/// subnets (when it has none); `awsvpc` and `host` drop host ports that differ from the
/// container port (those modes require them equal). Switching away from `awsvpc` removes the
/// `networkConfiguration`s, which ECS only accepts for awsvpc.
pub fn set_network_mode(doc: &mut Value, service: &str, mode: &str) -> Result<(), String> {
    if !NETWORK_MODES.contains(&mode) {
        return Err(format!(
            "network mode '{mode}' is not one of {}",
            NETWORK_MODES.join(", ")
        ));
    }
    let reference = text(
        find_service(doc, service).ok_or_else(|| no_service(service))?,
        "taskDefinition",
    );
    let index = resolve_reference(doc, &reference).ok_or_else(|| {
        format!("the service's task definition '{reference}' is not in the scenario")
    })?;
    let subnets: Vec<Value> = array(doc, "subnets")
        .iter()
        .filter_map(|s| s.get("subnetId").cloned())
        .collect();
    if mode == "awsvpc" && subnets.is_empty() {
        return Err("awsvpc tasks need subnets: add top-level subnets first".into());
    }
    // Which services and tasks run this very revision.
    let users: Vec<(&str, usize)> = ["services", "tasks"]
        .into_iter()
        .flat_map(|list| {
            array(doc, list)
                .iter()
                .enumerate()
                .filter(|(_, s)| resolve_reference(doc, &text(s, "taskDefinition")) == Some(index))
                .map(move |(i, _)| (list, i))
                .collect::<Vec<_>>()
        })
        .collect();
    let td = doc
        .get_mut("taskDefinitions")
        .and_then(Value::as_array_mut)
        .and_then(|a| a.get_mut(index))
        .ok_or("the task definition is not in the scenario")?;
    let td = if td.get("taskDefinition").is_some() {
        td.get_mut("taskDefinition").ok_or("no task definition")?
    } else {
        td
    };
    let td = td
        .as_object_mut()
        .ok_or("the task definition is not an object")?;
    td.insert("networkMode".into(), json!(mode));
    if matches!(mode, "awsvpc" | "host") {
        drop_mismatched_host_ports(td);
    }
    for (list, i) in users {
        let Some(user) = doc
            .get_mut(list)
            .and_then(Value::as_array_mut)
            .and_then(|a| a.get_mut(i))
            .and_then(Value::as_object_mut)
        else {
            continue;
        };
        if mode == "awsvpc" {
            if !user.contains_key("networkConfiguration") {
                user.insert(
                    "networkConfiguration".into(),
                    json!({ "awsvpcConfiguration": { "subnets": subnets } }),
                );
            }
        } else {
            user.shift_remove("networkConfiguration");
        }
    }
    Ok(())
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

/// `register-task-definition`: appends `definition` as the family's next revision (earlier
/// revisions stay, as in ECS) and points every service that ran the family at
/// `family:<revision>`. Returns the new revision number.
pub fn register_revision(doc: &mut Value, family: &str, definition: Value) -> Result<u32, String> {
    let Value::Object(mut definition) = definition else {
        return Err("a task definition must be a JSON object".into());
    };
    match definition.get("family").and_then(Value::as_str) {
        Some(f) if f != family => {
            return Err(format!(
                "the definition's family is '{f}'; a revision of '{family}' must keep family '{family}'"
            ))
        }
        Some(_) => {}
        None => {
            definition.insert("family".into(), json!(family));
        }
    }
    let revision = families(doc)
        .into_iter()
        .find(|f| f.family == family)
        .map_or(0, |f| f.latest_revision())
        + 1;
    let root = doc
        .as_object_mut()
        .ok_or("the scenario must be a JSON object")?;
    let list = root
        .entry("taskDefinitions")
        .or_insert_with(|| Value::Array(Vec::new()))
        .as_array_mut()
        .ok_or("taskDefinitions must be an array")?;
    list.push(Value::Object(definition));
    if let Some(services) = root.get_mut("services").and_then(Value::as_array_mut) {
        for s in services.iter_mut().filter_map(Value::as_object_mut) {
            let uses = s
                .get("taskDefinition")
                .and_then(Value::as_str)
                .is_some_and(|r| split_reference(r).0 == family);
            if uses {
                s.insert(
                    "taskDefinition".into(),
                    json!(format!("{family}:{revision}")),
                );
            }
        }
    }
    Ok(revision)
}

/// `(family, revision)` of `family`, `family:3` or `arn:…:task-definition/family:3`.
fn split_reference(reference: &str) -> (&str, Option<u32>) {
    let short = reference
        .rsplit_once("task-definition/")
        .map_or(reference, |(_, s)| s);
    match short.split_once(':') {
        Some((f, r)) => (f, r.parse().ok()),
        None => (short, None),
    }
}

fn family_of(td: &Value) -> String {
    let inner = td.get("taskDefinition").unwrap_or(td);
    text(inner, "family")
}

/// The `clusters` entry of the cluster a service entry runs in.
fn cluster_of<'a>(doc: &'a Value, service: &Value) -> Option<&'a Value> {
    let cluster = service_cluster(service);
    array(doc, "clusters")
        .iter()
        .find(|c| text(c, "clusterName") == cluster)
}

fn launch(service: &Value) -> Launch {
    if let Some(lt) = service.get("launchType").and_then(Value::as_str) {
        return Launch::LaunchType(lt.to_string());
    }
    let items: Vec<CapacityProviderStrategyItem> = list_of(service, "capacityProviderStrategy");
    if items.is_empty() {
        Launch::ClusterDefault
    } else {
        Launch::Strategy(items)
    }
}

/// The provider's `autoScalingGroup`, to edit.
fn group_mut<'a>(doc: &'a mut Value, provider: &str) -> Result<&'a mut Map<String, Value>, String> {
    group_provider_mut(doc, provider)
        .and_then(|p| p.get_mut("autoScalingGroup"))
        .and_then(Value::as_object_mut)
        .ok_or_else(|| no_group_provider(provider))
}

/// awsvpc and host require `hostPort` to be omitted or equal to `containerPort`.
fn drop_mismatched_host_ports(td: &mut Map<String, Value>) {
    let Some(containers) = td
        .get_mut("containerDefinitions")
        .and_then(Value::as_array_mut)
    else {
        return;
    };
    for c in containers.iter_mut() {
        let Some(mappings) = c.get_mut("portMappings").and_then(Value::as_array_mut) else {
            continue;
        };
        for m in mappings.iter_mut().filter_map(Value::as_object_mut) {
            let container_port = m.get("containerPort").cloned();
            if m.get("hostPort")
                .is_some_and(|h| Some(h) != container_port.as_ref())
            {
                m.shift_remove("hostPort");
            }
        }
    }
}

#[cfg(test)]
mod tests;
