//! Health check bounds (API HealthCheck).

use super::{container_path, Problem, TaskDefinition};

/// (JSON key, minimum, maximum, unit) for each numeric HealthCheck field, per the API.
const BOUNDS: [(&str, i64, i64, &str); 4] = [
    ("interval", 5, 300, " seconds"),
    ("timeout", 2, 60, " seconds"),
    ("retries", 1, 10, ""),
    ("startPeriod", 0, 300, " seconds"),
];

pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    for (i, c) in td.containers().iter().enumerate() {
        let Some(hc) = c.health_check.as_ref() else {
            continue;
        };
        let here = format!("{}.healthCheck", container_path(i));
        match hc.command.as_deref() {
            None | Some([]) => out.push(Problem::new(
                format!("{here}.command"),
                "healthCheck.command must not be empty: start it with CMD or CMD-SHELL.",
            )),
            Some([first, ..]) if first != "CMD" && first != "CMD-SHELL" => out.push(Problem::new(
                format!("{here}.command[0]"),
                format!("healthCheck.command must start with CMD (run the arguments directly) or CMD-SHELL (run in the container's shell), not \"{first}\"."),
            )),
            Some(_) => {}
        }
        let values = [hc.interval, hc.timeout, hc.retries, hc.start_period];
        for ((key, min, max, unit), v) in BOUNDS.iter().zip(values) {
            if let Some(v) = v.filter(|v| !(*min..=*max).contains(v)) {
                out.push(Problem::new(
                    format!("{here}.{key}"),
                    format!("healthCheck {key} must be between {min} and {max}{unit}; got {v}."),
                ));
            }
        }
    }
}
