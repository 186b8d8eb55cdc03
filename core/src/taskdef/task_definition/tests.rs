//! Resource arithmetic the scheduler relies on.

use crate::taskdef::{parse_task_definition, NetworkMode, Protocol, TaskDefinition};

fn td(text: &str) -> TaskDefinition {
    parse_task_definition(text).unwrap()
}

#[test]
fn network_mode_defaults_to_bridge_when_omitted() {
    assert_eq!(
        td(r#"{"family": "f"}"#).effective_network_mode(),
        NetworkMode::Bridge
    );
    assert_eq!(
        td(r#"{"family": "f", "networkMode": "host"}"#).effective_network_mode(),
        NetworkMode::Host
    );
}

#[test]
fn memory_reservation_is_reserved_instead_of_memory_and_task_memory_governs() {
    let t = td(r#"{"family": "f", "containerDefinitions": [
        {"name": "a", "memory": 300, "memoryReservation": 128},
        {"name": "b", "memory": 256, "cpu": 100},
        {"name": "c", "cpu": 50}]}"#);
    assert_eq!(t.container_memory_reserved_mib(0), 128);
    assert_eq!(t.container_memory_reserved_mib(1), 256);
    assert_eq!(t.container_memory_reserved_mib(2), 0);
    assert_eq!(t.memory_reserved_mib(), 384);
    assert_eq!(t.cpu_units_reserved(), 150);
    let t = td(
        r#"{"family": "f", "cpu": "1 vCPU", "memory": "2 GB", "containerDefinitions": [{"name": "a", "cpu": 10, "memory": 64}]}"#,
    );
    assert_eq!(t.memory_reserved_mib(), 2048);
    assert_eq!(t.cpu_units_reserved(), 1024);
}

#[test]
fn essential_defaults_to_true() {
    let t = td(
        r#"{"family": "f", "containerDefinitions": [{"name": "a"}, {"name": "b", "essential": false}]}"#,
    );
    assert!(t.is_essential(0));
    assert!(!t.is_essential(1));
    assert!(!t.is_essential(2));
}

#[test]
fn gpus_are_summed_over_containers() {
    let t = td(r#"{"family": "f", "containerDefinitions": [
        {"name": "a", "resourceRequirements": [{"type": "GPU", "value": "2"}]},
        {"name": "b", "resourceRequirements": [{"type": "GPU", "value": "1"}]}]}"#);
    assert_eq!(t.gpu_count(), 3);
}

#[test]
fn bridge_static_and_dynamic_host_ports() {
    let t = td(
        r#"{"family": "f", "containerDefinitions": [{"name": "a", "portMappings": [
        {"containerPort": 80, "hostPort": 8080},
        {"containerPort": 53, "hostPort": 53, "protocol": "udp"},
        {"containerPort": 81},
        {"containerPort": 82, "hostPort": 0}]}]}"#,
    );
    assert_eq!(
        t.static_host_ports(),
        vec![(Protocol::Tcp, 8080), (Protocol::Udp, 53)]
    );
    assert_eq!(t.dynamic_port_count(), 2);
}

#[test]
fn host_mode_uses_container_ports_and_awsvpc_uses_none_on_the_instance() {
    let text = r#"{"family": "f", "networkMode": "MODE", "containerDefinitions": [{"name": "a", "portMappings": [{"containerPort": 80}]}]}"#;
    let host = td(&text.replace("MODE", "host"));
    assert_eq!(host.static_host_ports(), vec![(Protocol::Tcp, 80)]);
    assert_eq!(host.dynamic_port_count(), 0);
    let vpc = td(&text.replace("MODE", "awsvpc"));
    assert!(vpc.static_host_ports().is_empty());
}
