//! Container health checks (API `HealthCheck`) and their documented defaults.

use serde::{Deserialize, Serialize};

/// Default seconds between checks (API HealthCheck.interval).
pub const DEFAULT_INTERVAL: u32 = 30;
/// Default seconds before one check counts as failed (API HealthCheck.timeout).
pub const DEFAULT_TIMEOUT: u32 = 5;
/// Default consecutive failures before UNHEALTHY (API HealthCheck.retries).
pub const DEFAULT_RETRIES: u32 = 3;

/// A command the container runs to report its health (API `HealthCheck`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HealthCheck {
    /// `["CMD", ...]` to run directly or `["CMD-SHELL", "..."]` to run in the shell.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    /// Seconds between checks, 5–300 (default 30).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval: Option<i64>,
    /// Seconds to wait for one check, 2–60 (default 5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout: Option<i64>,
    /// Failures in a row before the container is UNHEALTHY, 1–10 (default 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retries: Option<i64>,
    /// Grace seconds after start in which failures do not count, 0–300 (off by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_period: Option<i64>,
}

/// Clamps a validated value into u32 (values out of range are reported by `validate`).
fn seconds(v: Option<i64>, default: u32) -> u32 {
    v.and_then(|x| u32::try_from(x).ok()).unwrap_or(default)
}

impl HealthCheck {
    /// Seconds between checks; 30 when omitted.
    pub fn interval_seconds(&self) -> u32 {
        seconds(self.interval, DEFAULT_INTERVAL)
    }
    /// Seconds before a check times out; 5 when omitted.
    pub fn timeout_seconds(&self) -> u32 {
        seconds(self.timeout, DEFAULT_TIMEOUT)
    }
    /// Consecutive failures before UNHEALTHY; 3 when omitted.
    pub fn retries_count(&self) -> u32 {
        seconds(self.retries, DEFAULT_RETRIES)
    }
    /// Grace period in seconds; 0 (off) when omitted.
    pub fn start_period_seconds(&self) -> u32 {
        seconds(self.start_period, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn health_check_defaults_are_30s_5s_3_retries_no_start_period() {
        let h = HealthCheck::default();
        assert_eq!(h.interval_seconds(), 30);
        assert_eq!(h.timeout_seconds(), 5);
        assert_eq!(h.retries_count(), 3);
        assert_eq!(h.start_period_seconds(), 0);
        let h = HealthCheck {
            interval: Some(10),
            ..Default::default()
        };
        assert_eq!(h.interval_seconds(), 10);
    }
}
