//! The built-in price catalogue: AWS list prices in one Region, **us-east-1** (US East, N.
//! Virginia), in nano-dollars per hour (see [`super::money`]). A scenario may override any of
//! them with its `pricing` key (see `crate::cost::spec`). The README has the same table with its
//! sources; `tests` below keep the two lists in step with the instance-type catalogue.
//!
//! Sources, per number (read 2026; AWS's own pricing pages render their rate tables with
//! JavaScript, so most figures come from AWS-derived files or from two or more listings that
//! agree):
//! - Fargate Linux/x86 $0.04048 per vCPU-hour and $0.004445 per GB-hour: vantage.sh "Fargate
//!   pricing" (us-east-1 table), wring.co AWS Fargate pricing guide (2026-03-10),
//!   factualminds.com (2026-06-17); the AWS ECS pricing page's own example, "$0.000011244 per
//!   vCPU second" (= $0.0404784/h), agrees.
//! - Fargate Linux/ARM $0.03238 per vCPU-hour and $0.00356 per GB-hour: vantage.sh and
//!   fortem.dev (June 2026).
//! - Fargate Windows/x86 $0.09148 per vCPU-hour and $0.01005 per GB-hour, plus the Windows OS
//!   license fee of $0.046 per vCPU-hour: vantage.sh "Fargate pricing" (us-east-1 table: "this
//!   configuration also has an OS license fee of $0.046 per vCPU per hour"). The 15-minute
//!   minimum charge for a Windows task is AWS's announcement of Windows containers on Fargate
//!   (2021); the stored copy of the Fargate pricing page does not show its footnotes.
//! - Fargate ephemeral storage above the 20 GiB included, $0.000111 per GB-hour: vantage.sh and
//!   wring.co. 20 GiB included: DG fargate-task-storage.
//! - Fargate Spot: AWS Fargate pricing page, "up to a 70% discount off the regular Fargate
//!   price". Real Spot rates move with supply and demand (50–70 % off, fortem.dev); the
//!   simulator takes the 70 % AWS quotes and labels it so.
//! - EC2 On-Demand, Linux: AWS's Karpenter project, `pkg/providers/pricing/
//!   zz_generated.pricing_aws.go` ("generated at 2026-01-19T13:23:24Z for us-east-1", from
//!   the AWS Price List API); cross-checked for t3.micro (wring.co), t3.large (go-cloud.io),
//!   c5.2xlarge and c5.4xlarge (EC2 Auto Scaling User Guide example).
//! - Application Load Balancer, $0.0225 per ALB-hour (or partial hour): the ELB pricing page's
//!   us-east-1 example (api-evangelist transcription) and awsnegotiations.com (May 2026). Only
//!   the hourly part: the LCU part ($0.008 per LCU-hour) depends on connections and bytes the
//!   simulator does not model.

/// A price or a rate: nano-dollars (10⁻⁹ USD) per hour. `$0.096/h` is `96_000_000`. Integers,
/// so a rate times milliseconds is exact (see `crate::cost::money`).
pub type NanoUsdPerHour = u64;

/// The Region every built-in price is for.
pub const REGION: &str = "us-east-1";

/// When the built-in prices' sources are dated: from the oldest (the EC2 list, 2026-01-19) to
/// the newest (2026-06); see the module doc. Until 2026-12-06 this read "2026-01-19" alone,
/// which dated every price by its oldest source (cost walkthrough).
pub const PRICES_AS_OF: &str = "2026-01 to 2026-06";

/// Fargate Linux/x86, per vCPU-hour: $0.04048.
pub const FARGATE_X86_VCPU_HOUR: NanoUsdPerHour = 40_480_000;
/// Fargate Linux/x86, per GB-hour of memory: $0.004445.
pub const FARGATE_X86_GB_HOUR: NanoUsdPerHour = 4_445_000;
/// Fargate Linux/ARM (Graviton), per vCPU-hour: $0.03238.
pub const FARGATE_ARM_VCPU_HOUR: NanoUsdPerHour = 32_380_000;
/// Fargate Linux/ARM (Graviton), per GB-hour: $0.00356.
pub const FARGATE_ARM_GB_HOUR: NanoUsdPerHour = 3_560_000;
/// Fargate Windows/x86, per vCPU-hour: $0.09148 (the license fee is on top).
pub const FARGATE_WINDOWS_VCPU_HOUR: NanoUsdPerHour = 91_480_000;
/// Fargate Windows/x86, per GB-hour: $0.01005.
pub const FARGATE_WINDOWS_GB_HOUR: NanoUsdPerHour = 10_050_000;
/// Fargate Windows OS license fee, per vCPU-hour: $0.046.
pub const FARGATE_WINDOWS_LICENSE_VCPU_HOUR: NanoUsdPerHour = 46_000_000;
/// Fargate ephemeral storage above [`FARGATE_EPHEMERAL_INCLUDED_GIB`], per GB-hour: $0.000111.
pub const FARGATE_EPHEMERAL_GB_HOUR: NanoUsdPerHour = 111_000;
/// Ephemeral storage every Fargate task gets at no charge, GiB (DG fargate-task-storage).
pub const FARGATE_EPHEMERAL_INCLUDED_GIB: u32 = 20;
/// Fargate Spot's discount off the Fargate price, percent: AWS says "up to 70%"; real Spot
/// rates vary.
pub const FARGATE_SPOT_DISCOUNT_PERCENT: u32 = 70;
/// What the playground says about the Spot discount wherever it shows it.
pub const FARGATE_SPOT_LABEL: &str = "up to 70% off (AWS); real Spot rates vary";
/// Application Load Balancer, per ALB-hour or partial hour: $0.0225 (LCUs not modelled).
pub const ALB_HOUR: NanoUsdPerHour = 22_500_000;

/// EC2 On-Demand Linux price of every catalogued instance type, per instance-hour
/// (Karpenter's generated us-east-1 list, 2026-01-19).
pub static EC2_ON_DEMAND: [(&str, NanoUsdPerHour); 51] = [
    ("t3.nano", 5_200_000),
    ("t3.micro", 10_400_000),
    ("t3.small", 20_800_000),
    ("t3.medium", 41_600_000),
    ("t3.large", 83_200_000),
    ("t3.xlarge", 166_400_000),
    ("t3.2xlarge", 332_800_000),
    ("t3a.nano", 4_700_000),
    ("t3a.micro", 9_400_000),
    ("t3a.small", 18_800_000),
    ("t3a.medium", 37_600_000),
    ("t3a.large", 75_200_000),
    ("t3a.xlarge", 150_400_000),
    ("t3a.2xlarge", 300_800_000),
    ("m5.large", 96_000_000),
    ("m5.xlarge", 192_000_000),
    ("m5.2xlarge", 384_000_000),
    ("m5.4xlarge", 768_000_000),
    ("m6i.large", 96_000_000),
    ("m6i.xlarge", 192_000_000),
    ("m6i.2xlarge", 384_000_000),
    ("m6i.4xlarge", 768_000_000),
    ("m6g.medium", 38_500_000),
    ("m6g.large", 77_000_000),
    ("m6g.xlarge", 154_000_000),
    ("m6g.2xlarge", 308_000_000),
    ("m6g.4xlarge", 616_000_000),
    ("a1.medium", 25_500_000),
    ("a1.large", 51_000_000),
    ("a1.xlarge", 102_000_000),
    ("a1.2xlarge", 204_000_000),
    ("a1.4xlarge", 408_000_000),
    ("c5.large", 85_000_000),
    ("c5.xlarge", 170_000_000),
    ("c5.2xlarge", 340_000_000),
    ("c5.4xlarge", 680_000_000),
    ("c6g.medium", 34_000_000),
    ("c6g.large", 68_000_000),
    ("c6g.xlarge", 136_000_000),
    ("c6g.2xlarge", 272_000_000),
    ("c6g.4xlarge", 544_000_000),
    ("r5.large", 126_000_000),
    ("r5.xlarge", 252_000_000),
    ("r5.2xlarge", 504_000_000),
    ("r6g.medium", 50_400_000),
    ("r6g.large", 100_800_000),
    ("r6g.xlarge", 201_600_000),
    ("r6g.2xlarge", 403_200_000),
    ("g4dn.xlarge", 526_000_000),
    ("g4dn.2xlarge", 752_000_000),
    ("p3.2xlarge", 3_060_000_000),
];

/// One row of the price sources table (README "Cost"): what, the figure as AWS writes it, where
/// it comes from, and the date the source shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PriceSource {
    /// What is priced.
    pub item: &'static str,
    /// The figure in US dollars and its unit.
    pub price: &'static str,
    /// The page (or file) it comes from.
    pub url: &'static str,
    /// The date that source shows.
    pub date: &'static str,
}

/// Where every built-in number comes from, in the README's order.
pub static SOURCES: [PriceSource; 8] = [
    PriceSource {
        item: "Fargate Linux/x86 vCPU",
        price: "$0.04048 per vCPU-hour",
        url: "https://aws.amazon.com/fargate/pricing/ (rates via https://www.vantage.sh/blog/fargate-pricing)",
        date: "2026-03-10 (wring.co), 2026-06-17 (factualminds.com)",
    },
    PriceSource {
        item: "Fargate Linux/x86 memory",
        price: "$0.004445 per GB-hour",
        url: "https://aws.amazon.com/fargate/pricing/ (rates via https://www.vantage.sh/blog/fargate-pricing)",
        date: "2026-03-10 (wring.co), 2026-06-17 (factualminds.com)",
    },
    PriceSource {
        item: "Fargate Linux/ARM vCPU and memory",
        price: "$0.03238 per vCPU-hour, $0.00356 per GB-hour",
        url: "https://www.vantage.sh/blog/fargate-pricing, https://fortem.dev/fargate-spot/",
        date: "2026-06 (fortem.dev)",
    },
    PriceSource {
        item: "Fargate Windows/x86 vCPU, license and memory",
        price: "$0.09148 per vCPU-hour + $0.046 per vCPU-hour OS license, $0.01005 per GB-hour; 15-minute minimum",
        url: "https://www.vantage.sh/blog/fargate-pricing (rates), AWS What's New 2021 (minimum)",
        date: "2026 (vantage.sh)",
    },
    PriceSource {
        item: "Fargate ephemeral storage above 20 GiB",
        price: "$0.000111 per GB-hour",
        url: "https://www.vantage.sh/blog/fargate-pricing, https://www.wring.co/blog/aws-fargate-pricing-guide",
        date: "2026-03-10",
    },
    PriceSource {
        item: "Fargate Spot discount",
        price: "up to 70% off Fargate",
        url: "https://aws.amazon.com/fargate/pricing/",
        date: "not dated",
    },
    PriceSource {
        item: "EC2 On-Demand, Linux, every catalogued type",
        price: "per instance-hour (m5.large $0.096)",
        url: "https://github.com/aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go (from the AWS Price List API)",
        date: "2026-01-19",
    },
    PriceSource {
        item: "Application Load Balancer (hourly part only)",
        price: "$0.0225 per ALB-hour or partial hour",
        url: "https://aws.amazon.com/elasticloadbalancing/pricing/",
        date: "2026-05 (awsnegotiations.com)",
    },
];

/// The built-in On-Demand price of an instance type, per hour; `None` for a name not in the
/// list (every catalogued type is in it: tested).
pub fn ec2_on_demand(name: &str) -> Option<NanoUsdPerHour> {
    EC2_ON_DEMAND
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, p)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn every_catalogued_instance_type_has_an_on_demand_price_and_no_other_does() {
        for t in catalog::all() {
            assert!(ec2_on_demand(t.name).is_some(), "{} has no price", t.name);
        }
        for (name, _) in EC2_ON_DEMAND {
            assert!(
                catalog::instance_type(name).is_some(),
                "{name} is priced but not catalogued"
            );
        }
        assert_eq!(EC2_ON_DEMAND.len(), catalog::all().len());
    }

    #[test]
    fn cross_checked_prices_match_their_second_source() {
        // wring.co: "A t3.micro costs $0.0104/hour"; go-cloud.io: t3.large $0.0832/hour;
        // EC2 Auto Scaling User Guide example: c5.2xlarge $0.34, c5.4xlarge $0.68.
        assert_eq!(ec2_on_demand("t3.micro"), Some(10_400_000));
        assert_eq!(ec2_on_demand("t3.large"), Some(83_200_000));
        assert_eq!(ec2_on_demand("c5.2xlarge"), Some(340_000_000));
        assert_eq!(ec2_on_demand("c5.4xlarge"), Some(680_000_000));
    }

    #[test]
    fn fargate_per_second_example_agrees_with_the_hourly_vcpu_price() {
        // AWS ECS pricing example: $0.000011244 per vCPU-second, i.e. 11,244 nano-dollars,
        // × 3,600 s = $0.0404784, within $0.000002 of the listed $0.04048.
        let from_seconds: u64 = 11_244 * 3_600;
        assert!(FARGATE_X86_VCPU_HOUR.abs_diff(from_seconds) < 2_000);
    }
}
