//! The metric series as JSON for `ecs-sim run … --json --metrics`, shaped like CloudWatch's
//! own listing: a metric name, its dimension, and the one-minute datapoints.

use crate::metrics::Dimension;
use crate::sim::Sim;
use serde_json::{json, Value};

/// `[{name, dimension, datapoints: [{at, value}]}]`, in the store's stable order. The
/// dimension is CloudWatch's: `{"ServiceName": …}`, `{"CapacityProviderName": …}` or
/// `{"TargetGroup": …}` (the target group's name).
pub fn metrics_json(sim: &Sim) -> Value {
    let series: Vec<Value> = sim
        .metrics
        .iter()
        .map(|(key, points)| {
            let dimension = match &key.dimension {
                Dimension::Service(s) => {
                    let name = sim.model.services.get(*s).map_or("", |x| x.name.as_str());
                    json!({ "ServiceName": name })
                }
                Dimension::CapacityProvider(p) => json!({ "CapacityProviderName": p }),
                Dimension::TargetGroup(g) => {
                    let name = sim
                        .model
                        .target_groups
                        .get(*g)
                        .map_or("", |x| x.name.as_str());
                    json!({ "TargetGroup": name })
                }
            };
            json!({
                "name": key.name.as_str(),
                "dimension": dimension,
                "datapoints": points,
            })
        })
        .collect();
    Value::Array(series)
}
