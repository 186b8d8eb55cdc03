//! Why a service chart is empty. Every service records its task counts each minute, but CPU,
//! memory and the ELB figures come from the traffic model and client errors from service
//! discovery, so for a service without them "no data yet" would promise a line that never
//! comes. The panel lists such metrics in one line with the reason, which names what to add.

use crate::metrics::MetricName;
use crate::scenario::Model;
use crate::traffic::Source;

/// The default: the series exists for this service, its first datapoint is still to come.
pub const NO_DATA_YET: &str = "no data yet";
/// Nothing in the scenario sends requests to this service. (ECS would publish CPU and memory
/// for any running service; the simulator works them out from the traffic model.)
/// The reasons name where the setting is, not an order to change it: in a lesson that locks it
/// "turn it on" contradicted the greyed checkbox (student walkthrough, 29th session).
pub const NO_TRAFFIC: &str = "the simulator works these out from the requests a service serves, and nothing sends this service any (the request rate is under Service settings → Traffic)";
/// The service's requests come from another service, not through a load balancer.
pub const NO_LOAD_BALANCER_TRAFFIC: &str =
    "load balancer metrics, and this service's requests come from another service";
/// The service sends no requests to another service.
pub const NOT_A_CLIENT: &str = "this service calls no other service";

/// The service is behind no load balancer, which is what reports target health.
pub const NO_LOAD_BALANCER: &str = "no load balancer checks this service's tasks";

/// The capacity provider has no managed scaling, which is what publishes its metrics.
pub const NO_MANAGED_SCALING: &str =
    "managed scaling, which publishes it, is off for this capacity provider (Service settings → Capacity)";

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
        MetricName::HealthyHostCount
            if model
                .services
                .get(service)
                .is_none_or(|s| s.load_balancer.is_none()) =>
        {
            NO_LOAD_BALANCER
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
