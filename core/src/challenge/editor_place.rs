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
    /// The Scenario JSON tab (what no form edits: Service Connect, Cloud Map registries, of which
    /// Service settings edits only the DNS TTL).
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

/// The Service settings section that edits the part at `path` (the form's
/// `data-form-section`), so a lesson opens with it in view: on a 1280×720 pane lesson 11's
/// deployment strategy sat 300 px below the tab's fold, under locked fields (student
/// walkthrough). None where the top of the form is the place.
pub fn form_section(path: &str) -> Option<&'static str> {
    let head = path.split(['.', '[']).next().unwrap_or("");
    let key = path
        .strip_prefix("services[")
        .and_then(|r| r.split_once("]."))
        .map(|(_, k)| k.split(['.', '[']).next().unwrap_or(""));
    match (head, key) {
        ("services", Some("placementStrategy" | "availabilityZoneRebalancing")) => {
            Some("placement")
        }
        ("services", Some("placementConstraints")) => Some("constraints"),
        ("services", Some("deploymentConfiguration")) => Some("deployment"),
        ("services", Some("capacityProviderStrategy" | "launchType")) => Some("capacity"),
        ("services", Some("loadBalancers")) => Some("load-balancer"),
        ("capacityProviders", _) => Some("capacity"),
        ("targetGroups", _) => Some("load-balancer"),
        ("scalableTargets" | "scalingPolicies" | "scheduledActions", _) => Some("scaling"),
        _ => None,
    }
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
    fn a_lesson_opens_with_its_form_section_in_view() {
        assert_eq!(
            form_section("services[0].placementStrategy"),
            Some("placement")
        );
        assert_eq!(
            form_section("services[0].deploymentConfiguration.strategy"),
            Some("deployment")
        );
        assert_eq!(form_section("scalableTargets"), Some("scaling"));
        assert_eq!(
            form_section("targetGroups[0].deregistrationDelaySeconds"),
            Some("load-balancer")
        );
        assert_eq!(
            form_section("capacityProviders[0].autoScalingGroupProvider.managedScaling"),
            Some("capacity")
        );
        assert_eq!(
            form_section("services[0].healthCheckGracePeriodSeconds"),
            None
        );
        assert_eq!(form_section("taskDefinitions[0].cpu"), None);
    }

    #[test]
    fn a_path_the_scenario_does_not_hold_has_no_place() {
        let doc = serde_json::json!({ "taskDefinitions": [] });
        assert_eq!(place_of(&doc, "taskDefinitions[3].cpu"), None);
        assert_eq!(place_of(&doc, "taskDefinitions[x].cpu"), None);
    }
}
