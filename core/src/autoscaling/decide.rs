//! Application Auto Scaling's decisions for one service at a minute tick (DG
//! service-auto-scaling), as functions of the policies, their cooldown state and the metric
//! series. Once a minute, shortly after the period's datapoint is published, each policy looks
//! at its alarm(s) and proposes a desired count ([`propose`]); Application Auto Scaling then
//! ([`choose`])
//!
//! - scales out if any policy asks (the largest proposal wins),
//! - scales in only if every target tracking policy agrees (the smallest reduction wins; a step
//!   policy's own alarm is enough for its scale-in),
//! - never scales in while a deployment is in progress (DG: scale-in is suspended),
//!
//! and the chosen policy starts its cooldowns ([`start_cooldown`]). Cooldowns (Application Auto
//! Scaling User Guide): during a target tracking policy's scale-out cooldown "the capacity that
//! has been added by the previous scale out event … is calculated as part of the desired
//! capacity for the next scale out" (API TargetTrackingScalingPolicyConfiguration), and the
//! policy scales out again only if "a larger scale out is triggered": the new count is worked
//! out from the tasks RUNNING through the latest datapoint's period, and goes ahead only if
//! it is above the desired count, which already holds what the first scale-out added (the
//! playground's reading; until 2026-12-05 it worked from the count before the cooldown, so a
//! CPU-saturated service could not scale out again until the cooldown ended: student
//! walkthrough of lesson 12). A step policy in its cooldown works from the count before it
//! began, so it adds only the difference. During its scale-in cooldown a policy does not scale
//! in. A scale-out, by any of the service's policies, ends every scale-in cooldown
//! ([`end_scale_in_cooldown`]); a step policy that scales out after its own scale-in works from
//! the count now, not from the count before that scale-in.
//! `sim/autoscaling.rs` keeps the desired count within MinCapacity..=MaxCapacity and applies.

use super::activity::{
    alarm_cause, step_alarm_name, target_tracking_alarm_name, TargetTrackingAlarm,
};
use super::model::{PolicyKind, ScalingPolicy};
use super::state::PolicyState;
use super::step::{apply_adjustment, select_step};
use super::target_tracking::{alarm_high, alarm_low, target_tracking_capacity};
use crate::metrics::{Datapoint, MetricName};
use crate::time::Millis;

/// What one policy asks for at a tick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// The policy (index into the model's policies).
    pub policy: usize,
    /// The desired count it asks for.
    pub to: u32,
    /// Why, in Application Auto Scaling's words ("monitor alarm … in state ALARM triggered
    /// policy …", [`super::activity::alarm_cause`]).
    pub cause: String,
    /// Whether it is a target tracking policy (scale-in needs every one of them to agree).
    pub target_tracking: bool,
}

/// The metric a policy's alarms watch.
pub fn watched_metric(p: &ScalingPolicy) -> MetricName {
    match &p.kind {
        PolicyKind::TargetTracking { metric, .. } => *metric,
        PolicyKind::Step { alarm, .. } => alarm.metric,
    }
}

/// Whether the policy votes on scale-in: Application Auto Scaling (target tracking, multiple
/// policies) "will scale in only if all of the target tracking policies (with the scale-in
/// portion enabled) are ready to scale in", so one with disableScaleIn does not vote.
pub fn votes_on_scale_in(p: &ScalingPolicy) -> bool {
    matches!(
        p.kind,
        PolicyKind::TargetTracking {
            disable_scale_in: false,
            ..
        }
    )
}

/// One policy as a tick sees it.
#[derive(Debug, Clone, Copy)]
pub struct PolicyAtTick<'a> {
    /// Its index among the model's policies.
    pub index: usize,
    /// The policy.
    pub policy: &'a ScalingPolicy,
    /// Its cooldowns.
    pub state: PolicyState,
    /// The one-minute series of [`watched_metric`] for the service.
    pub series: &'a [Datapoint],
    /// The scalable target's resourceId (it names the target tracking alarms).
    pub resource: &'a str,
    /// The service's tasks RUNNING through the latest datapoint's whole period: the capacity
    /// whose load it measured (a target tracking scale-out during the cooldown is worked out
    /// from it; tasks started since count as capacity already added).
    pub running: u32,
}

/// What the policy asks for now, given the service's desired count `current` (None: its alarms
/// are OK, there is no datapoint yet, or it is cooling down).
pub fn propose(p: PolicyAtTick<'_>, now: Millis, current: u32) -> Option<Proposal> {
    let st = p.state;
    let in_out_cooldown = now < st.out_until;
    let name = &p.policy.name;
    match &p.policy.kind {
        PolicyKind::TargetTracking {
            metric,
            target,
            disable_scale_in,
            ..
        } => {
            let latest = p.series.last()?.value;
            if alarm_high(*metric, *target).in_alarm(p.series) {
                let base = if in_out_cooldown { p.running } else { current };
                let to = target_tracking_capacity(base, latest, *target);
                if in_out_cooldown && to <= current {
                    // Cooling down: the scale-out already under way covers it.
                    return None;
                }
                return Some(Proposal {
                    policy: p.index,
                    to: to.max(current),
                    cause: alarm_cause(
                        &target_tracking_alarm_name(p.resource, TargetTrackingAlarm::High),
                        name,
                    ),
                    target_tracking: true,
                });
            }
            if !disable_scale_in
                && now >= st.in_until
                && alarm_low(*metric, *target).in_alarm(p.series)
            {
                let to = target_tracking_capacity(current, latest, *target);
                return Some(Proposal {
                    policy: p.index,
                    to,
                    cause: alarm_cause(
                        &target_tracking_alarm_name(p.resource, TargetTrackingAlarm::Low),
                        name,
                    ),
                    target_tracking: true,
                });
            }
            None
        }
        PolicyKind::Step {
            alarm,
            adjustment_type,
            steps,
            min_adjustment_magnitude,
            ..
        } => {
            if !alarm.in_alarm(p.series) {
                return None;
            }
            let breach = p.series.last()?.value - alarm.threshold;
            let adj = select_step(steps, breach, alarm.comparison.fires_above())?;
            let in_cooldown = in_out_cooldown || now < st.in_until;
            // A cooldown begun by a scale-in gives way to a scale-out at once (API
            // StepScalingPolicyConfiguration, Cooldown): from the count now, not from the one
            // before that scale-in (review: 6 → 5, then +2 asked for 8).
            let base = if in_cooldown && !st.step_scaled_in {
                st.out_base
            } else {
                current
            };
            let to = apply_adjustment(*adjustment_type, base, adj, *min_adjustment_magnitude);
            if in_cooldown && to <= current {
                // Cooling down: only a larger scale-out (the difference) goes ahead.
                return None;
            }
            Some(Proposal {
                policy: p.index,
                to,
                cause: alarm_cause(&step_alarm_name(name), name),
                target_tracking: false,
            })
        }
    }
}

/// What Application Auto Scaling does with a tick's proposals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decision {
    /// The proposal it acts on, if any.
    pub chosen: Option<Proposal>,
    /// A scale-in was held back because a deployment is in progress.
    pub scale_in_suspended: bool,
}

/// Chooses among the proposals of one service's policies (in policy order): the largest
/// scale-out; else, when every voting target tracking policy (`voters` of them) agrees, the
/// smallest reduction, unless a deployment is in progress. Ties go to the earlier policy.
pub fn choose(
    proposals: Vec<Proposal>,
    current: u32,
    voters: usize,
    deployment_in_progress: bool,
) -> Decision {
    let (outs, mut ins): (Vec<Proposal>, Vec<Proposal>) = proposals
        .into_iter()
        .filter(|p| p.to != current)
        .partition(|p| p.to > current);
    let best = |v: Vec<Proposal>| v.into_iter().max_by_key(|p| (p.to, usize::MAX - p.policy));
    if !outs.is_empty() {
        return Decision {
            chosen: best(outs),
            scale_in_suspended: false,
        };
    }
    if ins.iter().filter(|p| p.target_tracking).count() < voters {
        // A scale-in-enabled target tracking policy that does not agree keeps the others from
        // scaling in.
        ins.retain(|p| !p.target_tracking);
    }
    if !ins.is_empty() && deployment_in_progress {
        return Decision {
            chosen: None,
            scale_in_suspended: true,
        };
    }
    Decision {
        chosen: best(ins),
        scale_in_suspended: false,
    }
}

/// The chosen policy's cooldowns after it moved the desired count from `current` to `to`.
pub fn start_cooldown(kind: &PolicyKind, st: &mut PolicyState, now: Millis, current: u32, to: u32) {
    match kind {
        PolicyKind::TargetTracking {
            scale_out_cooldown_ms,
            scale_in_cooldown_ms,
            ..
        } => {
            if to > current {
                if now >= st.out_until {
                    st.out_base = current;
                }
                st.out_until = now + scale_out_cooldown_ms;
                st.in_until = now;
            } else {
                st.in_until = now + scale_in_cooldown_ms;
            }
        }
        PolicyKind::Step { cooldown_ms, .. } => {
            if now >= st.out_until || st.step_scaled_in {
                st.out_base = current;
            }
            st.out_until = now + cooldown_ms;
            st.in_until = now + cooldown_ms;
            st.step_scaled_in = to < current;
        }
    }
}

/// A scale-out (by any policy of the scalable target) ends every scale-in cooldown under way:
/// API *StepScalingPolicyConfiguration* (Cooldown): "if another alarm triggers a scale-out
/// activity during the cooldown period after a scale-in activity, Application Auto Scaling
/// scales out the target immediately. In this case, the cooldown period for the scale-in
/// activity stops and doesn't complete"; *TargetTrackingScalingPolicyConfiguration*
/// (ScaleInCooldown) says the same. Until 2026-12-06 only the policy that scaled out ended its
/// own, so a step pair scaled in a cooldown late after a spike.
pub fn end_scale_in_cooldown(kind: &PolicyKind, st: &mut PolicyState, now: Millis) {
    match kind {
        PolicyKind::TargetTracking { .. } => st.in_until = st.in_until.min(now),
        PolicyKind::Step { .. } if st.step_scaled_in => {
            st.in_until = st.in_until.min(now);
            st.out_until = st.out_until.min(now);
            st.step_scaled_in = false;
        }
        PolicyKind::Step { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::autoscaling::alarm::{Alarm, Comparison};
    use crate::autoscaling::step::{AdjustmentType, StepAdjustment};

    fn tracking(target: f64, disable_scale_in: bool) -> ScalingPolicy {
        ScalingPolicy {
            name: "cpu50".into(),
            service: 0,
            kind: PolicyKind::TargetTracking {
                metric: MetricName::CPUUtilization,
                target,
                scale_out_cooldown_ms: 300_000,
                scale_in_cooldown_ms: 300_000,
                disable_scale_in,
            },
        }
    }

    fn series(values: &[f64]) -> Vec<Datapoint> {
        values
            .iter()
            .enumerate()
            .map(|(i, &value)| Datapoint {
                at: (i as u64 + 1) * 60_000,
                value,
            })
            .collect()
    }

    fn at<'a>(
        policy: &'a ScalingPolicy,
        s: &'a [Datapoint],
        state: PolicyState,
    ) -> PolicyAtTick<'a> {
        PolicyAtTick {
            index: 0,
            policy,
            state,
            series: s,
            resource: "service/default/web",
            running: 4,
        }
    }

    fn proposal(policy: usize, to: u32, target_tracking: bool) -> Proposal {
        Proposal {
            policy,
            to,
            cause: String::new(),
            target_tracking,
        }
    }

    #[test]
    fn target_tracking_scales_out_to_the_ceiling_of_n_times_metric_over_target() {
        // DG service-autoscaling-targettracking: 4 tasks at 80% CPU with a 50% target → ⌈6.4⌉ = 7,
        // once AlarmHigh has 3 of 3 datapoints above the target.
        let p = tracking(50.0, false);
        let hot = series(&[80.0, 80.0, 80.0]);
        let pr = propose(at(&p, &hot, PolicyState::default()), 180_000, 4).expect("alarm");
        assert_eq!(pr.to, 7);
        assert!(pr
            .cause
            .contains("TargetTracking-service/default/web-AlarmHigh"));
        // Two datapoints are not enough.
        assert_eq!(
            propose(at(&p, &hot[..2], PolicyState::default()), 120_000, 4),
            None
        );
    }

    #[test]
    fn a_target_tracking_scale_out_during_the_cooldown_needs_a_larger_one() {
        // API TargetTrackingScalingPolicyConfiguration (ScaleOutCooldown): the capacity the
        // first scale-out added counts in the next one. 4 RUNNING tasks at 100 % (the 3 added
        // are not running yet), desired 7: ⌈4 × 100 / 50⌉ = 8 > 7, so it scales out to 8.
        let p = tracking(50.0, false);
        let hot = series(&[100.0, 100.0, 100.0]);
        let cooling = PolicyState {
            out_until: 400_000,
            out_base: 4,
            in_until: 0,
            step_scaled_in: false,
        };
        assert_eq!(
            propose(at(&p, &hot, cooling), 200_000, 7).map(|p| p.to),
            Some(8)
        );
        // 3 RUNNING at 100 %: ⌈3 × 2⌉ = 6, covered by the 7 already asked for.
        let three = PolicyAtTick {
            running: 3,
            ..at(&p, &hot, cooling)
        };
        assert_eq!(propose(three, 200_000, 7), None);
        // Lesson 12 at a 75 % target: 3 tasks, all RUNNING and saturated, desired 3 in the
        // cooldown of the 2 → 3 scale-out: ⌈3 × 100 / 75⌉ = 4 goes ahead (it waited 300 s).
        let p75 = tracking(75.0, false);
        let saturated = PolicyAtTick {
            running: 3,
            ..at(&p75, &hot, cooling)
        };
        assert_eq!(propose(saturated, 200_000, 3).map(|p| p.to), Some(4));
    }

    #[test]
    fn scale_in_waits_for_the_low_alarm_and_never_runs_with_disable_scale_in() {
        // AlarmLow: 15 of 15 datapoints below 90% of the target.
        let cold = series(&[10.0; 15]);
        let p = tracking(50.0, false);
        assert_eq!(
            propose(at(&p, &cold, PolicyState::default()), 900_000, 10).map(|p| p.to),
            Some(2)
        );
        assert_eq!(
            propose(at(&p, &cold[..14], PolicyState::default()), 840_000, 10),
            None
        );
        let off = tracking(50.0, true);
        assert_eq!(
            propose(at(&off, &cold, PolicyState::default()), 900_000, 10),
            None
        );
        assert!(!votes_on_scale_in(&off) && votes_on_scale_in(&p));
    }

    #[test]
    fn a_step_policy_steps_by_its_breach_and_waits_out_its_cooldown() {
        let p = ScalingPolicy {
            name: "step".into(),
            service: 0,
            kind: PolicyKind::Step {
                alarm: Alarm {
                    metric: MetricName::CPUUtilization,
                    comparison: Comparison::GreaterThan,
                    threshold: 60.0,
                    evaluation_periods: 1,
                    datapoints_to_alarm: 1,
                },
                adjustment_type: AdjustmentType::ChangeInCapacity,
                steps: vec![StepAdjustment {
                    lower: Some(0.0),
                    upper: None,
                    adjustment: 2,
                }],
                cooldown_ms: 300_000,
                min_adjustment_magnitude: None,
            },
        };
        let hot = series(&[70.0]);
        assert_eq!(
            propose(at(&p, &hot, PolicyState::default()), 60_000, 4).map(|p| p.to),
            Some(6)
        );
        // In its cooldown, from out_base 4 the step gives 6 again: not above 6, so nothing.
        let cooling = PolicyState {
            out_until: 360_000,
            out_base: 4,
            in_until: 360_000,
            step_scaled_in: false,
        };
        assert_eq!(propose(at(&p, &hot, cooling), 120_000, 6), None);
    }

    #[test]
    fn a_scale_in_step_policy_includes_its_upper_bound_below_the_threshold() {
        // API StepAdjustment, threshold 50: lower -10, upper 0 is "greater than 40 and less
        // than or equal to 50"; 40 itself belongs to the step below it.
        let p = ScalingPolicy {
            name: "cpu-low".into(),
            service: 0,
            kind: PolicyKind::Step {
                alarm: Alarm {
                    metric: MetricName::CPUUtilization,
                    comparison: Comparison::LessThanOrEqual,
                    threshold: 50.0,
                    evaluation_periods: 1,
                    datapoints_to_alarm: 1,
                },
                adjustment_type: AdjustmentType::ChangeInCapacity,
                steps: vec![
                    StepAdjustment {
                        lower: None,
                        upper: Some(-10.0),
                        adjustment: -2,
                    },
                    StepAdjustment {
                        lower: Some(-10.0),
                        upper: Some(0.0),
                        adjustment: -1,
                    },
                ],
                cooldown_ms: 300_000,
                min_adjustment_magnitude: None,
            },
        };
        let to = |metric: f64| {
            propose(
                at(&p, &series(&[metric]), PolicyState::default()),
                60_000,
                6,
            )
            .map(|p| p.to)
        };
        assert_eq!(to(50.0), Some(5));
        assert_eq!(to(45.0), Some(5));
        assert_eq!(to(40.0), Some(4));
    }

    #[test]
    fn the_largest_scale_out_wins_and_scale_in_needs_every_voter() {
        let d = choose(
            vec![proposal(0, 6, true), proposal(1, 9, false)],
            4,
            1,
            false,
        );
        assert_eq!(d.chosen.map(|p| p.to), Some(9));
        // Two voters, only one agrees: the target tracking scale-in is dropped, the step one stays.
        let d = choose(
            vec![proposal(0, 2, true), proposal(1, 3, false)],
            4,
            2,
            false,
        );
        assert_eq!(d.chosen.map(|p| (p.policy, p.to)), Some((1, 3)));
        // Both agree: the smallest reduction (largest target) wins.
        let d = choose(
            vec![proposal(0, 2, true), proposal(1, 3, true)],
            4,
            2,
            false,
        );
        assert_eq!(d.chosen.map(|p| p.to), Some(3));
    }

    #[test]
    fn scale_in_is_suspended_during_a_deployment_but_scale_out_is_not() {
        // DG service-auto-scaling: scale-in is suspended while a deployment is in progress.
        let d = choose(vec![proposal(0, 2, true)], 4, 1, true);
        assert_eq!(
            d,
            Decision {
                chosen: None,
                scale_in_suspended: true
            }
        );
        let d = choose(vec![proposal(0, 8, true)], 4, 1, true);
        assert_eq!(d.chosen.map(|p| p.to), Some(8));
    }

    #[test]
    fn a_target_tracking_scale_out_ends_its_scale_in_cooldown() {
        let p = tracking(50.0, false);
        let mut st = PolicyState::default();
        start_cooldown(&p.kind, &mut st, 60_000, 4, 7);
        assert_eq!(
            st,
            PolicyState {
                out_until: 360_000,
                out_base: 4,
                in_until: 60_000,
                step_scaled_in: false,
            }
        );
        start_cooldown(&p.kind, &mut st, 600_000, 7, 5);
        assert_eq!(st.in_until, 900_000);
        assert_eq!(
            st.out_base, 4,
            "a scale-in does not move the scale-out base"
        );
    }
}
