//! Checks and resolves the auto scaling keys of a scenario (`fargateSpot`, and Application
//! Auto Scaling's scalable targets, policies and scheduled actions), with JSON paths.

use super::alarm::Alarm;
use super::model::{PolicyKind, ScalableTarget, ScalingPolicy, ScheduledAction};
use super::rules::{
    alarm_metric, check_alarm, check_step_configuration, check_target_action,
    check_target_tracking, tracked_metric,
};
use super::schedule::{parse_schedule, Schedule};
use super::spec::{
    AlarmSpec, FargateSpotSpec, ScalableTargetSpec, ScalingPolicySpec, ScheduledActionSpec,
};
use super::step::AdjustmentType;
use super::target_tracking::DEFAULT_COOLDOWN_SECONDS;
use super::AutoScalingModel;
use crate::cluster::spot::{per_minute_ppm, MAX_INTERRUPTIONS_PER_HOUR};
use crate::cluster::ClusterModel;
use crate::elb::TargetGroupModel;
use crate::problem::Problem;
use crate::service::resolve::MAX_TASKS_PER_SERVICE;
use crate::service::ServiceModel;

/// The only namespace the simulator scales (`ServiceNamespace`).
pub const SERVICE_NAMESPACE: &str = "ecs";
/// The only dimension (`ScalableDimension`) of an ECS service.
pub const SCALABLE_DIMENSION: &str = "ecs:service:DesiredCount";
/// Application Auto Scaling quota: scaling policies per scalable target.
pub const MAX_POLICIES_PER_TARGET: usize = 50;
/// Application Auto Scaling quota: scheduled actions per scalable target.
pub const MAX_SCHEDULED_ACTIONS_PER_TARGET: usize = 200;
/// Simulator limit on scheduled actions in a scenario (the same bound as timeline events).
pub const MAX_SCHEDULED_ACTIONS: usize = 1000;

struct R<'a> {
    services: &'a [ServiceModel],
    /// Load balancer target groups (what a service's `load_balancer` indexes).
    target_groups: &'a [TargetGroupModel],
    /// Every service the scenario declares, resolved or not.
    declared: &'a [&'a str],
    clusters: &'a [ClusterModel],
    problems: Vec<Problem>,
}

impl R<'_> {
    fn problem(&mut self, path: String, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    /// Checks namespace and dimension; returns the service of `resourceId`.
    /// The service a policy or scheduled action names (see [`R::resource`]), with a problem
    /// when its scalable target is not registered (Application Auto Scaling refuses both then).
    fn registered_resource(
        &mut self,
        out: &AutoScalingModel,
        path: &str,
        (ns, rid, dim): (&str, &str, &str),
    ) -> Option<usize> {
        let s = self.resource(path, ns, rid, dim)?;
        if !out.targets.iter().any(|t| t.service == s) {
            self.problem(
                format!("{path}.resourceId"),
                "register the scalable target first (scalableTargets)",
            );
        }
        Some(s)
    }

    fn resource(&mut self, path: &str, ns: &str, rid: &str, dim: &str) -> Option<usize> {
        if ns != SERVICE_NAMESPACE {
            self.problem(
                format!("{path}.serviceNamespace"),
                "serviceNamespace must be ecs",
            );
        }
        if dim != SCALABLE_DIMENSION {
            self.problem(
                format!("{path}.scalableDimension"),
                format!("scalableDimension must be {SCALABLE_DIMENSION}"),
            );
        }
        let parts: Vec<&str> = rid.split('/').collect();
        let found = match parts.as_slice() {
            ["service", cluster, service] => self
                .services
                .iter()
                .position(|s| s.name == *service && self.clusters[s.cluster].name == *cluster),
            _ => {
                self.problem(
                    format!("{path}.resourceId"),
                    "resourceId must be service/<cluster>/<service>",
                );
                return None;
            }
        };
        // A service that is declared but did not resolve has its own problems: one cause, one
        // message.
        let declared =
            matches!(parts.as_slice(), ["service", _, service] if self.declared.contains(service));
        if found.is_none() && !declared {
            self.problem(
                format!("{path}.resourceId"),
                format!("no service matches '{rid}'"),
            );
        }
        found
    }

    /// Adds `problems`, whose paths are relative to `path`.
    fn extend(&mut self, path: &str, problems: Vec<Problem>) {
        for p in problems {
            let at = if p.path.is_empty() {
                path.to_string()
            } else {
                format!("{path}.{}", p.path)
            };
            self.problem(at, p.message);
        }
    }

    fn alarm(&mut self, path: &str, a: &AlarmSpec) -> Option<Alarm> {
        self.extend(path, check_alarm(a));
        crate::metrics::alarm::alarm_of_terms(
            alarm_metric(&a.metric_name)?,
            &a.comparison_operator,
            a.threshold,
            a.evaluation_periods,
            a.datapoints_to_alarm,
        )
    }

    /// The name of the target group service `s` registers its tasks in, if it has one.
    fn target_group_name(&self, s: usize) -> Option<&str> {
        let lb = self.services.get(s)?.load_balancer.as_ref()?;
        self.target_groups
            .get(lb.target_group)
            .map(|g| g.name.as_str())
    }

    /// The name of service `s`'s blue/green alternate target group, if it has one.
    fn alternate_group_name(&self, s: usize) -> Option<&str> {
        let lb = self.services.get(s)?.load_balancer.as_ref()?;
        self.target_groups
            .get(lb.alternate_target_group?)
            .map(|g| g.name.as_str())
    }

    fn policy(&mut self, path: &str, s: usize, p: &ScalingPolicySpec) -> Option<PolicyKind> {
        match p.policy_type.as_str() {
            "TargetTrackingScaling" => {
                let Some(c) = &p.target_tracking_scaling_policy_configuration else {
                    self.problem(
                        format!("{path}.targetTrackingScalingPolicyConfiguration"),
                        "TargetTrackingScaling needs targetTrackingScalingPolicyConfiguration",
                    );
                    return None;
                };
                let cpath = format!("{path}.targetTrackingScalingPolicyConfiguration");
                if p.alarm.is_some() {
                    self.problem(
                        format!("{path}.alarm"),
                        "target tracking policies create their own alarms",
                    );
                }
                self.extend(&cpath, check_target_tracking(c));
                let spec = &c.predefined_metric_specification;
                let label = super::resource_label::check(
                    &spec.predefined_metric_type,
                    spec.resource_label.as_deref(),
                    self.target_group_name(s),
                    self.alternate_group_name(s),
                );
                self.extend(&cpath, label);
                let metric =
                    tracked_metric(&c.predefined_metric_specification.predefined_metric_type);
                Some(PolicyKind::TargetTracking {
                    metric: metric?,
                    target: c.target_value,
                    scale_out_cooldown_ms: u64::from(
                        c.scale_out_cooldown.unwrap_or(DEFAULT_COOLDOWN_SECONDS),
                    ) * 1000,
                    scale_in_cooldown_ms: u64::from(
                        c.scale_in_cooldown.unwrap_or(DEFAULT_COOLDOWN_SECONDS),
                    ) * 1000,
                    disable_scale_in: c.disable_scale_in,
                })
            }
            "StepScaling" => {
                let Some(c) = &p.step_scaling_policy_configuration else {
                    self.problem(
                        format!("{path}.stepScalingPolicyConfiguration"),
                        "StepScaling needs stepScalingPolicyConfiguration",
                    );
                    return None;
                };
                let cpath = format!("{path}.stepScalingPolicyConfiguration");
                let alarm = match &p.alarm {
                    Some(a) => self.alarm(&format!("{path}.alarm"), a),
                    None => {
                        self.problem(format!("{path}.alarm"), "a step scaling policy needs the alarm that invokes it (simulator key alarm)");
                        None
                    }
                };
                self.extend(&cpath, check_step_configuration(c));
                let kind = AdjustmentType::parse(&c.adjustment_type);
                let steps = c.step_adjustments.iter().map(|s| s.step()).collect();
                Some(PolicyKind::Step {
                    alarm: alarm?,
                    adjustment_type: kind?,
                    steps,
                    cooldown_ms: u64::from(c.cooldown.unwrap_or(DEFAULT_COOLDOWN_SECONDS)) * 1000,
                    min_adjustment_magnitude: c.min_adjustment_magnitude,
                })
            }
            _ => {
                self.problem(
                    format!("{path}.policyType"),
                    "policyType must be TargetTrackingScaling or StepScaling",
                );
                None
            }
        }
    }
}

/// The auto scaling keys of a scenario, as written.
#[derive(Debug, Clone, Copy)]
pub struct Specs<'a> {
    /// `fargateSpot`.
    pub fargate_spot: Option<&'a FargateSpotSpec>,
    /// `scalableTargets`.
    pub scalable_targets: &'a [ScalableTargetSpec],
    /// `scalingPolicies`.
    pub scaling_policies: &'a [ScalingPolicySpec],
    /// `scheduledActions`.
    pub scheduled_actions: &'a [ScheduledActionSpec],
}

/// Resolves the auto scaling keys against the already resolved services, their target groups
/// (an `ALBRequestCountPerTarget` policy's `resourceLabel` names one) and clusters.
///
/// `declared` names every service the scenario declares: a target naming one that did not
/// resolve is not reported again.
pub fn resolve(
    doc: Specs<'_>,
    services: &[ServiceModel],
    target_groups: &[TargetGroupModel],
    declared: &[&str],
    clusters: &[ClusterModel],
) -> (AutoScalingModel, Vec<Problem>) {
    let mut r = R {
        services,
        target_groups,
        declared,
        clusters,
        problems: Vec::new(),
    };
    let mut out = AutoScalingModel::default();
    if let Some(spot) = doc.fargate_spot {
        r.fargate_spot(spot, &mut out);
    }
    for (i, t) in doc.scalable_targets.iter().enumerate() {
        r.scalable_target(i, t, &mut out);
    }
    for (i, p) in doc.scaling_policies.iter().enumerate() {
        r.scaling_policy(i, p, &mut out);
    }
    for (i, a) in doc.scheduled_actions.iter().enumerate() {
        r.scheduled_action(i, a, &mut out);
    }
    (out, r.problems)
}

impl R<'_> {
    /// The simulator key `fargateSpot`: interruptions per hour, 0–60.
    fn fargate_spot(&mut self, spot: &FargateSpotSpec, out: &mut AutoScalingModel) {
        let rate = spot.interruptions_per_hour;
        if !rate.is_finite() || !(0.0..=MAX_INTERRUPTIONS_PER_HOUR).contains(&rate) {
            self.problem(
                "fargateSpot.interruptionsPerHour".into(),
                format!("interruptionsPerHour must be between 0 and {MAX_INTERRUPTIONS_PER_HOUR}"),
            );
        } else {
            out.spot_ppm = per_minute_ppm(rate);
        }
    }

    /// RegisterScalableTarget: a REPLICA service, once, with MinCapacity ≤ MaxCapacity ≤ the
    /// tasks-per-service quota.
    fn scalable_target(&mut self, i: usize, t: &ScalableTargetSpec, out: &mut AutoScalingModel) {
        let path = format!("scalableTargets[{i}]");
        let Some(s) = self.resource(
            &path,
            &t.service_namespace,
            &t.resource_id,
            &t.scalable_dimension,
        ) else {
            return;
        };
        if self.services[s].daemon {
            self.problem(
                format!("{path}.resourceId"),
                "a DAEMON service has no desired count to scale",
            );
        }
        if t.min_capacity > t.max_capacity {
            self.problem(
                format!("{path}.minCapacity"),
                "minCapacity must not exceed maxCapacity",
            );
        }
        if t.max_capacity > MAX_TASKS_PER_SERVICE {
            self.problem(format!("{path}.maxCapacity"), format!("maxCapacity must be at most {MAX_TASKS_PER_SERVICE} (ECS quota: tasks per service)"));
        }
        if out.targets.iter().any(|x| x.service == s) {
            self.problem(
                format!("{path}.resourceId"),
                "this scalable target is already registered",
            );
            return;
        }
        out.targets.push(ScalableTarget {
            service: s,
            resource_id: t.resource_id.clone(),
            min_capacity: t.min_capacity,
            max_capacity: t.max_capacity,
        });
    }

    /// PutScalingPolicy: on a registered target, a unique name of 1–256 characters, at most
    /// [`MAX_POLICIES_PER_TARGET`] per target.
    fn scaling_policy(&mut self, i: usize, p: &ScalingPolicySpec, out: &mut AutoScalingModel) {
        let path = format!("scalingPolicies[{i}]");
        let Some(s) = self.registered_resource(
            out,
            &path,
            (&p.service_namespace, &p.resource_id, &p.scalable_dimension),
        ) else {
            return;
        };
        if p.policy_name.is_empty() || p.policy_name.len() > 256 {
            self.problem(
                format!("{path}.policyName"),
                "policyName must be 1-256 characters",
            );
        }
        if out
            .policies
            .iter()
            .any(|x| x.service == s && x.name == p.policy_name)
        {
            self.problem(
                format!("{path}.policyName"),
                "a policy with this name already exists for the target",
            );
        }
        if out.policies.iter().filter(|x| x.service == s).count() >= MAX_POLICIES_PER_TARGET {
            self.problem(
                path.clone(),
                format!("at most {MAX_POLICIES_PER_TARGET} scaling policies per scalable target"),
            );
        }
        if let Some(kind) = self.policy(&path, s, p) {
            out.policies.push(ScalingPolicy {
                name: p.policy_name.clone(),
                service: s,
                kind,
            });
        }
    }

    /// PutScheduledAction: on a registered target, within the quotas, with a schedule that runs.
    fn scheduled_action(&mut self, i: usize, a: &ScheduledActionSpec, out: &mut AutoScalingModel) {
        let path = format!("scheduledActions[{i}]");
        let Some(s) = self.registered_resource(
            out,
            &path,
            (&a.service_namespace, &a.resource_id, &a.scalable_dimension),
        ) else {
            return;
        };
        if out.scheduled_actions.len() >= MAX_SCHEDULED_ACTIONS
            || out
                .scheduled_actions
                .iter()
                .filter(|x| x.service == s)
                .count()
                >= MAX_SCHEDULED_ACTIONS_PER_TARGET
        {
            self.problem(path.clone(), format!("at most {MAX_SCHEDULED_ACTIONS_PER_TARGET} scheduled actions per scalable target"));
            return;
        }
        let act = &a.scalable_target_action;
        self.extend(
            &path,
            check_target_action(act.min_capacity, act.max_capacity),
        );
        let (first_at, every, cron) = match parse_schedule(&a.schedule) {
            Ok(Schedule::At(t)) => (t, None, None),
            Ok(Schedule::Rate(d)) => (d, Some(d), None),
            // parse_schedule refuses an expression that never runs.
            Ok(Schedule::Cron(c)) => match c.next_at_or_after(0) {
                Some(t) => (t, None, Some(c)),
                None => return,
            },
            Err(e) => {
                self.problem(format!("{path}.schedule"), e);
                return;
            }
        };
        out.scheduled_actions.push(ScheduledAction {
            name: a.scheduled_action_name.clone(),
            service: s,
            first_at,
            every,
            cron,
            min_capacity: act.min_capacity,
            max_capacity: act.max_capacity,
        });
    }
}
