//! The EC2 instance types a scenario can launch as container instances.
//!
//! Sources, per column:
//! - vCPUs, memory (GiB × 1024) and GPUs: EC2 instance type specifications.
//! - Max ENIs: EC2 User Guide, "Maximum IP addresses per network interface" (the same figures
//!   as the generated limits table in `aws/amazon-vpc-cni-k8s`). For every type the DG
//!   container-instance-eni table lists, max ENIs equals its "without trunking" figure plus one.
//! - awsvpc tasks with trunking: the DG container-instance-eni "Supported Amazon EC2 instance
//!   types" tables. t3 and t3a are not in them and the guide names g4dn as unsupported, so
//!   those types get `None` (no trunking) rather than a guess.

use super::instance_type::{Architecture, InstanceType};

use Architecture::{Arm64, X86_64};

/// A type without GPUs; `t` is the DG trunking task limit if any.
const fn cpu(
    name: &'static str,
    vcpus: u32,
    memory_mib: u32,
    arch: Architecture,
    max_enis: u32,
    t: Option<u32>,
) -> InstanceType {
    InstanceType::new(name, vcpus, memory_mib, arch, 0, max_enis, t)
}

/// Every instance type the simulator knows, grouped by family.
static CATALOG: [InstanceType; 51] = [
    // Burstable general purpose, Intel (not in the trunking tables).
    cpu("t3.nano", 2, 512, X86_64, 2, None),
    cpu("t3.micro", 2, 1024, X86_64, 2, None),
    cpu("t3.small", 2, 2048, X86_64, 3, None),
    cpu("t3.medium", 2, 4096, X86_64, 3, None),
    cpu("t3.large", 2, 8192, X86_64, 3, None),
    cpu("t3.xlarge", 4, 16384, X86_64, 4, None),
    cpu("t3.2xlarge", 8, 32768, X86_64, 4, None),
    // Burstable general purpose, AMD (t3a.small has 2 ENIs where t3.small has 3).
    cpu("t3a.nano", 2, 512, X86_64, 2, None),
    cpu("t3a.micro", 2, 1024, X86_64, 2, None),
    cpu("t3a.small", 2, 2048, X86_64, 2, None),
    cpu("t3a.medium", 2, 4096, X86_64, 3, None),
    cpu("t3a.large", 2, 8192, X86_64, 3, None),
    cpu("t3a.xlarge", 4, 16384, X86_64, 4, None),
    cpu("t3a.2xlarge", 8, 32768, X86_64, 4, None),
    // General purpose.
    cpu("m5.large", 2, 8192, X86_64, 3, Some(10)),
    cpu("m5.xlarge", 4, 16384, X86_64, 4, Some(20)),
    cpu("m5.2xlarge", 8, 32768, X86_64, 4, Some(40)),
    cpu("m5.4xlarge", 16, 65536, X86_64, 8, Some(60)),
    cpu("m6i.large", 2, 8192, X86_64, 3, Some(10)),
    cpu("m6i.xlarge", 4, 16384, X86_64, 4, Some(20)),
    cpu("m6i.2xlarge", 8, 32768, X86_64, 4, Some(40)),
    cpu("m6i.4xlarge", 16, 65536, X86_64, 8, Some(60)),
    cpu("m6g.medium", 1, 4096, Arm64, 2, Some(4)),
    cpu("m6g.large", 2, 8192, Arm64, 3, Some(10)),
    cpu("m6g.xlarge", 4, 16384, Arm64, 4, Some(20)),
    cpu("m6g.2xlarge", 8, 32768, Arm64, 4, Some(40)),
    cpu("m6g.4xlarge", 16, 65536, Arm64, 8, Some(60)),
    cpu("a1.medium", 1, 2048, Arm64, 2, Some(10)),
    cpu("a1.large", 2, 4096, Arm64, 3, Some(10)),
    cpu("a1.xlarge", 4, 8192, Arm64, 4, Some(20)),
    cpu("a1.2xlarge", 8, 16384, Arm64, 4, Some(40)),
    cpu("a1.4xlarge", 16, 32768, Arm64, 8, Some(60)),
    // Compute optimized.
    cpu("c5.large", 2, 4096, X86_64, 3, Some(10)),
    cpu("c5.xlarge", 4, 8192, X86_64, 4, Some(20)),
    cpu("c5.2xlarge", 8, 16384, X86_64, 4, Some(40)),
    cpu("c5.4xlarge", 16, 32768, X86_64, 8, Some(60)),
    cpu("c6g.medium", 1, 2048, Arm64, 2, Some(4)),
    cpu("c6g.large", 2, 4096, Arm64, 3, Some(10)),
    cpu("c6g.xlarge", 4, 8192, Arm64, 4, Some(20)),
    cpu("c6g.2xlarge", 8, 16384, Arm64, 4, Some(40)),
    cpu("c6g.4xlarge", 16, 32768, Arm64, 8, Some(60)),
    // Memory optimized.
    cpu("r5.large", 2, 16384, X86_64, 3, Some(10)),
    cpu("r5.xlarge", 4, 32768, X86_64, 4, Some(20)),
    cpu("r5.2xlarge", 8, 65536, X86_64, 4, Some(40)),
    cpu("r6g.medium", 1, 8192, Arm64, 2, Some(4)),
    cpu("r6g.large", 2, 16384, Arm64, 3, Some(10)),
    cpu("r6g.xlarge", 4, 32768, Arm64, 4, Some(20)),
    cpu("r6g.2xlarge", 8, 65536, Arm64, 4, Some(40)),
    // Accelerated computing: one NVIDIA T4 (g4dn) or V100 (p3) each.
    InstanceType::new("g4dn.xlarge", 4, 16384, X86_64, 1, 3, None),
    InstanceType::new("g4dn.2xlarge", 8, 32768, X86_64, 1, 3, None),
    InstanceType::new("p3.2xlarge", 8, 62464, X86_64, 1, 4, Some(40)),
];

/// Every catalogue entry, for pickers in the UI and for validation messages.
pub fn all() -> &'static [InstanceType] {
    &CATALOG
}

/// The catalogue entry for an exact API name such as `m5.large`; `None` if unknown.
pub fn instance_type(name: &str) -> Option<&'static InstanceType> {
    CATALOG.iter().find(|t| t.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn get(name: &str) -> &'static InstanceType {
        match instance_type(name) {
            Some(t) => t,
            None => panic!("{name} missing from the catalogue"),
        }
    }

    #[test]
    fn container_instance_eni_c5_large_runs_2_awsvpc_tasks_or_10_with_trunking() {
        let t = get("c5.large");
        assert_eq!(t.max_enis, 3);
        assert_eq!(t.awsvpc_tasks_without_trunking, 2);
        assert_eq!(t.awsvpc_tasks_with_trunking, Some(10));
    }

    #[test]
    fn container_instance_eni_m5_4xlarge_runs_7_awsvpc_tasks_or_60_with_trunking() {
        let t = get("m5.4xlarge");
        assert_eq!(t.awsvpc_tasks_without_trunking, 7);
        assert_eq!(t.awsvpc_tasks_with_trunking, Some(60));
    }

    /// Rows of the DG container-instance-eni tables: (type, without trunking, with trunking).
    const DG_TRUNKING_TABLE: [(&str, u32, u32); 37] = [
        ("a1.medium", 1, 10),
        ("a1.large", 2, 10),
        ("a1.xlarge", 3, 20),
        ("a1.2xlarge", 3, 40),
        ("a1.4xlarge", 7, 60),
        ("m5.large", 2, 10),
        ("m5.xlarge", 3, 20),
        ("m5.2xlarge", 3, 40),
        ("m5.4xlarge", 7, 60),
        ("m6g.medium", 1, 4),
        ("m6g.large", 2, 10),
        ("m6g.xlarge", 3, 20),
        ("m6g.2xlarge", 3, 40),
        ("m6g.4xlarge", 7, 60),
        ("m6i.large", 2, 10),
        ("m6i.xlarge", 3, 20),
        ("m6i.2xlarge", 3, 40),
        ("m6i.4xlarge", 7, 60),
        ("c5.large", 2, 10),
        ("c5.xlarge", 3, 20),
        ("c5.2xlarge", 3, 40),
        ("c5.4xlarge", 7, 60),
        ("c6g.medium", 1, 4),
        ("c6g.large", 2, 10),
        ("c6g.xlarge", 3, 20),
        ("c6g.2xlarge", 3, 40),
        ("c6g.4xlarge", 7, 60),
        ("r5.large", 2, 10),
        ("r5.xlarge", 3, 20),
        ("r5.2xlarge", 3, 40),
        ("r6g.medium", 1, 4),
        ("r6g.large", 2, 10),
        ("r6g.xlarge", 3, 20),
        ("r6g.2xlarge", 3, 40),
        ("r6g.4xlarge", 7, 60),
        ("p3.2xlarge", 3, 40),
        ("p3.8xlarge", 7, 60),
    ];

    #[test]
    fn container_instance_eni_table_matches_every_listed_catalogue_type() {
        for (name, without, with) in DG_TRUNKING_TABLE {
            let Some(t) = instance_type(name) else {
                continue; // listed by the guide, not (yet) in the catalogue
            };
            assert_eq!(t.awsvpc_tasks_without_trunking, without, "{name}");
            assert_eq!(t.awsvpc_tasks_with_trunking, Some(with), "{name}");
        }
        for t in all().iter().filter(|t| t.supports_trunking()) {
            assert!(
                DG_TRUNKING_TABLE.iter().any(|(n, _, _)| *n == t.name),
                "{} claims trunking but is not in the DG table",
                t.name
            );
        }
    }

    #[test]
    fn container_instance_eni_t3_t3a_and_g4dn_do_not_support_trunking() {
        for t in all() {
            if matches!(t.family(), "t3" | "t3a" | "g4dn") {
                assert!(!t.supports_trunking(), "{}", t.name);
                assert_eq!(t.awsvpc_task_limit(true), t.max_enis - 1);
            }
        }
    }

    #[test]
    fn every_entry_is_internally_consistent() {
        for t in all() {
            assert_eq!(
                t.cpu_units,
                t.vcpus * 1024,
                "{}: 1024 units per vCPU",
                t.name
            );
            assert!(t.registered_memory_mib < t.memory_mib, "{}", t.name);
            assert!(t.registered_memory_mib > 0, "{}", t.name);
            assert_eq!(
                t.awsvpc_tasks_without_trunking + 1,
                t.max_enis,
                "{}",
                t.name
            );
            assert!(t.max_enis >= 2, "{}", t.name);
            if let Some(with) = t.awsvpc_tasks_with_trunking {
                assert!(with > t.awsvpc_tasks_without_trunking, "{}", t.name);
            }
            assert_eq!(t.os_type, "linux");
            assert!(t.vcpus > 0 && t.memory_mib > 0, "{}", t.name);
        }
    }

    #[test]
    fn graviton_families_are_arm64_and_the_rest_x86_64() {
        for t in all() {
            // Graviton families carry a `g` right after the generation digit (m6g, c6g, r6g);
            // a1 is the first-generation Graviton. g4dn's leading `g` is the GPU family letter.
            let family = t.family();
            let after_generation = family.trim_start_matches(|c: char| c.is_ascii_lowercase());
            let after_generation =
                after_generation.trim_start_matches(|c: char| c.is_ascii_digit());
            let graviton = family == "a1" || after_generation.starts_with('g');
            let expected = if graviton { Arm64 } else { X86_64 };
            assert_eq!(t.architecture, expected, "{}", t.name);
        }
    }

    #[test]
    fn lookup_by_exact_name() {
        assert_eq!(get("m6g.large").vcpus, 2);
        assert_eq!(get("r5.large").memory_mib, 16384);
        assert_eq!(get("p3.2xlarge").gpus, 1);
        assert_eq!(get("g4dn.2xlarge").gpus, 1);
        assert!(instance_type("C5.LARGE").is_none());
        assert!(instance_type("c5").is_none());
        assert!(instance_type("").is_none());
    }

    #[test]
    fn no_duplicate_names_and_at_least_30_types() {
        let names: BTreeSet<_> = all().iter().map(|t| t.name).collect();
        assert_eq!(names.len(), all().len());
        assert!(all().len() >= 30);
    }

    #[test]
    fn memory_management_registered_memory_is_below_installed_for_t3_micro() {
        let t = get("t3.micro");
        assert_eq!(t.memory_mib, 1024);
        assert_eq!(t.registered_memory_mib, 993);
    }
}
