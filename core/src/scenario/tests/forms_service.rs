//! The service form (`crate::service::form`) checked against the whole scenario: a desired
//! count, launch type or capacity provider strategy it writes still resolves.

use super::forms_support::{assert_valid, default_doc as doc, problems};
use crate::cluster::CapacityProviderStrategyItem;
use crate::service::form::{
    services, set_capacity_provider_strategy, set_desired_count, set_launch_type, Launch,
};

#[test]
fn desired_count_is_set_and_capped_at_the_service_quota() {
    let mut d = doc();
    set_desired_count(&mut d, "web", 2).unwrap();
    assert_eq!(services(&d)[0].desired_count, 2);
    assert_valid(&d);
    let err = set_desired_count(&mut d, "web", 5001).unwrap_err();
    assert!(err.contains("5000"), "{err}");
    assert_eq!(
        services(&d)[0].desired_count,
        2,
        "a refused edit changes nothing"
    );
    assert!(set_desired_count(&mut d, "nope", 1)
        .unwrap_err()
        .contains("nope"));
}

#[test]
fn launch_type_ec2_with_its_fill_leaves_the_fargate_only_api_service_valid() {
    // The form's EC2 choice on the default api service (a FARGATE-only revision): the launch
    // type alone is refused at the task definition, with the fill it resolves.
    let mut d = doc();
    set_launch_type(&mut d, "api", "EC2").unwrap();
    assert!(
        problems(&d)
            .iter()
            .any(|p| p.contains("does not support launch_type EC2")),
        "{:?}",
        problems(&d)
    );
    crate::service::network_form::fill_for_ec2(&mut d, "api").unwrap();
    assert_valid(&d);
}

#[test]
fn launch_type_and_strategy_replace_each_other() {
    let mut d = doc();
    set_launch_type(&mut d, "web", "EC2").unwrap();
    assert_eq!(services(&d)[0].launch, Launch::LaunchType("EC2".into()));
    assert_valid(&d);
    let items = vec![CapacityProviderStrategyItem {
        capacity_provider: "asg-m5".into(),
        weight: 1,
        base: 2,
    }];
    set_capacity_provider_strategy(&mut d, "web", &items).unwrap();
    assert_eq!(services(&d)[0].launch, Launch::Strategy(items));
    assert!(d["services"][0].get("launchType").is_none());
    assert_valid(&d);
    let foreign = [CapacityProviderStrategyItem {
        capacity_provider: "other".into(),
        weight: 1,
        base: 0,
    }];
    let err = set_capacity_provider_strategy(&mut d, "web", &foreign).unwrap_err();
    assert!(err.contains("'other'") && err.contains("asg-m5"), "{err}");
    set_capacity_provider_strategy(&mut d, "web", &[]).unwrap();
    assert_eq!(services(&d)[0].launch, Launch::ClusterDefault);
    assert!(set_launch_type(&mut d, "web", "SPOT").is_err());
}

/// Issue #14: choosing FARGATE in the form for the default web service (bridge, EC2 only, a
/// placement strategy) used to leave two errors; the fill makes it valid.
#[test]
fn fargate_chosen_for_the_bridge_ec2_web_service_resolves_after_the_fill() {
    let mut d = doc();
    set_launch_type(&mut d, "web", "FARGATE").unwrap();
    assert!(!super::forms_support::problems(&d).is_empty());
    let notes = crate::service::network_form::fill_for_fargate(
        &mut d,
        "web",
        &mut crate::taskdef::network_memory::NetworkMemory::default(),
    )
    .unwrap();
    assert!(!notes.is_empty());
    assert_valid(&d);
}

#[test]
fn the_awsvpc_form_writes_a_configuration_that_resolves() {
    use crate::service::network_form::{parse_security_groups, set_awsvpc_configuration};
    let mut d = doc();
    let groups = parse_security_groups("sg-0a1,sg-0b2").unwrap();
    set_awsvpc_configuration(&mut d, "api", &["subnet-b".into()], &groups, true).unwrap();
    assert_valid(&d);
}

/// A definition valid on its own can still cause the scenario's problems where it is used:
/// the editor shows them at the definition (issue #14).
#[test]
fn problems_a_family_causes_are_found_at_the_services_that_run_it() {
    use crate::taskdef::caused::caused_by_family;
    let mut d = doc();
    set_launch_type(&mut d, "web", "FARGATE").unwrap();
    d["services"][0]
        .as_object_mut()
        .unwrap()
        .remove("placementStrategy");
    let text = serde_json::to_string(&d).unwrap();
    let all = match crate::scenario::resolve(&crate::scenario::parse_scenario(&text).unwrap()) {
        Ok(_) => panic!("expected problems"),
        Err(p) => p,
    };
    let web = caused_by_family(&d, &all, "web");
    assert!(
        web.iter().any(|p| p.path == "services[0].taskDefinition"
            && p.message.contains("does not support launch_type FARGATE")),
        "{web:?}"
    );
    assert!(caused_by_family(&d, &all, "api").is_empty());
    assert!(caused_by_family(&doc(), &[], "web").is_empty());
}

#[test]
fn a_load_balancer_container_port_the_definition_lost_is_blamed_on_the_definition() {
    // Lesson 2 (student walkthrough, 2026-12-06): `"portMappings": []` left the service's
    // `loadBalancers[0].containerPort` naming a port the definition no longer has; the task
    // definition tab said "No problems: ECS would accept this."
    use crate::taskdef::caused::caused_by_family;
    // The lesson's file, not `challenge::course` (a layer above the scenario's).
    let lesson: serde_json::Value =
        serde_json::from_str(include_str!("../../challenge/course/02-host-ports.json"))
            .expect("JSON");
    let mut d = lesson["scenario"].clone();
    d["taskDefinitions"][0]["containerDefinitions"][0]["portMappings"] = serde_json::json!([]);
    let text = serde_json::to_string(&d).unwrap();
    let all = match crate::scenario::resolve(&crate::scenario::parse_scenario(&text).unwrap()) {
        Ok(_) => panic!("expected problems"),
        Err(p) => p,
    };
    let family = d["taskDefinitions"][0]["family"]
        .as_str()
        .unwrap_or_default();
    let blamed = caused_by_family(&d, &all, family);
    assert!(
        blamed
            .iter()
            .any(|p| p.path == "services[0].loadBalancers[0].containerPort"),
        "{all:?}"
    );
}

#[test]
fn a_launch_type_beside_a_strategy_is_one_problem_not_a_compatibility_one_too() {
    // API CreateService: launchType and capacityProviderStrategy are exclusive. The engineer
    // walkthrough also got "does not support launch_type EC2", a type the input never named.
    let mut d = doc();
    d["services"][1]["launchType"] = serde_json::json!("FARGATE");
    let text = serde_json::to_string(&d).unwrap();
    let all = match crate::scenario::resolve(&crate::scenario::parse_scenario(&text).unwrap()) {
        Ok(_) => panic!("expected problems"),
        Err(p) => p,
    };
    let messages: Vec<&str> = all.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        vec!["Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again."],
        "{all:?}"
    );
    assert_eq!(all[0].path, "services[1].launchType");
}

#[test]
fn a_service_field_of_the_wrong_type_is_said_in_plain_words() {
    // The engineer walkthrough read "invalid type: string \"6\", expected u32".
    let mut d = doc();
    d["services"][0]["desiredCount"] = serde_json::json!("6");
    let Err(crate::scenario::ScenarioError::Invalid(ps)) =
        crate::scenario::parse_scenario(&d.to_string())
    else {
        panic!("a string desiredCount parsed");
    };
    assert_eq!(ps[0].path, "services[0].desiredCount");
    assert_eq!(
        ps[0].message,
        "invalid type: string \"6\", expected a whole number from 0 to 4294967295 (write it without quotes: 6)"
    );
}

#[test]
fn a_cluster_arn_says_what_to_write_and_a_missing_revision_which_exist() {
    // API CreateService: `cluster` and `taskDefinition` take a short name or a full ARN. The
    // playground takes a task definition ARN; a cluster ARN (the engineer walkthrough's read
    // only "Cluster not found") is refused with the name to write.
    let mut d = doc();
    let cluster = d["clusters"][0]["clusterName"]
        .as_str()
        .unwrap()
        .to_string();
    d["services"][0]["taskDefinition"] =
        serde_json::json!("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1");
    assert_valid(&d);
    d["services"][0]["cluster"] = serde_json::json!(format!(
        "arn:aws:ecs:us-east-1:123456789012:cluster/{cluster}"
    ));
    let p = problems(&d);
    assert!(
        p.iter().any(|p| p.contains("services[0].cluster")
            && p.contains(&format!("write \"cluster\": \"{cluster}\""))),
        "{p:?}"
    );
    d["services"][0]["cluster"] = serde_json::json!(cluster);
    // A revision copied from describe output: the scenario numbers its own.
    d["services"][0]["taskDefinition"] = serde_json::json!("web:14");
    let p = problems(&d);
    assert!(
        p.iter().any(|p| p.contains("services[0].taskDefinition")
            && p.contains("It registers only web:1: revisions are numbered")),
        "{p:?}"
    );
}

#[test]
fn the_scenario_json_refuses_security_groups_the_form_refuses() {
    // The engineer walkthrough: "web-sg" was accepted in the JSON, refused by the form.
    let mut d = doc();
    d["services"][1]["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"] =
        serde_json::json!(["sg-0123456789abcdef0", "web-sg"]);
    let p = problems(&d);
    assert!(
        p.iter().any(|p| p
            .contains("services[1].networkConfiguration.awsvpcConfiguration.securityGroups[1]")
            && p.contains("'web-sg' is not a security group ID")),
        "{p:?}"
    );
    d["services"][1]["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"] =
        serde_json::json!(["sg-1", "sg-2", "sg-3", "sg-4", "sg-5", "sg-6"]);
    assert!(problems(&d)
        .iter()
        .any(|p| p.contains("6 security groups: ECS allows at most 5")));
    d["services"][1]["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"] =
        serde_json::json!(["sg-1"]);
    assert_valid(&d);
}

#[test]
fn attaching_a_load_balancer_gives_bridge_and_awsvpc_services_a_valid_target_group() {
    use crate::elb::form::{attach_load_balancer, detach_load_balancer, service_target_group};
    // The default scenario: web (bridge, nginx on container port 80, dynamic host port) and api
    // (awsvpc, port 8080), neither behind a load balancer.
    let mut d = doc();
    let notes = attach_load_balancer(&mut d, "web").unwrap();
    assert_eq!(
        notes,
        [
            "Added target group web-tg (targetGroups), with the defaults: HTTP, health checks on /, deregistration delay 300 s.",
            "Service web now registers container nginx, port 80, in web-tg (loadBalancers).",
        ]
    );
    attach_load_balancer(&mut d, "api").unwrap();
    assert_valid(&d);
    assert_eq!(service_target_group(&d, "api").unwrap().name, "api-tg");
    // That the run then registers the tasks as healthy targets is `tests::elb`'s (the engine
    // sits above this module).
    // Once attached, again is refused; detached, the group goes with it.
    assert_eq!(
        attach_load_balancer(&mut d, "web").unwrap_err(),
        "service 'web' already has a load balancer"
    );
    assert_eq!(
        detach_load_balancer(&mut d, "web").unwrap(),
        [
            "Service web no longer uses a load balancer (loadBalancers removed).",
            "Removed target group web-tg (targetGroups): no other service uses it."
        ]
    );
    assert!(service_target_group(&d, "web").is_none());
    assert_valid(&d);
    assert!(detach_load_balancer(&mut d, "web")
        .unwrap_err()
        .contains("has no load balancer"));
    // An empty list is no load balancer either, and stays as written.
    d["services"][0]["loadBalancers"] = serde_json::json!([]);
    let before = d.clone();
    assert!(detach_load_balancer(&mut d, "web").is_err());
    assert_eq!(d, before);
}

#[test]
fn attaching_a_load_balancer_is_refused_without_a_mapped_port_and_names_a_free_group() {
    use crate::elb::form::attach_load_balancer;
    let mut d = doc();
    // A name already taken gets the next free one.
    d["targetGroups"] = serde_json::json!([{ "targetGroupName": "web-tg" }]);
    let notes = attach_load_balancer(&mut d, "web").unwrap();
    assert!(
        notes[0].starts_with("Added target group web-tg-2 "),
        "{notes:?}"
    );
    // No container port: nothing to send requests to, and nothing changes.
    let mut d = doc();
    d["taskDefinitions"][0]["containerDefinitions"][0]
        .as_object_mut()
        .unwrap()
        .remove("portMappings");
    let before = d.clone();
    let err = attach_load_balancer(&mut d, "web").unwrap_err();
    assert!(
        err.starts_with("no container of task definition web maps a port"),
        "{err}"
    );
    assert_eq!(d, before);
    assert!(attach_load_balancer(&mut d, "nope")
        .unwrap_err()
        .contains("nope"));
}
