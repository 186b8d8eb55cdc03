//! The auto scaling part of `ecs-sim run … --json`: what each scalable service's scaling
//! activities were and how each managed capacity provider's instance count moved.

use crate::autoscaling::activity::{SCALABLE_DIMENSION, SERVICE_NAMESPACE};
use crate::autoscaling::state::ScalingActivity;
use crate::metrics::{Dimension, MetricName};
use crate::sim::Sim;
use serde_json::{json, Value};

/// `{ "services": [{ name, scalingActivities: [...] }], "capacityProviders": [{ name,
/// instanceCount: [{at, value}] }] }`, listing only services with a scalable target and
/// providers with managed scaling. Each service's activities are listed as
/// DescribeScalingActivities lists them, newest first ([`describe_activity`]).
pub fn json_report(sim: &Sim) -> Value {
    let services: Vec<Value> = sim
        .autoscaling
        .services
        .iter()
        .map(|(&s, st)| {
            let activities: Vec<Value> = st
                .activities
                .iter()
                .rev()
                .map(|a| describe_activity(a, &st.resource_id))
                .collect();
            json!({
                "name": sim.model.services[s].name,
                "scalingActivities": activities,
            })
        })
        .collect();
    let providers: Vec<Value> = sim
        .model
        .asgs
        .iter()
        .filter(|a| a.managed_scaling.is_some())
        .map(|a| {
            let dim = Dimension::CapacityProvider(a.provider.clone());
            json!({
                "name": a.provider,
                "instanceCount": sim.metrics.series(MetricName::InstanceCount, &dim),
            })
        })
        .collect();
    json!({ "services": services, "capacityProviders": providers })
}

/// One activity in DescribeScalingActivities' shape (API DescribeScalingActivities,
/// <https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DescribeScalingActivities.html>),
/// in camelCase like the rest of `--json`. `startTime` and `endTime` are ms of virtual time
/// (AWS gives epoch seconds); they are equal, since the simulator sets the desired count at once.
pub fn describe_activity(a: &ScalingActivity, resource_id: &str) -> Value {
    json!({
        "activityId": a.activity_id,
        "serviceNamespace": SERVICE_NAMESPACE,
        "resourceId": resource_id,
        "scalableDimension": SCALABLE_DIMENSION,
        "description": a.description,
        "cause": a.cause,
        "startTime": a.at,
        "endTime": a.at,
        "statusCode": a.status_code,
        "statusMessage": a.status_message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANAGED: &str = include_str!("../../../../tests/golden/managed_scaling.json");

    #[test]
    fn report_lists_instance_count_per_managed_provider() {
        let mut sim = Sim::from_json(MANAGED).expect("loads");
        sim.run_until(120_000);
        let v = json_report(&sim);
        assert_eq!(
            v,
            json!({
                "services": [],
                "capacityProviders": [{
                    "name": "asg",
                    "instanceCount": [{ "at": 60_000, "value": 1.0 }, { "at": 120_000, "value": 3.0 }]
                }]
            })
        );
    }
}
