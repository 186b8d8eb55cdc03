//! The traffic form (`crate::traffic::form`) checked against the whole scenario: every
//! profile shape it writes, and an entry it adds, still resolve.

use super::forms_support::{doc, resolves};
use crate::traffic::form::{
    default_traffic, profile_fields, remove_traffic, set_traffic, shape, traffic, with_shape,
    SHAPES,
};
use crate::traffic::RateProfile;

const STEP: &str = include_str!("../../../../tests/golden/traffic_step_doubles_cpu.json");
const NONE: &str = include_str!("../../../../tests/golden/managed_scaling.json");

#[test]
fn every_shape_keeps_the_base_rate_and_resolves() {
    for s in SHAPES {
        let mut d = doc(STEP);
        let mut t = traffic(&d, "web").expect("entry");
        t.profile = with_shape(&t.profile, s);
        assert_eq!(shape(&t.profile), s);
        assert_eq!(profile_fields(&t.profile)[0].value, 50.0);
        set_traffic(&mut d, &t).expect("valid");
        assert_eq!(traffic(&d, "web"), Some(t));
        assert!(resolves(&d), "{s}");
    }
    let p = RateProfile::Constant {
        requests_per_second: 1.0,
    };
    assert_eq!(with_shape(&p, "wave"), p);
}

#[test]
fn adding_and_removing_an_entry() {
    let mut d = doc(NONE);
    set_traffic(&mut d, &default_traffic("worker")).expect("valid");
    assert_eq!(traffic(&d, "worker"), Some(default_traffic("worker")));
    assert!(resolves(&d));
    remove_traffic(&mut d, "worker");
    assert!(d.get("traffic").is_none());
    assert!(set_traffic(&mut d, &default_traffic("nope")).is_err());
}
