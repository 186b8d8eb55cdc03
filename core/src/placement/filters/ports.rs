//! Host ports: static host ports must be free and not reserved by the agent (22, 2375, 2376,
//! 51678–51680); bridge tasks with hostPort 0 need free ports in the dynamic range (32768–60999, the kernel range on Amazon Linux).

use crate::catalog::ports::{is_reserved, DYNAMIC_PORT_FIRST, DYNAMIC_PORT_LAST};
use crate::cluster::Instance;
use crate::placement::Rejection;
use crate::taskdef::Protocol;
use crate::taskdef::TaskNeeds;

/// Rejects the instance if a static port is taken or too few dynamic ports are free.
pub fn check(
    instance: &Instance,
    needs: &TaskNeeds,
    holder_name: impl Fn(usize) -> String,
) -> Result<(), Rejection> {
    for &(protocol, port) in &needs.static_ports {
        if is_reserved(port) {
            return Err(Rejection::PortInUse {
                port,
                protocol,
                holder: "the ECS agent (reserved port)".into(),
            });
        }
        if let Some(&task) = instance.ports.get(&(protocol, port)) {
            return Err(Rejection::PortInUse {
                port,
                protocol,
                holder: holder_name(task),
            });
        }
    }
    if needs.dynamic_ports > 0 {
        let free = free_dynamic_ports(instance, needs.dynamic_ports);
        if free < needs.dynamic_ports {
            return Err(Rejection::NoDynamicPort {
                requested: needs.dynamic_ports,
                free,
            });
        }
    }
    Ok(())
}

/// Counts free dynamic TCP ports, stopping once `enough` are found.
fn free_dynamic_ports(instance: &Instance, enough: u32) -> u32 {
    let mut free = 0;
    for port in DYNAMIC_PORT_FIRST..=DYNAMIC_PORT_LAST {
        if !is_reserved(port) && !instance.ports.contains_key(&(Protocol::Tcp, port)) {
            free += 1;
            if free >= enough {
                break;
            }
        }
    }
    free
}

/// Picks the host ports for a task on an instance that passed [`check`]: its static ports,
/// then the lowest free dynamic ports (the agent's allocation is deterministic here).
pub fn assign(instance: &Instance, needs: &TaskNeeds) -> Vec<(Protocol, u16)> {
    let mut out = needs.static_ports.clone();
    let mut left = needs.dynamic_ports;
    for port in DYNAMIC_PORT_FIRST..=DYNAMIC_PORT_LAST {
        if left == 0 {
            break;
        }
        if !is_reserved(port)
            && !instance.ports.contains_key(&(Protocol::Tcp, port))
            && !out.contains(&(Protocol::Tcp, port))
        {
            out.push((Protocol::Tcp, port));
            left -= 1;
        }
    }
    out
}
