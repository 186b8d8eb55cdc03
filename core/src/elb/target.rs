//! One registered target and its health as the load balancer sees it (ALB User Guide,
//! target-group-health-checks): `initial` after registration; "after your target is
//! registered, it must pass one health check to be considered healthy"; `unhealthy` after
//! UnhealthyThresholdCount consecutive failures; an unhealthy target is healthy again after
//! HealthyThresholdCount consecutive successes ("required before considering an unhealthy
//! target healthy"); `draining` after deregistration until the delay is over.

use crate::time::Millis;
use serde::Serialize;

/// `TargetHealth.State` of a registered target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TargetHealthState {
    /// Registered; not enough health checks yet (`Elb.RegistrationInProgress` /
    /// `Elb.InitialHealthChecking`).
    Initial,
    /// Passed HealthyThresholdCount checks in a row; receives traffic.
    Healthy,
    /// Failed UnhealthyThresholdCount checks in a row (`Target.FailedHealthChecks`).
    Unhealthy,
    /// Deregistered; in-flight requests finish during the deregistration delay.
    Draining,
}

impl TargetHealthState {
    /// The state as `describe-target-health` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Initial => "initial",
            Self::Healthy => "healthy",
            Self::Unhealthy => "unhealthy",
            Self::Draining => "draining",
        }
    }
}

/// A task's target in a target group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The target group (index into the model's target groups).
    pub group: usize,
    /// Its state.
    pub state: TargetHealthState,
    /// Passing checks in a row.
    pub successes: u32,
    /// Failing checks in a row.
    pub failures: u32,
    /// The port the load balancer sends traffic to (host port in bridge mode).
    pub port: u16,
    /// While `draining`: when the task goes on from DEACTIVATING, at the end of the target
    /// group's deregistration delay (a Spot interruption's one second instead). The page
    /// counts down to it on the task's chip, so the delay can be watched passing.
    pub draining_until: Option<Millis>,
}

impl Target {
    /// A newly registered target: `initial`, no checks yet.
    pub fn registered(group: usize, port: u16) -> Self {
        Self {
            group,
            state: TargetHealthState::Initial,
            successes: 0,
            failures: 0,
            port,
            draining_until: None,
        }
    }

    /// Records one health check; returns the new state if it changed. A draining target
    /// keeps draining whatever the checks say.
    pub fn record(
        &mut self,
        passed: bool,
        healthy: u32,
        unhealthy: u32,
    ) -> Option<TargetHealthState> {
        if self.state == TargetHealthState::Draining {
            return None;
        }
        let next = if passed {
            self.failures = 0;
            self.successes += 1;
            // A new target needs one passing check; an unhealthy one HealthyThresholdCount.
            let needed = if self.state == TargetHealthState::Initial {
                1
            } else {
                healthy
            };
            (self.successes >= needed).then_some(TargetHealthState::Healthy)
        } else {
            self.successes = 0;
            self.failures += 1;
            (self.failures >= unhealthy).then_some(TargetHealthState::Unhealthy)
        };
        match next {
            Some(s) if s != self.state => {
                self.state = s;
                Some(s)
            }
            _ => None,
        }
    }
}

/// Requests cut when a draining target's deregistration delay ends: those still in flight.
/// ALB User Guide, *Deregistration delay*: the load balancer stops sending the target new
/// requests and waits the delay "which can help in-flight requests to the target to
/// complete"; what the delay does not cover is cut, and the client gets a 5xx from the load
/// balancer (the playground counts them in HTTPCode_ELB_5XX_Count). The target was answering
/// `ok_per_second` requests in `response_millis` each, so by Little's law about
/// `ok_per_second × response_millis / 1000` were in flight, and those started in the last
/// `response_millis − delay_millis` before deregistration are still running when it ends.
pub fn requests_cut_by_deregistration(
    ok_per_second: f64,
    response_millis: f64,
    delay_millis: u64,
) -> f64 {
    let uncovered = (response_millis - delay_millis as f64).max(0.0);
    ok_per_second.max(0.0) * uncovered / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delay_shorter_than_a_request_cuts_the_requests_in_flight() {
        // 60 requests per second of 50 ms: 3 in flight; a 0 s delay cuts them all, 20 ms
        // lets the older part finish, and a delay of a request's length or more cuts none.
        assert_eq!(requests_cut_by_deregistration(60.0, 50.0, 0), 3.0);
        assert!((requests_cut_by_deregistration(60.0, 50.0, 20) - 1.8).abs() < 1e-9);
        assert_eq!(requests_cut_by_deregistration(60.0, 50.0, 50), 0.0);
        assert_eq!(requests_cut_by_deregistration(60.0, 50.0, 5_000), 0.0);
        assert_eq!(requests_cut_by_deregistration(0.0, 50.0, 0), 0.0);
    }

    #[test]
    fn new_target_must_pass_one_health_check_to_be_healthy() {
        let mut t = Target::registered(0, 80);
        assert_eq!(t.record(true, 5, 2), Some(TargetHealthState::Healthy));
        assert_eq!(t.record(true, 5, 2), None);
    }

    #[test]
    fn unhealthy_target_needs_healthy_threshold_count_consecutive_successes() {
        let mut t = Target::registered(0, 80);
        t.record(false, 5, 2);
        assert_eq!(t.record(false, 5, 2), Some(TargetHealthState::Unhealthy));
        for _ in 0..4 {
            assert_eq!(t.record(true, 5, 2), None);
        }
        assert_eq!(t.state, TargetHealthState::Unhealthy);
        assert_eq!(t.record(true, 5, 2), Some(TargetHealthState::Healthy));
    }

    #[test]
    fn healthy_target_unhealthy_after_unhealthy_threshold_count_consecutive_failures() {
        let mut t = Target::registered(0, 80);
        t.record(true, 5, 2);
        assert_eq!(t.record(false, 5, 2), None);
        assert_eq!(t.state, TargetHealthState::Healthy);
        assert_eq!(t.record(false, 5, 2), Some(TargetHealthState::Unhealthy));
    }

    #[test]
    fn a_success_resets_the_failure_streak() {
        let mut t = Target::registered(0, 80);
        t.record(true, 5, 2);
        t.record(false, 5, 2);
        t.record(true, 5, 2);
        assert_eq!(t.record(false, 5, 2), None);
        assert_eq!(t.state, TargetHealthState::Healthy);
        assert_eq!(t.failures, 1);
    }

    #[test]
    fn initial_target_failing_becomes_unhealthy() {
        let mut t = Target::registered(0, 80);
        t.record(false, 5, 2);
        assert_eq!(t.record(false, 5, 2), Some(TargetHealthState::Unhealthy));
    }

    #[test]
    fn draining_target_ignores_checks() {
        let mut t = Target::registered(0, 80);
        t.state = TargetHealthState::Draining;
        assert_eq!(t.record(true, 2, 2), None);
        assert_eq!(t.record(true, 2, 2), None);
        assert_eq!(t.state, TargetHealthState::Draining);
    }
}
