//! Which editor tab a lesson opens on: the one where its first editable part is changed (a
//! student walkthrough found lessons 9, 11 and 12 opening on a task definition they may not
//! change, with their fields one tab away).

use serde_json::Value;

/// Where in the editor a part of the scenario is edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorPlace {
    /// The task definition tab of this family.
    TaskDefinition(String),
    /// The Service settings form (services, capacity, load balancer, scaling).
    ServiceSettings,
    /// The Scenario JSON tab (what no form edits: Service Connect, Cloud Map registries).
    ScenarioJson,
}

/// Parts of a service that only the Scenario JSON tab edits.
const JSON_ONLY_SERVICE_KEYS: [&str; 2] = ["serviceConnectConfiguration", "serviceRegistries"];

/// Where the part at `path` (a lesson's editable path, e.g. `taskDefinitions[0].cpu`) of
/// `scenario` is edited; None for a path the scenario does not hold.
pub fn place_of(scenario: &Value, path: &str) -> Option<EditorPlace> {
    if let Some(rest) = path.strip_prefix("taskDefinitions[") {
        let index: usize = rest.split(']').next()?.parse().ok()?;
        let family = scenario["taskDefinitions"]
            .get(index)?
            .get("family")?
            .as_str()?;
        return Some(EditorPlace::TaskDefinition(family.to_string()));
    }
    if let Some(rest) = path.strip_prefix("services[") {
        let key = rest.split_once("].").map_or("", |(_, k)| k);
        let key = key.split(['.', '[']).next().unwrap_or("");
        if JSON_ONLY_SERVICE_KEYS.contains(&key) {
            return Some(EditorPlace::ScenarioJson);
        }
    }
    Some(EditorPlace::ServiceSettings)
}

/// The tab a lesson with these editable paths opens on: its first path's place.
pub fn lesson_place(scenario: &Value, editable: &[String]) -> Option<EditorPlace> {
    editable.first().and_then(|p| place_of(scenario, p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::challenge::course;

    fn place(id: &str) -> Option<EditorPlace> {
        let json = course::lesson(id).expect("a lesson").json;
        let c = crate::challenge::Challenge::parse(json).expect("it loads");
        lesson_place(&c.doc.scenario, &c.doc.editable)
    }

    #[test]
    fn lessons_open_where_their_first_editable_part_is_changed() {
        assert_eq!(
            place("fargate-task-size"),
            Some(EditorPlace::TaskDefinition("api".into()))
        );
        assert_eq!(
            place("rolling-update-bounds"),
            Some(EditorPlace::ServiceSettings)
        );
        assert_eq!(
            place("canary-blast-radius"),
            Some(EditorPlace::ServiceSettings)
        );
        assert_eq!(
            place("service-auto-scaling"),
            Some(EditorPlace::ServiceSettings)
        );
        assert_eq!(
            place("service-discovery-ttl"),
            Some(EditorPlace::ScenarioJson)
        );
    }

    #[test]
    fn a_path_the_scenario_does_not_hold_has_no_place() {
        let doc = serde_json::json!({ "taskDefinitions": [] });
        assert_eq!(place_of(&doc, "taskDefinitions[3].cpu"), None);
        assert_eq!(place_of(&doc, "taskDefinitions[x].cpu"), None);
    }
}
