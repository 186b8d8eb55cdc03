//! `pricing` → [`PriceTable`]: each dollar figure checked against documented limits and turned
//! into nano-dollars once; every problem at its JSON path (`pricing.fargate.vcpuHour`).

use super::model::PriceTable;
use super::money::nano_from_usd;
use super::spec::PricingSpec;
use crate::catalog;
use crate::catalog::prices::NanoUsdPerHour;
use crate::problem::Problem;

/// The highest price a scenario may give for anything, dollars per hour (the dearest
/// catalogued instance, p3.2xlarge, is $3.06; this leaves room for any real price).
pub const MAX_USD_PER_HOUR: f64 = 1000.0;

/// Longest `pricing.region` label.
pub const MAX_REGION_CHARS: usize = 64;

/// Applies the scenario's overrides to the built-in prices; `Err`-free: problems are returned
/// beside the table so resolve reports them with the rest.
pub fn resolve(spec: Option<&PricingSpec>) -> (PriceTable, Vec<Problem>) {
    let mut table = PriceTable::default();
    let mut problems = Vec::new();
    let Some(spec) = spec else {
        return (table, problems);
    };
    table.overridden = true;
    if let Some(region) = &spec.region {
        if region.trim().is_empty() || region.chars().count() > MAX_REGION_CHARS {
            problems.push(Problem::new(
                "pricing.region",
                format!("must be 1–{MAX_REGION_CHARS} characters"),
            ));
        } else {
            table.region = region.clone();
        }
    }
    let p = &mut problems;
    if let Some(f) = &spec.fargate {
        // Each key of `pricing.fargate`, the price it replaces.
        let fargate: [(&str, Option<f64>, &mut NanoUsdPerHour); 8] = [
            ("vcpuHour", f.vcpu_hour, &mut table.fargate_x86.vcpu_hour),
            ("gbHour", f.gb_hour, &mut table.fargate_x86.gb_hour),
            (
                "armVcpuHour",
                f.arm_vcpu_hour,
                &mut table.fargate_arm.vcpu_hour,
            ),
            ("armGbHour", f.arm_gb_hour, &mut table.fargate_arm.gb_hour),
            (
                "windowsVcpuHour",
                f.windows_vcpu_hour,
                &mut table.fargate_windows.vcpu_hour,
            ),
            (
                "windowsGbHour",
                f.windows_gb_hour,
                &mut table.fargate_windows.gb_hour,
            ),
            (
                "windowsLicenseVcpuHour",
                f.windows_license_vcpu_hour,
                &mut table.windows_license_vcpu_hour,
            ),
            (
                "ephemeralStorageGbHour",
                f.ephemeral_storage_gb_hour,
                &mut table.ephemeral_gb_hour,
            ),
        ];
        for (key, value, slot) in fargate {
            price(p, &format!("pricing.fargate.{key}"), value, slot);
        }
    }
    price(p, "pricing.albHour", spec.alb_hour, &mut table.alb_hour);
    for (name, usd) in &spec.ec2_on_demand_hour {
        let path = format!("pricing.ec2OnDemandHour[\"{}\"]", escape(name));
        if catalog::instance_type(name).is_none() {
            p.push(Problem::new(
                path,
                format!(
                    "unknown instance type '{}': price only the catalogued types",
                    escape(name)
                ),
            ));
            continue;
        }
        let mut slot = 0;
        if price(p, &path, Some(*usd), &mut slot) {
            table.ec2_overrides.insert(name.clone(), slot);
        }
    }
    if let Some(pct) = spec.fargate_spot_discount_percent {
        if pct > 100 {
            p.push(Problem::new(
                "pricing.fargateSpotDiscountPercent",
                format!("must be 0–100; got {pct}"),
            ));
        } else {
            table.spot_discount_percent = pct;
        }
    }
    (table, problems)
}

/// Checks one dollar figure and writes it to `slot` as nano-dollars; `false` (and a problem at
/// `path`) when it is out of range. No value: nothing to do (`true`).
fn price(p: &mut Vec<Problem>, path: &str, value: Option<f64>, slot: &mut NanoUsdPerHour) -> bool {
    let Some(v) = value else {
        return true;
    };
    match nano_from_usd(v, MAX_USD_PER_HOUR) {
        Some(n) => {
            *slot = n;
            true
        }
        None => {
            p.push(Problem::new(
                path,
                format!(
                    "must be a price in dollars per hour from 0 to {MAX_USD_PER_HOUR}; got {v}"
                ),
            ));
            false
        }
    }
}

/// A user's text as it may appear in a message: at most 64 characters, control characters
/// escaped.
fn escape(s: &str) -> String {
    s.chars().take(64).flat_map(char::escape_default).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::spec::FargatePricingSpec;

    #[test]
    fn no_pricing_key_gives_the_us_east_1_catalogue() {
        let (t, p) = resolve(None);
        assert!(p.is_empty());
        assert_eq!(t, PriceTable::default());
        assert_eq!(t.region, "us-east-1");
        assert_eq!(t.ec2_hour("m5.large"), 96_000_000);
    }

    #[test]
    fn overrides_replace_only_what_they_name() {
        let spec = PricingSpec {
            region: Some("eu-west-1".into()),
            fargate: Some(FargatePricingSpec {
                vcpu_hour: Some(0.04456),
                windows_license_vcpu_hour: Some(0.05),
                ..Default::default()
            }),
            fargate_spot_discount_percent: Some(50),
            ec2_on_demand_hour: [("m5.large".to_string(), 0.107)].into(),
            alb_hour: Some(0.0252),
        };
        let (t, p) = resolve(Some(&spec));
        assert!(p.is_empty(), "{p:?}");
        assert!(t.overridden);
        assert_eq!(t.region, "eu-west-1");
        assert_eq!(t.fargate_x86.vcpu_hour, 44_560_000);
        assert_eq!(t.fargate_x86.gb_hour, 4_445_000);
        assert_eq!(t.windows_license_vcpu_hour, 50_000_000);
        assert_eq!(t.fargate_windows.vcpu_hour, 91_480_000);
        assert_eq!(t.spot_discount_percent, 50);
        assert_eq!(t.ec2_hour("m5.large"), 107_000_000);
        assert_eq!(t.ec2_hour("m5.xlarge"), 192_000_000);
        assert_eq!(t.alb_hour, 25_200_000);
    }

    #[test]
    fn out_of_range_prices_and_unknown_types_are_problems_at_their_paths() {
        let spec = PricingSpec {
            region: Some(String::new()),
            fargate: Some(FargatePricingSpec {
                gb_hour: Some(-1.0),
                ..Default::default()
            }),
            fargate_spot_discount_percent: Some(101),
            ec2_on_demand_hour: [
                ("m9.huge".to_string(), 1.0),
                ("m5.large".to_string(), 5000.0),
            ]
            .into(),
            alb_hour: Some(1e9),
        };
        let (t, p) = resolve(Some(&spec));
        let paths: Vec<&str> = p.iter().map(|x| x.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "pricing.region",
                "pricing.fargate.gbHour",
                "pricing.albHour",
                "pricing.ec2OnDemandHour[\"m5.large\"]",
                "pricing.ec2OnDemandHour[\"m9.huge\"]",
                "pricing.fargateSpotDiscountPercent",
            ]
        );
        // Refused values leave the built-in prices in place.
        assert_eq!(t.fargate_x86.gb_hour, 4_445_000);
        assert_eq!(t.ec2_hour("m5.large"), 96_000_000);
    }

    #[test]
    fn unknown_keys_are_refused_by_the_shape() {
        let r: Result<PricingSpec, _> = serde_json::from_str(r#"{ "fargate": { "vcpu": 1 } }"#);
        assert!(r.is_err());
        let r: Result<PricingSpec, _> = serde_json::from_str(r#"{ "lcuHour": 0.008 }"#);
        assert!(r.is_err());
    }
}
