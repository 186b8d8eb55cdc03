//! One EC2 instance type as ECS sees it when it becomes a container instance.

use super::memory::registered_memory_mib;

/// CPU architecture, reported by the agent as the `ecs.cpu-architecture` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Architecture {
    /// Intel and AMD instance types.
    X86_64,
    /// AWS Graviton instance types (`a1` and the families with a `g` after the generation).
    Arm64,
}

impl Architecture {
    /// The value of the `ecs.cpu-architecture` attribute.
    pub const fn attribute_value(self) -> &'static str {
        match self {
            Architecture::X86_64 => "x86_64",
            Architecture::Arm64 => "arm64",
        }
    }
}

/// An EC2 instance type with the figures ECS registers and the ENI limits placement checks.
///
/// Built with [`InstanceType::new`] so the derived figures (CPU units, registered memory, awsvpc
/// tasks without trunking) always follow from the EC2 facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InstanceType {
    /// API name, e.g. `c5.large`; also the `ecs.instance-type` attribute.
    pub name: &'static str,
    /// vCPUs (EC2 instance type specifications).
    pub vcpus: u32,
    /// CPU the instance registers: 1,024 units per vCPU (DG task_definition_parameters, `cpu`).
    pub cpu_units: u32,
    /// Installed memory in MiB (EC2 specifications: GiB × 1024).
    pub memory_mib: u32,
    /// Memory the agent registers, an estimate (see [`super::memory`]).
    pub registered_memory_mib: u32,
    /// CPU architecture (`ecs.cpu-architecture`).
    pub architecture: Architecture,
    /// GPUs the agent registers for `resourceRequirements` of type `GPU`.
    pub gpus: u32,
    /// Maximum network interfaces, the primary one included (EC2 "IP addresses per network
    /// interface per instance type").
    pub max_enis: u32,
    /// `awsvpc` tasks without trunking: max ENIs minus the primary ENI (DG container-instance-eni).
    pub awsvpc_tasks_without_trunking: u32,
    /// `awsvpc` tasks with `awsvpcTrunking` on, from the DG container-instance-eni table; `None`
    /// when the type is not in that table (e.g. t3, or g4dn, which the guide excludes).
    pub awsvpc_tasks_with_trunking: Option<u32>,
    /// The `ecs.os-type` attribute; every catalogue entry runs the Linux ECS-optimized AMI.
    pub os_type: &'static str,
}

impl InstanceType {
    /// An instance type from its EC2 facts and its trunking task limit (if the DG lists one).
    pub const fn new(
        name: &'static str,
        vcpus: u32,
        memory_mib: u32,
        architecture: Architecture,
        gpus: u32,
        max_enis: u32,
        awsvpc_tasks_with_trunking: Option<u32>,
    ) -> Self {
        Self {
            name,
            vcpus,
            cpu_units: vcpus * 1024,
            memory_mib,
            registered_memory_mib: registered_memory_mib(memory_mib),
            architecture,
            gpus,
            max_enis,
            awsvpc_tasks_without_trunking: max_enis.saturating_sub(1),
            awsvpc_tasks_with_trunking,
            os_type: "linux",
        }
    }

    /// Whether ENI trunking raises this type's awsvpc task limit (DG container-instance-eni).
    pub const fn supports_trunking(&self) -> bool {
        self.awsvpc_tasks_with_trunking.is_some()
    }

    /// How many `awsvpc` tasks fit, given whether the `awsvpcTrunking` account setting was on
    /// when the instance launched; types without trunking support keep the plain limit.
    pub const fn awsvpc_task_limit(&self, trunking_enabled: bool) -> u32 {
        match (trunking_enabled, self.awsvpc_tasks_with_trunking) {
            (true, Some(n)) => n,
            _ => self.awsvpc_tasks_without_trunking,
        }
    }

    /// The instance family, the part of the name before the dot (`m6g` for `m6g.large`).
    pub fn family(&self) -> &'static str {
        match self.name.split_once('.') {
            Some((family, _)) => family,
            None => self.name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_instance_eni_trunking_limit_applies_only_when_supported_and_enabled() {
        let c5 = InstanceType::new("c5.large", 2, 4096, Architecture::X86_64, 0, 3, Some(10));
        assert_eq!(c5.awsvpc_task_limit(false), 2);
        assert_eq!(c5.awsvpc_task_limit(true), 10);
        let t3 = InstanceType::new("t3.large", 2, 8192, Architecture::X86_64, 0, 3, None);
        assert!(!t3.supports_trunking());
        assert_eq!(t3.awsvpc_task_limit(true), 2);
    }

    #[test]
    fn cpu_architecture_attribute_values() {
        assert_eq!(Architecture::X86_64.attribute_value(), "x86_64");
        assert_eq!(Architecture::Arm64.attribute_value(), "arm64");
    }

    #[test]
    fn family_is_the_name_before_the_dot() {
        let t = InstanceType::new("m6g.large", 2, 8192, Architecture::Arm64, 0, 3, Some(10));
        assert_eq!(t.family(), "m6g");
    }
}
