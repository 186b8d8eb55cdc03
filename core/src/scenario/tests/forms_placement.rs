//! The placement form (`crate::placement::form`) checked against the whole scenario: the
//! strategies and constraints it accepts resolve, and what it refuses is named.

use super::forms_support::{assert_valid, default_doc as doc};
use crate::placement::form::{
    member_of_start, placement, set_placement_constraints, set_placement_strategy,
};
use crate::placement::{PlacementConstraintSpec, PlacementStrategySpec};

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

/// A new memberOf row names every instance type the scenario has, so adding it keeps every
/// instance a candidate until the student narrows it; it is a valid constraint as it stands.
#[test]
fn a_new_member_of_row_names_every_instance_type_of_the_scenario() {
    let d = doc();
    let start = member_of_start(&d);
    assert_eq!(start, "attribute:ecs.instance-type in [m5.large]");
    let mut edited = d.clone();
    let row = PlacementConstraintSpec {
        kind: "memberOf".into(),
        expression: Some(start),
    };
    set_placement_constraints(&mut edited, "web", &[row]).expect("valid");
    assert_valid(&edited);
    assert_eq!(
        member_of_start(&serde_json::json!({})),
        "attribute:ecs.os-type == linux"
    );
}
