//! Port mappings per network mode (API PortMapping).

use super::{container_path, Problem, TaskDefinition};
use crate::taskdef::network_mode::NetworkMode;
use crate::taskdef::port_mapping::{PortMapping, Protocol};
use std::collections::BTreeMap;

/// Ports already mapped: (protocol, port) → the path of the mapping that took it first, for
/// the duplicate's message.
type PortsSeen = BTreeMap<(Protocol, i64), String>;

/// API PortMapping: every container's `portMappings`, checked per the task's network mode, in
/// container then mapping order.
pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    let mode = td.effective_network_mode();
    // (protocol, port) → where first seen; container ports share one namespace in awsvpc/host.
    let mut task_container_ports: PortsSeen = BTreeMap::new();
    let mut static_host_ports: PortsSeen = BTreeMap::new();
    for (i, c) in td.containers().iter().enumerate() {
        let Some(mappings) = c.port_mappings.as_ref() else {
            continue;
        };
        let here = container_path(i);
        if mode == NetworkMode::None && !mappings.is_empty() {
            out.push(Problem::new(
                format!("{here}.portMappings"),
                "Port mappings are not supported when networkMode=none.",
            ));
            continue;
        }
        let mut own_ports: PortsSeen = BTreeMap::new();
        let container_ports = if shares_task_ports(mode) {
            &mut task_container_ports
        } else {
            &mut own_ports
        };
        for (j, pm) in mappings.iter().enumerate() {
            let at = format!("{here}.portMappings[{j}]");
            check_name(&at, pm, out);
            check_mapping(&at, pm, mode, container_ports, &mut static_host_ports, out);
        }
    }
}

/// API PortMapping `name` (what Service Connect's `portName` names): "The name can include up
/// to 64 characters. The characters can include lowercase letters, numbers, underscores (_),
/// and hyphens (-). The name can't start with a hyphen."
fn check_name(at: &str, pm: &PortMapping, out: &mut Vec<Problem>) {
    let Some(name) = pm.name.as_deref() else {
        return;
    };
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-';
    if name.is_empty()
        || name.len() > MAX_PORT_NAME_CHARS
        || name.starts_with('-')
        || !name.chars().all(allowed)
    {
        out.push(Problem::new(
            format!("{at}.name"),
            format!("Invalid port mapping name \"{}\": use 1 to {MAX_PORT_NAME_CHARS} lowercase letters, digits, '_' and '-', not starting with '-'.", name),
        ));
    }
}

/// API PortMapping `name`: at most 64 characters.
pub const MAX_PORT_NAME_CHARS: usize = 64;

/// In `awsvpc` and `host` mode the containers of a task share one network namespace, so a
/// container port can be mapped once per task (and the host port must be the container port).
fn shares_task_ports(mode: NetworkMode) -> bool {
    matches!(mode, NetworkMode::Awsvpc | NetworkMode::Host)
}

/// One port mapping at `at`: a valid container port and host port, neither already taken.
/// `container_ports` are the ports taken in the container's namespace (the task's in
/// `awsvpc`/`host`, the container's own otherwise); `static_host_ports` those taken on the
/// instance in `bridge` mode.
fn check_mapping(
    at: &str,
    pm: &PortMapping,
    mode: NetworkMode,
    container_ports: &mut PortsSeen,
    static_host_ports: &mut PortsSeen,
    out: &mut Vec<Problem>,
) {
    let proto = pm.protocol_or_default();
    let Some(cp) = container_port(at, pm, out) else {
        return;
    };
    if !check_host_port(at, pm, cp, mode, out) {
        return;
    }
    if let Some(first) = container_ports.get(&(proto, cp)) {
        out.push(Problem::new(
            format!("{at}.containerPort"),
            format!(
                "Duplicate port mapping: {cp}/{} is already mapped at {first}.",
                proto.as_str()
            ),
        ));
    } else {
        container_ports.insert((proto, cp), at.to_string());
    }
    if mode == NetworkMode::Bridge {
        check_static_host_port(at, pm, proto, static_host_ports, out);
    }
}

/// `containerPort`: given (unless `containerPortRange` is) and 1–65535. None when there is no
/// port to check further.
fn container_port(at: &str, pm: &PortMapping, out: &mut Vec<Problem>) -> Option<i64> {
    let Some(cp) = pm.container_port else {
        if pm.container_port_range.is_none() {
            out.push(Problem::new(
                format!("{at}.containerPort"),
                "containerPort must be specified (or containerPortRange).",
            ));
        }
        return None;
    };
    if !(1..=65535).contains(&cp) {
        out.push(Problem::new(
            format!("{at}.containerPort"),
            format!("Invalid containerPort {cp}: ports must be between 1 and 65535."),
        ));
        return None;
    }
    Some(cp)
}

/// `hostPort`: 0–65535, and equal to the container port in `awsvpc`/`host` mode. False when it
/// is out of range (the mapping is not checked further).
fn check_host_port(
    at: &str,
    pm: &PortMapping,
    cp: i64,
    mode: NetworkMode,
    out: &mut Vec<Problem>,
) -> bool {
    let Some(hp) = pm.host_port else {
        return true;
    };
    if !(0..=65535).contains(&hp) {
        out.push(Problem::new(
            format!("{at}.hostPort"),
            format!("Invalid hostPort {hp}: ports must be between 0 and 65535."),
        ));
        return false;
    }
    if shares_task_ports(mode) && hp != cp {
        out.push(Problem::new(
            format!("{at}.hostPort"),
            format!("When networkMode={}, the host ports and container ports in port mappings must match.", mode.as_str()),
        ));
    }
    true
}

/// A static (non-zero) host port in `bridge` mode can be used once per instance, so once per
/// task definition.
fn check_static_host_port(
    at: &str,
    pm: &PortMapping,
    proto: Protocol,
    static_host_ports: &mut PortsSeen,
    out: &mut Vec<Problem>,
) {
    let Some(hp) = pm.host_port.filter(|p| *p != 0) else {
        return;
    };
    if let Some(first) = static_host_ports.get(&(proto, hp)) {
        out.push(Problem::new(
            format!("{at}.hostPort"),
            format!("Duplicate host port: {hp}/{} is already used at {first}; a host port can be used once per instance.", proto.as_str()),
        ));
    } else {
        static_host_ports.insert((proto, hp), at.to_string());
    }
}
