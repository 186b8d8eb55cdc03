//! Deployment alarms applied (rules in `crate::deployment::alarms`): once a minute, after the
//! minute's metrics, a service's PRIMARY deployment that watches alarms fails when one of them
//! is in ALARM, and rolls back if the service asks for it.

use super::Sim;
use crate::deployment::RolloutState;
use crate::metrics::Dimension;

impl Sim {
    /// Every service whose PRIMARY deployment watches alarms (IN_PROGRESS, neither the one
    /// create-service made nor a rollback, and one of its tasks has reached RUNNING: ECS starts watching "as
    /// soon as any task is running on the updated service") fails it when an alarm is in ALARM.
    pub(crate) fn watch_deployment_alarms(&mut self) {
        for s in 0..self.model.services.len() {
            if self.model.services[s].deployment_alarms.is_none() {
                continue;
            }
            let ds = &self.services[s].deployments;
            let Some(p) = ds.primary() else {
                continue;
            };
            let d = &ds.list[p];
            // A rollback does not watch them: they are still in ALARM from the revision it
            // replaces, and failing it would leave the service on that revision (the
            // playground's choice; the guide does not say).
            if d.rollout_state != RolloutState::InProgress || d.initial || d.rollback {
                continue;
            }
            // A traffic-shifting deployment is watched until its bake time ends: in CLEAN_UP
            // the blue tasks are going and there is nothing left to roll back to (DG
            // blue-green-deployment-how-it-works: alarms are monitored "during the bake time
            // period", then the blue environment is terminated). Failing it there sent
            // production traffic to an empty blue target group (student walkthrough, lesson
            // 11 with bakeTimeInMinutes 0).
            if d.shift
                .as_ref()
                .is_some_and(|sh| sh.stage == crate::deployment::shift::LifecycleStage::CleanUp)
            {
                continue;
            }
            if !self.deployment_reached_running(s, p) {
                continue;
            }
            let Some(watch) = &self.model.services[s].deployment_alarms else {
                continue;
            };
            let fired = watch.alarms.iter().copied().find(|&k| {
                self.model.alarms.get(k).is_some_and(|a| {
                    a.alarm.in_alarm(
                        self.metrics
                            .series(a.alarm.metric, &Dimension::Service(a.service)),
                    )
                })
            });
            if let Some(k) = fired {
                let rollback = watch.rollback;
                let name = self.model.alarms[k].name.clone();
                self.fail_deployment_on_alarm(s, p, &name, rollback);
                // The scheduler acts on the failure (and on the rollback) in its next pass.
                self.request_reconcile(s);
            }
        }
    }
}
