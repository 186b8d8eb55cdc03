//! The task definition forms (`crate::taskdef::form`) checked against the whole scenario: a new
//! revision and a network mode switch still resolve, or are reported where resolve says.

use super::forms_support::{assert_valid, default_doc as doc, problems};
use crate::service::network_form::{awsvpc_form, set_awsvpc_configuration};
use crate::taskdef::form::{
    latest_revision, network_mode, register_revision, resolve_reference, set_network_mode,
};
use crate::taskdef::network_memory::{Holder, NetworkMemory};
use serde_json::json;

#[test]
fn switching_to_awsvpc_adds_network_configuration_and_fixes_host_ports() {
    let mut d = doc();
    d["taskDefinitions"][0]["containerDefinitions"][0]["portMappings"] = json!([{ "containerPort": 80, "hostPort": 8080 }, { "containerPort": 443, "hostPort": 443 }]);
    set_network_mode(&mut d, "web", "awsvpc", &mut NetworkMemory::default()).unwrap();
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

    set_network_mode(&mut d, "web", "bridge", &mut NetworkMemory::default()).unwrap();
    assert!(d["services"][0].get("networkConfiguration").is_none());
    assert_eq!(network_mode(&d, "web").as_deref(), Some("bridge"));
    assert_valid(&d);
    assert!(set_network_mode(&mut d, "web", "nat", &mut NetworkMemory::default()).is_err());
}

#[test]
fn leaving_awsvpc_on_fargate_is_reported_by_validation_not_refused() {
    let mut d = doc();
    set_network_mode(&mut d, "api", "bridge", &mut NetworkMemory::default()).unwrap();
    assert!(d["services"][1].get("networkConfiguration").is_none());
    let p = problems(&d);
    assert!(p.iter().any(|p| p.contains("taskDefinitions[1]")), "{p:?}");
}

#[test]
fn awsvpc_to_bridge_to_host_and_back_gives_the_service_its_subnets_and_security_groups_back() {
    // ECS refuses networkConfiguration unless the task definition is awsvpc ("Network
    // Configuration is not valid for the given networkMode of this task definition"), so the
    // bridge scenario leaves it out; the form's memory brings it back (walkthrough, 2026-12-05:
    // it came back as every subnet and no security groups).
    let mut d = doc();
    let mut memory = NetworkMemory::default();
    set_network_mode(&mut d, "web", "awsvpc", &mut memory).unwrap();
    let groups = ["sg-0a1".to_string(), "sg-0b2".to_string()];
    // assignPublicIp ENABLED is Fargate's only: web runs on EC2, so DISABLED (written out).
    set_awsvpc_configuration(&mut d, "web", &["subnet-b".into()], &groups, false).unwrap();
    let chosen = d["services"][0]["networkConfiguration"].clone();
    set_network_mode(&mut d, "web", "bridge", &mut memory).unwrap();
    assert!(d["services"][0].get("networkConfiguration").is_none());
    assert_valid(&d);
    assert!(memory.holds(&Holder::Service("web".into())));
    set_network_mode(&mut d, "web", "host", &mut memory).unwrap();
    assert_valid(&d);
    let back = set_network_mode(&mut d, "web", "awsvpc", &mut memory).unwrap();
    assert_eq!(back, [Holder::Service("web".into())]);
    assert_eq!(d["services"][0]["networkConfiguration"], chosen);
    let form = awsvpc_form(&d, "web");
    assert_eq!(
        (form.subnets, form.security_groups),
        (vec!["subnet-b".to_string()], groups.to_vec())
    );
    assert_eq!(
        d["services"][0]["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"],
        "DISABLED"
    );
    assert_valid(&d);
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

#[test]
fn register_revision_of_describe_output_stores_the_definition_not_the_wrapper() {
    // A walkthrough pasted `aws ecs describe-task-definition` output into the tab (which reads
    // it) and registered it: `family` went beside the wrapper, and the scenario broke.
    let mut d = doc();
    let (_, mut td) = latest_revision(&d, "api").unwrap();
    td["taskDefinitionArn"] = json!("arn:aws:ecs:us-east-1:123456789012:task-definition/api:7");
    td["revision"] = json!(7);
    td["status"] = json!("ACTIVE");
    let described = json!({ "taskDefinition": td, "tags": [{ "key": "team", "value": "a" }] });
    assert_eq!(register_revision(&mut d, "api", described).unwrap(), 2);
    let stored = d["taskDefinitions"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert!(stored.get("taskDefinition").is_none(), "{stored}");
    assert_eq!(stored["family"], "api");
    assert_eq!(stored["tags"], json!([{ "key": "team", "value": "a" }]));
    for key in ["taskDefinitionArn", "revision", "status"] {
        assert!(stored.get(key).is_none(), "{key} kept: {stored}");
    }
    assert_eq!(d["services"][1]["taskDefinition"], "api:2");
    assert_valid(&d);

    // Another family inside the wrapper is refused like one outside it, and the tab marks it.
    let mut other = latest_revision(&d, "api").unwrap().1;
    other["family"] = json!("orders-api");
    let wrapped = json!({ "taskDefinition": other });
    let err = register_revision(&mut d, "api", wrapped.clone()).unwrap_err();
    assert!(err.contains("'orders-api'"), "{err}");
    let mark = crate::taskdef::form::family_problem(&wrapped, "api").unwrap();
    assert_eq!(mark.path, "taskDefinition.family");
    assert!(crate::taskdef::form::family_problem(&other, "orders-api").is_none());
}

#[test]
fn every_read_only_key_of_describe_output_is_named_at_once() {
    // The inner object pasted alone (`jq .taskDefinition`): the AWS CLI lists every unknown
    // parameter; the playground had named one per round.
    let (_, mut td) = latest_revision(&doc(), "api").unwrap();
    for (key, value) in [
        (
            "taskDefinitionArn",
            json!("arn:aws:ecs:us-east-1:1:task-definition/api:1"),
        ),
        ("revision", json!(1)),
        ("status", json!("ACTIVE")),
        ("compatibilities", json!(["EC2", "FARGATE"])),
        ("registeredAt", json!("2026-12-01T10:00:00Z")),
    ] {
        td[key] = value;
    }
    let Err(crate::taskdef::TaskDefinitionError::Invalid(problems)) =
        crate::taskdef::parse_task_definition(&td.to_string())
    else {
        panic!("read-only keys accepted");
    };
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "taskDefinitionArn",
            "revision",
            "status",
            "compatibilities",
            "registeredAt"
        ]
    );
    assert!(problems[0]
        .message
        .contains("read-only field of describe-task-definition"));
}

#[test]
fn a_kept_public_ip_comes_back_disabled_on_a_service_moved_to_ec2() {
    // Fargate with assignPublicIp ENABLED, bridge, launch type EC2, awsvpc again: ENABLED came
    // back and the scenario was invalid ("Assign public IP is not supported for this launch
    // type", review 2026-12-05).
    let mut d = doc();
    let mut memory = NetworkMemory::default();
    set_awsvpc_configuration(&mut d, "api", &["subnet-a".into()], &[], true).unwrap();
    assert_eq!(
        d["services"][1]["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"],
        "ENABLED"
    );
    set_network_mode(&mut d, "api", "bridge", &mut memory).unwrap();
    d["services"][1]
        .as_object_mut()
        .unwrap()
        .remove("capacityProviderStrategy");
    d["services"][1]["launchType"] = json!("EC2");
    set_network_mode(&mut d, "api", "awsvpc", &mut memory).unwrap();
    let back = &d["services"][1]["networkConfiguration"]["awsvpcConfiguration"];
    assert_eq!(back["assignPublicIp"], "DISABLED");
    assert_eq!(back["subnets"], json!(["subnet-a"]));
}
