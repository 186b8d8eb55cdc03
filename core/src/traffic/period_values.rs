//! The one-minute metric values of a service with traffic: the ECS service utilisation and ELB
//! metrics worked out from the period's sums over its task samples (recorded by
//! `sim/metrics.rs` at each 60,000 ms boundary).

use super::state::PeriodSums;
use crate::metrics::MetricName;

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
    pub fn of(sums: &PeriodSums, targets: usize, registered: usize, internet: bool) -> Self {
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

#[cfg(test)]
mod tests {
    use super::*;

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
