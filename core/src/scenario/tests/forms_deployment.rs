//! The deployment form (`crate::deployment::form`) checked against the whole scenario: each
//! strategy's settings it writes still resolve.

use super::forms_support::{doc as scenario, resolves};
use crate::deployment::form::{deployment_settings, set_deployment_settings};
use serde_json::Value;

const ROLLBACK: &str = include_str!("../../../../tests/golden/circuit_breaker_rollback.json");

fn doc() -> Value {
    scenario(ROLLBACK)
}

#[test]
fn canary_writes_only_its_own_configuration_and_still_resolves() {
    let mut d = doc();
    let mut s = deployment_settings(&d, "web").expect("service");
    s.strategy = "CANARY".into();
    s.canary_percent = 20.0;
    s.bake_time_in_minutes = 3;
    set_deployment_settings(&mut d, "web", &s).expect("valid");
    let dc = &d["services"][0]["deploymentConfiguration"];
    assert_eq!(dc["strategy"], "CANARY");
    assert_eq!(dc["canaryConfiguration"]["canaryPercent"], 20.0);
    assert!(dc.get("linearConfiguration").is_none());
    assert_eq!(deployment_settings(&d, "web"), Some(s.clone()));
    assert!(resolves(&d));
    // Back to ROLLING drops every strategy key.
    s.strategy = "ROLLING".into();
    set_deployment_settings(&mut d, "web", &s).expect("valid");
    let dc = &d["services"][0]["deploymentConfiguration"];
    assert!(dc.get("strategy").is_none() && dc.get("canaryConfiguration").is_none());
    assert!(dc.get("bakeTimeInMinutes").is_none());
}

#[test]
fn linear_and_blue_green_write_their_keys() {
    let mut d = doc();
    let mut s = deployment_settings(&d, "web").expect("service");
    s.strategy = "LINEAR".into();
    s.step_percent = 25.0;
    s.step_bake_time_in_minutes = 2;
    set_deployment_settings(&mut d, "web", &s).expect("valid");
    let dc = &d["services"][0]["deploymentConfiguration"];
    assert_eq!(dc["linearConfiguration"]["stepBakeTimeInMinutes"], 2);
    assert!(resolves(&d));
    s.strategy = "BLUE_GREEN".into();
    s.bake_time_in_minutes = 15;
    set_deployment_settings(&mut d, "web", &s).expect("valid");
    let dc = &d["services"][0]["deploymentConfiguration"];
    assert_eq!(dc["bakeTimeInMinutes"], 15);
    assert!(dc.get("linearConfiguration").is_none());
    assert!(resolves(&d));
}
