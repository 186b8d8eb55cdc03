//! Deployments that shift production traffic from the old tasks (blue) to the new ones
//! (green): ECS-native BLUE_GREEN, CANARY and LINEAR (DG deployment-type-blue-green,
//! canary-deployment, linear-deployment) and the CodeDeploy predefined ECS configurations
//! (CodeDeploy User Guide, deployment-configurations). Green scales up to the full desired
//! count beside blue, production traffic moves in steps, both run for the bake time, then blue
//! is cleaned up.

use super::RolloutState;
use crate::sim::Sim;
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

impl Sim {
    /// Whether task `new`, just started by the PRIMARY deployment, registers in the service's
    /// alternate target group (false without `advancedConfiguration`, so other services are
    /// unchanged):
    ///
    /// - it joins the group its deployment's tasks are already in (after a completed
    ///   blue/green the groups have swapped roles, and later tasks follow green);
    /// - a new blue/green, canary or linear deployment registers green in the group blue is
    ///   not in (DG blue-green-deployment: green tasks are registered with the alternate target
    ///   group, and the production listener is then moved to it);
    /// - otherwise the production group.
    pub(crate) fn green_uses_alternate_group(&self, s: usize, new: usize) -> bool {
        let Some(alternate) = self.model.services[s]
            .load_balancer
            .as_ref()
            .and_then(|lb| lb.alternate_target_group)
        else {
            return false;
        };
        let ds = &self.services[s].deployments;
        let Some(p) = ds.primary() else {
            return false;
        };
        let group_of = |d: usize| {
            ds.tasks_of(d)
                .into_iter()
                .filter(|&t| t != new && self.tasks[t].is_active())
                .find_map(|t| self.tasks[t].target_group)
        };
        if let Some(g) = group_of(p) {
            return g == alternate;
        }
        match ds.list[p].shift.as_ref() {
            Some(sh) => sh.blue.and_then(group_of) != Some(alternate),
            None => false,
        }
    }

    /// Makes the PRIMARY deployment `p` a traffic-shifting one, when the service has a plan.
    pub(crate) fn begin_traffic_shift(&mut self, s: usize, p: usize) {
        let Some(plan) = self.model.services[s].traffic_shift.clone() else {
            return;
        };
        let blue = p.checked_sub(1);
        let d = &mut self.services[s].deployments.list[p];
        // PRE_SCALE_UP has nothing to do here (no lifecycle hooks): green scales up at once.
        d.shift = Some(TrafficShift {
            plan,
            stage: LifecycleStage::ScaleUp,
            steps_done: 0,
            blue,
            next_at: self.now,
        });
        let text = format!("deployment {} lifecycleStage SCALE_UP", d.id);
        self.trace_only(&text);
    }

    /// Whether the PRIMARY deployment is shifting traffic and blue must stay as it is: until
    /// CLEAN_UP, or for good when the deployment failed without a rollback.
    pub(crate) fn shift_holds_blue(&self, s: usize) -> bool {
        let ds = &self.services[s].deployments;
        ds.primary().is_some_and(|p| {
            let d = &ds.list[p];
            d.rollout_state != RolloutState::Completed
                && d.shift
                    .as_ref()
                    .is_some_and(|sh| sh.stage != LifecycleStage::CleanUp)
        })
    }

    /// Moves a traffic-shifting deployment through its stages as far as it can now.
    pub(crate) fn advance_traffic_shift(&mut self, s: usize) {
        let Some(p) = self.services[s].deployments.primary() else {
            return;
        };
        if self.services[s].deployments.list[p].rollout_state != RolloutState::InProgress {
            return;
        }
        let desired = self.services[s].desired as usize;
        let green_healthy = self.services[s]
            .deployments
            .tasks_of(p)
            .into_iter()
            .filter(|&t| self.counts_as_healthy(t))
            .count();
        let now = self.now;
        let mut wake = None;
        let mut changes = Vec::new();
        {
            let d = &mut self.services[s].deployments.list[p];
            let Some(sh) = d.shift.as_mut() else {
                return;
            };
            loop {
                let before = (sh.stage, sh.steps_done);
                match sh.stage {
                    LifecycleStage::PreScaleUp => sh.stage = LifecycleStage::ScaleUp,
                    LifecycleStage::ScaleUp if green_healthy >= desired => {
                        sh.stage = LifecycleStage::PostScaleUp;
                    }
                    LifecycleStage::ScaleUp => {}
                    LifecycleStage::PostScaleUp => sh.stage = LifecycleStage::TestTrafficShift,
                    LifecycleStage::TestTrafficShift => {
                        sh.stage = LifecycleStage::PostTestTrafficShift;
                    }
                    LifecycleStage::PostTestTrafficShift => {
                        sh.stage = LifecycleStage::ProductionTrafficShift;
                        sh.steps_done = 1;
                        sh.next_at = now + sh.plan.step_wait_ms;
                    }
                    LifecycleStage::ProductionTrafficShift => {
                        if sh.steps_done >= sh.plan.steps_tenths.len() {
                            sh.stage = LifecycleStage::PostProductionTrafficShift;
                        } else if now >= sh.next_at {
                            sh.steps_done += 1;
                            sh.next_at = now + sh.plan.step_wait_ms;
                        } else {
                            wake = Some(sh.next_at);
                        }
                    }
                    LifecycleStage::PostProductionTrafficShift => {
                        sh.stage = LifecycleStage::BakeTime;
                        sh.next_at = now + sh.plan.bake_ms;
                    }
                    LifecycleStage::BakeTime if now >= sh.next_at => {
                        sh.stage = LifecycleStage::CleanUp;
                    }
                    LifecycleStage::BakeTime => wake = Some(sh.next_at),
                    LifecycleStage::CleanUp => {}
                }
                if (sh.stage, sh.steps_done) == before {
                    break;
                }
                changes.push(format!(
                    "deployment {} lifecycleStage {:?} green {} tenths",
                    d.id,
                    sh.stage,
                    sh.green_tenths()
                ));
            }
            if !changes.is_empty() {
                d.updated_at = now;
            }
        }
        for c in changes {
            self.trace_only(&c);
        }
        if let Some(at) = wake {
            self.wake_scheduler_at(s, at);
        }
    }

    /// Production traffic share (percent) of task `t`'s deployment while a shift is under way:
    /// green gets the current step, blue the rest, any other deployment none; a FAILED green
    /// gets nothing (traffic returns to blue). Shares are rounded up to whole percent for
    /// green, so a 0.1% canary still reaches one percent.
    pub(crate) fn shift_weight(&self, t: usize) -> Option<u32> {
        let s = self.tasks[t].service?;
        let ds = &self.services[s].deployments;
        let p = ds.primary()?;
        let d = &ds.list[p];
        let sh = d.shift.as_ref()?;
        if d.rollout_state == RolloutState::Completed {
            return None;
        }
        let green = if d.rollout_state == RolloutState::Failed {
            0
        } else {
            sh.green_tenths().div_ceil(10)
        };
        let k = ds.task_deployment.get(&t).copied();
        Some(if k == Some(p) {
            green
        } else if k.is_some() && k == sh.blue {
            100 - green
        } else {
            0
        })
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
