//! The target tracking form: a service's target tracking policies (`scalingPolicies` with `policyType`
//! `TargetTrackingScaling`, API PutScalingPolicy TargetTrackingScalingPolicyConfiguration):
//! reading one, setting the policy named X, adding one. A service may have several, but
//! "you can have multiple target tracking scaling policies for an Amazon ECS service,
//! provided that each of them uses a different metric" (ECS Developer Guide,
//! service-autoscaling-targettracking), so a second policy on the same metric is refused.

use super::shared::{number, policy_mut, policy_name, push_policy, service_policies, MAX_COOLDOWN};
use crate::autoscaling::resource_label::{label_for, target_group_of, ALB_REQUEST_COUNT};
use crate::autoscaling::rules::check_target_tracking;
use crate::autoscaling::spec::{PredefinedMetricSpec, TargetTrackingSpec};
use crate::autoscaling::target_tracking::DEFAULT_COOLDOWN_SECONDS;
use crate::form::find::find_service;
use crate::form::refusal;
use crate::form::value::uint;
use crate::problem::Problem;
use serde_json::{json, Map, Value};

/// The metrics a target tracking policy may track, in the order the form offers them.
pub use crate::autoscaling::rules::TRACKED_METRICS;
/// The `policyType` of these policies.
pub const TARGET_TRACKING: &str = "TargetTrackingScaling";

/// One target tracking policy as the form shows it (API TargetTrackingScalingPolicyConfiguration).
#[derive(Debug, Clone, PartialEq)]
pub struct TargetTrackingSettings {
    /// `predefinedMetricType`.
    pub metric: String,
    /// `targetValue`.
    pub target_value: f64,
    /// `scaleOutCooldown`, seconds (300).
    pub scale_out_cooldown: u32,
    /// `scaleInCooldown`, seconds (300).
    pub scale_in_cooldown: u32,
    /// `disableScaleIn`.
    pub disable_scale_in: bool,
}

impl Default for TargetTrackingSettings {
    /// 50% average CPU with the default 300 s cooldowns: what enabling scaling adds.
    fn default() -> Self {
        Self {
            metric: TRACKED_METRICS[0].to_string(),
            target_value: 50.0,
            scale_out_cooldown: DEFAULT_COOLDOWN_SECONDS,
            scale_in_cooldown: DEFAULT_COOLDOWN_SECONDS,
            disable_scale_in: false,
        }
    }
}

/// The settings of a `scalingPolicies` entry's target tracking configuration (absent keys read
/// as AWS's defaults), or None when it has none.
pub(crate) fn read_target_tracking(policy: &Value) -> Option<TargetTrackingSettings> {
    let c = policy.get("targetTrackingScalingPolicyConfiguration")?;
    let d = TargetTrackingSettings::default();
    Some(TargetTrackingSettings {
        metric: c
            .pointer("/predefinedMetricSpecification/predefinedMetricType")
            .and_then(Value::as_str)
            .unwrap_or(&d.metric)
            .to_string(),
        target_value: c
            .get("targetValue")
            .and_then(Value::as_f64)
            .unwrap_or(d.target_value),
        scale_out_cooldown: uint(c, "scaleOutCooldown", d.scale_out_cooldown),
        scale_in_cooldown: uint(c, "scaleInCooldown", d.scale_in_cooldown),
        disable_scale_in: c
            .get("disableScaleIn")
            .and_then(Value::as_bool)
            .unwrap_or(false),
    })
}

/// What a target tracking policy's `targetValue` counts for `metric`, for the form to show
/// beside the number: the same 50 is half a CPU for one metric and 50 requests a minute for
/// another (engineer walkthrough, 2026-12-07: switching CPU to ALBRequestCountPerTarget kept
/// 50 and ran the service at its maximum).
pub fn target_unit(metric: &str) -> &'static str {
    match metric {
        ALB_REQUEST_COUNT => "requests per target per minute",
        "ECSServiceAverageMemoryUtilization" => "% memory",
        _ => "% CPU",
    }
}

/// The note the form shows when the metric changes from `was` to `now` and the kept
/// `target` now counts something else (None when the unit stays). The value is kept: it is a
/// valid target either way, and only its reader knows what it should be.
pub fn retarget_note(was: &str, now: &str, target: f64) -> Option<String> {
    let (a, b) = (target_unit(was), target_unit(now));
    (a != b)
        .then(|| format!("The target is now {target} {b} (it was {target} {a}): check the number."))
}

/// The service's first target tracking policy: its name and settings.
pub fn first_target_tracking(
    doc: &Value,
    service: &str,
) -> Option<(String, TargetTrackingSettings)> {
    target_tracking_policies(doc, service).into_iter().next()
}

/// The first metric none of the service's target tracking policies tracks yet (what "Add target
/// tracking policy" starts with), or None when every metric has one. `ALBRequestCountPerTarget`
/// only for a service with a target group (it needs one, `autoscaling::resource_label`).
pub fn untracked_metric(doc: &Value, service: &str) -> Option<&'static str> {
    let tracked = tracked_by(doc, service);
    let has_group = service_target_group(doc, service).is_some();
    TRACKED_METRICS
        .into_iter()
        .filter(|m| *m != ALB_REQUEST_COUNT || has_group)
        .find(|m| !tracked.iter().any(|(_, t)| t == m))
}

/// PutScalingPolicy on the existing target tracking policy named `name`. Refuses an unknown
/// metric, one another target tracking policy of the service tracks, a target value ≤ 0 and
/// cooldowns over a day, naming the field; the document is then unchanged.
pub fn set_target_tracking_policy(
    doc: &mut Value,
    service: &str,
    name: &str,
    p: &TargetTrackingSettings,
) -> Result<(), String> {
    check(p)?;
    let kind = policy_mut(doc, service, name)?
        .get("policyType")
        .and_then(Value::as_str)
        .map(str::to_string);
    if kind.as_deref() != Some(TARGET_TRACKING) {
        return Err(format!(
            "policyType: policy '{name}' is {}, not {TARGET_TRACKING}",
            kind.as_deref().unwrap_or("untyped")
        ));
    }
    check_metric_free(doc, service, Some(name), &p.metric)?;
    let group = label_group(doc, service, p)?;
    write(policy_mut(doc, service, name)?, p, group.as_deref());
    Ok(())
}

/// PutScalingPolicy for a new target tracking policy named `<service>-target-tracking` (or
/// `-2`, `-3` …); returns its name. Refuses what [`set_target_tracking_policy`] refuses,
/// including a metric the service already tracks (naming that policy).
pub fn add_target_tracking(
    doc: &mut Value,
    service: &str,
    p: &TargetTrackingSettings,
) -> Result<String, String> {
    check(p)?;
    check_metric_free(doc, service, None, &p.metric)?;
    let group = label_group(doc, service, p)?;
    let (policy, name) = push_policy(doc, service, "target-tracking", TARGET_TRACKING)?;
    write(policy, p, group.as_deref());
    Ok(name)
}

/// Writes `p` into the service's first target tracking policy, or adds one (the single-policy
/// form of earlier versions; kept for its callers).
pub fn set_target_tracking(
    doc: &mut Value,
    service: &str,
    p: &TargetTrackingSettings,
) -> Result<(), String> {
    match first_target_tracking(doc, service) {
        Some((name, _)) => set_target_tracking_policy(doc, service, &name, p),
        None => add_target_tracking(doc, service, p).map(|_| ()),
    }
}

/// (policy name, settings) of every target tracking policy of the service that has a
/// configuration, in document order.
fn target_tracking_policies(doc: &Value, service: &str) -> Vec<(String, TargetTrackingSettings)> {
    service_policies(doc, service)
        .into_iter()
        .filter(|p| p.get("policyType").and_then(Value::as_str) == Some(TARGET_TRACKING))
        .filter_map(|p| read_target_tracking(p).map(|t| (policy_name(p), t)))
        .collect()
}

/// (policy name, tracked metric) of every target tracking policy of the service.
fn tracked_by(doc: &Value, service: &str) -> Vec<(String, String)> {
    target_tracking_policies(doc, service)
        .into_iter()
        .map(|(name, t)| (name, t.metric))
        .collect()
}

fn check_metric_free(
    doc: &Value,
    service: &str,
    except: Option<&str>,
    metric: &str,
) -> Result<(), String> {
    match tracked_by(doc, service)
        .into_iter()
        .find(|(n, m)| m == metric && Some(n.as_str()) != except)
    {
        Some((other, _)) => Err(format!(
            "predefinedMetricType {metric} is already tracked by policy '{other}': each target tracking policy of a service must use a different metric"
        )),
        None => Ok(()),
    }
}

fn check(p: &TargetTrackingSettings) -> Result<(), String> {
    let spec = TargetTrackingSpec {
        target_value: p.target_value,
        predefined_metric_specification: PredefinedMetricSpec {
            predefined_metric_type: p.metric.clone(),
            resource_label: None,
        },
        scale_out_cooldown: Some(p.scale_out_cooldown),
        scale_in_cooldown: Some(p.scale_in_cooldown),
        disable_scale_in: p.disable_scale_in,
    };
    let mut problems = check_target_tracking(&spec);
    for (name, v) in [
        ("scaleOutCooldown", p.scale_out_cooldown),
        ("scaleInCooldown", p.scale_in_cooldown),
    ] {
        if v > MAX_COOLDOWN {
            problems.push(Problem::new(
                name,
                format!("{name} must be from 0 to {MAX_COOLDOWN} seconds; got {v}"),
            ));
        }
    }
    refusal(problems)
}

/// The target group an `ALBRequestCountPerTarget` policy's `resourceLabel` must name: the one
/// the service's first `loadBalancers` entry registers its tasks in (None for other metrics).
/// Refused when the service has none, as Application Auto Scaling refuses the label
/// (`autoscaling::resource_label`).
fn label_group(
    doc: &Value,
    service: &str,
    p: &TargetTrackingSettings,
) -> Result<Option<String>, String> {
    if p.metric != ALB_REQUEST_COUNT {
        return Ok(None);
    }
    match service_target_group(doc, service) {
        Some(g) => Ok(Some(g.to_string())),
        None => Err(format!(
            "predefinedMetricType: {ALB_REQUEST_COUNT} needs a target group attached to service {service} (loadBalancers)"
        )),
    }
}

/// The target group the service's first `loadBalancers` entry names, if any.
fn service_target_group<'a>(doc: &'a Value, service: &str) -> Option<&'a str> {
    find_service(doc, service)
        .and_then(|s| s.pointer("/loadBalancers/0/targetGroupArn"))
        .and_then(Value::as_str)
        .and_then(crate::elb::resolve::group_name)
}

/// Writes the settings into the policy's configuration. `resourceLabel` is kept when it names
/// `group`, written for `group` otherwise (`resource_label::label_for`), and removed for a
/// metric other than `ALBRequestCountPerTarget` (`group` None), which takes none.
fn write(policy: &mut Map<String, Value>, p: &TargetTrackingSettings, group: Option<&str>) {
    let mut config = policy
        .get("targetTrackingScalingPolicyConfiguration")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut spec: Map<String, Value> = config
        .get("predefinedMetricSpecification")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    spec.insert("predefinedMetricType".into(), json!(p.metric));
    match group {
        Some(g) => {
            let kept = spec
                .get("resourceLabel")
                .and_then(Value::as_str)
                .and_then(target_group_of)
                == Some(g);
            if !kept {
                spec.insert("resourceLabel".into(), json!(label_for(g)));
            }
        }
        None => {
            spec.remove("resourceLabel");
        }
    }
    config.insert("targetValue".into(), number(p.target_value));
    config.insert("predefinedMetricSpecification".into(), Value::Object(spec));
    config.insert("scaleOutCooldown".into(), json!(p.scale_out_cooldown));
    config.insert("scaleInCooldown".into(), json!(p.scale_in_cooldown));
    config.insert("disableScaleIn".into(), json!(p.disable_scale_in));
    policy.insert(
        "targetTrackingScalingPolicyConfiguration".into(),
        Value::Object(config),
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn switching_to_request_count_says_what_the_kept_target_now_counts() {
        assert_eq!(
            super::retarget_note("ECSServiceAverageCPUUtilization", "ALBRequestCountPerTarget", 50.0)
                .as_deref(),
            Some("The target is now 50 requests per target per minute (it was 50 % CPU): check the number.")
        );
        assert_eq!(
            super::retarget_note(
                "ECSServiceAverageCPUUtilization",
                "ECSServiceAverageMemoryUtilization",
                50.0
            )
            .as_deref(),
            Some("The target is now 50 % memory (it was 50 % CPU): check the number.")
        );
        assert_eq!(
            super::retarget_note("ALBRequestCountPerTarget", "ALBRequestCountPerTarget", 7.5),
            None
        );
        assert_eq!(
            super::target_unit("ALBRequestCountPerTarget"),
            "requests per target per minute"
        );
    }

    use super::*;
    use crate::form::test_support::doc;

    const SPIKE: &str = include_str!("../../scenario/examples/target-tracking-spike.json");

    #[test]
    fn refusals_name_the_field_and_change_nothing() {
        let mut d = doc(SPIKE);
        let before = d.clone();
        let ok = TargetTrackingSettings::default();
        let bad = [
            (
                TargetTrackingSettings {
                    target_value: 0.0,
                    ..ok.clone()
                },
                "targetValue",
            ),
            (
                TargetTrackingSettings {
                    target_value: 1e109,
                    ..ok.clone()
                },
                "targetValue",
            ),
            (
                TargetTrackingSettings {
                    metric: "CPU".into(),
                    ..ok.clone()
                },
                "predefinedMetricType",
            ),
            (
                TargetTrackingSettings {
                    scale_out_cooldown: 86_401,
                    ..ok.clone()
                },
                "scaleOutCooldown",
            ),
        ];
        for (p, field) in bad {
            let err = set_target_tracking_policy(&mut d, "web", "cpu50", &p).unwrap_err();
            assert!(err.starts_with(field), "{err}");
            let err = add_target_tracking(&mut d, "web", &p).unwrap_err();
            assert!(err.starts_with(field), "{err}");
        }
        let err = set_target_tracking_policy(&mut d, "web", "nope", &ok).unwrap_err();
        assert!(err.starts_with("policyName"), "{err}");
        assert_eq!(d, before);
    }

    #[test]
    fn a_step_policy_is_not_edited_as_target_tracking() {
        let mut d = doc(include_str!(
            "../../scenario/examples/step-scaling-schedule.json"
        ));
        let err = set_target_tracking_policy(
            &mut d,
            "api",
            "cpu-steps",
            &TargetTrackingSettings::default(),
        )
        .unwrap_err();
        assert!(err.starts_with("policyType"), "{err}");
    }
}
