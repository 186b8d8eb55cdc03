//! The deployment form: a service's `deploymentConfiguration` (API DeploymentConfiguration):
//! the strategy and its settings, minimum/maximum percent and the circuit breaker. Works on the
//! document as JSON (see [`crate::form`]), so keys the form does not show (`alarms`,
//! `resetOnHealthyTask`) stay.

use super::resolve::MAX_BAKE_MINUTES;
use crate::form::find::{find_service, service_mut};
use crate::form::value::uint;
use serde_json::{json, Map, Value};

/// `strategy` values of ECS-native deployments, in the order the form lists them.
pub const STRATEGIES: [&str; 4] = ["ROLLING", "BLUE_GREEN", "CANARY", "LINEAR"];

/// A service's deployment configuration as the form shows it, ECS's defaults filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct DeploymentSettings {
    /// `strategy` (ROLLING when absent).
    pub strategy: String,
    /// `maximumPercent` (200).
    pub maximum_percent: u32,
    /// `minimumHealthyPercent` (100).
    pub minimum_healthy_percent: u32,
    /// `deploymentCircuitBreaker.enable`.
    pub circuit_breaker: bool,
    /// `deploymentCircuitBreaker.rollback`.
    pub rollback: bool,
    /// `bakeTimeInMinutes` (0).
    pub bake_time_in_minutes: u32,
    /// `canaryConfiguration.canaryPercent` (5).
    pub canary_percent: f64,
    /// `canaryConfiguration.canaryBakeTimeInMinutes` (10).
    pub canary_bake_time_in_minutes: u32,
    /// `linearConfiguration.stepPercent` (10).
    pub step_percent: f64,
    /// `linearConfiguration.stepBakeTimeInMinutes` (6).
    pub step_bake_time_in_minutes: u32,
}

/// The deployment configuration of the service named `service`, or None without that service.
pub fn deployment_settings(doc: &Value, service: &str) -> Option<DeploymentSettings> {
    let svc = find_service(doc, service)?;
    let empty = json!({});
    let dc = svc.get("deploymentConfiguration").unwrap_or(&empty);
    let cb = dc.get("deploymentCircuitBreaker").unwrap_or(&empty);
    let canary = dc.get("canaryConfiguration").unwrap_or(&empty);
    let linear = dc.get("linearConfiguration").unwrap_or(&empty);
    let f = |v: &Value, k: &str, d: f64| v.get(k).and_then(Value::as_f64).unwrap_or(d);
    let b = |v: &Value, k: &str| v.get(k).and_then(Value::as_bool).unwrap_or(false);
    Some(DeploymentSettings {
        strategy: dc
            .get("strategy")
            .and_then(Value::as_str)
            .unwrap_or("ROLLING")
            .to_string(),
        maximum_percent: uint(dc, "maximumPercent", 200),
        minimum_healthy_percent: uint(dc, "minimumHealthyPercent", 100),
        circuit_breaker: b(cb, "enable"),
        rollback: b(cb, "rollback"),
        bake_time_in_minutes: uint(dc, "bakeTimeInMinutes", 0),
        canary_percent: f(canary, "canaryPercent", 5.0),
        canary_bake_time_in_minutes: uint(canary, "canaryBakeTimeInMinutes", 10),
        step_percent: f(linear, "stepPercent", 10.0),
        step_bake_time_in_minutes: uint(linear, "stepBakeTimeInMinutes", 6),
    })
}

/// Writes `s` into the service's `deploymentConfiguration`, or names the field that is out of
/// the API's range (the document is then unchanged). Settings of other strategies are removed,
/// as ECS refuses `canaryConfiguration` without CANARY and `linearConfiguration` without LINEAR.
pub fn set_deployment_settings(
    doc: &mut Value,
    service: &str,
    s: &DeploymentSettings,
) -> Result<(), String> {
    check(s)?;
    let svc = service_mut(doc, service)?;
    let dc = svc
        .entry("deploymentConfiguration")
        .or_insert_with(|| json!({}));
    if !dc.is_object() {
        *dc = json!({});
    }
    let Some(dc) = dc.as_object_mut() else {
        return Err("deploymentConfiguration is not an object".into());
    };
    dc.insert("maximumPercent".into(), json!(s.maximum_percent));
    dc.insert(
        "minimumHealthyPercent".into(),
        json!(s.minimum_healthy_percent),
    );
    set_circuit_breaker(dc, s.circuit_breaker, s.rollback);
    for key in [
        "strategy",
        "bakeTimeInMinutes",
        "canaryConfiguration",
        "linearConfiguration",
    ] {
        dc.shift_remove(key);
    }
    if s.strategy != "ROLLING" {
        dc.insert("strategy".into(), json!(s.strategy));
        dc.insert("bakeTimeInMinutes".into(), json!(s.bake_time_in_minutes));
    }
    match s.strategy.as_str() {
        "CANARY" => {
            dc.insert(
                "canaryConfiguration".into(),
                json!({ "canaryPercent": s.canary_percent, "canaryBakeTimeInMinutes": s.canary_bake_time_in_minutes }),
            );
        }
        "LINEAR" => {
            dc.insert(
                "linearConfiguration".into(),
                json!({ "stepPercent": s.step_percent, "stepBakeTimeInMinutes": s.step_bake_time_in_minutes }),
            );
        }
        _ => {}
    }
    Ok(())
}

/// `enable`/`rollback`, keeping `resetOnHealthyTask`; both off and nothing else set removes it.
fn set_circuit_breaker(dc: &mut Map<String, Value>, enable: bool, rollback: bool) {
    let reset = dc
        .get("deploymentCircuitBreaker")
        .and_then(|c| c.get("resetOnHealthyTask"))
        .cloned();
    if !enable && !rollback && reset.is_none() {
        dc.shift_remove("deploymentCircuitBreaker");
        return;
    }
    let mut cb = json!({ "enable": enable, "rollback": rollback });
    if let (Some(r), Some(obj)) = (reset, cb.as_object_mut()) {
        obj.insert("resetOnHealthyTask".into(), r);
    }
    dc.insert("deploymentCircuitBreaker".into(), cb);
}

fn check(s: &DeploymentSettings) -> Result<(), String> {
    if !STRATEGIES.contains(&s.strategy.as_str()) {
        return Err(format!(
            "strategy must be one of {}; got {}",
            STRATEGIES.join(", "),
            s.strategy
        ));
    }
    if s.maximum_percent < 100 {
        return Err(format!(
            "maximumPercent must be at least 100; got {}",
            s.maximum_percent
        ));
    }
    if s.minimum_healthy_percent > 100 {
        return Err(format!(
            "minimumHealthyPercent must be from 0 to 100; got {}",
            s.minimum_healthy_percent
        ));
    }
    for (name, v) in [
        ("bakeTimeInMinutes", s.bake_time_in_minutes),
        ("canaryBakeTimeInMinutes", s.canary_bake_time_in_minutes),
        ("stepBakeTimeInMinutes", s.step_bake_time_in_minutes),
    ] {
        if v > MAX_BAKE_MINUTES {
            return Err(format!(
                "{name} must be from 0 to {MAX_BAKE_MINUTES}; got {v}"
            ));
        }
    }
    if !tenths_in(s.canary_percent, 0.1, 100.0) {
        return Err(format!(
            "canaryPercent must be a multiple of 0.1 from 0.1 to 100; got {}",
            s.canary_percent
        ));
    }
    if !tenths_in(s.step_percent, 3.0, 100.0) {
        return Err(format!(
            "stepPercent must be a multiple of 0.1 from 3 to 100; got {}",
            s.step_percent
        ));
    }
    Ok(())
}

/// `v` is a multiple of 0.1 within `lo..=hi` (API CanaryConfiguration, LinearConfiguration).
fn tenths_in(v: f64, lo: f64, hi: f64) -> bool {
    v.is_finite()
        && v >= lo - 1e-9
        && v <= hi + 1e-9
        && ((v * 10.0).round() - v * 10.0).abs() < 1e-6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::test_support::doc as scenario;

    const ROLLBACK: &str = include_str!("../../../tests/golden/circuit_breaker_rollback.json");

    fn doc() -> Value {
        scenario(ROLLBACK)
    }

    #[test]
    fn reads_ecs_defaults_for_absent_fields() {
        let d = json!({ "services": [{ "serviceName": "web" }] });
        let s = deployment_settings(&d, "web").expect("service");
        assert_eq!(s.strategy, "ROLLING");
        assert_eq!((s.maximum_percent, s.minimum_healthy_percent), (200, 100));
        assert!(!s.circuit_breaker && !s.rollback);
        assert_eq!((s.canary_percent, s.canary_bake_time_in_minutes), (5.0, 10));
        assert_eq!((s.step_percent, s.step_bake_time_in_minutes), (10.0, 6));
        assert_eq!(deployment_settings(&d, "nope"), None);
    }

    #[test]
    fn reads_the_circuit_breaker_of_a_golden_scenario() {
        let s = deployment_settings(&doc(), "web").expect("service");
        assert!(s.circuit_breaker && s.rollback);
    }

    #[test]
    fn circuit_breaker_off_removes_it_but_keeps_reset_on_healthy_task() {
        let mut d = json!({ "services": [{ "serviceName": "web", "deploymentConfiguration": {
            "alarms": { "alarmNames": [] },
            "deploymentCircuitBreaker": { "enable": true, "rollback": true } } }] });
        let mut s = deployment_settings(&d, "web").expect("service");
        s.circuit_breaker = false;
        s.rollback = false;
        set_deployment_settings(&mut d, "web", &s).expect("valid");
        let dc = &d["services"][0]["deploymentConfiguration"];
        assert!(dc.get("deploymentCircuitBreaker").is_none());
        assert!(
            dc.get("alarms").is_some(),
            "keys the form does not show stay"
        );
        d["services"][0]["deploymentConfiguration"]["deploymentCircuitBreaker"] =
            json!({ "enable": true, "rollback": false, "resetOnHealthyTask": false });
        set_deployment_settings(&mut d, "web", &s).expect("valid");
        assert_eq!(
            d["services"][0]["deploymentConfiguration"]["deploymentCircuitBreaker"],
            json!({ "enable": false, "rollback": false, "resetOnHealthyTask": false })
        );
    }

    #[test]
    fn out_of_range_fields_are_named_and_nothing_changes() {
        let mut d = doc();
        let before = d.clone();
        let ok = deployment_settings(&d, "web").expect("service");
        let cases: Vec<(DeploymentSettings, &str)> = vec![
            (
                DeploymentSettings {
                    maximum_percent: 99,
                    ..ok.clone()
                },
                "maximumPercent",
            ),
            (
                DeploymentSettings {
                    minimum_healthy_percent: 101,
                    ..ok.clone()
                },
                "minimumHealthyPercent",
            ),
            (
                DeploymentSettings {
                    bake_time_in_minutes: 1441,
                    ..ok.clone()
                },
                "bakeTimeInMinutes",
            ),
            (
                DeploymentSettings {
                    canary_percent: 0.05,
                    ..ok.clone()
                },
                "canaryPercent",
            ),
            (
                DeploymentSettings {
                    step_percent: 2.9,
                    ..ok.clone()
                },
                "stepPercent",
            ),
            (
                DeploymentSettings {
                    step_percent: 10.05,
                    ..ok.clone()
                },
                "stepPercent",
            ),
            (
                DeploymentSettings {
                    strategy: "CODE_DEPLOY".into(),
                    ..ok.clone()
                },
                "strategy",
            ),
        ];
        for (s, field) in cases {
            let e = set_deployment_settings(&mut d, "web", &s).unwrap_err();
            assert!(e.starts_with(field), "{e}");
        }
        assert_eq!(d, before);
        assert!(set_deployment_settings(&mut d, "nope", &ok).is_err());
    }
}
