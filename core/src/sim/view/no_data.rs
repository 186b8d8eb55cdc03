//! What an empty service chart says instead of a line. Every service records its task counts
//! each minute, but CPU, memory and the ELB figures come from the traffic model and client
//! errors from service discovery, so for a service without them "no data yet" would promise a
//! line that never comes. The reason names what to add instead.

use crate::metrics::MetricName;
use crate::scenario::Model;
use crate::traffic::Source;

/// The default: the series exists for this service, its first datapoint is still to come.
pub const NO_DATA_YET: &str = "no data yet";
/// Nothing in the scenario sends requests to this service.
pub const NO_TRAFFIC: &str =
    "no traffic to this service: add a request rate under Service settings → Traffic";
/// The service's requests come from another service, not through a load balancer.
pub const NO_LOAD_BALANCER_TRAFFIC: &str =
    "ELB metric: this service's requests come from another service, not through its load balancer";
/// The service sends no requests to another service.
pub const NOT_A_CLIENT: &str = "this service calls no other service in the scenario";

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
