//! Recording the one-minute metrics: at each period's end the owners of each metric write their datapoint.

use super::Sim;
use crate::metrics::{Dimension, MetricName};
use crate::traffic::period_values::PeriodValues;
use crate::traffic::Source;

impl Sim {
    /// Records the period that ends now and starts the next one.
    pub(crate) fn record_period(&mut self) {
        let entries = self.model.traffic.entries.clone();
        for e in &entries {
            let s = e.service;
            let sums = self.traffic.period.remove(&s).unwrap_or_default();
            self.meter_requests(s, sums.requests);
            let targets = self.routable_targets(s).len();
            let registered = self.registered_targets(s);
            let v = PeriodValues::of(&sums, targets, registered, e.source == Source::Internet);
            for (name, value) in v.values {
                self.record_metric(name, s, value);
            }
            if let Source::Client(c) = e.source {
                let errors = self.traffic.client_errors.remove(&c).unwrap_or(0.0);
                self.record_metric(MetricName::ClientErrorCount, c, errors);
            }
            // ELB RequestCount per target group (TargetGroup dimension): with a blue/green
            // alternate group, the two series show the production traffic split.
            let groups = self.model.services[s]
                .load_balancer
                .as_ref()
                .filter(|_| e.source == Source::Internet)
                .map(|lb| [Some(lb.target_group), lb.alternate_target_group]);
            for g in groups.into_iter().flatten().flatten() {
                let n = self.traffic.group_requests.remove(&g).unwrap_or(0.0);
                self.metrics.record(
                    MetricName::RequestCount,
                    Dimension::TargetGroup(g),
                    self.now,
                    n,
                );
                self.trace_only(&format!("metric RequestCount group {g} {n}"));
            }
        }
        // Groups without managed scaling (which publishes its own) record their instance count.
        for a in 0..self.model.asgs.len() {
            if self.model.asgs[a].managed_scaling.is_some() {
                continue;
            }
            let running = self.group_instance_count(a);
            let name = self.model.asgs[a].provider.clone();
            self.metrics.record(
                MetricName::InstanceCount,
                Dimension::CapacityProvider(name.clone()),
                self.now,
                f64::from(running),
            );
            self.trace_only(&format!("{name} InstanceCount {running}"));
        }
        for s in 0..self.model.services.len() {
            let running = self.task_index.running_any(s);
            self.record_metric(MetricName::RunningTaskCount, s, f64::from(running));
            let desired = self.services[s].desired;
            self.record_metric(MetricName::DesiredTaskCount, s, f64::from(desired));
            if self.model.services[s].load_balancer.is_some() {
                // Read by no alarm or policy, so it stays out of the trace (unlike the metrics
                // above, which feed scaling); a count the task index keeps, not a walk.
                let healthy = self.task_index.healthy_targets_of(s);
                self.metrics.record(
                    MetricName::HealthyHostCount,
                    Dimension::Service(s),
                    self.now,
                    healthy as f64,
                );
            }
        }
    }

    /// The service's registered targets: every target that is not `draining` (a draining
    /// target is being deregistered; counting it out is the simulator's choice).
    fn registered_targets(&self, s: usize) -> usize {
        self.live_tasks_of_service(s)
            .filter(|&t| {
                self.tasks[t]
                    .target
                    .as_ref()
                    .is_some_and(|x| x.state != crate::elb::TargetHealthState::Draining)
            })
            .count()
    }

    fn record_metric(&mut self, name: MetricName, s: usize, value: f64) {
        let at = self.now;
        self.metrics.record(name, Dimension::Service(s), at, value);
        // Metrics feed scaling decisions: mix them into the trace so a difference shows.
        self.trace_only(&format!("metric {} {s} {value}", name.as_str()));
    }
}
