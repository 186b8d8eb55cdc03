//! The auto scaling part of `ecs-sim run … --json`: what each scalable service's scaling
//! activities were and how each managed capacity provider's instance count moved.

use crate::metrics::{Dimension, MetricName};
use crate::sim::Sim;
use serde_json::{json, Value};

/// `{ "services": [{ name, scalingActivities: [{at, policy, from, to, cause}] }],
///    "capacityProviders": [{ name, instanceCount: [{at, value}] }] }`, listing only services
/// with a scalable target and providers with managed scaling (times in ms).
pub fn json_report(sim: &Sim) -> Value {
    let services: Vec<Value> = sim
        .autoscaling
        .services
        .iter()
        .map(|(&s, st)| {
            json!({
                "name": sim.model.services[s].name,
                "scalingActivities": st.activities,
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
