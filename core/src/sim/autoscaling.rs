//! Service Auto Scaling at run time: scalable targets, the minute tick of their policies,
//! scheduled actions. Each scaling activity is recorded with DescribeScalingActivities' texts
//! and logged as a Service event the way the ECS console's Events tab shows it
//! ([`crate::autoscaling::activity`]).

use super::Sim;
use crate::autoscaling::activity::{self, ActivityText};
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
            // API RegisterScalableTarget: registering "changes the resource's current capacity
            // to a value that is inside of this range" — at once, not at the first tick (until
            // 2026-12-06 at 1:01: fidelity walkthrough).
            self.clamp_to_range(t.service, "RegisterScalableTarget");
        }
        self.autoscaling.policies = vec![PolicyState::default(); model.policies.len()];
        for (k, a) in model.scheduled_actions.iter().enumerate() {
            self.queue.push(a.first_at, Event::ScheduledAction(k));
        }
    }

    /// Records a scaling activity of service `s` (`ActivityId` from the run's own stream) and
    /// logs it as a Service event of the service: "Message: <StatusMessage> Cause: <Cause>".
    fn record_activity(&mut self, s: usize, policy: &str, from: u32, to: u32, text: ActivityText) {
        self.record_activity_as(s, policy, (from, to), text, activity::STATUS_SUCCESSFUL);
    }

    /// [`Sim::record_activity`] with its `StatusCode`.
    fn record_activity_as(
        &mut self,
        s: usize,
        policy: &str,
        (from, to): (u32, u32),
        text: ActivityText,
        status_code: &str,
    ) {
        self.emit(LogKind::Service, Some(s), text.console_event());
        let activity_id = self.autoscaling.activity_ids.uuid();
        if let Some(st) = self.autoscaling.services.get_mut(&s) {
            st.activities.push(ScalingActivity {
                activity_id,
                at: self.now,
                policy: policy.to_string(),
                from,
                to,
                description: text.description,
                cause: text.cause,
                status_message: text.status_message,
                status_code: status_code.to_string(),
            });
        }
    }

    /// Sets the desired count for a scaling reason and records the activity ("Setting desired
    /// count to N.").
    fn scale_service(&mut self, s: usize, to: u32, policy: &str, cause: String) {
        let from = self.services[s].desired;
        if to == from {
            return;
        }
        self.services[s].desired = to;
        self.record_activity(s, policy, from, to, activity::desired_count_set(to, cause));
        self.request_reconcile(s);
    }

    /// Brings the desired count inside MinCapacity..=MaxCapacity when the range is set: at
    /// registration and by a scheduled action (named `by`), with Application Auto Scaling's
    /// cause "minimum capacity was set to N" / "maximum capacity was set to N". A count that
    /// leaves the range later stays there until a policy is invoked (see
    /// [`Sim::service_scaling_tick`]).
    fn clamp_to_range(&mut self, s: usize, by: &str) {
        let Some(st) = self.autoscaling.services.get(&s) else {
            return;
        };
        let (min, max) = (st.min, st.max);
        let d = self.services[s].desired;
        if d < min {
            self.scale_service(s, min, by, activity::min_capacity_cause(min));
        } else if d > max {
            self.scale_service(s, max, by, activity::max_capacity_cause(max));
        }
    }

    /// A scheduled action sets MinCapacity/MaxCapacity, recorded as its own activity ("Setting
    /// min capacity to 14 and max capacity to 20"), and the count follows into range as a
    /// second one.
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
            let min = a.min_capacity.unwrap_or(st.min);
            let max = a.max_capacity.unwrap_or(st.max);
            let d = self.services[a.service].desired;
            if min > max {
                // A one-sided action past the other bound (max 4 under a min of 6) read
                // "Successfully set max capacity to 6" (fidelity probe, 28th session).
                let text = activity::capacity_range_refused(&a.name, min, max);
                self.record_activity_as(a.service, &a.name, (d, d), text, activity::STATUS_FAILED);
                return;
            }
            st.min = min;
            st.max = max;
            let text = activity::capacity_range_set(
                &a.name,
                a.min_capacity.map(|_| min),
                a.max_capacity.map(|_| max),
            );
            self.record_activity(a.service, &a.name, d, d, text);
        }
        self.clamp_to_range(a.service, &a.name);
    }

    /// The minute tick of a service's policies: each proposes, Application Auto Scaling
    /// chooses ([`decide::choose`]), the desired count moves within the scalable target's range
    /// and the chosen policy starts its cooldowns.
    pub(crate) fn service_scaling_tick(&mut self, s: usize) {
        self.queue
            .push(self.now + PERIOD_MS, Event::ServiceScalingTick(s));
        // A count that left the range since (an UpdateService) stays until a policy is invoked:
        // Application Auto Scaling User Guide, concepts: out-of-band changes outside the range
        // stand, "However, anytime a scaling policy is invoked or the RegisterScalableTarget API
        // is called, Application Auto Scaling retrieves the current capacity and compares it to
        // the minimum and maximum capacity". Until 2026-12-06 every tick brought it back.
        let current = self.services[s].desired;
        let resource = self
            .autoscaling
            .services
            .get(&s)
            .map(|x| x.resource_id.clone())
            .unwrap_or_default();
        // The tasks the latest datapoint measured: RUNNING through its whole period (the tick
        // comes EVALUATION_DELAY_MS after the period ends). A task started during the period
        // counts as capacity already added, as EC2 Auto Scaling counts an instance warming up.
        let period_start = (self.now - self.now % PERIOD_MS).saturating_sub(PERIOD_MS);
        let running = self
            .live_tasks_of_service(s)
            .filter(|&t| {
                let task = &self.tasks[t];
                task.last_status == crate::task::TaskStatus::Running
                    && !task.stop_requested
                    && task.started_at.is_some_and(|at| at <= period_start)
            })
            .count() as u32;
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
                running,
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
        if to > current {
            let policies = &self.model.auto_scaling.policies;
            for (k, q) in policies.iter().enumerate().filter(|(_, q)| q.service == s) {
                decide::end_scale_in_cooldown(&q.kind, &mut self.autoscaling.policies[k], self.now);
            }
        }
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
