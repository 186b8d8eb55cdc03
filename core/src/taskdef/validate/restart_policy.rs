//! A container's `restartPolicy` at registration (API ContainerRestartPolicy):
//! `restartAttemptPeriod` 60–1800 seconds, at most 50 `ignoredExitCodes`.

use super::{container_path, Problem, TaskDefinition};
use crate::taskdef::restart_policy::{
    MAX_IGNORED_EXIT_CODES, MAX_RESTART_ATTEMPT_PERIOD, MIN_RESTART_ATTEMPT_PERIOD,
};

/// Reports a period out of bounds and too many ignored exit codes.
pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    for (i, c) in td.containers().iter().enumerate() {
        let Some(policy) = &c.restart_policy else {
            continue;
        };
        let at = format!("{}.restartPolicy", container_path(i));
        if let Some(p) = policy.restart_attempt_period {
            if !(MIN_RESTART_ATTEMPT_PERIOD..=MAX_RESTART_ATTEMPT_PERIOD).contains(&p) {
                out.push(Problem::new(
                    format!("{at}.restartAttemptPeriod"),
                    format!("restartAttemptPeriod must be from {MIN_RESTART_ATTEMPT_PERIOD} to {MAX_RESTART_ATTEMPT_PERIOD} seconds; got {p}."),
                ));
            }
        }
        if let Some(codes) = &policy.ignored_exit_codes {
            if codes.len() > MAX_IGNORED_EXIT_CODES {
                out.push(Problem::new(
                    format!("{at}.ignoredExitCodes"),
                    format!("You can specify a maximum of {MAX_IGNORED_EXIT_CODES} container exit codes; got {}.", codes.len()),
                ));
            }
        }
    }
}
