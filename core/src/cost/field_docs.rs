//! What each key of the `pricing` overrides does, for the editor's completion and hover (see
//! [`crate::form::field_doc`]). These are simulator keys over the built-in us-east-1 prices.

use crate::form::field_doc::{Context, FieldDoc as F};

const FP: &str = "https://aws.amazon.com/fargate/pricing/";

/// `pricing`.
pub const PRICING: Context = Context {
    name: "pricing",
    fields: &[
        F::new("region", "Simulator key: a label for these prices shown beside every total (eu-west-1, negotiated 2026). Default us-east-1.", ""),
        F::new("fargate", "Simulator key: Fargate rates in dollars per hour, each replacing the built-in one.", FP).child("fargatePricing"),
        F::new("fargateSpotDiscountPercent", "Simulator key: Fargate Spot's discount off the Fargate price, 0 to 100. Default 70.", FP),
        F::new("ec2OnDemandHour", "Simulator key: On-Demand dollars per instance-hour by instance type, e.g. {\"m5.large\": 0.107}.", "https://aws.amazon.com/ec2/pricing/on-demand/"),
        F::new("albHour", "Simulator key: dollars per Application Load Balancer hour (the hourly part only).", "https://aws.amazon.com/elasticloadbalancing/pricing/"),
    ],
};

/// `pricing.fargate`.
pub const FARGATE_PRICING: Context = Context {
    name: "fargatePricing",
    fields: &[
        F::new(
            "vcpuHour",
            "Simulator key: Linux/x86 dollars per vCPU-hour.",
            FP,
        ),
        F::new(
            "gbHour",
            "Simulator key: Linux/x86 dollars per GB-hour of memory.",
            FP,
        ),
        F::new(
            "armVcpuHour",
            "Simulator key: Linux/ARM dollars per vCPU-hour.",
            FP,
        ),
        F::new(
            "armGbHour",
            "Simulator key: Linux/ARM dollars per GB-hour.",
            FP,
        ),
        F::new(
            "windowsVcpuHour",
            "Simulator key: Windows/x86 dollars per vCPU-hour, without the license fee.",
            FP,
        ),
        F::new(
            "windowsGbHour",
            "Simulator key: Windows/x86 dollars per GB-hour.",
            FP,
        ),
        F::new(
            "windowsLicenseVcpuHour",
            "Simulator key: the Windows OS license fee, dollars per vCPU-hour, added to windowsVcpuHour.",
            FP,
        ),
        F::new(
            "ephemeralStorageGbHour",
            "Simulator key: dollars per GB-hour of ephemeral storage above the 20 GiB included.",
            FP,
        ),
    ],
};

/// Every context of this folder.
pub const CONTEXTS: &[Context] = &[PRICING, FARGATE_PRICING];
