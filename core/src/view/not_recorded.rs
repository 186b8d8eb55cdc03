//! The panel's "Not recorded" line: charts that would stay empty are left out and named, grouped
//! by the reason [`super::no_data`] gives.

use super::charts::ChartView;
use super::no_data::NO_DATA_YET;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::MetricName;
    use crate::scenario::examples;
    use crate::scenario::Model;
    use crate::traffic::Source;
    use crate::view::no_data::*;

    fn model(id: &str) -> Model {
        let json = examples::example(id)
            .map(|e| e.json)
            .unwrap_or_else(|| panic!("no example {id}"));
        match crate::sim::Sim::from_json(json) {
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
        let mut sim = crate::sim::Sim::new(m);
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
