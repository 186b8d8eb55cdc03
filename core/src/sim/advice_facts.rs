//! Recording the engine facts proven advice reads ([`crate::advice::facts`]): reads of state
//! the engine already has, no random draws, no log or trace lines.

use super::Sim;
use crate::advice::facts::{record, Fact, RunFacts};
use crate::time::Millis;

impl Sim {
    /// The number the next log line gets, counted from the first line ever written (the log is
    /// a bounded ring: `log()[n - log_dropped()]` while line `n` is kept). Proven advice points
    /// at lines by this number, so a pointer stays right after old lines are dropped.
    pub fn next_log_number(&self) -> usize {
        usize::try_from(self.log_dropped)
            .unwrap_or(usize::MAX)
            .saturating_add(self.log.len())
    }

    /// Records now, for service `s`, a fact of the kind `list` picks out of the run's facts,
    /// shown by log line `log_index` (every proven rule's facts are recorded this way).
    pub(crate) fn record_fact(
        &mut self,
        list: fn(&mut RunFacts) -> &mut Vec<Fact>,
        s: usize,
        log_index: usize,
    ) {
        let fact = Fact {
            at: self.now,
            service: s,
            log_index,
        };
        record(list(&mut self.facts), fact);
    }

    /// Whether task `t`, being stopped as unhealthy now, was still coming up, with an image
    /// whose health check would otherwise pass and an application that had not hung: RUNNING for
    /// less than the start-up time its essential containers' images declare
    /// (`images[…].startSeconds`), plus, behind a load balancer, the checks its target then
    /// needs to be healthy again (`healthyThresholdCount` passes, `interval` apart, and the
    /// interval to the first of them). The grace period was too short. Until the 27th session
    /// only the start-up time counted, so lesson 7's start, whose tasks are stopped 132 s after
    /// RUNNING (unhealthy at 60 s, the application answering at 100 s, the target needing five
    /// passes), met its "no task stopped during start-up" goal (student walkthrough).
    pub(crate) fn stopped_before_start_up(&self, t: usize) -> bool {
        let task = &self.tasks[t];
        let Some(started) = task.started_at else {
            return false;
        };
        if task.hung {
            return false;
        }
        let recovery: Millis = task.target.as_ref().map_or(0, |target| {
            let g = &self.model.target_groups[target.group];
            Millis::from(g.interval_seconds)
                * 1000
                * Millis::from(g.healthy_threshold.saturating_add(1))
        });
        let td = &self.model.task_definitions[task.task_definition];
        td.needs.containers.iter().filter(|c| c.essential).any(|c| {
            self.model.images.get(&c.image).is_some_and(|b| {
                let start: Millis = Millis::from(b.start_seconds.unwrap_or(0)) * 1000;
                !b.health_check_fails && start > 0 && self.now < started + start + recovery
            })
        })
    }

    /// After a Fargate Spot interruption of one of service `s`'s tasks (shown at log entry
    /// `log_index`): records it when fewer tasks are RUNNING than desired and the service's
    /// strategy keeps no on-demand base (the rule's own fix: with one, the dip until the
    /// replacement runs is the trade-off chosen, and the base is untouched).
    pub(crate) fn note_spot_shortfall(&mut self, s: usize, log_index: usize) {
        if let crate::cluster::LaunchTarget::Strategy(items) = &self.model.services[s].launch {
            let on_demand_base = items
                .iter()
                .any(|it| it.base > 0 && it.kind != crate::cluster::ProviderKind::FargateSpot);
            if on_demand_base {
                return;
            }
        }
        // A counter kept by the lifecycle (checked against a rebuild): a crash loop of Spot
        // tasks walked the service's whole task history at every interruption.
        let running = self.task_index.running(s);
        if running < self.services[s].desired {
            self.record_fact(|f| &mut f.spot_below_desired, s, log_index);
        }
    }
}
