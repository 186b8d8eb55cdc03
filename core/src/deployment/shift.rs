//! Deployments that shift production traffic from the old tasks (blue) to the new ones
//! (green): ECS-native BLUE_GREEN, CANARY and LINEAR (DG deployment-type-blue-green,
//! canary-deployment, linear-deployment) and the CodeDeploy predefined ECS configurations
//! (CodeDeploy User Guide, deployment-configurations). Green scales up to the full desired
//! count beside blue, production traffic moves in steps, both run for the bake time, then blue
//! is cleaned up.

use crate::time::Millis;
use serde::Serialize;

/// The lifecycle stages of an ECS blue/green deployment, as `lifecycleStage` names them
/// (API ServiceDeployment). The test-traffic stages pass at once (the simulator has no test
/// listener); RECONCILE_SERVICE, which ECS runs only when more than one revision is ACTIVE, is
/// not modelled, and PRE_SCALE_UP passes at once (no lifecycle hooks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LifecycleStage {
    /// Green has not started; blue serves all production traffic.
    PreScaleUp,
    /// Green scales up to 100% of the desired count and serves no traffic yet.
    ScaleUp,
    /// Green is up; blue still serves all production traffic.
    PostScaleUp,
    /// Test traffic moves to green (no test listener here: passes at once).
    TestTrafficShift,
    /// Test traffic is on green.
    PostTestTrafficShift,
    /// Production traffic moves to green in the strategy's steps.
    ProductionTrafficShift,
    /// All production traffic is on green.
    PostProductionTrafficShift,
    /// Blue and green both run for `bakeTimeInMinutes`.
    BakeTime,
    /// Blue is stopped.
    CleanUp,
}

/// How a service's deployments shift traffic, resolved from `deploymentConfiguration` or the
/// CodeDeploy preset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftPlan {
    /// The strategy's name as shown (`BLUE_GREEN`, `CANARY`, `LINEAR` or the CodeDeploy
    /// configuration name).
    pub name: String,
    /// Green's share of production traffic after each step, in tenths of a percent; the last
    /// is 1000.
    pub steps_tenths: Vec<u32>,
    /// Wait between steps (none after the last).
    pub step_wait_ms: Millis,
    /// Bake time after the last step, before blue is cleaned up.
    pub bake_ms: Millis,
}

const MINUTE_MS: Millis = 60_000;

impl ShiftPlan {
    /// BLUE_GREEN: all production traffic at once, then the bake time.
    pub fn blue_green(name: &str, bake_minutes: u32) -> ShiftPlan {
        ShiftPlan {
            name: name.to_string(),
            steps_tenths: vec![1000],
            step_wait_ms: 0,
            bake_ms: u64::from(bake_minutes) * MINUTE_MS,
        }
    }

    /// CANARY: `percent_tenths` first, the rest after the canary bake time (API
    /// CanaryConfiguration).
    pub fn canary(
        name: &str,
        percent_tenths: u32,
        wait_minutes: u32,
        bake_minutes: u32,
    ) -> ShiftPlan {
        let mut steps = vec![percent_tenths.min(1000)];
        if percent_tenths < 1000 {
            steps.push(1000);
        }
        ShiftPlan {
            name: name.to_string(),
            steps_tenths: steps,
            step_wait_ms: u64::from(wait_minutes) * MINUTE_MS,
            bake_ms: u64::from(bake_minutes) * MINUTE_MS,
        }
    }

    /// LINEAR: equal steps of `step_tenths` until 100% (the last step may be smaller), waiting
    /// between steps but not after reaching 100% (API LinearConfiguration).
    pub fn linear(name: &str, step_tenths: u32, wait_minutes: u32, bake_minutes: u32) -> ShiftPlan {
        let step = step_tenths.clamp(1, 1000);
        let steps = (1..)
            .map(|k| (k * step).min(1000))
            .take_while(|&w| w < 1000)
            .chain(std::iter::once(1000))
            .collect();
        ShiftPlan {
            name: name.to_string(),
            steps_tenths: steps,
            step_wait_ms: u64::from(wait_minutes) * MINUTE_MS,
            bake_ms: u64::from(bake_minutes) * MINUTE_MS,
        }
    }

    /// The CodeDeploy predefined ECS deployment configurations (CodeDeploy User Guide,
    /// "Predefined deployment configurations for an Amazon ECS compute platform"); the original
    /// task set is kept `termination_wait_minutes` after the shift.
    pub fn code_deploy(name: &str, termination_wait_minutes: u32) -> Option<ShiftPlan> {
        let w = termination_wait_minutes;
        Some(match name {
            "CodeDeployDefault.ECSAllAtOnce" => ShiftPlan::blue_green(name, w),
            "CodeDeployDefault.ECSCanary10Percent5Minutes" => ShiftPlan::canary(name, 100, 5, w),
            "CodeDeployDefault.ECSCanary10Percent15Minutes" => ShiftPlan::canary(name, 100, 15, w),
            "CodeDeployDefault.ECSLinear10PercentEvery1Minutes" => {
                ShiftPlan::linear(name, 100, 1, w)
            }
            "CodeDeployDefault.ECSLinear10PercentEvery3Minutes" => {
                ShiftPlan::linear(name, 100, 3, w)
            }
            _ => return None,
        })
    }
}

/// Where a traffic-shifting deployment is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrafficShift {
    /// The plan it follows.
    pub plan: ShiftPlan,
    /// The current lifecycle stage.
    pub stage: LifecycleStage,
    /// Steps of the plan taken so far.
    pub steps_done: usize,
    /// The deployment whose tasks are blue (the PRIMARY one when this one started).
    pub blue: Option<usize>,
    /// When the next step or the end of the bake time is due.
    pub next_at: Millis,
}

impl TrafficShift {
    /// Green's share of production traffic, tenths of a percent.
    pub fn green_tenths(&self) -> u32 {
        self.steps_done
            .checked_sub(1)
            .and_then(|k| self.plan.steps_tenths.get(k).copied())
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_follow_the_strategy_and_preset_definitions() {
        // API CanaryConfiguration: canary percent, then the rest after the canary bake time.
        let c = ShiftPlan::canary("CANARY", 100, 5, 10);
        assert_eq!(c.steps_tenths, vec![100, 1000]);
        assert_eq!((c.step_wait_ms, c.bake_ms), (300_000, 600_000));
        // API LinearConfiguration: equal steps; 30% steps end with a 10% one.
        assert_eq!(
            ShiftPlan::linear("LINEAR", 300, 1, 0).steps_tenths,
            vec![300, 600, 900, 1000]
        );
        assert_eq!(
            ShiftPlan::linear("LINEAR", 100, 1, 0).steps_tenths.len(),
            10
        );
        // CodeDeploy presets: ECSCanary10Percent15Minutes, ECSLinear10PercentEvery3Minutes.
        let p = ShiftPlan::code_deploy("CodeDeployDefault.ECSCanary10Percent15Minutes", 5)
            .expect("known preset");
        assert_eq!(p.steps_tenths, vec![100, 1000]);
        assert_eq!((p.step_wait_ms, p.bake_ms), (900_000, 300_000));
        let l = ShiftPlan::code_deploy("CodeDeployDefault.ECSLinear10PercentEvery3Minutes", 0)
            .expect("known preset");
        assert_eq!(l.steps_tenths.len(), 10);
        assert_eq!(l.step_wait_ms, 180_000);
        let a = ShiftPlan::code_deploy("CodeDeployDefault.ECSAllAtOnce", 0).expect("known");
        assert_eq!(a.steps_tenths, vec![1000]);
        assert!(ShiftPlan::code_deploy("CodeDeployDefault.OneAtATime", 0).is_none());
    }
}
