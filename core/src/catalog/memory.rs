//! How much memory a Linux container instance registers with ECS.
//!
//! DG "Container instance memory management" (`memory-management`): the agent registers the
//! memory the operating system reports (`MemTotal`, read with Docker's `ReadMemInfo()`), which is
//! less than the installed memory because of platform overhead and the kernel. The guide's one
//! worked example is an `m4.large`: 8 GiB installed, 8,373,026,816 bytes reported, "7985 MiB
//! available for tasks". `ECS_RESERVED_MEMORY` then removes a further amount the user chooses.
//!
//! AWS publishes no formula, so the simulator uses a model fitted to observed registrations
//! (ECS-optimized Amazon Linux, published by Sentia, 2018: e.g. t2.micro 993, t2.small 2001,
//! t2.medium 3952, c4.large 3765, t2.large/m4.large 7984, c4.xlarge 7480, c4.2xlarge 15040,
//! r4.large 15292, t2.xlarge 16048, t2.2xlarge 32176 MiB). Every one of those is reproduced
//! exactly by: the kernel keeps 1/64 of installed memory (its page tables, i.e. struct page per
//! 4 KiB page) plus a fixed 15 MiB below 4 GiB installed, or 80 MiB from 4 GiB up (the larger
//! fixed part includes the crash-kernel reservation). It is within 1 MiB of the guide's
//! m4.large figure. The figures for current Nitro types are therefore **estimates**: a learner
//! should read them as "about", and the UI should say so.

/// Fixed kernel overhead (MiB) for instances with less than 4 GiB installed (fitted, see module).
pub const SMALL_INSTANCE_FIXED_OVERHEAD_MIB: u32 = 15;

/// Fixed kernel overhead (MiB) from 4 GiB installed upward (fitted, see module).
pub const FIXED_OVERHEAD_MIB: u32 = 80;

/// Installed memory at and above which the larger fixed overhead applies.
pub const LARGE_OVERHEAD_THRESHOLD_MIB: u32 = 4096;

/// Estimated memory (MiB) an instance with `installed_mib` registers, before
/// `ECS_RESERVED_MEMORY`; see the module comment for the source and the fit.
pub const fn registered_memory_mib(installed_mib: u32) -> u32 {
    let fixed = if installed_mib < LARGE_OVERHEAD_THRESHOLD_MIB {
        SMALL_INSTANCE_FIXED_OVERHEAD_MIB
    } else {
        FIXED_OVERHEAD_MIB
    };
    installed_mib
        .saturating_sub(installed_mib / 64)
        .saturating_sub(fixed)
}

/// Registered memory after the agent's `ECS_RESERVED_MEMORY` setting (DG memory-management,
/// "Reserving system memory": the agent registers the total memory minus that many MiB).
pub const fn registered_memory_with_reserve_mib(installed_mib: u32, reserved_mib: u32) -> u32 {
    registered_memory_mib(installed_mib).saturating_sub(reserved_mib)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_management_m4_large_example_within_one_mib_of_7985() {
        let m = registered_memory_mib(8192);
        assert!(m.abs_diff(7985) <= 1, "m4.large registers {m}");
    }

    #[test]
    fn model_reproduces_observed_registrations() {
        // (installed MiB, observed registered MiB) for ECS-optimized Amazon Linux instances.
        let observed = [
            (1024, 993),    // t2.micro
            (2048, 2001),   // t2.small
            (3840, 3765),   // c4.large (3.75 GiB)
            (4096, 3952),   // t2.medium
            (7680, 7480),   // c4.xlarge
            (8192, 7984),   // t2.large, m4.large
            (15360, 15040), // c4.2xlarge
            (15616, 15292), // r4.large (15.25 GiB)
            (16384, 16048), // t2.xlarge
            (32768, 32176), // t2.2xlarge
        ];
        for (installed, registered) in observed {
            assert_eq!(
                registered_memory_mib(installed),
                registered,
                "{installed} MiB"
            );
        }
    }

    #[test]
    fn ecs_reserved_memory_is_subtracted_from_registered_memory() {
        assert_eq!(
            registered_memory_with_reserve_mib(8192, 256),
            registered_memory_mib(8192) - 256
        );
        assert_eq!(registered_memory_with_reserve_mib(1024, 100_000), 0);
    }

    #[test]
    fn registered_memory_never_exceeds_installed() {
        for installed in [0, 1, 63, 64, 512, 4095, 4096, u32::MAX] {
            assert!(registered_memory_mib(installed) <= installed);
        }
    }
}
