//! Host ports that ECS treats specially on every Linux container instance.
//!
//! API Reference `PortMapping.hostPort` (also DG task_definition_parameters, "Port mappings"):
//! "The default reserved ports are 22 for SSH, the Docker ports 2375 and 2376, and the Amazon
//! ECS container agent ports 51678-51680", and when `hostPort` is omitted or 0 in `bridge` mode
//! the container receives a port from the ephemeral range, which is the kernel's
//! `ip_local_port_range` or, "if this kernel parameter is unavailable", 49153 through 65535 on
//! Linux. The simulator uses that documented Linux fallback.

/// Ports reserved on every container instance: SSH, Docker (2375, 2376), ECS agent (51678–51680).
pub const RESERVED_PORTS: [u16; 6] = [22, 2375, 2376, 51678, 51679, 51680];

/// First port of the Linux dynamic (ephemeral) host-port range used for `bridge` mappings.
pub const DYNAMIC_PORT_FIRST: u16 = 49153;

/// Last port of the Linux dynamic (ephemeral) host-port range used for `bridge` mappings.
///
/// The agent ports 51678–51680 lie inside this range, so an allocator must skip them.
pub const DYNAMIC_PORT_LAST: u16 = 65535;

/// A container instance can have up to 100 reserved ports at a time, the defaults included
/// (API `PortMapping.hostPort`); dynamically assigned ports do not count.
pub const MAX_RESERVED_PORTS: usize = 100;

/// Whether `port` is one of the default reserved ports no task may take.
pub fn is_reserved(port: u16) -> bool {
    RESERVED_PORTS.contains(&port)
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
    fn port_mapping_linux_dynamic_range_is_49153_to_65535() {
        assert!(!is_dynamic(49152));
        assert!(is_dynamic(49153));
        assert!(is_dynamic(65535));
        assert_eq!(
            usize::from(DYNAMIC_PORT_LAST - DYNAMIC_PORT_FIRST) + 1,
            16383
        );
    }

    #[test]
    fn agent_ports_fall_inside_the_dynamic_range_so_allocation_must_skip_them() {
        let inside: Vec<u16> = RESERVED_PORTS
            .into_iter()
            .filter(|p| is_dynamic(*p))
            .collect();
        assert_eq!(inside, [51678, 51679, 51680]);
    }
}
