//! Traffic-shifting deployments at run time (ECS-native blue/green, canary, linear and CodeDeploy): the lifecycle stages, the traffic split, bake times and clean-up.

use super::Sim;
use crate::deployment::shift::{LifecycleStage, TrafficShift};
use crate::deployment::RolloutState;

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
            ds.members_of(d)
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
        if self.services[s].deployments.list[p].shift.is_none() {
            // A rolling update has no stages; counting green's healthy tasks walked every task
            // of the deployment on each pass for nothing (issue #10).
            return;
        }
        let desired = self.services[s].desired as usize;
        let green_healthy = self.services[s]
            .deployments
            .members_of(p)
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
        let k = ds.deployment_of(t);
        Some(if k == Some(p) {
            green
        } else if k.is_some() && k == sh.blue {
            100 - green
        } else {
            0
        })
    }
}
