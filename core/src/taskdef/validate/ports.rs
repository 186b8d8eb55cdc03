//! Port mappings per network mode (API PortMapping).

use super::{container_path, Problem, TaskDefinition};
use crate::taskdef::network_mode::NetworkMode;
use crate::taskdef::port_mapping::Protocol;
use std::collections::BTreeMap;

pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    let mode = td.effective_network_mode();
    // (protocol, port) → where first seen; container ports share one namespace in awsvpc/host.
    let mut task_container_ports: BTreeMap<(Protocol, i64), String> = BTreeMap::new();
    let mut static_host_ports: BTreeMap<(Protocol, i64), String> = BTreeMap::new();
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
        let mut own_ports: BTreeMap<(Protocol, i64), String> = BTreeMap::new();
        for (j, pm) in mappings.iter().enumerate() {
            let at = format!("{here}.portMappings[{j}]");
            let proto = pm.protocol_or_default();
            let Some(cp) = pm.container_port else {
                if pm.container_port_range.is_none() {
                    out.push(Problem::new(
                        format!("{at}.containerPort"),
                        "containerPort must be specified (or containerPortRange).",
                    ));
                }
                continue;
            };
            if !(1..=65535).contains(&cp) {
                out.push(Problem::new(
                    format!("{at}.containerPort"),
                    format!("Invalid containerPort {cp}: ports must be between 1 and 65535."),
                ));
                continue;
            }
            if let Some(hp) = pm.host_port {
                if !(0..=65535).contains(&hp) {
                    out.push(Problem::new(
                        format!("{at}.hostPort"),
                        format!("Invalid hostPort {hp}: ports must be between 0 and 65535."),
                    ));
                    continue;
                }
                if matches!(mode, NetworkMode::Awsvpc | NetworkMode::Host) && hp != cp {
                    out.push(Problem::new(
                        format!("{at}.hostPort"),
                        format!("When networkMode={}, the host ports and container ports in port mappings must match.", mode.as_str()),
                    ));
                }
            }
            let shared = matches!(mode, NetworkMode::Awsvpc | NetworkMode::Host);
            let seen = if shared {
                &mut task_container_ports
            } else {
                &mut own_ports
            };
            if let Some(first) = seen.get(&(proto, cp)) {
                out.push(Problem::new(
                    format!("{at}.containerPort"),
                    format!(
                        "Duplicate port mapping: {cp}/{} is already mapped at {first}.",
                        proto.as_str()
                    ),
                ));
            } else {
                seen.insert((proto, cp), at.clone());
            }
            if mode == NetworkMode::Bridge {
                if let Some(hp) = pm.host_port.filter(|p| *p != 0) {
                    if let Some(first) = static_host_ports.get(&(proto, hp)) {
                        out.push(Problem::new(
                            format!("{at}.hostPort"),
                            format!("Duplicate host port: {hp}/{} is already used at {first}; a host port can be used once per instance.", proto.as_str()),
                        ));
                    } else {
                        static_host_ports.insert((proto, hp), at.clone());
                    }
                }
            }
        }
    }
}
