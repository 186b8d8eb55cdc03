//! Recording the one-minute metrics at each 60,000 ms boundary: the ECS service utilisation
//! and ELB metrics of services with traffic, the client errors of service discovery, and the
//! task counts every service has once anything in the scenario reads metrics.

use super::{Dimension, MetricName};
use crate::scenario::Model;
use crate::service::TaskStatus;
use crate::sim::Sim;
use crate::traffic::Source;

/// Whether the run records metrics at all: whenever the scenario has a service, as ECS
/// publishes its service metrics to CloudWatch without being asked. A run without `traffic`
/// records only RunningTaskCount and DesiredTaskCount (and CapacityProviderReservation with
/// managed scaling), since CPU, memory and ELB figures come from the traffic model. Readers:
/// the metrics panel and `run --metrics`, cluster auto scaling and Service Auto Scaling
/// (`scalableTargets`: its policies read the service's one-minute datapoints).
pub fn metrics_enabled(model: &Model) -> bool {
    // Traffic entries name services, so a scenario with traffic has services.
    !model.services.is_empty() || model.asgs.iter().any(|a| a.managed_scaling.is_some())
}

/// The period's values, from sums over its task samples (pure, so it is tested on its own).
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodValues {
    /// (metric, value) pairs in the order they are recorded.
    pub values: Vec<(MetricName, f64)>,
}

impl PeriodValues {
    /// The ELB and ECS values of a serving service for one period. `targets` is the number of
    /// healthy targets at the period's end and `registered` the number of registered targets;
    /// `internet` says whether a load balancer is in front.
    pub fn of(
        sums: &crate::traffic::state::PeriodSums,
        targets: usize,
        registered: usize,
        internet: bool,
    ) -> Self {
        let mut values = Vec::new();
        // DG service_utilization, Average statistic: (Σ CPU units used by the service's tasks
        // × 100) ÷ (CPU units in the task definition × number of tasks); the sums run over
        // every task sample of the period, so this is also the average over the minute.
        if sums.cpu_reserved > 0.0 {
            values.push((
                MetricName::CPUUtilization,
                sums.cpu_used * 100.0 / sums.cpu_reserved,
            ));
        }
        if sums.memory_reserved > 0.0 {
            values.push((
                MetricName::MemoryUtilization,
                sums.memory_used * 100.0 / sums.memory_reserved,
            ));
        }
        if internet {
            // ELB load-balancer-cloudwatch-metrics: RequestCount counts requests for which the
            // load balancer chose a target; RequestCountPerTarget = RequestCount ÷ healthy
            // targets; the 5XX counts and TargetResponseTime (seconds, Average) as named.
            // RequestCountPerTarget is "Always reported": "If there are no healthy targets in
            // the target group, it is divided by the total number of registered targets". With
            // no registered target at all nothing was routed, so the simulator records 0.
            values.push((MetricName::RequestCount, sums.requests));
            let divisor = if targets > 0 { targets } else { registered };
            let per_target = if divisor > 0 {
                sums.requests / divisor as f64
            } else {
                0.0
            };
            values.push((MetricName::RequestCountPerTarget, per_target));
            values.push((MetricName::HTTPCode_Target_5XX_Count, sums.target_5xx));
            values.push((MetricName::HTTPCode_ELB_5XX_Count, sums.elb_5xx));
            if sums.answered > 0.0 {
                values.push((
                    MetricName::TargetResponseTime,
                    sums.response_ms_sum / sums.answered / 1000.0,
                ));
            }
        }
        Self { values }
    }
}

impl Sim {
    /// Records the period that ends now and starts the next one.
    pub(crate) fn record_period(&mut self) {
        let entries = self.model.traffic.entries.clone();
        for e in &entries {
            let s = e.service;
            let sums = self.traffic.period.remove(&s).unwrap_or_default();
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
            let running = self
                .tasks_of_service(s)
                .iter()
                .filter(|&&t| self.tasks[t].last_status == TaskStatus::Running)
                .count();
            self.record_metric(MetricName::RunningTaskCount, s, running as f64);
            let desired = self.services[s].desired;
            self.record_metric(MetricName::DesiredTaskCount, s, f64::from(desired));
        }
    }

    /// The service's registered targets: every target that is not `draining` (a draining
    /// target is being deregistered; counting it out is the simulator's choice).
    fn registered_targets(&self, s: usize) -> usize {
        self.tasks_of_service(s)
            .iter()
            .filter(|&&t| {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::traffic::state::PeriodSums;

    #[test]
    fn service_cpu_utilisation_is_used_units_over_reserved_units_dg_service_utilization() {
        // Two tasks of 512 units sampled six times: one at 50% (256 units), one at 25% (128):
        // (6 × 256 + 6 × 128) × 100 ÷ (12 × 512) = 37.5.
        let sums = PeriodSums {
            cpu_used: 6.0 * 256.0 + 6.0 * 128.0,
            cpu_reserved: 12.0 * 512.0,
            memory_used: 12.0 * 256.0,
            memory_reserved: 12.0 * 1024.0,
            requests: 1200.0,
            answered: 1100.0,
            response_ms_sum: 1100.0 * 40.0,
            target_5xx: 100.0,
            elb_5xx: 0.0,
        };
        let v = PeriodValues::of(&sums, 2, 2, true).values;
        assert_eq!(
            v,
            vec![
                (MetricName::CPUUtilization, 37.5),
                (MetricName::MemoryUtilization, 25.0),
                (MetricName::RequestCount, 1200.0),
                (MetricName::RequestCountPerTarget, 600.0),
                (MetricName::HTTPCode_Target_5XX_Count, 100.0),
                (MetricName::HTTPCode_ELB_5XX_Count, 0.0),
                (MetricName::TargetResponseTime, 0.04),
            ]
        );
    }

    #[test]
    fn no_tasks_and_no_targets_give_no_utilisation_and_a_zero_per_target_datapoint() {
        // ELB load-balancer-cloudwatch-metrics: RequestCountPerTarget is "Always reported".
        let sums = PeriodSums {
            elb_5xx: 600.0,
            ..PeriodSums::default()
        };
        let v = PeriodValues::of(&sums, 0, 0, true).values;
        assert_eq!(
            v,
            vec![
                (MetricName::RequestCount, 0.0),
                (MetricName::RequestCountPerTarget, 0.0),
                (MetricName::HTTPCode_Target_5XX_Count, 0.0),
                (MetricName::HTTPCode_ELB_5XX_Count, 600.0),
            ]
        );
        // Service-to-service traffic has no load balancer: only the ECS metrics.
        assert!(PeriodValues::of(&sums, 0, 0, false).values.is_empty());
    }

    #[test]
    fn elb_request_count_per_target_with_no_healthy_target_is_divided_by_registered_targets() {
        // ELB load-balancer-cloudwatch-metrics: "If there are no healthy targets in the target
        // group, it is divided by the total number of registered targets." 900 requests, no
        // healthy target, 3 registered: 300.
        let sums = PeriodSums {
            requests: 900.0,
            ..PeriodSums::default()
        };
        let v = PeriodValues::of(&sums, 0, 3, true).values;
        assert!(
            v.contains(&(MetricName::RequestCountPerTarget, 300.0)),
            "{v:?}"
        );
    }
}
