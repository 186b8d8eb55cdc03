//! CloudWatch-like metrics at one-minute periods: what the charts plot, what `--metrics`
//! prints, and what Service Auto Scaling's alarms and managed scaling read. Values are
//! recorded once per period, at the period's end, by the subsystem that owns them.

pub mod alarm;
pub mod runs;

use crate::time::Millis;
use serde::Serialize;
use std::collections::BTreeMap;

/// One CloudWatch period (ECS service metrics and ELB metrics are published per minute).
pub const PERIOD_MS: Millis = 60_000;

/// The metrics the simulator publishes, named as CloudWatch names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum MetricName {
    /// AWS/ECS CPUUtilization per service: CPU used / CPU reserved, percent (average).
    CPUUtilization,
    /// AWS/ECS MemoryUtilization per service: memory used / memory reserved, percent.
    MemoryUtilization,
    /// AWS/ApplicationELB RequestCountPerTarget (sum per period ÷ healthy targets).
    RequestCountPerTarget,
    /// AWS/ApplicationELB RequestCount (sum per period).
    RequestCount,
    /// AWS/ApplicationELB HTTPCode_Target_5XX_Count (sum per period).
    #[allow(non_camel_case_types)]
    HTTPCode_Target_5XX_Count,
    /// AWS/ApplicationELB HTTPCode_ELB_5XX_Count: no healthy target to send to (sum).
    #[allow(non_camel_case_types)]
    HTTPCode_ELB_5XX_Count,
    /// AWS/ApplicationELB TargetResponseTime, seconds (average).
    TargetResponseTime,
    /// ECS/ContainerInsights RunningTaskCount.
    RunningTaskCount,
    /// ECS/ContainerInsights DesiredTaskCount.
    DesiredTaskCount,
    /// AWS/ECS/ManagedScaling CapacityProviderReservation, percent.
    CapacityProviderReservation,
    /// Container instances (launching or registered) of an Auto Scaling group provider.
    InstanceCount,
    /// Calls from a client service that failed (service discovery), sum per period.
    ClientErrorCount,
    /// AWS/ApplicationELB HealthyHostCount: the service's targets in the `healthy` state at
    /// the period's end (like RunningTaskCount, a reading, not an average). Recorded for every
    /// service behind a load balancer, traffic or not, so a lesson can show running tasks that
    /// are not healthy (lesson 7 drew 6 running beside a goal's "0 healthy").
    HealthyHostCount,
}

impl MetricName {
    /// Every metric, in chart order.
    pub const ALL: [MetricName; 13] = [
        MetricName::CPUUtilization,
        MetricName::MemoryUtilization,
        MetricName::RequestCountPerTarget,
        MetricName::RequestCount,
        MetricName::HTTPCode_Target_5XX_Count,
        MetricName::HTTPCode_ELB_5XX_Count,
        MetricName::TargetResponseTime,
        MetricName::RunningTaskCount,
        MetricName::DesiredTaskCount,
        MetricName::CapacityProviderReservation,
        MetricName::InstanceCount,
        MetricName::ClientErrorCount,
        MetricName::HealthyHostCount,
    ];

    /// The metric whose CloudWatch name is `name`, if the simulator publishes it: how a
    /// challenge's goals name theirs.
    pub fn named(name: &str) -> Option<MetricName> {
        MetricName::ALL.into_iter().find(|m| m.as_str() == name)
    }

    /// The CloudWatch metric name.
    pub fn as_str(self) -> &'static str {
        match self {
            MetricName::CPUUtilization => "CPUUtilization",
            MetricName::MemoryUtilization => "MemoryUtilization",
            MetricName::RequestCountPerTarget => "RequestCountPerTarget",
            MetricName::RequestCount => "RequestCount",
            MetricName::HTTPCode_Target_5XX_Count => "HTTPCode_Target_5XX_Count",
            MetricName::HTTPCode_ELB_5XX_Count => "HTTPCode_ELB_5XX_Count",
            MetricName::TargetResponseTime => "TargetResponseTime",
            MetricName::RunningTaskCount => "RunningTaskCount",
            MetricName::DesiredTaskCount => "DesiredTaskCount",
            MetricName::CapacityProviderReservation => "CapacityProviderReservation",
            MetricName::InstanceCount => "InstanceCount",
            MetricName::ClientErrorCount => "ClientErrorCount",
            MetricName::HealthyHostCount => "HealthyHostCount",
        }
    }
}

/// What a metric is about (its CloudWatch dimension).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Dimension {
    /// A service, by index into the model's services (ServiceName dimension).
    Service(usize),
    /// A capacity provider, by name (CapacityProviderName dimension).
    CapacityProvider(String),
    /// An ALB target group, by index into the model's target groups (ELB's TargetGroup
    /// dimension): RequestCount per group shows a blue/green split.
    TargetGroup(usize),
}

/// A metric series' identity.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct MetricKey {
    /// The metric.
    pub name: MetricName,
    /// Its dimension.
    pub dimension: Dimension,
}

/// One period's value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Datapoint {
    /// The end of the period, ms (the period is `[at - PERIOD_MS, at)`).
    pub at: Millis,
    /// The statistic for the period (average or sum, as the metric's doc says).
    pub value: f64,
}

/// One-minute datapoints each series keeps at least: a day. An alarm looks at most one day
/// back (CloudWatch: evaluation periods × period ≤ one day; the scenario caps
/// `evaluationPeriods` at 1,440), so no decision ever needs an older
/// datapoint; the charts show the kept ones.
pub const SERIES_POINTS_KEPT: usize = 1_440;

/// Every series recorded so far, in a stable order: each keeps between
/// [`SERIES_POINTS_KEPT`] and twice that many of its newest datapoints (the oldest half goes
/// when it is full, so recording stays O(1) on average, like the event log).
#[derive(Debug, Clone, Default)]
pub struct MetricStore {
    series: BTreeMap<MetricKey, Vec<Datapoint>>,
    dropped: u64,
}

impl MetricStore {
    /// Records one period's value (periods arrive in time order per series).
    pub fn record(&mut self, name: MetricName, dimension: Dimension, at: Millis, value: f64) {
        let series = self
            .series
            .entry(MetricKey { name, dimension })
            .or_default();
        if series.len() >= 2 * SERIES_POINTS_KEPT {
            let drop = series.len() - SERIES_POINTS_KEPT;
            series.drain(..drop);
            self.dropped += drop as u64;
        }
        series.push(Datapoint { at, value });
    }

    /// Datapoints dropped from the front of every series so far (runs longer than a day).
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// A series (empty when never recorded).
    pub fn series(&self, name: MetricName, dimension: &Dimension) -> &[Datapoint] {
        self.series
            .get(&MetricKey {
                name,
                dimension: dimension.clone(),
            })
            .map_or(&[], Vec::as_slice)
    }

    /// The last `n` datapoints of a series (fewer when the run is young).
    pub fn last_n(&self, name: MetricName, dimension: &Dimension, n: usize) -> &[Datapoint] {
        let s = self.series(name, dimension);
        &s[s.len().saturating_sub(n)..]
    }

    /// The most recent value.
    pub fn latest(&self, name: MetricName, dimension: &Dimension) -> Option<f64> {
        self.series(name, dimension).last().map(|d| d.value)
    }

    /// Every series, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&MetricKey, &[Datapoint])> {
        self.series.iter().map(|(k, v)| (k, v.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_series_keeps_at_least_a_day_and_counts_what_it_dropped() {
        let mut m = MetricStore::default();
        let total = 3 * SERIES_POINTS_KEPT + 7;
        for k in 0..total {
            m.record(
                MetricName::CPUUtilization,
                Dimension::Service(0),
                (k as Millis + 1) * 60_000,
                k as f64,
            );
        }
        let s = m.series(MetricName::CPUUtilization, &Dimension::Service(0));
        assert!(s.len() >= SERIES_POINTS_KEPT && s.len() < 2 * SERIES_POINTS_KEPT);
        assert_eq!(s.len() as u64 + m.dropped(), total as u64);
        assert_eq!(s.last().map(|d| d.value), Some((total - 1) as f64));
        assert!(s.windows(2).all(|w| w[0].at < w[1].at));
    }

    #[test]
    fn series_keep_their_periods_in_order_and_answer_latest() {
        let mut m = MetricStore::default();
        let d = Dimension::Service(0);
        m.record(MetricName::CPUUtilization, d.clone(), 60_000, 40.0);
        m.record(MetricName::CPUUtilization, d.clone(), 120_000, 55.5);
        assert_eq!(m.latest(MetricName::CPUUtilization, &d), Some(55.5));
        assert_eq!(m.last_n(MetricName::CPUUtilization, &d, 5).len(), 2);
        assert_eq!(m.last_n(MetricName::CPUUtilization, &d, 1)[0].at, 120_000);
        assert!(m.series(MetricName::MemoryUtilization, &d).is_empty());
    }
}
