//! Service Auto Scaling at run time: scalable targets, the minute tick of their policies, scheduled actions.

use super::Sim;
use crate::autoscaling::model::{PolicyKind, ScalingPolicy};
use crate::autoscaling::service::{
    PolicyState, Proposal, ScalingActivity, ServiceScaling, EVALUATION_DELAY_MS,
};
use crate::autoscaling::step::{apply_adjustment, select_step};
use crate::autoscaling::target_tracking::{alarm_high, alarm_low, target_tracking_capacity};
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

    /// The minute tick of a service's policies.
    pub(crate) fn service_scaling_tick(&mut self, s: usize) {
        self.queue
            .push(self.now + PERIOD_MS, Event::ServiceScalingTick(s));
        self.clamp_to_range(s, "RegisterScalableTarget", false);
        let current = self.services[s].desired;
        let policies: Vec<(usize, ScalingPolicy)> = self
            .model
            .auto_scaling
            .policies
            .iter()
            .cloned()
            .enumerate()
            .filter(|(_, p)| p.service == s)
            .collect();
        let mut outs = Vec::new();
        let mut ins = Vec::new();
        let mut tt_count = 0;
        let mut tt_ins = 0;
        for (k, p) in &policies {
            // Application Auto Scaling (target tracking, multiple policies): it "will scale in
            // only if all of the target tracking policies (with the scale-in portion enabled)
            // are ready to scale in", so a policy with disableScaleIn does not get a vote.
            if let PolicyKind::TargetTracking {
                disable_scale_in: false,
                ..
            } = p.kind
            {
                tt_count += 1;
            }
            match self.propose(s, *k, p, current) {
                Some(pr) if pr.to > current => outs.push(pr),
                Some(pr) if pr.to < current => {
                    if pr.target_tracking {
                        tt_ins += 1;
                    }
                    ins.push(pr);
                }
                _ => {}
            }
        }
        let chosen = if let Some(best) = outs
            .into_iter()
            .max_by_key(|p| (p.to, usize::MAX - p.policy))
        {
            Some(best)
        } else {
            if tt_ins < tt_count {
                // A scale-in-enabled target tracking policy that does not agree keeps the others
                // from scaling in.
                ins.retain(|p| !p.target_tracking);
            }
            if !ins.is_empty() && self.deployment_in_progress(s) {
                self.trace_only("scale-in suspended during a deployment");
                ins.clear();
            }
            ins.into_iter()
                .max_by_key(|p| (p.to, usize::MAX - p.policy))
        };
        let Some(pr) = chosen else {
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
        let now = self.now;
        let p = &self.model.auto_scaling.policies[pr.policy];
        let name = p.name.clone();
        let st = &mut self.autoscaling.policies[pr.policy];
        match p.kind {
            PolicyKind::TargetTracking {
                scale_out_cooldown_ms,
                scale_in_cooldown_ms,
                ..
            } => {
                if to > current {
                    if now >= st.out_until {
                        st.out_base = current;
                    }
                    st.out_until = now + scale_out_cooldown_ms;
                    st.in_until = now;
                } else {
                    st.in_until = now + scale_in_cooldown_ms;
                }
            }
            PolicyKind::Step { cooldown_ms, .. } => {
                if now >= st.out_until {
                    st.out_base = current;
                }
                st.out_until = now + cooldown_ms;
                st.in_until = now + cooldown_ms;
            }
        }
        self.scale_service(s, to, &name, pr.cause);
    }

    /// What policy `k` asks for now (None: its alarms are OK or it is cooling down).
    fn propose(&self, s: usize, k: usize, p: &ScalingPolicy, current: u32) -> Option<Proposal> {
        let st = self.autoscaling.policies[k];
        let in_out_cooldown = self.now < st.out_until;
        let resource = self
            .autoscaling
            .services
            .get(&s)
            .map(|x| x.resource_id.clone())
            .unwrap_or_default();
        match &p.kind {
            PolicyKind::TargetTracking {
                metric,
                target,
                disable_scale_in,
                ..
            } => {
                let series = self.metrics.series(*metric, &Dimension::Service(s));
                let latest = series.last()?.value;
                if alarm_high(*metric, *target).in_alarm(series) {
                    let base = if in_out_cooldown {
                        st.out_base
                    } else {
                        current
                    };
                    let to = target_tracking_capacity(base, latest, *target);
                    return Some(Proposal {
                        policy: k,
                        to: to.max(current),
                        cause: format!("monitor alarm TargetTracking-{resource}-AlarmHigh in state ALARM triggered policy {}", p.name),
                        target_tracking: true,
                    });
                }
                if !disable_scale_in
                    && self.now >= st.in_until
                    && alarm_low(*metric, *target).in_alarm(series)
                {
                    let to = target_tracking_capacity(current, latest, *target);
                    return Some(Proposal {
                        policy: k,
                        to,
                        cause: format!("monitor alarm TargetTracking-{resource}-AlarmLow in state ALARM triggered policy {}", p.name),
                        target_tracking: true,
                    });
                }
                None
            }
            PolicyKind::Step {
                alarm,
                adjustment_type,
                steps,
                min_adjustment_magnitude,
                ..
            } => {
                let series = self.metrics.series(alarm.metric, &Dimension::Service(s));
                if !alarm.in_alarm(series) {
                    return None;
                }
                let breach = series.last()?.value - alarm.threshold;
                let adj = select_step(steps, breach)?;
                let in_cooldown = in_out_cooldown || self.now < st.in_until;
                let base = if in_cooldown { st.out_base } else { current };
                let to = apply_adjustment(*adjustment_type, base, adj, *min_adjustment_magnitude);
                if in_cooldown && to <= current {
                    // Cooling down: only a larger scale-out (the difference) goes ahead.
                    return None;
                }
                Some(Proposal {
                    policy: k,
                    to,
                    cause: format!(
                        "monitor alarm {}-alarm in state ALARM triggered policy {}",
                        p.name, p.name
                    ),
                    target_tracking: false,
                })
            }
        }
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
