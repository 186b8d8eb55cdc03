//! A container's `restartPolicy` (API ContainerRestartPolicy; DG container-restart-policy):
//! ECS restarts a container that exits, in place, instead of replacing the task — but only one
//! that has run at least `restartAttemptPeriod` seconds since it last started, and never for an
//! exit code in `ignoredExitCodes`.

use crate::time::Millis;
use serde::{Deserialize, Serialize};

/// "By default, a container must run for 300 seconds before it can be restarted."
pub const DEFAULT_RESTART_ATTEMPT_PERIOD: i64 = 300;
/// "You can set a minimum restartAttemptPeriod of 60 seconds".
pub const MIN_RESTART_ATTEMPT_PERIOD: i64 = 60;
/// "… and a maximum restartAttemptPeriod of 1800 seconds".
pub const MAX_RESTART_ATTEMPT_PERIOD: i64 = 1800;
/// "You can specify a maximum of 50 container exit codes."
pub const MAX_IGNORED_EXIT_CODES: usize = 50;

/// `restartPolicy` as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContainerRestartPolicy {
    /// Whether the policy is on (required).
    pub enabled: bool,
    /// Exit codes that are not restarted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ignored_exit_codes: Option<Vec<i64>>,
    /// Seconds a container must run before it may be restarted (60–1800, default 300).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restart_attempt_period: Option<i64>,
}

/// An enabled policy as the engine applies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestartRule {
    /// How long the container must have run since it last started, ms.
    pub period_ms: Millis,
    /// Exit codes it is not restarted for.
    pub ignored_exit_codes: Vec<i64>,
}

impl ContainerRestartPolicy {
    /// The rule the engine applies, or None when the policy is off.
    pub fn rule(&self) -> Option<RestartRule> {
        self.enabled.then(|| RestartRule {
            period_ms: self
                .restart_attempt_period
                .unwrap_or(DEFAULT_RESTART_ATTEMPT_PERIOD)
                .clamp(MIN_RESTART_ATTEMPT_PERIOD, MAX_RESTART_ATTEMPT_PERIOD)
                as Millis
                * 1000,
            ignored_exit_codes: self.ignored_exit_codes.clone().unwrap_or_default(),
        })
    }
}

/// What happens when a container with a restart rule exits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnExit {
    /// ECS restarts it in place; the task runs on.
    Restarts,
    /// Its exit code is in `ignoredExitCodes`: not restarted.
    IgnoredCode,
    /// It ran less than `restartAttemptPeriod` since it last started: not restarted.
    TooSoon,
}

impl RestartRule {
    /// Whether a container that ran `ran_ms` since it last started and exited with `code` is
    /// restarted (API ContainerRestartPolicy: "If a container isn't able to run for this time
    /// period and exits early, it will not be restarted").
    pub fn on_exit(&self, ran_ms: Millis, code: i64) -> OnExit {
        if self.ignored_exit_codes.contains(&code) {
            OnExit::IgnoredCode
        } else if ran_ms < self.period_ms {
            OnExit::TooSoon
        } else {
            OnExit::Restarts
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(period: Option<i64>, ignored: Option<Vec<i64>>) -> ContainerRestartPolicy {
        ContainerRestartPolicy {
            enabled: true,
            ignored_exit_codes: ignored,
            restart_attempt_period: period,
        }
    }

    #[test]
    fn a_container_that_ran_the_period_is_restarted_and_one_that_exits_early_is_not() {
        let rule = policy(None, None).rule().expect("enabled");
        assert_eq!(rule.period_ms, 300_000, "the default period");
        assert_eq!(rule.on_exit(299_999, 1), OnExit::TooSoon);
        assert_eq!(rule.on_exit(300_000, 1), OnExit::Restarts);
        let rule = policy(Some(60), Some(vec![0, 2])).rule().expect("enabled");
        assert_eq!(rule.on_exit(90_000, 1), OnExit::Restarts);
        assert_eq!(rule.on_exit(90_000, 0), OnExit::IgnoredCode);
        assert_eq!(rule.on_exit(30_000, 2), OnExit::IgnoredCode);
    }

    #[test]
    fn a_disabled_policy_has_no_rule() {
        let off = ContainerRestartPolicy {
            enabled: false,
            ..policy(Some(60), None)
        };
        assert_eq!(off.rule(), None);
    }
}
