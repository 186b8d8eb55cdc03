//! The task definition forms (`crate::taskdef::form`) checked against the whole scenario: a new
//! revision and a network mode switch still resolve, or are reported where resolve says.

use super::forms_support::{assert_valid, default_doc as doc, problems};
use crate::taskdef::form::{
    latest_revision, network_mode, register_revision, resolve_reference, set_network_mode,
};
use serde_json::json;

#[test]
fn switching_to_awsvpc_adds_network_configuration_and_fixes_host_ports() {
    let mut d = doc();
    d["taskDefinitions"][0]["containerDefinitions"][0]["portMappings"] = json!([{ "containerPort": 80, "hostPort": 8080 }, { "containerPort": 443, "hostPort": 443 }]);
    set_network_mode(&mut d, "web", "awsvpc").unwrap();
    let td = &d["taskDefinitions"][0];
    assert_eq!(td["networkMode"], "awsvpc");
    let maps = &td["containerDefinitions"][0]["portMappings"];
    assert!(
        maps[0].get("hostPort").is_none(),
        "mismatched host port removed"
    );
    assert_eq!(maps[1]["hostPort"], 443, "a matching host port stays");
    assert_eq!(
        d["services"][0]["networkConfiguration"]["awsvpcConfiguration"]["subnets"],
        json!(["subnet-a", "subnet-b", "subnet-c"])
    );
    assert_valid(&d);

    set_network_mode(&mut d, "web", "bridge").unwrap();
    assert!(d["services"][0].get("networkConfiguration").is_none());
    assert_eq!(network_mode(&d, "web").as_deref(), Some("bridge"));
    assert_valid(&d);
    assert!(set_network_mode(&mut d, "web", "nat").is_err());
}

#[test]
fn leaving_awsvpc_on_fargate_is_reported_by_validation_not_refused() {
    let mut d = doc();
    set_network_mode(&mut d, "api", "bridge").unwrap();
    assert!(d["services"][1].get("networkConfiguration").is_none());
    let p = problems(&d);
    assert!(p.iter().any(|p| p.contains("taskDefinitions[1]")), "{p:?}");
}

#[test]
fn register_revision_appends_and_repoints_services() {
    let mut d = doc();
    let (rev, mut td) = latest_revision(&d, "web").unwrap();
    assert_eq!(rev, 1);
    td["containerDefinitions"][0]["memory"] = json!(256);
    assert_eq!(register_revision(&mut d, "web", td.clone()).unwrap(), 2);
    assert_eq!(
        d["taskDefinitions"].as_array().unwrap().len(),
        3,
        "revision 1 is kept"
    );
    assert_eq!(d["services"][0]["taskDefinition"], "web:2");
    assert_eq!(
        d["services"][1]["taskDefinition"], "api",
        "other families untouched"
    );
    assert_eq!(latest_revision(&d, "web").unwrap(), (2, td.clone()));
    assert_eq!(resolve_reference(&d, "web:1"), Some(0));
    assert_eq!(resolve_reference(&d, "web"), Some(2));
    assert_eq!(resolve_reference(&d, "web:9"), None);
    assert_valid(&d);

    assert_eq!(register_revision(&mut d, "web", td).unwrap(), 3);
    assert_eq!(d["services"][0]["taskDefinition"], "web:3");
    let err = register_revision(&mut d, "web", json!({ "family": "api" })).unwrap_err();
    assert!(err.contains("'api'"), "{err}");
    assert!(register_revision(&mut d, "web", json!([1])).is_err());
}
