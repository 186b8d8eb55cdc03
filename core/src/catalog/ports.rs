//! Host ports that ECS treats specially on every Linux container instance.
//!
//! API Reference `PortMapping.hostPort` (also DG task_definition_parameters, "Port mappings"):
//! "The default reserved ports are 22 for SSH, the Docker ports 2375 and 2376, and the Amazon
//! ECS container agent ports 51678-51680", and when `hostPort` is omitted or 0 in `bridge` mode
//! the container receives a port from the ephemeral range, which is the kernel's
//! `ip_local_port_range` or, "if this kernel parameter is unavailable", 49153 through 65535 on
//! Linux. The parameter is available on the ECS-optimized Amazon Linux AMIs, where it is the
//! Linux default 32768–60999 (which is why ELB target ports in real ECS logs look like 32875), so
//! the simulator uses that range; [`FALLBACK_DYNAMIC_PORTS`] records the documented fallback.

/// Ports reserved on every container instance: SSH, Docker (2375, 2376), ECS agent (51678–51680).
pub const RESERVED_PORTS: [u16; 6] = [22, 2375, 2376, 51678, 51679, 51680];

/// First port of the dynamic (ephemeral) host-port range used for `bridge` mappings: the kernel's
/// `ip_local_port_range` on Amazon Linux.
pub const DYNAMIC_PORT_FIRST: u16 = 32768;

/// Last port of the dynamic host-port range used for `bridge` mappings.
///
/// The agent ports 51678–51680 lie inside this range, so an allocator must skip them.
pub const DYNAMIC_PORT_LAST: u16 = 60999;

/// The range the API documents for when the kernel parameter is unavailable (Linux).
pub const FALLBACK_DYNAMIC_PORTS: (u16, u16) = (49153, 65535);

/// A container instance can have up to 100 reserved ports at a time, the defaults included
/// (API `PortMapping.hostPort`); dynamically assigned ports do not count.
pub const MAX_RESERVED_PORTS: usize = 100;

/// Whether `port` is one of the default reserved ports no task may take.
pub fn is_reserved(port: u16) -> bool {
    RESERVED_PORTS.contains(&port)
}

/// Dynamic host ports one instance can hand out: the range less the agent ports inside it
/// (28,229).
pub fn dynamic_port_capacity() -> u32 {
    let range = u32::from(DYNAMIC_PORT_LAST - DYNAMIC_PORT_FIRST) + 1;
    let reserved_inside = RESERVED_PORTS.iter().filter(|p| is_dynamic(**p)).count();
    range - reserved_inside as u32
}

/// Whether `port` lies in the Linux dynamic host-port range.
pub fn is_dynamic(port: u16) -> bool {
    (DYNAMIC_PORT_FIRST..=DYNAMIC_PORT_LAST).contains(&port)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_mapping_reserved_ports_are_ssh_docker_and_agent() {
        for p in [22, 2375, 2376, 51678, 51679, 51680] {
            assert!(is_reserved(p), "{p}");
        }
        assert!(!is_reserved(80));
        assert!(!is_reserved(51681));
    }

    #[test]
    fn port_mapping_dynamic_range_is_the_amazon_linux_kernel_range_32768_to_60999() {
        assert!(!is_dynamic(32767));
        assert!(is_dynamic(32768));
        assert!(is_dynamic(60999));
        assert!(!is_dynamic(61000));
        assert_eq!(
            usize::from(DYNAMIC_PORT_LAST - DYNAMIC_PORT_FIRST) + 1,
            28232
        );
        assert_eq!(FALLBACK_DYNAMIC_PORTS, (49153, 65535));
    }

    #[test]
    fn agent_ports_fall_inside_the_dynamic_range_so_allocation_must_skip_them() {
        let inside: Vec<u16> = RESERVED_PORTS
            .into_iter()
            .filter(|p| is_dynamic(*p))
            .collect();
        assert_eq!(inside, [51678, 51679, 51680]);
        assert_eq!(dynamic_port_capacity(), 28232 - 3);
    }
}
