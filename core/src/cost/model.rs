//! The prices a run is metered with: the built-in catalogue with the scenario's overrides
//! applied, all in nano-dollars per hour.

use crate::catalog::prices::{self, NanoUsdPerHour};
use std::collections::BTreeMap;

/// Fargate's per-resource rates for one CPU architecture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FargateRates {
    /// Per vCPU-hour.
    pub vcpu_hour: NanoUsdPerHour,
    /// Per GB-hour of memory (1 GB = 1,024 MiB, as Fargate sizes are written).
    pub gb_hour: NanoUsdPerHour,
}

/// Every price the meter reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceTable {
    /// What the prices are for (`us-east-1` unless the scenario says otherwise).
    pub region: String,
    /// Whether the scenario changed any price (the panel says "scenario prices").
    pub overridden: bool,
    /// Fargate Linux/x86.
    pub fargate_x86: FargateRates,
    /// Fargate Linux/ARM.
    pub fargate_arm: FargateRates,
    /// Fargate Windows/x86 (without the license fee).
    pub fargate_windows: FargateRates,
    /// Fargate's Windows OS license fee, per vCPU-hour.
    pub windows_license_vcpu_hour: NanoUsdPerHour,
    /// Ephemeral storage above the included 20 GiB, per GB-hour.
    pub ephemeral_gb_hour: NanoUsdPerHour,
    /// Fargate Spot's discount, percent (0–100).
    pub spot_discount_percent: u32,
    /// Application Load Balancer, per ALB-hour.
    pub alb_hour: NanoUsdPerHour,
    /// EC2 prices the scenario overrides, by instance type; the rest come from the catalogue.
    pub ec2_overrides: BTreeMap<String, NanoUsdPerHour>,
}

impl Default for PriceTable {
    fn default() -> Self {
        PriceTable {
            region: prices::REGION.to_string(),
            overridden: false,
            fargate_x86: FargateRates {
                vcpu_hour: prices::FARGATE_X86_VCPU_HOUR,
                gb_hour: prices::FARGATE_X86_GB_HOUR,
            },
            fargate_arm: FargateRates {
                vcpu_hour: prices::FARGATE_ARM_VCPU_HOUR,
                gb_hour: prices::FARGATE_ARM_GB_HOUR,
            },
            fargate_windows: FargateRates {
                vcpu_hour: prices::FARGATE_WINDOWS_VCPU_HOUR,
                gb_hour: prices::FARGATE_WINDOWS_GB_HOUR,
            },
            windows_license_vcpu_hour: prices::FARGATE_WINDOWS_LICENSE_VCPU_HOUR,
            ephemeral_gb_hour: prices::FARGATE_EPHEMERAL_GB_HOUR,
            spot_discount_percent: prices::FARGATE_SPOT_DISCOUNT_PERCENT,
            alb_hour: prices::ALB_HOUR,
            ec2_overrides: BTreeMap::new(),
        }
    }
}

impl PriceTable {
    /// The On-Demand price of an instance type per hour: the scenario's, else the catalogue's
    /// (0 for a name in neither, which resolve never lets through).
    pub fn ec2_hour(&self, instance_type: &str) -> NanoUsdPerHour {
        self.ec2_overrides
            .get(instance_type)
            .copied()
            .or_else(|| prices::ec2_on_demand(instance_type))
            .unwrap_or(0)
    }
}

impl PriceTable {
    /// Fargate's rates for a task's platform (`runtimePlatform`): Windows (always x86), else
    /// by CPU architecture.
    pub fn fargate(&self, arm: bool, windows: bool) -> FargateRates {
        if windows {
            self.fargate_windows
        } else if arm {
            self.fargate_arm
        } else {
            self.fargate_x86
        }
    }
}
