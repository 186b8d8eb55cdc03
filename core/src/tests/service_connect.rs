//! Service Connect refusals of whole scenarios (DG service-connect considerations): the task
//! memory limit the proxy needs, on the first revision (CreateService) and on a later one
//! (UpdateService on the timeline), and names unique within a namespace. The rules themselves
//! are tested in `discovery::service_connect` and `discovery::namespace`.

use crate::discovery::service_connect::NEEDS_TASK_MEMORY;
use crate::problem::Problem;
use crate::sim::Sim;
use serde_json::{json, Value};

/// The `cloud-map-vs-service-connect` example: sc-client (services[1], family client) and
/// orders-sc (services[3], family orders) use Service Connect in namespace `internal`.
fn example() -> Value {
    let e = crate::scenario::examples::example("cloud-map-vs-service-connect").expect("example");
    serde_json::from_str(e.json).expect("json")
}

fn refused(d: &Value) -> Vec<Problem> {
    match Sim::from_json(&d.to_string()) {
        Err(crate::sim::LoadError::Invalid(ps)) => ps,
        other => panic!("refused: {:?}", other.map(|_| ())),
    }
}

#[test]
fn the_example_sets_the_task_memory_the_proxy_needs() {
    assert!(Sim::from_json(&example().to_string()).is_ok());
}

#[test]
fn a_service_connect_task_definition_without_task_memory_is_refused() {
    let mut d = example();
    d["taskDefinitions"][0]
        .as_object_mut()
        .expect("client")
        .remove("memory");
    let ps = refused(&d);
    // Only sc-client: dns-client runs the same revision without Service Connect.
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(ps[0].path, "services[1].taskDefinition");
    assert_eq!(ps[0].message, NEEDS_TASK_MEMORY);
}

#[test]
fn a_later_revision_without_task_memory_is_refused_on_the_timeline() {
    let mut d = example();
    let mut second = d["taskDefinitions"][1].clone();
    second.as_object_mut().expect("orders").remove("memory");
    d["taskDefinitions"]
        .as_array_mut()
        .expect("list")
        .push(second);
    // The services keep revision 1 (the family alone would now mean orders:2).
    d["services"][2]["taskDefinition"] = json!("orders:1");
    d["services"][3]["taskDefinition"] = json!("orders:1");
    d["timeline"] = json!([{"at": 60, "action": "updateService", "service": "orders-sc",
        "taskDefinition": "orders:2"}]);
    let ps = refused(&d);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(ps[0].path, "timeline[0].taskDefinition");
    assert_eq!(ps[0].message, NEEDS_TASK_MEMORY);
    // orders-dns, without Service Connect, takes it.
    d["timeline"][0]["service"] = json!("orders-dns");
    assert!(Sim::from_json(&d.to_string()).is_ok());
}

#[test]
fn a_second_service_with_the_same_discovery_name_in_the_namespace_is_refused() {
    let mut d = example();
    // orders-dns joins `internal` offering the same port name, without a discoveryName.
    d["services"][2]["serviceConnectConfiguration"] = json!({"enabled": true,
        "namespace": "internal", "services": [{"portName": "http"}]});
    let ps = refused(&d);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(
        ps[0].path,
        "services[3].serviceConnectConfiguration.services[0].portName"
    );
    assert!(
        ps[0].message.contains("service 'orders-dns'"),
        "{}",
        ps[0].message
    );
    // With a discoveryName of its own it is accepted.
    d["services"][2]["serviceConnectConfiguration"]["services"][0]["discoveryName"] =
        json!("http-dns");
    assert!(Sim::from_json(&d.to_string()).is_ok());
}
