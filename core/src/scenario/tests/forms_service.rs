//! The service form (`crate::service::form`) checked against the whole scenario: a desired
//! count, launch type or capacity provider strategy it writes still resolves.

use super::forms_support::{assert_valid, default_doc as doc};
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
