//! Resolves a service's deployment keys: `deploymentController`, the circuit breaker, the
//! ECS-native strategies (`strategy`, `bakeTimeInMinutes`, `canaryConfiguration`,
//! `linearConfiguration`) and the simulator key `codeDeploy`, with ECS's limits.

use super::spec::{
    CodeDeploySpec, DeploymentConfiguration, DeploymentController, ThresholdConfiguration,
};

use super::circuit_breaker::{CircuitBreakerConfig, ThresholdRule};
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
    /// `deploymentController.type` is CODE_DEPLOY (no circuit breaker; the percentages only
    /// bound tasks on DRAINING instances).
    pub code_deploy: bool,
    /// `deploymentConfiguration.alarms`, when enabled: the alarm names (resolved against the
    /// scenario's `cloudWatchAlarms` by the scenario) and whether a failure rolls back.
    pub alarms: Option<AlarmWatch>,
}

/// The CloudWatch alarms a service's deployments watch (API DeploymentAlarms, enabled).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlarmWatch {
    /// Names of `cloudWatchAlarms` entries, as written.
    pub names: Vec<String>,
    /// Indices of those entries in the model (filled by the scenario's resolve).
    pub alarms: Vec<usize>,
    /// Whether a deployment an alarm fails rolls back to the last completed one.
    pub rollback: bool,
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
    let code_deploy = is_code_deploy(path, controller, p);
    let dcp = format!("{path}.deploymentConfiguration");
    let mut out = DeploymentKeys {
        circuit_breaker: circuit_breaker(&dcp, dc, code_deploy, p),
        traffic_shift: None,
        code_deploy,
        alarms: alarm_watch(&dcp, dc, code_deploy, p),
    };
    match ecs_strategy(&dcp, dc, code_deploy || daemon, p) {
        Ok(plan) => out.traffic_shift = plan,
        // A percentage that is not a multiple of 0.1 stops here: nothing else is checked.
        Err(Unusable) => return out,
    }
    if let Some(plan) = code_deploy_plan(path, code_deploy_spec, code_deploy, p) {
        out.traffic_shift = Some(plan);
    }
    out
}

/// `deploymentController.type`: ECS and CODE_DEPLOY run; EXTERNAL is refused. Whether it is
/// CODE_DEPLOY.
fn is_code_deploy(path: &str, controller: Option<&DeploymentController>, p: &mut Problems) -> bool {
    let controller = controller.map_or("ECS", |c| c.kind.as_str());
    match controller {
        "ECS" | "CODE_DEPLOY" => {}
        "EXTERNAL" => p.push(
            format!("{path}.deploymentController.type"),
            "the simulator does not run the EXTERNAL deployment controller",
        ),
        other => p.push(
            format!("{path}.deploymentController.type"),
            format!("deploymentController type must be ECS, CODE_DEPLOY or EXTERNAL; got {other}"),
        ),
    }
    controller == "CODE_DEPLOY"
}

/// The deployment alarms, when enabled; API DeploymentAlarms: "You can only use the
/// DeploymentAlarms method to detect failures when the DeploymentController is set to ECS".
fn alarm_watch(
    dcp: &str,
    dc: &DeploymentConfiguration,
    code_deploy: bool,
    p: &mut Problems,
) -> Option<AlarmWatch> {
    let a = dc.alarms.as_ref()?;
    if !a.enable {
        return None;
    }
    if code_deploy {
        p.push(
            format!("{dcp}.alarms"),
            "Deployment alarms can only be used when the deploymentController type is ECS.",
        );
        return None;
    }
    if a.alarm_names.is_empty() {
        p.push(
            format!("{dcp}.alarms.alarmNames"),
            "alarmNames must name at least one alarm when alarms are enabled",
        );
    }
    Some(AlarmWatch {
        names: a.alarm_names.clone(),
        alarms: Vec::new(),
        rollback: a.rollback,
    })
}

/// The circuit breaker, when enabled; API DeploymentCircuitBreaker: it "can only be used for
/// services using the rolling update (ECS) deployment type".
fn circuit_breaker(
    dcp: &str,
    dc: &DeploymentConfiguration,
    code_deploy: bool,
    p: &mut Problems,
) -> Option<CircuitBreakerConfig> {
    let cb = dc.deployment_circuit_breaker.as_ref()?;
    if cb.enable && code_deploy {
        p.push(
            format!("{dcp}.deploymentCircuitBreaker"),
            "The deployment circuit breaker can only be used for services using the rolling update (ECS) deployment type.",
        );
    }
    let threshold = match &cb.threshold_configuration {
        None => ThresholdRule::default(),
        Some(tc) => threshold_rule(
            &format!("{dcp}.deploymentCircuitBreaker.thresholdConfiguration"),
            tc,
            p,
        )?,
    };
    cb.enable.then_some(CircuitBreakerConfig {
        rollback: cb.rollback,
        reset_on_healthy_task: cb.reset_on_healthy_task.unwrap_or(true),
        threshold,
    })
}

/// `thresholdConfiguration` (API ThresholdConfiguration, ThresholdType). The value is an
/// Integer; the guide gives no bounds, so the playground asks for 1 or more (a threshold of 0
/// would fail a deployment before any task failed) and at most 2,147,483,647.
fn threshold_rule(
    at: &str,
    tc: &ThresholdConfiguration,
    p: &mut Problems,
) -> Option<ThresholdRule> {
    if tc.value == 0 || tc.value > i32::MAX as u32 {
        p.push(
            format!("{at}.value"),
            format!("value must be between 1 and 2147483647, not {}", tc.value),
        );
        return None;
    }
    match tc.kind.as_str() {
        "COUNT" => Some(ThresholdRule::Count(tc.value)),
        "BOUNDED_PERCENT" => Some(ThresholdRule::BoundedPercent(tc.value)),
        "UNBOUNDED_PERCENT" => Some(ThresholdRule::UnboundedPercent(tc.value)),
        other => {
            p.push(
                format!("{at}.type"),
                format!("type must be COUNT, BOUNDED_PERCENT or UNBOUNDED_PERCENT; got {other}"),
            );
            None
        }
    }
}

/// A canary or linear percentage that cannot be used (reported): the other keys are not read.
struct Unusable;

/// The ECS-native strategy (`strategy`, `bakeTimeInMinutes`, `canaryConfiguration`,
/// `linearConfiguration`) as a traffic shift plan; None for ROLLING. Strategies other than
/// ROLLING need the ECS controller and REPLICA scheduling (`rolling_only`).
fn ecs_strategy(
    dcp: &str,
    dc: &DeploymentConfiguration,
    rolling_only: bool,
    p: &mut Problems,
) -> Result<Option<ShiftPlan>, Unusable> {
    if dc
        .bake_time_in_minutes
        .is_some_and(|b| b > MAX_BAKE_MINUTES)
    {
        p.push(
            format!("{dcp}.bakeTimeInMinutes"),
            format!("bakeTimeInMinutes must be between 0 and {MAX_BAKE_MINUTES}"),
        );
    }
    let strategy = dc.strategy.as_deref().unwrap_or("ROLLING");
    if dc.canary_configuration.is_some() && strategy != "CANARY" {
        p.push(
            format!("{dcp}.canaryConfiguration"),
            "canaryConfiguration is only valid with the CANARY strategy",
        );
    }
    if dc.linear_configuration.is_some() && strategy != "LINEAR" {
        p.push(
            format!("{dcp}.linearConfiguration"),
            "linearConfiguration is only valid with the LINEAR strategy",
        );
    }
    if strategy != "ROLLING" && rolling_only {
        p.push(
            format!("{dcp}.strategy"),
            "deployment strategies other than ROLLING need the ECS deployment controller and the REPLICA scheduling strategy",
        );
    }
    let bake = dc.bake_time_in_minutes.unwrap_or(0).min(MAX_BAKE_MINUTES);
    match strategy {
        "ROLLING" => Ok(None),
        "BLUE_GREEN" => {
            if dc.bake_time_in_minutes.is_none() {
                // API DeploymentConfiguration: "You must provide this parameter when you use
                // the BLUE_GREEN deployment strategy."
                p.push(
                    format!("{dcp}.bakeTimeInMinutes"),
                    "bakeTimeInMinutes is required for the BLUE_GREEN deployment strategy",
                );
            }
            Ok(Some(ShiftPlan::blue_green("BLUE_GREEN", bake)))
        }
        "CANARY" => {
            let c = dc.canary_configuration.as_ref();
            let pct = c.and_then(|c| c.canary_percent).unwrap_or(5.0);
            let wait = c.and_then(|c| c.canary_bake_time_in_minutes).unwrap_or(10);
            let Some(t) = tenths(pct, 1, 1000) else {
                p.push(
                    format!("{dcp}.canaryConfiguration.canaryPercent"),
                    "canaryPercent must be a multiple of 0.1 from 0.1 to 100.0",
                );
                return Err(Unusable);
            };
            let wait = bake_minutes(
                &format!("{dcp}.canaryConfiguration.canaryBakeTimeInMinutes"),
                "canaryBakeTimeInMinutes",
                wait,
                p,
            );
            Ok(Some(ShiftPlan::canary("CANARY", t, wait, bake)))
        }
        "LINEAR" => {
            let l = dc.linear_configuration.as_ref();
            let pct = l.and_then(|l| l.step_percent).unwrap_or(10.0);
            let wait = l.and_then(|l| l.step_bake_time_in_minutes).unwrap_or(6);
            let Some(t) = tenths(pct, 30, 1000) else {
                p.push(
                    format!("{dcp}.linearConfiguration.stepPercent"),
                    "stepPercent must be a multiple of 0.1 from 3.0 to 100.0",
                );
                return Err(Unusable);
            };
            let wait = bake_minutes(
                &format!("{dcp}.linearConfiguration.stepBakeTimeInMinutes"),
                "stepBakeTimeInMinutes",
                wait,
                p,
            );
            Ok(Some(ShiftPlan::linear("LINEAR", t, wait, bake)))
        }
        other => {
            p.push(
                format!("{dcp}.strategy"),
                format!("strategy must be ROLLING, BLUE_GREEN, CANARY or LINEAR; got {other}"),
            );
            Ok(None)
        }
    }
}

/// A bake time of 0–1440 minutes (reported above, then clamped).
fn bake_minutes(path: &str, key: &str, minutes: u32, p: &mut Problems) -> u32 {
    if minutes > MAX_BAKE_MINUTES {
        p.push(
            path,
            format!("{key} must be between 0 and {MAX_BAKE_MINUTES}"),
        );
    }
    minutes.min(MAX_BAKE_MINUTES)
}

/// The simulator key `codeDeploy`: only with the CODE_DEPLOY controller, which needs it; its
/// predefined configuration as a traffic shift plan.
fn code_deploy_plan(
    path: &str,
    spec: Option<&CodeDeploySpec>,
    code_deploy: bool,
    p: &mut Problems,
) -> Option<ShiftPlan> {
    match (spec, code_deploy) {
        (Some(_), false) => p.push(
            format!("{path}.codeDeploy"),
            "codeDeploy needs deploymentController type CODE_DEPLOY",
        ),
        (None, true) => p.push(
            format!("{path}.codeDeploy"),
            "a CODE_DEPLOY service needs codeDeploy.deploymentConfigName",
        ),
        (Some(cd), true) => {
            let wait = cd.termination_wait_time_in_minutes.unwrap_or(0);
            if wait > MAX_TERMINATION_WAIT_MINUTES {
                p.push(
                    format!("{path}.codeDeploy.terminationWaitTimeInMinutes"),
                    format!("terminationWaitTimeInMinutes must be between 0 and {MAX_TERMINATION_WAIT_MINUTES}"),
                );
            }
            let plan = ShiftPlan::code_deploy(
                &cd.deployment_config_name,
                wait.min(MAX_TERMINATION_WAIT_MINUTES),
            );
            if plan.is_none() {
                p.push(
                    format!("{path}.codeDeploy.deploymentConfigName"),
                    format!("unknown deployment configuration {}: use CodeDeployDefault.ECSAllAtOnce, ECSCanary10Percent5Minutes, ECSCanary10Percent15Minutes, ECSLinear10PercentEvery1Minutes or ECSLinear10PercentEvery3Minutes", cd.deployment_config_name),
                );
            }
            return plan;
        }
        (None, false) => {}
    }
    None
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
