//! Where a task definition is used: Fargate Spot takes only Linux tasks, and a Service
//! Connect `portName` must name a port mapping (the engineer's walkthrough of 2026-12-05 found
//! both accepted). EC2 placement by `runtimePlatform` is tested in `core/tests/runtime_platform.rs`.

use super::forms_support::{default_doc, problems};
use serde_json::json;

/// DG fargate-capacity-providers: "Windows containers on Fargate don't support the Fargate Spot
/// capacity provider." API CapacityProviderStrategyItem: "FARGATE_SPOT supports Linux tasks
/// with the ARM64 architecture on platform version 1.4.0 or later" (the guide's older "only
/// X86_64" was refused until 2026-12-05). The default `api` service's strategy has FARGATE_SPOT.
#[test]
fn a_strategy_with_fargate_spot_takes_arm64_and_refuses_windows_tasks() {
    let mut d = default_doc();
    d["taskDefinitions"][1]["runtimePlatform"] = json!({"cpuArchitecture": "ARM64"});
    assert_eq!(problems(&d), Vec::<String>::new());
    d["taskDefinitions"][1]["runtimePlatform"] =
        json!({"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"});
    d["taskDefinitions"][1]["cpu"] = json!("1024");
    d["taskDefinitions"][1]["memory"] = json!("2048");
    let ps = problems(&d);
    assert!(
        ps.iter()
            .any(|p| p.starts_with("services[1].taskDefinition:") && p.contains("Windows")),
        "{ps:#?}"
    );
    // The definition's tab shows it (problems at `taskDefinition` are blamed on the family).
    let text = serde_json::to_string(&d).unwrap();
    let all = match crate::scenario::resolve(&crate::scenario::parse_scenario(&text).unwrap()) {
        Err(ps) => ps,
        Ok(_) => panic!("resolves"),
    };
    let at_api = crate::taskdef::caused::caused_by_family(&d, &all, "api");
    assert!(
        at_api.iter().any(|p| p.message.contains("Fargate Spot")),
        "{at_api:#?}"
    );
    // FARGATE alone takes it.
    d["services"][1]["capacityProviderStrategy"] =
        json!([{"capacityProvider": "FARGATE", "weight": 1}]);
    assert_eq!(problems(&d), Vec::<String>::new());
}

/// API ServiceConnectService: "The portName must match the name of one of the portMappings
/// from all the containers in the task definition of this Amazon ECS service."
#[test]
fn a_service_connect_port_name_must_name_a_port_mapping_of_the_service_task_definition() {
    let mut d = default_doc();
    d["taskDefinitions"][1]["containerDefinitions"][0]["portMappings"][0]["name"] = json!("http");
    d["services"][1]["serviceConnectConfiguration"] =
        json!({"enabled": true, "namespace": "local", "services": [{"portName": "web"}]});
    let ps = problems(&d);
    assert!(
        ps.iter().any(|p| p.starts_with(
            "services[1].serviceConnectConfiguration.services[0].portName: The portName 'web'"
        ) && p.contains("named http")),
        "{ps:#?}"
    );
    d["services"][1]["serviceConnectConfiguration"]["services"][0]["portName"] = json!("http");
    assert_eq!(problems(&d), Vec::<String>::new());
}

/// A timeline `updateService` to a later revision is checked where the service runs, as its
/// first revision was: a Windows revision under a strategy with Fargate Spot, and a revision
/// whose port mappings lost the name Service Connect uses.
#[test]
fn a_later_revision_must_suit_where_the_service_runs() {
    let mut d = default_doc();
    let mut win = d["taskDefinitions"][1].clone();
    win["runtimePlatform"] = json!({"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"});
    win["cpu"] = json!("1024");
    win["memory"] = json!("2048");
    d["taskDefinitions"].as_array_mut().unwrap().push(win);
    d["services"][1]["taskDefinition"] = json!("api:1");
    d["timeline"] =
        json!([{"at": 60, "action": "updateService", "service": "api", "taskDefinition": "api:2"}]);
    let ps = problems(&d);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert!(
        ps[0].starts_with("timeline[0].taskDefinition:") && ps[0].contains("Windows"),
        "{ps:#?}"
    );

    let mut d = default_doc();
    d["taskDefinitions"][1]["containerDefinitions"][0]["portMappings"][0]["name"] = json!("http");
    d["services"][1]["serviceConnectConfiguration"] =
        json!({"enabled": true, "namespace": "local", "services": [{"portName": "http"}]});
    let mut unnamed = d["taskDefinitions"][1].clone();
    unnamed["containerDefinitions"][0]["portMappings"][0]
        .as_object_mut()
        .unwrap()
        .remove("name");
    d["taskDefinitions"].as_array_mut().unwrap().push(unnamed);
    // The service starts on api:1 (a family name alone would take the latest, api:2).
    d["services"][1]["taskDefinition"] = json!("api:1");
    d["timeline"] =
        json!([{"at": 60, "action": "updateService", "service": "api", "taskDefinition": "api:2"}]);
    let ps = problems(&d);
    assert!(
        ps.iter()
            .any(|p| p.starts_with("timeline[0].taskDefinition: The portName 'http'")),
        "{ps:#?}"
    );
    // Its first revision is fine, and so is a timeline that keeps it.
    d["timeline"] =
        json!([{"at": 60, "action": "updateService", "service": "api", "taskDefinition": "api:1"}]);
    assert_eq!(problems(&d), Vec::<String>::new());
}
