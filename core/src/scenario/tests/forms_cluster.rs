//! The capacity forms (`crate::cluster::form`) checked against the whole scenario: an Auto
//! Scaling group's type and sizes still resolve.

use super::forms_support::{assert_valid, default_doc};
use crate::cluster::form::group::{group_size, set_group_size, set_instance_type, GroupSize};
use crate::cluster::form::providers::group_providers;

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
