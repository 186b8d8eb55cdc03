//! The task definition forms: the document's families and revisions, registering an edited
//! definition as the family's next revision (`register-task-definition`), and the network mode
//! of the revision a service runs. They edit the scenario as JSON (see [`crate::form`]).

use super::network_memory::{Holder, NetworkMemory};
use crate::form::find::{find_service, no_service};
use crate::form::value::{array, text};
use crate::problem::Problem;
use serde_json::{json, Map, Value};

/// Network modes a Linux task definition can use.
pub const NETWORK_MODES: [&str; 4] = ["awsvpc", "bridge", "host", "none"];

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
    let shown = match definition(doc, index)?.clone() {
        Value::Object(obj) => Value::Object(super::parse::described_as_registered(obj, None)),
        other => other,
    };
    Some((f.latest_revision(), shown))
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

/// `register-task-definition`: appends `definition` as the family's next revision (earlier
/// revisions stay, as in ECS) and points every service that ran the family at
/// `family:<revision>`. Returns the new revision number.
pub fn register_revision(doc: &mut Value, family: &str, definition: Value) -> Result<u32, String> {
    if let Some(p) = family_problem(&definition, family) {
        return Err(p.message);
    }
    let mut definition = as_registered(definition)?;
    definition.entry("family").or_insert_with(|| json!(family));
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

/// The family a definition pasted into another family's tab names, when the scenario has no
/// such family yet: what *Register as new family* registers (an engineer's walkthrough could
/// only add a pasted guide example by hand-editing the Scenario JSON).
pub fn new_family_named(doc: &Value, definition: &Value) -> Option<String> {
    let named = inner(definition).get("family").and_then(Value::as_str)?;
    (!named.is_empty() && !families(doc).iter().any(|f| f.family == named))
        .then(|| named.to_string())
}

/// `register-task-definition` of a family the scenario does not have: appends `definition` (in
/// either shape, see [`as_registered`]) as its revision 1. No service runs it until one is
/// pointed at it, as in ECS. Returns the family.
pub fn register_new_family(doc: &mut Value, definition: Value) -> Result<String, String> {
    let family = new_family_named(doc, &definition)
        .ok_or("the definition names no family the scenario does not have already")?;
    let definition = as_registered(definition)?;
    doc.as_object_mut()
        .ok_or("the scenario must be a JSON object")?
        .entry("taskDefinitions")
        .or_insert_with(|| Value::Array(Vec::new()))
        .as_array_mut()
        .ok_or("taskDefinitions must be an array")?
        .push(Value::Object(definition));
    Ok(family)
}

/// Edits the family's latest revision in place with `definition` (a lesson: its start locks the
/// list of revisions, so the task definition tab changes the revision the lesson opened
/// instead of registering another). Returns that revision's number.
pub fn replace_latest_revision(
    doc: &mut Value,
    family: &str,
    definition: Value,
) -> Result<u32, String> {
    if let Some(p) = family_problem(&definition, family) {
        return Err(p.message);
    }
    let mut definition = as_registered(definition)?;
    definition.insert("family".into(), json!(family));
    let f = families(doc)
        .into_iter()
        .find(|f| f.family == family)
        .ok_or_else(|| format!("there is no task definition family '{family}'"))?;
    let index = *f.indices.last().ok_or("the family has no revision")?;
    let slot = definition_mut(doc, index).ok_or("the revision is not a JSON object")?;
    *slot = definition;
    Ok(f.latest_revision())
}

/// A definition typed or pasted into a family's tab, as RegisterTaskDefinition takes it:
/// `describe-task-definition` output (`{"taskDefinition": {…}, "tags": […]}`, which the tab
/// accepts) is unwrapped and its read-only keys dropped, so Register stores the definition, not
/// the wrapper (a walkthrough's Register put `family` beside the wrapper and broke the scenario).
pub fn as_registered(definition: Value) -> Result<Map<String, Value>, String> {
    let Value::Object(mut definition) = definition else {
        return Err("a task definition must be a JSON object".into());
    };
    match definition.shift_remove("taskDefinition") {
        Some(Value::Object(inner)) => Ok(super::parse::described_as_registered(
            inner,
            definition.shift_remove("tags"),
        )),
        Some(_) => Err("taskDefinition must be a JSON object (the task definition)".into()),
        None => Ok(definition),
    }
}

/// The problem of a definition in `family`'s tab (either shape) that names another family (a
/// revision keeps its family; a new family is a new entry of `taskDefinitions`), at its
/// `family` key (`taskDefinition.family` in describe output). Register refuses it, and the tab
/// marks it on the value it has already parsed.
pub fn family_problem(definition: &Value, family: &str) -> Option<Problem> {
    let named = inner(definition).get("family").and_then(Value::as_str)?;
    if named == family {
        return None;
    }
    let p = Problem::new(
        "family",
        format!(
            "the definition's family is '{named}'; a revision of '{family}' must keep family '{family}' (a new family is a new entry of taskDefinitions in the Scenario JSON)"
        ),
    );
    Some(if definition.get("taskDefinition").is_some() {
        p.prefixed("taskDefinition")
    } else {
        p
    })
}

/// The network mode of the task definition a service runs (`bridge` when not set, as ECS
/// defaults on Linux).
pub fn network_mode(doc: &Value, service: &str) -> Option<String> {
    let s = find_service(doc, service)?;
    let index = resolve_reference(doc, &text(s, "taskDefinition"))?;
    Some(
        definition(doc, index)?
            .get("networkMode")
            .and_then(Value::as_str)
            .unwrap_or("bridge")
            .to_string(),
    )
}

/// Where the `networkMode` of the revision the service named `service` runs is
/// (`taskDefinitions[1].networkMode`, inside `taskDefinition` for a describe-style entry): the
/// Service settings form asks an open lesson's lock about it.
pub fn network_mode_path(doc: &Value, service: &str) -> Option<String> {
    let s = find_service(doc, service)?;
    let index = resolve_reference(doc, &text(s, "taskDefinition"))?;
    let wrapped = array(doc, "taskDefinitions")
        .get(index)?
        .get("taskDefinition")
        .is_some();
    Some(format!(
        "taskDefinitions[{index}].{}networkMode",
        if wrapped { "taskDefinition." } else { "" }
    ))
}

/// Changes the network mode of the task definition revision the service runs. Switching away
/// from `awsvpc` removes the `networkConfiguration`s of every service and task using that
/// revision, which ECS only accepts for awsvpc, and keeps them in `memory`; switching to
/// `awsvpc` gives each one without a `networkConfiguration` the one `memory` kept (its subnets,
/// security groups and `assignPublicIp`), or one over all subnets. `awsvpc` and `host` drop host
/// ports that differ from the container port (those modes require them equal). Returns whose
/// configuration came back.
pub fn set_network_mode(
    doc: &mut Value,
    service: &str,
    mode: &str,
    memory: &mut NetworkMemory,
) -> Result<Vec<Holder>, String> {
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
    let td = definition_mut(doc, index).ok_or("the task definition is not in the scenario")?;
    td.insert("networkMode".into(), json!(mode));
    if matches!(mode, "awsvpc" | "host") {
        drop_mismatched_host_ports(td);
    }
    let mut restored = Vec::new();
    for (list, i) in users {
        let Some(user) = doc
            .get_mut(list)
            .and_then(Value::as_array_mut)
            .and_then(|a| a.get_mut(i))
            .and_then(Value::as_object_mut)
        else {
            continue;
        };
        let holder = match list {
            "services" => Holder::Service(
                user.get("serviceName")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
            ),
            _ => Holder::Task(i),
        };
        let followed = follow_network_mode(user, &holder, mode == "awsvpc", &subnets, memory);
        if followed == NetworkFollowed::Restored {
            restored.push(holder);
        }
    }
    Ok(restored)
}

/// What a change of network mode did to one service's or task's `networkConfiguration`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkFollowed {
    /// Nothing to do: the mode agrees with what it has.
    Unchanged,
    /// awsvpc and nothing kept: a configuration over all the scenario's subnets.
    AddedAllSubnets,
    /// awsvpc: the configuration an earlier switch away took, given back.
    Restored,
    /// Another mode: the configuration is taken out and kept in the memory for a switch back.
    LeftOut,
}

/// Makes `user` (a service or a standalone task entry) follow its revision's network mode: an
/// awsvpc one gets the configuration `memory` kept for `holder` (its subnets cut to `subnets`,
/// `assignPublicIp` DISABLED on instances) or one over all `subnets`; any other mode loses its
/// configuration into `memory`. The network mode field and the service's task definition picker
/// both change a revision's mode this way. `subnets` must not be empty for awsvpc (the callers
/// refuse that first).
pub(crate) fn follow_network_mode(
    user: &mut Map<String, Value>,
    holder: &Holder,
    awsvpc: bool,
    subnets: &[Value],
    memory: &mut NetworkMemory,
) -> NetworkFollowed {
    if !awsvpc {
        return match user.shift_remove("networkConfiguration") {
            Some(config) => {
                memory.keep(holder.clone(), config);
                NetworkFollowed::LeftOut
            }
            None => NetworkFollowed::Unchanged,
        };
    }
    if user.contains_key("networkConfiguration") {
        return NetworkFollowed::Unchanged;
    }
    let (config, followed) = match memory.take(holder, subnets) {
        Some(mut kept) => {
            if crate::form::capacity::entry_on_instances(user) == Some(true) {
                public_ip_disabled(&mut kept);
            }
            (kept, NetworkFollowed::Restored)
        }
        None => (
            json!({ "awsvpcConfiguration": { "subnets": subnets } }),
            NetworkFollowed::AddedAllSubnets,
        ),
    };
    user.insert("networkConfiguration".into(), config);
    followed
}

/// A kept configuration written back to a service on instances: `assignPublicIp` ENABLED, kept
/// from its Fargate days, is refused there ("Assign public IP is not supported for this launch
/// type"), so it comes back DISABLED (review, 2026-12-05).
fn public_ip_disabled(config: &mut Value) {
    if let Some(c) = config
        .get_mut("awsvpcConfiguration")
        .and_then(Value::as_object_mut)
    {
        if c.get("assignPublicIp").and_then(Value::as_str) == Some("ENABLED") {
            c.insert("assignPublicIp".into(), json!("DISABLED"));
        }
    }
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

/// The `family` of a `taskDefinitions` entry (either shape, see [`definition`]).
pub(crate) fn family_of(td: &Value) -> String {
    text(inner(td), "family")
}

/// A task definition in either shape: the value itself, or its `taskDefinition` when it is
/// `describe-task-definition` output.
fn inner(td: &Value) -> &Value {
    td.get("taskDefinition").unwrap_or(td)
}

/// The definition in `taskDefinitions[index]` ([`inner`]).
pub(crate) fn definition(doc: &Value, index: usize) -> Option<&Value> {
    Some(inner(array(doc, "taskDefinitions").get(index)?))
}

/// [`definition`], to edit (`None` when it is not a JSON object).
pub(crate) fn definition_mut(doc: &mut Value, index: usize) -> Option<&mut Map<String, Value>> {
    let td = doc
        .get_mut("taskDefinitions")?
        .as_array_mut()?
        .get_mut(index)?;
    if td.get("taskDefinition").is_some() {
        td.get_mut("taskDefinition")?.as_object_mut()
    } else {
        td.as_object_mut()
    }
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
mod replace_tests {
    use super::*;

    #[test]
    fn replacing_the_latest_revision_keeps_the_list_and_the_services_references() {
        let mut doc = json!({
            "taskDefinitions": [
                {"family": "web", "cpu": "256"},
                {"taskDefinition": {"family": "web", "cpu": "256"}}
            ],
            "services": [{"serviceName": "s", "taskDefinition": "web:2"}]
        });
        let r = replace_latest_revision(&mut doc, "web", json!({"cpu": "512"})).unwrap();
        assert_eq!(r, 2);
        assert_eq!(
            doc["taskDefinitions"][1]["taskDefinition"],
            json!({"cpu": "512", "family": "web"})
        );
        assert_eq!(doc["taskDefinitions"][0]["cpu"], "256");
        assert_eq!(doc["services"][0]["taskDefinition"], "web:2");
        assert!(replace_latest_revision(&mut doc, "web", json!({"family": "api"})).is_err());
        assert!(replace_latest_revision(&mut doc, "nope", json!({})).is_err());
    }

    #[test]
    fn the_network_mode_path_names_the_revision_the_service_runs() {
        let doc = json!({
            "taskDefinitions": [
                {"family": "web"},
                {"taskDefinition": {"family": "web"}},
                {"family": "api"}
            ],
            "services": [
                {"serviceName": "s", "taskDefinition": "web:1"},
                {"serviceName": "t", "taskDefinition": "web"},
                {"serviceName": "u", "taskDefinition": "api"}
            ]
        });
        let path = |s| network_mode_path(&doc, s);
        assert_eq!(path("s").as_deref(), Some("taskDefinitions[0].networkMode"));
        assert_eq!(
            path("t").as_deref(),
            Some("taskDefinitions[1].taskDefinition.networkMode")
        );
        assert_eq!(path("u").as_deref(), Some("taskDefinitions[2].networkMode"));
        assert_eq!(path("v"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::test_support::{doc as scenario, DEFAULT_SCENARIO};

    fn doc() -> Value {
        scenario(DEFAULT_SCENARIO)
    }

    #[test]
    fn describe_shape_revisions_are_shown_without_read_only_keys() {
        let mut d = doc();
        d["taskDefinitions"][0] = json!({ "taskDefinition": {
            "family": "web", "revision": 7, "status": "ACTIVE",
            "containerDefinitions": [{ "name": "a", "image": "x", "memory": 128 }]
        }});
        let (rev, td) = latest_revision(&d, "web").unwrap();
        assert_eq!(rev, 1);
        assert!(td.get("revision").is_none() && td.get("status").is_none());
        assert_eq!(td["family"], "web");
    }

    #[test]
    fn a_definition_of_a_new_family_is_registered_as_its_first_revision_and_runs_nowhere() {
        // A guide example pasted into web's tab names its own family (engineer walkthrough).
        let mut d = doc();
        let before = d["services"].clone();
        let pasted = json!({ "taskDefinition": {
            "family": "fargate-task-definition", "revision": 3, "status": "ACTIVE",
            "containerDefinitions": [{ "name": "a", "image": "x", "memory": 128 }]
        }});
        assert_eq!(
            new_family_named(&d, &pasted).as_deref(),
            Some("fargate-task-definition")
        );
        assert_eq!(
            register_new_family(&mut d, pasted.clone()).unwrap(),
            "fargate-task-definition"
        );
        let (rev, td) = latest_revision(&d, "fargate-task-definition").unwrap();
        assert_eq!(rev, 1);
        assert!(td.get("status").is_none());
        assert_eq!(d["services"], before, "no service is pointed at it");
        // Now it exists: a second paste is a revision, in its own tab.
        assert_eq!(new_family_named(&d, &pasted), None);
        assert!(register_new_family(&mut d, pasted).is_err());
        assert_eq!(new_family_named(&d, &json!({"family": "web"})), None);
    }
}
