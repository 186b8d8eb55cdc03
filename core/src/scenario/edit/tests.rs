use super::*;
use crate::scenario::{parse_scenario, resolve, DEFAULT_SCENARIO_JSON};

fn doc() -> Value {
    serde_json::from_str(DEFAULT_SCENARIO_JSON).unwrap()
}

/// The edited document still resolves into a runnable scenario.
fn assert_valid(doc: &Value) {
    let parsed = parse_scenario(&doc.to_string()).unwrap();
    if let Err(problems) = resolve(&parsed) {
        panic!("invalid after edit: {problems:?}");
    }
}

fn problems(doc: &Value) -> Vec<String> {
    let parsed = parse_scenario(&doc.to_string()).unwrap();
    match resolve(&parsed) {
        Ok(_) => Vec::new(),
        Err(p) => p.into_iter().map(|p| p.to_string()).collect(),
    }
}

#[test]
fn lists_services_and_families() {
    let d = doc();
    let s = services(&d);
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].name, "web");
    assert_eq!(s[0].desired_count, 6);
    assert_eq!(s[0].launch, Launch::ClusterDefault);
    assert_eq!(s[1].task_definition, "api");
    match &s[1].launch {
        Launch::Strategy(items) => {
            assert_eq!(items[0].capacity_provider, "FARGATE");
            assert_eq!(items[0].base, 1);
        }
        other => panic!("expected a strategy, got {other:?}"),
    }
    let f = families(&d);
    assert_eq!(
        f.iter().map(|f| f.family.as_str()).collect::<Vec<_>>(),
        ["web", "api"]
    );
    assert_eq!(f[0].latest_revision(), 1);
    assert_eq!(
        cluster_providers(&d, "web"),
        ["asg-m5", "FARGATE", "FARGATE_SPOT"]
    );
    assert_eq!(network_mode(&d, "api").as_deref(), Some("awsvpc"));
}

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

#[test]
fn placement_strategies_and_constraints_are_checked_and_set() {
    let mut d = doc();
    let strategies = vec![
        PlacementStrategySpec {
            kind: "spread".into(),
            field: Some("instanceId".into()),
        },
        PlacementStrategySpec {
            kind: "binpack".into(),
            field: Some("cpu".into()),
        },
    ];
    set_placement_strategy(&mut d, "web", &strategies).unwrap();
    let constraints = vec![
        PlacementConstraintSpec {
            kind: "distinctInstance".into(),
            expression: None,
        },
        PlacementConstraintSpec {
            kind: "memberOf".into(),
            expression: Some("attribute:ecs.instance-type =~ m5.*".into()),
        },
    ];
    set_placement_constraints(&mut d, "web", &constraints).unwrap();
    assert_eq!(placement(&d, "web"), (strategies, constraints));
    assert_valid(&d);

    let bad = [PlacementStrategySpec {
        kind: "binpack".into(),
        field: Some("disk".into()),
    }];
    assert!(set_placement_strategy(&mut d, "web", &bad)
        .unwrap_err()
        .contains("cpu or memory"));
    let six = vec![
        PlacementStrategySpec {
            kind: "random".into(),
            field: None
        };
        6
    ];
    assert!(set_placement_strategy(&mut d, "web", &six)
        .unwrap_err()
        .contains("at most 5"));
    let empty = [PlacementConstraintSpec {
        kind: "memberOf".into(),
        expression: Some(" ".into()),
    }];
    assert!(set_placement_constraints(&mut d, "web", &empty)
        .unwrap_err()
        .contains("expression"));
    let eleven = vec![
        PlacementConstraintSpec {
            kind: "distinctInstance".into(),
            expression: None
        };
        11
    ];
    assert!(set_placement_constraints(&mut d, "web", &eleven).is_err());

    set_placement_strategy(&mut d, "web", &[]).unwrap();
    set_placement_constraints(&mut d, "web", &[]).unwrap();
    assert!(d["services"][0].get("placementStrategy").is_none());
    assert!(d["services"][0].get("placementConstraints").is_none());
}

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
fn auto_scaling_group_type_and_sizes() {
    let mut d = doc();
    set_instance_type(&mut d, "asg-m5", "c5.xlarge").unwrap();
    set_group_size(&mut d, "asg-m5", 1, 2, 4).unwrap();
    assert_eq!(
        group_size(&d, "asg-m5"),
        Some(GroupSize {
            instance_type: "c5.xlarge".into(),
            min: 1,
            desired: 2,
            max: 4
        })
    );
    assert_valid(&d);
    assert!(set_instance_type(&mut d, "asg-m5", "m99.huge")
        .unwrap_err()
        .contains("catalogue"));
    assert!(set_group_size(&mut d, "asg-m5", 3, 2, 4)
        .unwrap_err()
        .contains("between"));
    assert!(set_group_size(&mut d, "asg-m5", 5, 5, 4)
        .unwrap_err()
        .contains("above"));
    assert!(set_group_size(&mut d, "nope", 1, 1, 1).is_err());
    assert_eq!(group_providers(&d), ["asg-m5"]);
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
fn edits_on_documents_of_the_wrong_shape_fail_cleanly() {
    for mut d in [
        json!(null),
        json!([]),
        json!({ "services": 3 }),
        json!({ "services": [1, null] }),
    ] {
        assert!(services(&d).iter().all(|s| s.name.is_empty()));
        assert!(set_desired_count(&mut d, "web", 1).is_err());
        assert!(set_network_mode(&mut d, "web", "awsvpc").is_err());
        assert!(set_group_size(&mut d, "g", 0, 0, 0).is_err());
        assert_eq!(latest_revision(&d, "web"), None);
    }
    assert!(register_revision(&mut json!(null), "web", json!({})).is_err());
    let mut d = json!({ "services": [] });
    assert_eq!(register_revision(&mut d, "web", json!({})).unwrap(), 1);
    assert_eq!(d["taskDefinitions"][0]["family"], "web");
}

#[test]
fn key_order_is_kept_by_edits() {
    let mut d = doc();
    set_desired_count(&mut d, "web", 3).unwrap();
    let keys: Vec<&String> = d.as_object().unwrap().keys().collect();
    assert_eq!(keys[..3], ["version", "seed", "name"]);
    let svc: Vec<&String> = d["services"][0].as_object().unwrap().keys().collect();
    assert_eq!(
        svc[..4],
        ["serviceName", "cluster", "taskDefinition", "desiredCount"]
    );
}

#[test]
fn ec2_capacity_of_a_service_follows_its_launch_settings() {
    let mut d = doc();
    assert_eq!(
        ec2_providers(&d, "web"),
        ["asg-m5"],
        "cluster default strategy"
    );
    assert!(ec2_providers(&d, "api").is_empty(), "Fargate only");
    assert_eq!(default_strategy(&d, "web")[0].capacity_provider, "asg-m5");
    set_launch_type(&mut d, "api", "EC2").unwrap();
    assert_eq!(ec2_providers(&d, "api"), ["asg-m5"]);
    set_launch_type(&mut d, "web", "FARGATE").unwrap();
    assert!(ec2_providers(&d, "web").is_empty());
    assert!(ec2_providers(&d, "nope").is_empty());
}

#[test]
fn typed_counts_are_rounded_and_clamped() {
    assert_eq!(clamp_count("12", 5000), Some(12));
    assert_eq!(clamp_count(" 2.6 ", 5000), Some(3));
    assert_eq!(clamp_count("-4", 5000), Some(0));
    assert_eq!(clamp_count("99999", 5000), Some(5000));
    assert_eq!(clamp_count("1e9", 5000), Some(5000));
    assert_eq!(clamp_count("", 5000), None);
    assert_eq!(clamp_count("six", 5000), None);
    assert_eq!(clamp_count("NaN", 5000), None);
}
