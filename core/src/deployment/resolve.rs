//! Resolves a service's deployment keys: `deploymentController`, the circuit breaker, the
//! ECS-native strategies (`strategy`, `bakeTimeInMinutes`, `canaryConfiguration`,
//! `linearConfiguration`) and the simulator key `codeDeploy`, with ECS's limits.

use super::spec::{CodeDeploySpec, DeploymentConfiguration, DeploymentController};

use super::circuit_breaker::CircuitBreakerConfig;
use super::shift::ShiftPlan;
use crate::problem::Problems;

/// Longest bake time of any kind: 1440 minutes (API DeploymentConfiguration,
/// CanaryConfiguration, LinearConfiguration).
pub const MAX_BAKE_MINUTES: u32 = 1440;
/// Longest CodeDeploy termination wait: 2880 minutes (CodeDeploy API
/// BlueInstanceTerminationOption).
pub const MAX_TERMINATION_WAIT_MINUTES: u32 = 2880;

/// What the deployment keys resolve to.
#[derive(Debug, Default)]
pub struct DeploymentKeys {
    /// The circuit breaker, when enabled.
    pub circuit_breaker: Option<CircuitBreakerConfig>,
    /// How traffic shifts; None for a rolling update.
    pub traffic_shift: Option<ShiftPlan>,
}

/// A percentage in tenths if it is a multiple of 0.1 within `lo..=hi` tenths.
fn tenths(value: f64, lo: u32, hi: u32) -> Option<u32> {
    let t = (value * 10.0).round();
    let whole = (value * 10.0 - t).abs() < 1e-6;
    (whole && t >= f64::from(lo) && t <= f64::from(hi)).then_some(t as u32)
}

/// Resolves the deployment keys of service `path`.
pub fn resolve(
    path: &str,
    controller: Option<&DeploymentController>,
    code_deploy_spec: Option<&CodeDeploySpec>,
    dc: &DeploymentConfiguration,
    daemon: bool,
    p: &mut Problems,
) -> DeploymentKeys {
    let mut out = DeploymentKeys::default();
    let mut problem = |path: String, m: String| p.push(path, m);
    let dcp = format!("{path}.deploymentConfiguration");
    let controller = controller.map_or("ECS", |c| c.kind.as_str());
    match controller {
        "ECS" | "CODE_DEPLOY" => {}
        "EXTERNAL" => problem(
            format!("{path}.deploymentController.type"),
            "the simulator does not run the EXTERNAL deployment controller".into(),
        ),
        other => problem(
            format!("{path}.deploymentController.type"),
            format!("deploymentController type must be ECS, CODE_DEPLOY or EXTERNAL; got {other}"),
        ),
    }
    let code_deploy = controller == "CODE_DEPLOY";
    if let Some(cb) = &dc.deployment_circuit_breaker {
        if cb.enable && code_deploy {
            // API DeploymentCircuitBreaker: "can only be used for services using the rolling
            // update (ECS) deployment type".
            problem(
                format!("{dcp}.deploymentCircuitBreaker"),
                "The deployment circuit breaker can only be used for services using the rolling update (ECS) deployment type.".into(),
            );
        }
        out.circuit_breaker = cb.enable.then_some(CircuitBreakerConfig {
            rollback: cb.rollback,
            reset_on_healthy_task: cb.reset_on_healthy_task.unwrap_or(true),
        });
    }
    let bake = dc.bake_time_in_minutes;
    if bake.is_some_and(|b| b > MAX_BAKE_MINUTES) {
        problem(
            format!("{dcp}.bakeTimeInMinutes"),
            format!("bakeTimeInMinutes must be between 0 and {MAX_BAKE_MINUTES}"),
        );
    }
    let strategy = dc.strategy.as_deref().unwrap_or("ROLLING");
    if dc.canary_configuration.is_some() && strategy != "CANARY" {
        problem(
            format!("{dcp}.canaryConfiguration"),
            "canaryConfiguration is only valid with the CANARY strategy".into(),
        );
    }
    if dc.linear_configuration.is_some() && strategy != "LINEAR" {
        problem(
            format!("{dcp}.linearConfiguration"),
            "linearConfiguration is only valid with the LINEAR strategy".into(),
        );
    }
    if strategy != "ROLLING" && (code_deploy || daemon) {
        problem(
            format!("{dcp}.strategy"),
            "deployment strategies other than ROLLING need the ECS deployment controller and the REPLICA scheduling strategy".into(),
        );
    }
    let bake = bake.unwrap_or(0).min(MAX_BAKE_MINUTES);
    match strategy {
        "ROLLING" => {}
        "BLUE_GREEN" => {
            if dc.bake_time_in_minutes.is_none() {
                // API DeploymentConfiguration: "You must provide this parameter when you use
                // the BLUE_GREEN deployment strategy."
                problem(
                    format!("{dcp}.bakeTimeInMinutes"),
                    "bakeTimeInMinutes is required for the BLUE_GREEN deployment strategy".into(),
                );
            }
            out.traffic_shift = Some(ShiftPlan::blue_green("BLUE_GREEN", bake));
        }
        "CANARY" => {
            let c = dc.canary_configuration.as_ref();
            let pct = c.and_then(|c| c.canary_percent).unwrap_or(5.0);
            let wait = c.and_then(|c| c.canary_bake_time_in_minutes).unwrap_or(10);
            let Some(t) = tenths(pct, 1, 1000) else {
                problem(
                    format!("{dcp}.canaryConfiguration.canaryPercent"),
                    "canaryPercent must be a multiple of 0.1 from 0.1 to 100.0".into(),
                );
                return out;
            };
            if wait > MAX_BAKE_MINUTES {
                problem(
                    format!("{dcp}.canaryConfiguration.canaryBakeTimeInMinutes"),
                    format!("canaryBakeTimeInMinutes must be between 0 and {MAX_BAKE_MINUTES}"),
                );
            }
            out.traffic_shift = Some(ShiftPlan::canary(
                "CANARY",
                t,
                wait.min(MAX_BAKE_MINUTES),
                bake,
            ));
        }
        "LINEAR" => {
            let l = dc.linear_configuration.as_ref();
            let pct = l.and_then(|l| l.step_percent).unwrap_or(10.0);
            let wait = l.and_then(|l| l.step_bake_time_in_minutes).unwrap_or(6);
            let Some(t) = tenths(pct, 30, 1000) else {
                problem(
                    format!("{dcp}.linearConfiguration.stepPercent"),
                    "stepPercent must be a multiple of 0.1 from 3.0 to 100.0".into(),
                );
                return out;
            };
            if wait > MAX_BAKE_MINUTES {
                problem(
                    format!("{dcp}.linearConfiguration.stepBakeTimeInMinutes"),
                    format!("stepBakeTimeInMinutes must be between 0 and {MAX_BAKE_MINUTES}"),
                );
            }
            out.traffic_shift = Some(ShiftPlan::linear(
                "LINEAR",
                t,
                wait.min(MAX_BAKE_MINUTES),
                bake,
            ));
        }
        other => problem(
            format!("{dcp}.strategy"),
            format!("strategy must be ROLLING, BLUE_GREEN, CANARY or LINEAR; got {other}"),
        ),
    }
    match (code_deploy_spec, code_deploy) {
        (Some(_), false) => problem(
            format!("{path}.codeDeploy"),
            "codeDeploy needs deploymentController type CODE_DEPLOY".into(),
        ),
        (None, true) => problem(
            format!("{path}.codeDeploy"),
            "a CODE_DEPLOY service needs codeDeploy.deploymentConfigName".into(),
        ),
        (Some(cd), true) => {
            let wait = cd.termination_wait_time_in_minutes.unwrap_or(0);
            if wait > MAX_TERMINATION_WAIT_MINUTES {
                problem(
                    format!("{path}.codeDeploy.terminationWaitTimeInMinutes"),
                    format!("terminationWaitTimeInMinutes must be between 0 and {MAX_TERMINATION_WAIT_MINUTES}"),
                );
            }
            match ShiftPlan::code_deploy(
                &cd.deployment_config_name,
                wait.min(MAX_TERMINATION_WAIT_MINUTES),
            ) {
                Some(plan) => out.traffic_shift = Some(plan),
                None => problem(
                    format!("{path}.codeDeploy.deploymentConfigName"),
                    format!("unknown deployment configuration {}: use CodeDeployDefault.ECSAllAtOnce, ECSCanary10Percent5Minutes, ECSCanary10Percent15Minutes, ECSLinear10PercentEvery1Minutes or ECSLinear10PercentEvery3Minutes", cd.deployment_config_name),
                ),
            }
        }
        (None, false) => {}
    }
    out
}

/// The rolling update bounds `(maximumPercent, minimumHealthyPercent)` (DG
/// deployment-type-ecs): 200 and 100 by default for REPLICA; a DAEMON service uses 100 and 0,
/// and its maximumPercent must stay 100.
pub fn bounds(
    path: &str,
    dc: &DeploymentConfiguration,
    daemon: bool,
    p: &mut Problems,
) -> (u32, u32) {
    let maximum_percent = dc.maximum_percent.unwrap_or(if daemon { 100 } else { 200 });
    let minimum_healthy_percent =
        dc.minimum_healthy_percent
            .unwrap_or(if daemon { 0 } else { 100 });
    if daemon && maximum_percent != 100 {
        p.push(
            format!("{path}.deploymentConfiguration.maximumPercent"),
            "The daemon scheduling strategy requires a maximumPercent of 100.",
        );
    }
    if maximum_percent < 100 && !daemon {
        p.push(
            format!("{path}.deploymentConfiguration.maximumPercent"),
            "maximumPercent must be at least 100",
        );
    }
    if minimum_healthy_percent > 100 {
        p.push(
            format!("{path}.deploymentConfiguration.minimumHealthyPercent"),
            "minimumHealthyPercent must be between 0 and 100",
        );
    }
    (maximum_percent, minimum_healthy_percent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_multiples_of_a_tenth_within_the_documented_range() {
        // API CanaryConfiguration: 0.1–100.0; LinearConfiguration: 3.0–100.0.
        assert_eq!(tenths(10.0, 1, 1000), Some(100));
        assert_eq!(tenths(0.1, 1, 1000), Some(1));
        assert_eq!(tenths(0.05, 1, 1000), None);
        assert_eq!(tenths(2.9, 30, 1000), None);
        assert_eq!(tenths(33.3, 30, 1000), Some(333));
        assert_eq!(tenths(100.1, 30, 1000), None);
    }
}
