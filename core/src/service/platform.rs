//! Create-service keys the simulator only checks: the awsvpc `assignPublicIp` and the Fargate
//! `platformVersion`, kept because advice reads them, and `availabilityZoneRebalancing`, which
//! resolves to whether the service is rebalanced across zones.

use crate::problem::Problems;
use crate::service::NetworkConfiguration;

/// Fargate Linux platform versions a service may name (DG "Fargate Linux platform versions":
/// `LATEST` is 1.4.0; 1.0.0–1.2.0 are retired, 1.3.0 is deprecated — see
/// platform-versions-retired).
pub const PLATFORM_VERSIONS: [&str; 3] = ["LATEST", "1.4.0", "1.3.0"];

/// `awsvpcConfiguration.assignPublicIp`: `ENABLED` or `DISABLED` (API AwsVpcConfiguration;
/// default `DISABLED`). Whether it is `ENABLED`; a problem at the field for anything else, and
/// for `ENABLED` on EC2 (awsvpc task ENIs on an instance get no public IP: ECS refuses it).
pub fn assign_public_ip(
    path: &str,
    network: &Option<NetworkConfiguration>,
    fargate: bool,
    p: &mut Problems,
) -> bool {
    let Some(value) = network
        .as_ref()
        .and_then(|n| n.awsvpc_configuration.assign_public_ip.as_deref())
    else {
        return false;
    };
    let at = format!("{path}.networkConfiguration.awsvpcConfiguration.assignPublicIp");
    match value {
        "ENABLED" if !fargate => {
            p.push(
                at,
                "Assign public IP is not supported for this launch type.",
            );
            false
        }
        "ENABLED" => true,
        "DISABLED" => false,
        other => {
            p.push(
                at,
                format!(
                    "invalid assignPublicIp '{}': expected ENABLED or DISABLED",
                    shown(other)
                ),
            );
            false
        }
    }
}

/// Fargate Windows platform versions (DG "Fargate Windows platform versions": `LATEST` is 1.0.0,
/// the only one).
pub const WINDOWS_PLATFORM_VERSIONS: [&str; 2] = ["LATEST", "1.0.0"];

/// `platformVersion`: one of [`PLATFORM_VERSIONS`], or of [`WINDOWS_PLATFORM_VERSIONS`] for a
/// Windows task definition (`windows`; the DG's Windows Fargate example on 1.0.0 was refused with
/// the Linux list until the 27th session: engineers' probe); the value kept, or None with a
/// problem at the field.
pub fn platform_version(
    path: &str,
    value: Option<&str>,
    windows: bool,
    p: &mut Problems,
) -> Option<String> {
    let v = value?;
    let (versions, _, expected) = family_versions(windows);
    if versions.contains(&v) {
        return Some(v.to_string());
    }
    let message = if windows {
        format!(
            "invalid platformVersion '{}' for a Windows task definition: expected {expected} (Fargate Windows platform versions)",
            shown(v)
        )
    } else {
        format!(
            "invalid platformVersion '{}': expected {expected} (Fargate Linux platform versions; 1.0.0 to 1.2.0 are retired)",
            shown(v)
        )
    };
    p.push(format!("{path}.platformVersion"), message);
    None
}

/// The Fargate platform versions of a Windows or a Linux task definition (`windows`), the
/// family's name and the list as a message says it: what CreateService and UpdateService check.
fn family_versions(windows: bool) -> (&'static [&'static str], &'static str, &'static str) {
    if windows {
        (&WINDOWS_PLATFORM_VERSIONS, "Windows", "LATEST or 1.0.0")
    } else {
        (&PLATFORM_VERSIONS, "Linux", "LATEST, 1.4.0 or 1.3.0")
    }
}

/// Why a service pinned to `platform_version` cannot run a revision of the other operating
/// system family (`windows`): a Windows revision needs LATEST or 1.0.0, a Linux one LATEST, 1.4.0
/// or 1.3.0. UpdateService checks a new revision by it, as CreateService checks the first with
/// [`platform_version`] (review, 27th session: an update from Windows on 1.0.0 to a Linux
/// revision ran Linux on the retired 1.0.0).
pub fn revision_platform_refusal(platform_version: Option<&str>, windows: bool) -> Option<String> {
    let v = platform_version.filter(|v| *v != "LATEST")?;
    let (versions, family, expected) = family_versions(windows);
    (!versions.contains(&v)).then(|| {
        format!(
            "a {family} revision cannot run on platformVersion {}: the service needs {expected} (Fargate {family} platform versions)",
            shown(v)
        )
    })
}

/// The refusal of a `platformVersion` on a service whose `launchType` is written as `EC2` or
/// `EXTERNAL` (`launch_type`), in ECS's words: CreateService answers "The platform version must
/// be null when specifying an EC2 launch type." (an InvalidParameterException quoted by
/// aws/amazon-ecs-cli#1040; API CreateService `platformVersion`: "A platform version is
/// specified only for tasks using the Fargate launch type",
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html). The
/// EXTERNAL wording follows the EC2 one (the docs quote none). A capacity provider strategy, or
/// a launch type left to the cluster's default, is not refused: whether the tasks land on
/// Fargate is not certain from the key alone, and the docs say nothing of that case.
pub fn platform_version_on_instances(
    path: &str,
    value: Option<&str>,
    launch_type: Option<&str>,
    p: &mut Problems,
) {
    let (Some(_), Some(launch @ ("EC2" | "EXTERNAL"))) = (value, launch_type) else {
        return;
    };
    p.push(
        format!("{path}.platformVersion"),
        format!("The platform version must be null when specifying an {launch} launch type."),
    );
}

/// `availabilityZoneRebalancing`: whether the service is rebalanced across Availability Zones
/// ([`crate::service::rebalancing::setting`]): ENABLED, or left out (CreateService's default) on
/// a service that can use it. ENABLED on a service that cannot is refused with the reason (DG
/// service-rebalancing.html lists what it "can't be used with"); anything but ENABLED or
/// DISABLED is invalid.
pub fn availability_zone_rebalancing(
    path: &str,
    value: Option<&str>,
    shape: crate::service::rebalancing::Shape<'_>,
    p: &mut Problems,
) -> bool {
    use crate::service::rebalancing::{setting, Setting};
    match setting(value, shape) {
        Setting::Enabled => true,
        Setting::Disabled => false,
        Setting::Refused(why) => {
            p.push(
                format!("{path}.availabilityZoneRebalancing"),
                format!(
                    "ENABLED can't be used with {}: {}set DISABLED (DG \"Balancing an Amazon ECS service across Availability Zones\")",
                    why.reason(),
                    why.fix().map(|f| format!("{f}, or ")).unwrap_or_default()
                ),
            );
            false
        }
        Setting::Invalid => {
            p.push(
                format!("{path}.availabilityZoneRebalancing"),
                format!(
                    "invalid availabilityZoneRebalancing '{}': expected ENABLED or DISABLED",
                    shown(value.unwrap_or_default())
                ),
            );
            false
        }
    }
}

/// A user's value for a message: at most 64 characters, control characters escaped.
fn shown(s: &str) -> String {
    s.chars().take(64).flat_map(char::escape_default).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::AwsVpcConfiguration;

    fn network(ip: Option<&str>) -> Option<NetworkConfiguration> {
        Some(NetworkConfiguration {
            awsvpc_configuration: AwsVpcConfiguration {
                subnets: vec!["subnet-a".into()],
                security_groups: vec![],
                assign_public_ip: ip.map(str::to_string),
            },
        })
    }

    #[test]
    fn assign_public_ip_is_enabled_or_disabled() {
        let mut p = Problems::default();
        assert!(assign_public_ip(
            "services[0]",
            &network(Some("ENABLED")),
            true,
            &mut p
        ));
        assert!(!assign_public_ip(
            "services[0]",
            &network(Some("DISABLED")),
            true,
            &mut p
        ));
        assert!(!assign_public_ip(
            "services[0]",
            &network(None),
            true,
            &mut p
        ));
        assert!(!assign_public_ip("services[0]", &None, true, &mut p));
        assert!(p.is_empty());
        assert!(!assign_public_ip(
            "services[0]",
            &network(Some("yes")),
            true,
            &mut p
        ));
        assert!(!assign_public_ip(
            "services[0]",
            &network(Some("ENABLED")),
            false,
            &mut p
        ));
        let v = p.into_vec();
        assert_eq!(
            v[1].message,
            "Assign public IP is not supported for this launch type."
        );
        assert_eq!(
            v[0].path,
            "services[0].networkConfiguration.awsvpcConfiguration.assignPublicIp"
        );
        assert!(
            v[0].message.contains("expected ENABLED or DISABLED"),
            "{}",
            v[0].message
        );
    }

    #[test]
    fn platform_version_is_a_fargate_linux_version() {
        let mut p = Problems::default();
        assert_eq!(
            platform_version("services[1]", Some("1.3.0"), false, &mut p).as_deref(),
            Some("1.3.0")
        );
        assert_eq!(
            platform_version("services[1]", Some("LATEST"), false, &mut p).as_deref(),
            Some("LATEST")
        );
        assert_eq!(platform_version("services[1]", None, false, &mut p), None);
        assert!(p.is_empty());
        assert_eq!(
            platform_version("services[1]", Some("1.2.0"), false, &mut p),
            None
        );
        let v = p.into_vec();
        assert_eq!(v[0].path, "services[1].platformVersion");
        assert!(v[0].message.contains("1.0.0 to 1.2.0 are retired"));
    }

    #[test]
    fn an_update_to_a_revision_of_the_other_family_is_refused_on_a_pinned_version() {
        assert_eq!(revision_platform_refusal(Some("1.0.0"), true), None);
        assert_eq!(revision_platform_refusal(Some("LATEST"), false), None);
        assert_eq!(revision_platform_refusal(None, true), None);
        assert_eq!(revision_platform_refusal(Some("1.4.0"), false), None);
        let linux_on_windows = revision_platform_refusal(Some("1.0.0"), false).expect("refused");
        assert!(
            linux_on_windows.starts_with("a Linux revision cannot run on platformVersion 1.0.0")
        );
        assert!(revision_platform_refusal(Some("1.4.0"), true).is_some());
    }

    #[test]
    fn a_windows_task_runs_on_windows_platform_version_1_0_0() {
        // DG "Fargate Windows platform versions": LATEST is 1.0.0.
        let mut p = Problems::default();
        for v in ["LATEST", "1.0.0"] {
            assert_eq!(
                platform_version("services[0]", Some(v), true, &mut p).as_deref(),
                Some(v)
            );
        }
        assert!(p.is_empty());
        assert_eq!(
            platform_version("services[0]", Some("1.4.0"), true, &mut p),
            None
        );
        let v = p.into_vec();
        assert!(
            v[0].message.contains("expected LATEST or 1.0.0"),
            "{}",
            v[0].message
        );
    }

    #[test]
    fn platform_version_is_refused_with_an_ec2_or_external_launch_type() {
        // InvalidParameterException of CreateService (aws/amazon-ecs-cli#1040).
        let mut p = Problems::default();
        platform_version_on_instances("services[0]", Some("LATEST"), Some("FARGATE"), &mut p);
        platform_version_on_instances("services[0]", None, Some("EC2"), &mut p);
        // A strategy or the cluster's default: not certainly off Fargate.
        platform_version_on_instances("services[0]", Some("1.4.0"), None, &mut p);
        assert!(p.is_empty());
        platform_version_on_instances("services[2]", Some("1.4.0"), Some("EC2"), &mut p);
        platform_version_on_instances("services[3]", Some("LATEST"), Some("EXTERNAL"), &mut p);
        let v = p.into_vec();
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].path, "services[2].platformVersion");
        assert_eq!(
            v[0].message,
            "The platform version must be null when specifying an EC2 launch type."
        );
        assert!(v[1].message.contains("an EXTERNAL launch type"));
    }

    #[test]
    fn availability_zone_rebalancing_enabled_by_default_refused_where_it_cannot_run() {
        // API CreateService: ENABLED or DISABLED, ENABLED when left out; DG service-rebalancing:
        // not with binpack (or any strategy but zone spread) first.
        use crate::placement::model::{SpreadField, Strategy};
        use crate::service::rebalancing::Shape;
        let spread = [Strategy::Spread(SpreadField::Attribute(
            "ecs.availability-zone".into(),
        ))];
        let binpack = [Strategy::BinpackMemory];
        let shape = |strategies| Shape {
            daemon: false,
            external: false,
            maximum_percent: 200,
            strategies,
            constraints: &[],
        };
        let mut p = Problems::default();
        assert!(availability_zone_rebalancing(
            "services[0]",
            None,
            shape(&spread),
            &mut p
        ));
        assert!(!availability_zone_rebalancing(
            "services[0]",
            Some("DISABLED"),
            shape(&spread),
            &mut p
        ));
        assert!(!availability_zone_rebalancing(
            "services[0]",
            None,
            shape(&binpack),
            &mut p
        ));
        assert!(p.is_empty());
        availability_zone_rebalancing("services[0]", Some("ENABLED"), shape(&binpack), &mut p);
        availability_zone_rebalancing("services[1]", Some("on\u{1b}"), shape(&spread), &mut p);
        let v = p.into_vec();
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].path, "services[0].availabilityZoneRebalancing");
        assert!(
            v[0].message
                .contains("can't be used with a first placement strategy"),
            "{}",
            v[0].message
        );
        // It says what makes the service eligible before the way out.
        assert!(
            v[0].message.contains(
                "put a spread across attribute:ecs.availability-zone first in placementStrategy, or set DISABLED"
            ),
            "{}",
            v[0].message
        );
        assert_eq!(v[1].path, "services[1].availabilityZoneRebalancing");
        assert!(v[1].message.contains("'on\\u{1b}'"), "{}", v[1].message);
    }
}
