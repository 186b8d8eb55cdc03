//! Traffic and discovery keys resolved as part of a whole scenario.

use crate::problem::Problem;
use crate::scenario::{parse_scenario, resolve, DEFAULT_SCENARIO_JSON};

/// The default scenario (services `web` and `api`) with `traffic` and `timeline` added.
fn problems(traffic: serde_json::Value, timeline: serde_json::Value) -> Vec<Problem> {
    let mut doc: serde_json::Value = serde_json::from_str(DEFAULT_SCENARIO_JSON).unwrap();
    doc["traffic"] = traffic;
    doc["timeline"] = timeline;
    let doc = parse_scenario(&doc.to_string()).unwrap();
    resolve(&doc).err().unwrap_or_default()
}

#[test]
fn out_of_range_traffic_values_are_reported_at_their_paths() {
    let ps = problems(
        serde_json::json!([
            { "serviceName": "web",
              "profile": { "shape": "ramp", "fromRequestsPerSecond": -1,
                           "toRequestsPerSecond": 5, "startSeconds": 60, "endSeconds": 60 },
              "cpuMillisPerRequest": 0, "baseCpuPercent": 100, "timeoutMillis": 0 },
            { "serviceName": "nope", "profile": { "shape": "constant", "requestsPerSecond": 1 },
              "cpuMillisPerRequest": 1 }
        ]),
        serde_json::json!([
            { "at": 10, "action": "trafficSpike", "service": "api", "multiplier": 0,
              "durationSeconds": 0 }
        ]),
    );
    let paths: Vec<&str> = ps.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "traffic[0].profile.fromRequestsPerSecond",
            "traffic[0].profile.endSeconds",
            "traffic[0].cpuMillisPerRequest",
            "traffic[0].baseCpuPercent",
            "traffic[0].timeoutMillis",
            "traffic[1].serviceName",
            "timeline[0].service",
            "timeline[0].multiplier",
            "timeline[0].durationSeconds",
        ]
    );
}

#[test]
fn a_client_needs_a_discoverable_server_cloud_map_or_service_connect() {
    let ps = problems(
        serde_json::json!([
            { "serviceName": "api", "fromService": "web",
              "profile": { "shape": "constant", "requestsPerSecond": 1 },
              "cpuMillisPerRequest": 1 }
        ]),
        serde_json::json!([]),
    );
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].path, "traffic[0].fromService");
}
