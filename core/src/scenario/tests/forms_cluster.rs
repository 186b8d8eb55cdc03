//! The capacity forms (`crate::cluster::form`) checked against the whole scenario: an Auto
//! Scaling group's type and sizes, and a provider's managed scaling, still resolve.

use super::forms_support::{assert_valid, default_doc, doc as scenario};
use crate::cluster::form::group::{
    group_size, set_group_size, set_instance_type, set_trunking, GroupSize,
};
use crate::cluster::form::managed_scaling::{managed_scaling, set_managed_scaling};
use crate::cluster::form::providers::group_providers;
use crate::scenario::{parse_scenario, resolve};

#[test]
fn auto_scaling_group_type_and_sizes() {
    let mut d = default_doc();
    set_instance_type(&mut d, "asg-m5", "c5.xlarge").unwrap();
    set_group_size(&mut d, "asg-m5", 1, 2, 4).unwrap();
    assert_eq!(
        group_size(&d, "asg-m5"),
        Some(GroupSize {
            instance_type: "c5.xlarge".into(),
            min: 1,
            desired: 2,
            max: 4,
            trunking: false,
        })
    );
    assert_valid(&d);
    // ENI trunking (lesson 3's hint asks for it): on writes true, off writes false only where
    // the key was written.
    let untouched = d.clone();
    set_trunking(&mut d, "asg-m5", false).unwrap();
    assert_eq!(d, untouched);
    set_trunking(&mut d, "asg-m5", true).unwrap();
    assert!(group_size(&d, "asg-m5").is_some_and(|g| g.trunking));
    assert_valid(&d);
    set_trunking(&mut d, "asg-m5", false).unwrap();
    assert_eq!(
        d["capacityProviders"][0]["autoScalingGroupProvider"]["autoScalingGroup"]["awsvpcTrunking"],
        serde_json::json!(false)
    );
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
fn writes_back_a_scenario_that_still_resolves() {
    let mut d = scenario(include_str!(
        "../../../../tests/golden/managed_scaling.json"
    ));
    let mut s = managed_scaling(&d, "asg").expect("provider");
    s.target_capacity = 80;
    s.maximum_scaling_step_size = 2;
    s.managed_termination_protection = false;
    set_managed_scaling(&mut d, "asg", &s).expect("valid");
    assert_eq!(managed_scaling(&d, "asg"), Some(s));
    let text = serde_json::to_string(&d).expect("text");
    assert!(resolve(&parse_scenario(&text).expect("parses")).is_ok());
}
