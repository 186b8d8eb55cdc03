//! Service Auto Scaling at run time: scalable targets, the minute tick of their policies, scheduled actions.

use super::Sim;
use crate::autoscaling::decide::{self, PolicyAtTick};
use crate::autoscaling::state::{
    PolicyState, ScalingActivity, ServiceScaling, EVALUATION_DELAY_MS,
};
use crate::metrics::{Dimension, PERIOD_MS};
use crate::sim::log::LogKind;
use crate::sim::queue::Event;

impl Sim {
    /// Sets up scalable targets and queues their ticks and the scheduled actions.
    pub(crate) fn schedule_service_scaling(&mut self) {
        let model = self.model.auto_scaling.clone();
        for t in &model.targets {
            self.autoscaling.services.insert(
                t.service,
                ServiceScaling {
                    resource_id: t.resource_id.clone(),
                    min: t.min_capacity,
                    max: t.max_capacity,
                    activities: Vec::new(),
                },
            );
            self.queue.push(
                PERIOD_MS + EVALUATION_DELAY_MS,
                Event::ServiceScalingTick(t.service),
            );
        }
        self.autoscaling.policies = vec![PolicyState::default(); model.policies.len()];
        for (k, a) in model.scheduled_actions.iter().enumerate() {
            self.queue.push(a.first_at, Event::ScheduledAction(k));
        }
    }

    /// Sets the desired count for a scaling reason and records the activity.
    fn scale_service(&mut self, s: usize, to: u32, policy: &str, cause: String) {
        let from = self.services[s].desired;
        if to == from {
            return;
        }
        self.services[s].desired = to;
        let resource = self
            .autoscaling
            .services
            .get(&s)
            .map(|x| x.resource_id.clone())
            .unwrap_or_default();
        self.emit(
            LogKind::Service,
            Some(s),
            format!("Application Auto Scaling ({resource}): Setting desired count to {to} (from {from}). Cause: {cause}."),
        );
        if let Some(st) = self.autoscaling.services.get_mut(&s) {
            st.activities.push(ScalingActivity {
                at: self.now,
                policy: policy.to_string(),
                from,
                to,
                cause,
            });
        }
        self.request_reconcile(s);
    }

    /// Brings the desired count back inside MinCapacity..=MaxCapacity. `scheduled` names the
    /// scheduled action that just moved the range, for the activity's cause.
    fn clamp_to_range(&mut self, s: usize, by: &str, scheduled: bool) {
        let Some(st) = self.autoscaling.services.get(&s) else {
            return;
        };
        let (min, max) = (st.min, st.max);
        let d = self.services[s].desired;
        let action = if scheduled {
            format!(" by scheduled action {by}")
        } else {
            String::new()
        };
        if d < min {
            let cause = if scheduled {
                format!("minimum capacity was set to {min}{action}")
            } else {
                format!("desired count {d} is below MinCapacity {min}")
            };
            self.scale_service(s, min, by, cause);
        } else if d > max {
            let cause = if scheduled {
                format!("maximum capacity was set to {max}{action}")
            } else {
                format!("desired count {d} is above MaxCapacity {max}")
            };
            self.scale_service(s, max, by, cause);
        }
    }

    /// A scheduled action sets MinCapacity/MaxCapacity (and the count follows into range).
    pub(crate) fn scheduled_action(&mut self, k: usize) {
        let a = self.model.auto_scaling.scheduled_actions[k].clone();
        if let Some(every) = a.every {
            self.queue.push(self.now + every, Event::ScheduledAction(k));
        }
        if let Some(next) = a
            .cron
            .as_ref()
            .and_then(|c| c.next_at_or_after(self.now + 1))
        {
            self.queue.push(next, Event::ScheduledAction(k));
        }
        if let Some(st) = self.autoscaling.services.get_mut(&a.service) {
            if let Some(m) = a.min_capacity {
                st.min = m;
            }
            if let Some(m) = a.max_capacity {
                st.max = m;
            }
            if st.min > st.max {
                st.max = st.min;
            }
            let (min, max) = (st.min, st.max);
            let resource = st.resource_id.clone();
            self.emit(
                LogKind::Service,
                Some(a.service),
                format!("Application Auto Scaling ({resource}): scheduled action {} set MinCapacity to {min} and MaxCapacity to {max}.", a.name),
            );
        }
        self.clamp_to_range(a.service, &a.name, true);
    }

    /// The minute tick of a service's policies: each proposes, Application Auto Scaling
    /// chooses ([`decide::choose`]), the desired count moves within the scalable target's range
    /// and the chosen policy starts its cooldowns.
    pub(crate) fn service_scaling_tick(&mut self, s: usize) {
        self.queue
            .push(self.now + PERIOD_MS, Event::ServiceScalingTick(s));
        self.clamp_to_range(s, "RegisterScalableTarget", false);
        let current = self.services[s].desired;
        let resource = self
            .autoscaling
            .services
            .get(&s)
            .map(|x| x.resource_id.clone())
            .unwrap_or_default();
        let mut voters = 0;
        let mut proposals = Vec::new();
        for (k, p) in self.model.auto_scaling.policies.iter().enumerate() {
            if p.service != s {
                continue;
            }
            if decide::votes_on_scale_in(p) {
                voters += 1;
            }
            let at_tick = PolicyAtTick {
                index: k,
                policy: p,
                state: self.autoscaling.policies[k],
                series: self
                    .metrics
                    .series(decide::watched_metric(p), &Dimension::Service(s)),
                resource: &resource,
            };
            proposals.extend(decide::propose(at_tick, self.now, current));
        }
        let decision = decide::choose(proposals, current, voters, self.deployment_in_progress(s));
        if decision.scale_in_suspended {
            self.trace_only("scale-in suspended during a deployment");
        }
        let Some(pr) = decision.chosen else {
            return;
        };
        let (min, max) = self
            .autoscaling
            .services
            .get(&s)
            .map_or((0, u32::MAX), |st| (st.min, st.max));
        let to = pr.to.clamp(min, max);
        if to == current {
            return;
        }
        let p = &self.model.auto_scaling.policies[pr.policy];
        let name = p.name.clone();
        decide::start_cooldown(
            &p.kind,
            &mut self.autoscaling.policies[pr.policy],
            self.now,
            current,
            to,
        );
        self.scale_service(s, to, &name, pr.cause);
    }
}

impl Sim {
    /// Queues the first tick of every auto scaling feature the scenario uses.
    pub(crate) fn schedule_autoscaling(&mut self) {
        self.schedule_managed_scaling();
        self.schedule_spot();
        self.schedule_service_scaling();
    }
}
