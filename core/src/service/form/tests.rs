//! The service form's edits on their own, and with the task definition and capacity forms it
//! is shown with (those sit below it). Edits checked by resolving the whole scenario are in
//! the scenario's tests (`scenario/tests/forms_service.rs`).

use super::*;
use crate::cluster::form::group::set_group_size;
use crate::cluster::form::providers::{cluster_providers, default_strategy, ec2_providers};
use crate::form::test_support::{doc as scenario, DEFAULT_SCENARIO};
use crate::taskdef::form::{
    families, latest_revision, network_mode, register_revision, set_network_mode,
};
use crate::taskdef::network_memory::NetworkMemory;

fn doc() -> Value {
    scenario(DEFAULT_SCENARIO)
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
fn edits_on_documents_of_the_wrong_shape_fail_cleanly() {
    for mut d in [
        json!(null),
        json!([]),
        json!({ "services": 3 }),
        json!({ "services": [1, null] }),
    ] {
        assert!(services(&d).iter().all(|s| s.name.is_empty()));
        assert!(set_desired_count(&mut d, "web", 1).is_err());
        assert!(set_network_mode(&mut d, "web", "awsvpc", &mut NetworkMemory::default()).is_err());
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

#[test]
fn sets_and_removes_the_health_check_grace_period() {
    let mut d = doc();
    assert_eq!(services(&d)[0].grace_seconds, None);
    set_health_check_grace_period(&mut d, "web", Some(300)).expect("set");
    assert_eq!(d["services"][0]["healthCheckGracePeriodSeconds"], 300);
    assert_eq!(services(&d)[0].grace_seconds, Some(300));
    assert!(set_health_check_grace_period(&mut d, "web", Some(MAX_GRACE_SECONDS + 1)).is_err());
    assert_eq!(services(&d)[0].grace_seconds, Some(300));
    set_health_check_grace_period(&mut d, "web", None).expect("remove");
    assert!(d["services"][0]
        .get("healthCheckGracePeriodSeconds")
        .is_none());
    assert!(set_health_check_grace_period(&mut d, "nope", Some(1)).is_err());
}

#[test]
fn sets_and_removes_availability_zone_rebalancing() {
    let mut d = doc();
    assert_eq!(availability_zone_rebalancing(&d, "web"), None);
    set_availability_zone_rebalancing(&mut d, "web", Some("DISABLED")).expect("set");
    assert_eq!(
        availability_zone_rebalancing(&d, "web").as_deref(),
        Some("DISABLED")
    );
    let before = d.clone();
    assert!(set_availability_zone_rebalancing(&mut d, "web", Some("ON")).is_err());
    assert_eq!(d, before, "a refused value changes nothing");
    set_availability_zone_rebalancing(&mut d, "web", None).expect("remove");
    assert!(d["services"][0]
        .get("availabilityZoneRebalancing")
        .is_none());
    assert!(set_availability_zone_rebalancing(&mut d, "nope", Some("ENABLED")).is_err());
}
