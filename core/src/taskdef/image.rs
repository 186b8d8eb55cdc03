//! The scenario's `images` key: how each container image behaves when it runs, the
//! simulator's stand-in for real code (pull time, start-up, crashes, failing health checks).

use serde::{Deserialize, Serialize};

/// How a container image behaves in the simulation: the simulator's stand-in for real code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImageBehaviour {
    /// Seconds to pull the image (default 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pull_seconds: Option<u32>,
    /// Seconds from container start until the application is up (default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_seconds: Option<u32>,
    /// The pull fails (`CannotPullContainerError`): the task never starts.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pull_fails: bool,
    /// The main process exits this many seconds after it starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crash_after_seconds: Option<u32>,
    /// The exit code of that crash (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    /// The container health check command fails.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub health_check_fails: bool,
    /// The process ignores SIGTERM, so stopping waits for `stopTimeout` and then SIGKILL.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ignores_sigterm: bool,
    /// Percent (0–100) of the requests it answers that fail with a 5xx although it passes its
    /// health checks: a release that runs but misbehaves under real traffic, which only an
    /// alarm on the service's errors catches (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_percent: Option<u32>,
}
