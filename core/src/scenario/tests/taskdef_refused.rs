//! A task definition that registration refuses is reported once, at the definition: the
//! services, standalone tasks and timeline entries that name its family say nothing more.

use super::forms_support::{default_doc, problems};
use serde_json::json;

/// One cause, one message: `web` fails RegisterTaskDefinition, so DescribeTaskDefinition's
/// "not registered" for `services[0]`, `tasks[0]` and the timeline's updateService would only
/// repeat it.
#[test]
fn a_refused_task_definition_is_not_also_reported_as_not_registered() {
    let mut d = default_doc();
    d["taskDefinitions"][0]["containerDefinitions"][0]["memory"] = json!(2);
    d["tasks"] = json!([{"cluster": "default", "taskDefinition": "web:1", "count": 1}]);
    d["timeline"] = json!([{"at": 60, "action": "updateService", "service": "api",
        "taskDefinition": "web"}]);
    let ps = problems(&d);
    assert_eq!(
        ps,
        vec!["taskDefinitions[0].containerDefinitions[0].memory: Invalid 'memory' setting for container 'nginx': 2 MiB is below the minimum of 6 MiB that Docker reserves for a container."],
        "{ps:#?}"
    );
}

/// A reference to a family nobody wrote is still reported, in DescribeTaskDefinition's words.
#[test]
fn a_family_never_written_is_still_not_registered() {
    let mut d = default_doc();
    d["taskDefinitions"][0]["containerDefinitions"][0]["memory"] = json!(2);
    d["services"][1]["taskDefinition"] = json!("nope");
    let ps = problems(&d);
    assert_eq!(ps.len(), 2, "{ps:#?}");
    assert!(ps[1].starts_with("services[1].taskDefinition: Unable to describe task definition."));
}

/// The service a refused task definition leaves unresolved is not reported again by what names
/// it: the timeline, its traffic, another service's traffic from it, and its scaling keys.
#[test]
fn a_service_left_unresolved_by_its_task_definition_is_not_reported_again() {
    let mut d = default_doc();
    d["taskDefinitions"][0]["containerDefinitions"][0]["memory"] = json!(2);
    d["timeline"] = json!([{"at": 60, "action": "stopTask", "service": "web"},
        {"at": 90, "action": "trafficSpike", "service": "web", "multiplier": 200,
         "durationSeconds": 60}]);
    d["traffic"] = json!([{"serviceName": "web", "profile": {"shape": "constant",
        "requestsPerSecond": 10}, "cpuMillisPerRequest": 5}]);
    d["scalableTargets"] = json!([{"serviceNamespace": "ecs", "resourceId":
        "service/default/web", "scalableDimension": "ecs:service:DesiredCount",
        "minCapacity": 1, "maxCapacity": 4}]);
    let ps = problems(&d);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert!(ps[0].starts_with("taskDefinitions[0]"), "{ps:#?}");
    // A name nobody declared is still reported.
    d["timeline"] = json!([{"at": 60, "action": "stopTask", "service": "nope"}]);
    let ps = problems(&d);
    assert!(
        ps.iter()
            .any(|p| p.starts_with("timeline[0].service: no service named 'nope'")),
        "{ps:#?}"
    );
}
