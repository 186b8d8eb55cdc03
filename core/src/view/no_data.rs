//! Why a service chart is empty. Every service records its task counts each minute, but CPU,
//! memory and the ELB figures come from the traffic model and client errors from service
//! discovery, so for a service without them "no data yet" would promise a line that never
//! comes. The panel lists such metrics in one line with the reason, which names what to add.

use super::charts::ChartView;
use crate::metrics::MetricName;
use crate::scenario::Model;
use crate::traffic::Source;

/// The default: the series exists for this service, its first datapoint is still to come.
pub const NO_DATA_YET: &str = "no data yet";
/// Nothing in the scenario sends requests to this service. (ECS would publish CPU and memory
/// for any running service; the simulator works them out from the traffic model.)
pub const NO_TRAFFIC: &str = "the simulator works these out from the requests a service serves, and nothing sends this service any (add a request rate under Service settings → Traffic)";
/// The service's requests come from another service, not through a load balancer.
pub const NO_LOAD_BALANCER_TRAFFIC: &str =
    "load balancer metrics, and this service's requests come from another service";
/// The service sends no requests to another service.
pub const NOT_A_CLIENT: &str = "this service calls no other service";

/// The capacity provider has no managed scaling, which is what publishes its metrics.
pub const NO_MANAGED_SCALING: &str =
    "managed scaling is off for this capacity provider (turn it on under Service settings → Capacity)";

/// Why the chart of `metric` for capacity provider `provider` would stay empty, or
/// [`NO_DATA_YET`]: CapacityProviderReservation needs managed scaling; every Auto Scaling
/// group records its InstanceCount.
pub fn provider_reason(model: &Model, provider: &str, metric: MetricName) -> &'static str {
    let managed = model
        .asgs
        .iter()
        .any(|a| a.provider == provider && a.managed_scaling.is_some());
    if metric == MetricName::CapacityProviderReservation && !managed {
        NO_MANAGED_SCALING
    } else {
        NO_DATA_YET
    }
}

/// Whether `chart` is empty for a reason that will not go away by itself (it is left out of
/// the panel and named in [`absent`] instead).
pub fn stays_empty(chart: &ChartView) -> bool {
    chart.is_empty() && chart.no_data != NO_DATA_YET
}

/// The charts that stay empty, grouped by reason in chart order: (reason, titles).
pub fn absent(charts: &[ChartView]) -> Vec<(&'static str, Vec<String>)> {
    let mut groups: Vec<(&'static str, Vec<String>)> = Vec::new();
    for c in charts.iter().filter(|c| stays_empty(c)) {
        match groups.iter_mut().find(|(reason, _)| *reason == c.no_data) {
            Some((_, titles)) => titles.push(c.title.clone()),
            None => groups.push((c.no_data, vec![c.title.clone()])),
        }
    }
    groups
}

/// Why the chart of `metric` for service `service` would stay empty, or [`NO_DATA_YET`].
pub fn service_reason(model: &Model, service: usize, metric: MetricName) -> &'static str {
    let served: Vec<&Source> = model
        .traffic
        .entries
        .iter()
        .filter(|e| e.service == service)
        .map(|e| &e.source)
        .collect();
    match metric {
        MetricName::CPUUtilization | MetricName::MemoryUtilization if served.is_empty() => {
            NO_TRAFFIC
        }
        MetricName::RequestCountPerTarget
        | MetricName::RequestCount
        | MetricName::HTTPCode_Target_5XX_Count
        | MetricName::HTTPCode_ELB_5XX_Count
        | MetricName::TargetResponseTime => {
            if served.is_empty() {
                NO_TRAFFIC
            } else if !served.iter().any(|s| **s == Source::Internet) {
                NO_LOAD_BALANCER_TRAFFIC
            } else {
                NO_DATA_YET
            }
        }
        MetricName::ClientErrorCount
            if !model
                .traffic
                .entries
                .iter()
                .any(|e| e.source == Source::Client(service)) =>
        {
            NOT_A_CLIENT
        }
        _ => NO_DATA_YET,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::examples;

    fn model(id: &str) -> Model {
        let json = examples::EXAMPLES
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.json)
            .unwrap_or_else(|| panic!("no example {id}"));
        match crate::Sim::from_json(json) {
            Ok(sim) => sim.model,
            Err(e) => panic!("{id}: {e:?}"),
        }
    }

    fn index(m: &Model, name: &str) -> usize {
        m.services
            .iter()
            .position(|s| s.name == name)
            .unwrap_or_else(|| panic!("no service {name}"))
    }

    #[test]
    fn a_service_without_traffic_says_so_on_its_utilisation_and_elb_charts() {
        let m = model("rolling-circuit-breaker");
        let web = index(&m, "web");
        assert!(m.traffic.entries.is_empty());
        for metric in [
            MetricName::CPUUtilization,
            MetricName::MemoryUtilization,
            MetricName::RequestCountPerTarget,
            MetricName::TargetResponseTime,
        ] {
            assert_eq!(service_reason(&m, web, metric), NO_TRAFFIC, "{metric:?}");
        }
        // Task counts are recorded for every service.
        assert_eq!(
            service_reason(&m, web, MetricName::RunningTaskCount),
            NO_DATA_YET
        );
        assert_eq!(
            service_reason(&m, web, MetricName::ClientErrorCount),
            NOT_A_CLIENT
        );
    }

    #[test]
    fn charts_that_stay_empty_are_grouped_by_reason_in_chart_order() {
        let m = model("cloud-map-vs-service-connect");
        let mut sim = crate::Sim::new(m);
        sim.run_until(5 * crate::metrics::PERIOD_MS);
        let client = index(&sim.model, "dns-client");
        let inputs = super::super::charts::ChartInputs {
            now: sim.now(),
            ..Default::default()
        };
        let charts = super::super::charts::service_charts(&sim, client, &inputs);
        let groups = absent(&charts);
        assert_eq!(groups.len(), 1, "{groups:?}");
        assert_eq!(groups[0].0, NO_TRAFFIC);
        assert_eq!(
            groups[0].1,
            [
                "CPUUtilization",
                "MemoryUtilization",
                "RequestCountPerTarget",
                "HTTPCode_Target_5XX_Count",
                "HTTPCode_ELB_5XX_Count",
                "TargetResponseTime"
            ]
        );
        // The client's own charts stay: its task counts and its failed calls.
        let shown: Vec<&str> = charts
            .iter()
            .filter(|c| !stays_empty(c))
            .map(|c| c.title.as_str())
            .collect();
        assert_eq!(
            shown,
            [
                "Running vs desired tasks",
                "ClientErrorCount (playground's own)"
            ]
        );
        // Its Auto Scaling group has no managed scaling, so nothing publishes its metrics.
        let provider = sim.model.asgs[0].provider.clone();
        assert!(sim.model.asgs[0].managed_scaling.is_none());
        let provider_charts =
            super::super::charts::capacity_provider_charts(&sim, &provider, &inputs);
        // Only the reservation: every group records its instance count.
        assert_eq!(
            absent(&provider_charts),
            vec![(
                NO_MANAGED_SCALING,
                vec![format!("CapacityProviderReservation · {provider}")]
            )]
        );
        let spike = model("target-tracking-spike");
        assert!(spike.asgs.iter().all(|a| provider_reason(
            &spike,
            &a.provider,
            MetricName::CapacityProviderReservation
        ) == NO_DATA_YET));
    }

    #[test]
    fn a_service_behind_a_load_balancer_waits_for_its_first_datapoint() {
        let m = model("canary");
        let web = index(&m, "web");
        for metric in [
            MetricName::CPUUtilization,
            MetricName::RequestCountPerTarget,
            MetricName::HTTPCode_ELB_5XX_Count,
        ] {
            assert_eq!(service_reason(&m, web, metric), NO_DATA_YET, "{metric:?}");
        }
    }

    #[test]
    fn discovery_traffic_has_utilisation_and_client_errors_but_no_elb_metrics() {
        let m = model("cloud-map-vs-service-connect");
        let (server, client) = m
            .traffic
            .entries
            .iter()
            .find_map(|e| match e.source {
                Source::Client(c) => Some((e.service, c)),
                Source::Internet => None,
            })
            .unwrap_or_else(|| panic!("the example has a client"));
        assert_eq!(
            service_reason(&m, server, MetricName::CPUUtilization),
            NO_DATA_YET
        );
        assert_eq!(
            service_reason(&m, server, MetricName::RequestCountPerTarget),
            NO_LOAD_BALANCER_TRAFFIC
        );
        assert_eq!(
            service_reason(&m, client, MetricName::ClientErrorCount),
            NO_DATA_YET
        );
    }
}
