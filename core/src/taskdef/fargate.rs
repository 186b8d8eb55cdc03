//! Fargate task sizes: which task `memory` values go with each task `cpu` value.
//!
//! DG task-cpu-memory-error: with `FARGATE` in `requiresCompatibilities`, task cpu and
//! memory must form one of these pairs (8 and 16 vCPU need Linux platform 1.4.0 or later).

/// One row of the Fargate table: a cpu value and its memory range in MiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FargateSize {
    /// Task cpu in CPU units (1024 units = 1 vCPU).
    pub cpu: u32,
    /// Smallest allowed task memory in MiB.
    pub min_memory: u32,
    /// Largest allowed task memory in MiB.
    pub max_memory: u32,
    /// Step between allowed memory values in MiB.
    pub step: u32,
}

/// All seven rows of the documented Fargate cpu/memory table.
pub const FARGATE_SIZES: [FargateSize; 7] = [
    // 256 (.25 vCPU): 512 MiB, 1 GB, 2 GB — 512 then 1024-step, handled specially below.
    FargateSize {
        cpu: 256,
        min_memory: 512,
        max_memory: 2048,
        step: 512,
    },
    FargateSize {
        cpu: 512,
        min_memory: 1024,
        max_memory: 4096,
        step: 1024,
    },
    FargateSize {
        cpu: 1024,
        min_memory: 2048,
        max_memory: 8192,
        step: 1024,
    },
    FargateSize {
        cpu: 2048,
        min_memory: 4096,
        max_memory: 16384,
        step: 1024,
    },
    FargateSize {
        cpu: 4096,
        min_memory: 8192,
        max_memory: 30720,
        step: 1024,
    },
    FargateSize {
        cpu: 8192,
        min_memory: 16384,
        max_memory: 61440,
        step: 4096,
    },
    FargateSize {
        cpu: 16384,
        min_memory: 32768,
        max_memory: 122880,
        step: 8192,
    },
];

/// The valid task memory values (MiB) for a Fargate task cpu value, smallest first; empty when
/// the cpu value is not a Fargate size. The UI offers these.
pub fn fargate_memory_values(cpu: u32) -> Vec<u32> {
    fargate_memory_iter(cpu).collect()
}

/// [`fargate_memory_values`] without collecting them (billing reads them for every task).
pub fn fargate_memory_iter(cpu: u32) -> impl Iterator<Item = u32> {
    let row = FARGATE_SIZES.iter().find(|r| r.cpu == cpu);
    // The 256 row lists exactly 512 MiB, 1 GB and 2 GB (no 1536).
    let small = row
        .filter(|r| r.cpu == 256)
        .map(|_| [512, 1024, 2048])
        .into_iter()
        .flatten();
    let stepped = row
        .filter(|r| r.cpu != 256)
        .map(|r| (r.min_memory..=r.max_memory).step_by(r.step as usize))
        .into_iter()
        .flatten();
    small.chain(stepped)
}

/// The Fargate cpu values (CPU units), smallest first.
pub fn fargate_cpu_values() -> Vec<u32> {
    FARGATE_SIZES.iter().map(|r| r.cpu).collect()
}

/// Whether `cpu` units with `memory` MiB is a supported Fargate task size.
pub fn fargate_memory_allowed(cpu: u32, memory: u32) -> bool {
    fargate_memory_iter(cpu).any(|m| m == memory)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fargate_quarter_vcpu_allows_512_1024_2048_only() {
        assert_eq!(fargate_memory_values(256), vec![512, 1024, 2048]);
        assert!(!fargate_memory_allowed(256, 1536));
    }

    #[test]
    fn fargate_one_vcpu_needs_two_to_eight_gb() {
        assert!(!fargate_memory_allowed(1024, 1024));
        assert!(fargate_memory_allowed(1024, 2048));
        assert!(fargate_memory_allowed(1024, 8192));
        assert!(!fargate_memory_allowed(1024, 9216));
    }

    #[test]
    fn fargate_four_vcpu_goes_to_30_gb_in_1_gb_steps() {
        let v = fargate_memory_values(4096);
        assert_eq!(v.first(), Some(&8192));
        assert_eq!(v.last(), Some(&30720));
        assert_eq!(v.len(), 23);
    }

    #[test]
    fn fargate_eight_vcpu_uses_4_gb_steps() {
        let v = fargate_memory_values(8192);
        assert_eq!(v.first(), Some(&16384));
        assert_eq!(v.last(), Some(&61440));
        assert!(fargate_memory_allowed(8192, 20480));
        assert!(!fargate_memory_allowed(8192, 17408));
    }

    #[test]
    fn fargate_sixteen_vcpu_uses_8_gb_steps() {
        let v = fargate_memory_values(16384);
        assert_eq!(v.first(), Some(&32768));
        assert_eq!(v.last(), Some(&122880));
        assert!(fargate_memory_allowed(16384, 40960));
        assert!(!fargate_memory_allowed(16384, 36864));
    }

    #[test]
    fn fargate_unknown_cpu_allows_nothing() {
        assert!(fargate_memory_values(300).is_empty());
        assert!(!fargate_memory_allowed(0, 0));
        assert_eq!(fargate_cpu_values().len(), 7);
    }
}
