//! What a task or an instance costs per hour, as pure functions of its size and the price
//! table: Fargate's per-vCPU and per-GB rates for the task size rounded up to a valid Fargate
//! size, the Spot discount, ephemeral storage above the included 20 GiB, and the split of an EC2
//! instance's price between its CPU and its memory (for idle capacity and per-service shares).

use super::model::PriceTable;
use crate::catalog::prices::{NanoUsdPerHour, FARGATE_EPHEMERAL_INCLUDED_GIB};
use crate::taskdef::fargate::{fargate_memory_iter, FARGATE_SIZES};
use crate::time::Millis;

/// Minimum charge of a Fargate task and of a Linux EC2 instance, ms. Fargate pricing page: "A
/// minimum charge of 1 minute applies"; EC2 per-second billing (What's New 2017-10-02): "billed
/// on one second increments, with a minimum of 60 seconds".
pub const MINIMUM_CHARGE_MS: Millis = 60_000;

/// Minimum charge of a Windows task on Fargate, ms: 15 minutes (AWS's announcement of Windows
/// containers on Fargate, 2021; see `crate::catalog::prices`).
pub const WINDOWS_MINIMUM_CHARGE_MS: Millis = 15 * 60_000;

/// The minimum charge of a Fargate task of this platform.
pub fn fargate_minimum_ms(windows: bool) -> Millis {
    if windows {
        WINDOWS_MINIMUM_CHARGE_MS
    } else {
        MINIMUM_CHARGE_MS
    }
}

/// The duration that is billed for something that ran `ran_ms`: rounded up to the whole second
/// ("rounded up to the nearest second", Fargate pricing page), at least `minimum_ms`.
pub fn billed_ms(ran_ms: Millis, minimum_ms: Millis) -> Millis {
    let seconds = ran_ms.div_ceil(1000) * 1000;
    seconds.max(minimum_ms)
}

/// The Fargate size a task is billed for: the smallest valid size (cpu, memory MiB) with at
/// least `cpu` units and `memory` MiB (DG fargate-task-size-best-practice: "round the number up
/// to the nearest Fargate size"). A size above the largest is billed as asked.
pub fn fargate_billed_size(cpu: u32, memory: u32) -> (u32, u32) {
    for row in FARGATE_SIZES.iter().filter(|r| r.cpu >= cpu) {
        if let Some(m) = fargate_memory_iter(row.cpu).find(|&m| m >= memory) {
            return (row.cpu, m);
        }
    }
    (cpu, memory)
}

/// What a Fargate task is billed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FargateTaskSize {
    /// Task cpu, CPU units (1,024 = 1 vCPU).
    pub cpu: u32,
    /// Task memory, MiB.
    pub memory_mib: u32,
    /// Ephemeral storage, GiB (20 when the task definition does not ask for more).
    pub ephemeral_gib: u32,
    /// `runtimePlatform.cpuArchitecture` is ARM64.
    pub arm: bool,
    /// `runtimePlatform.operatingSystemFamily` is a Windows Server one.
    pub windows: bool,
    /// Runs on FARGATE_SPOT.
    pub spot: bool,
}

/// A Fargate task's price per hour: vCPU-hours and GB-hours of the rounded-up size, a Windows
/// task's OS license fee per vCPU-hour, storage above 20 GiB, and the Spot discount on all of it
/// (AWS: "up to a 70% discount off the regular Fargate price"; Fargate Spot takes no Windows
/// task). 1 GB is 1,024 MiB, as Fargate sizes are written.
pub fn fargate_task_rate(prices: &PriceTable, size: FargateTaskSize) -> NanoUsdPerHour {
    let (cpu, memory) = fargate_billed_size(size.cpu, size.memory_mib);
    let mut rates = prices.fargate(size.arm, size.windows);
    if size.windows {
        rates.vcpu_hour = rates
            .vcpu_hour
            .saturating_add(prices.windows_license_vcpu_hour);
    }
    let extra_gib = size
        .ephemeral_gib
        .saturating_sub(FARGATE_EPHEMERAL_INCLUDED_GIB);
    let per_hour = u128::from(rates.vcpu_hour) * u128::from(cpu) / 1024
        + u128::from(rates.gb_hour) * u128::from(memory) / 1024
        + u128::from(prices.ephemeral_gb_hour) * u128::from(extra_gib);
    let per_hour = if size.spot {
        per_hour * u128::from(100 - prices.spot_discount_percent.min(100)) / 100
    } else {
        per_hour
    };
    u64::try_from(per_hour).unwrap_or(u64::MAX)
}

/// An hourly price split into what pays for CPU and what pays for memory (the two add up to
/// the price).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CpuMemorySplit {
    /// The CPU part, per hour.
    pub cpu: NanoUsdPerHour,
    /// The memory part, per hour.
    pub memory: NanoUsdPerHour,
}

impl CpuMemorySplit {
    /// Both parts.
    pub fn total(self) -> NanoUsdPerHour {
        self.cpu + self.memory
    }
}

/// Splits an EC2 instance's hourly price between its CPU and its memory in the proportion
/// Fargate (Linux/x86) would charge for the same vCPUs and GiB. AWS prices an instance as one
/// figure; the simulator chooses this split (README "Cost") so that idle CPU and idle memory
/// can be priced. An instance with no CPU or memory puts the whole price on the other part.
pub fn instance_split(
    prices: &PriceTable,
    price: NanoUsdPerHour,
    cpu_units: u32,
    memory_mib: u32,
) -> CpuMemorySplit {
    let cpu_weight = u128::from(prices.fargate_x86.vcpu_hour) * u128::from(cpu_units);
    let mem_weight = u128::from(prices.fargate_x86.gb_hour) * u128::from(memory_mib);
    let all = cpu_weight + mem_weight;
    if all == 0 {
        return CpuMemorySplit {
            cpu: price,
            memory: 0,
        };
    }
    let cpu = u64::try_from(u128::from(price) * cpu_weight / all).unwrap_or(price);
    CpuMemorySplit {
        cpu,
        memory: price - cpu,
    }
}

/// The part of an instance's split price a task's reservation pays for: its CPU units' share
/// of the CPU part plus its MiB's share of the memory part (rounded down, so the instance's
/// idle part is never negative).
pub fn reserved_share(
    split: CpuMemorySplit,
    instance_cpu: u32,
    instance_memory: u32,
    task_cpu: u32,
    task_memory: u32,
) -> CpuMemorySplit {
    let part = |price: NanoUsdPerHour, used: u32, of: u32| {
        if of == 0 {
            0
        } else {
            let used = used.min(of);
            u64::try_from(u128::from(price) * u128::from(used) / u128::from(of)).unwrap_or(0)
        }
    };
    CpuMemorySplit {
        cpu: part(split.cpu, task_cpu, instance_cpu),
        memory: part(split.memory, task_memory, instance_memory),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(cpu: u32, memory_mib: u32) -> FargateTaskSize {
        FargateTaskSize {
            cpu,
            memory_mib,
            ephemeral_gib: 20,
            arm: false,
            windows: false,
            spot: false,
        }
    }

    #[test]
    fn billing_rounds_up_to_the_second_with_a_one_minute_minimum() {
        assert_eq!(billed_ms(0, MINIMUM_CHARGE_MS), 60_000);
        assert_eq!(billed_ms(59_999, MINIMUM_CHARGE_MS), 60_000);
        assert_eq!(billed_ms(60_001, MINIMUM_CHARGE_MS), 61_000);
        assert_eq!(billed_ms(125_000, MINIMUM_CHARGE_MS), 125_000);
        assert_eq!(billed_ms(1, 0), 1_000);
    }

    #[test]
    fn task_sizes_round_up_to_the_nearest_fargate_size() {
        assert_eq!(fargate_billed_size(256, 512), (256, 512));
        assert_eq!(fargate_billed_size(200, 600), (256, 1024));
        assert_eq!(fargate_billed_size(256, 3000), (512, 3072));
        assert_eq!(fargate_billed_size(1024, 9000), (2048, 9216));
        assert_eq!(fargate_billed_size(5000, 8192), (8192, 16384));
        assert_eq!(fargate_billed_size(20000, 1), (20000, 1));
    }

    #[test]
    fn a_quarter_vcpu_half_gb_fargate_task_costs_its_two_rates() {
        // 0.25 × $0.04048 + 0.5 × $0.004445 = $0.01012 + $0.0022225 = $0.0123425/h.
        let p = PriceTable::default();
        assert_eq!(fargate_task_rate(&p, size(256, 512)), 12_342_500);
    }

    #[test]
    fn arm_spot_and_storage_rates_apply() {
        let p = PriceTable::default();
        // ARM 1 vCPU 2 GB: $0.03238 + 2 × $0.00356 = $0.0395/h.
        let arm = FargateTaskSize {
            arm: true,
            ..size(1024, 2048)
        };
        assert_eq!(fargate_task_rate(&p, arm), 39_500_000);
        // Spot 1 vCPU 2 GB: ($0.04048 + $0.00889) × 30 % = $0.014811/h.
        let spot = FargateTaskSize {
            spot: true,
            ..size(1024, 2048)
        };
        assert_eq!(fargate_task_rate(&p, spot), 14_811_000);
        // 50 GiB storage: 30 GiB over the 20 included × $0.000111 = $0.00333/h on top.
        let disk = FargateTaskSize {
            ephemeral_gib: 50,
            ..size(1024, 2048)
        };
        assert_eq!(fargate_task_rate(&p, disk), 49_370_000 + 3_330_000);
    }

    #[test]
    fn a_windows_task_pays_windows_rates_the_license_fee_and_fifteen_minutes_at_least() {
        // Fargate Windows/x86 1 vCPU 2 GB: $0.09148 + $0.046 license + 2 × $0.01005 =
        // $0.15758/h (vantage.sh us-east-1 table); the same size on Linux is $0.04937/h.
        let p = PriceTable::default();
        let windows = FargateTaskSize {
            windows: true,
            ..size(1024, 2048)
        };
        assert_eq!(fargate_task_rate(&p, windows), 157_580_000);
        assert_eq!(fargate_task_rate(&p, size(1024, 2048)), 49_370_000);
        // Windows is x86 only: an ARM flag does not pick the ARM rates.
        let both = FargateTaskSize {
            arm: true,
            ..windows
        };
        assert_eq!(fargate_task_rate(&p, both), 157_580_000);
        assert_eq!(fargate_minimum_ms(true), 900_000);
        assert_eq!(fargate_minimum_ms(false), 60_000);
        assert_eq!(billed_ms(300_000, fargate_minimum_ms(true)), 900_000);
    }

    #[test]
    fn an_instance_price_splits_in_fargates_cpu_to_memory_proportion() {
        let p = PriceTable::default();
        // m5.large, 2 vCPU and 8 GiB: weights 2,048 × 40,480,000 and 8,192 × 4,445,000, so
        // the CPU part is 82,903,040 / (82,903,040 + 36,413,440) of $0.096.
        let s = instance_split(&p, 96_000_000, 2048, 8192);
        assert_eq!(s.cpu, 66_702_368);
        assert_eq!(s.total(), 96_000_000);
        // A task reserving half the CPU and a quarter of the memory pays that much of each.
        let share = reserved_share(s, 2048, 8192, 1024, 2048);
        assert_eq!(share.cpu, 33_351_184);
        assert_eq!(share.memory, (96_000_000 - 66_702_368) / 4);
    }
}
