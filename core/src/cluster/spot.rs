//! Fargate Spot interruptions (DG fargate-capacity-providers, "Handling Fargate Spot
//! termination notices"): when AWS needs the capacity back, the task gets a two-minute warning,
//! sent as an EventBridge "ECS Task State Change" event with stopCode SpotInterruption, and
//! SIGTERM; SIGKILL follows after the container's stopTimeout (at most 120 s on Fargate). The
//! service scheduler starts a replacement at once; tasks on other providers (the FARGATE base)
//! keep serving.
//!
//! Random interruptions: once a minute each RUNNING FARGATE_SPOT task is interrupted with
//! probability `interruptionsPerHour / 60` (a Bernoulli draw per minute in parts per million,
//! from its own seeded stream; no `exp`).

use crate::metrics::PERIOD_MS;
use crate::service::{LaunchKind, StopCode, TaskStatus};
use crate::sim::log::LogKind;
use crate::sim::queue::Event;
use crate::sim::Sim;

/// API Task.stoppedReason for a Fargate Spot interruption.
pub const SPOT_INTERRUPTED_REASON: &str = "Your Spot Task was interrupted.";
/// Highest accepted `interruptionsPerHour` (one per task-minute, the most a minute tick can do).
pub const MAX_INTERRUPTIONS_PER_HOUR: f64 = 60.0;

/// The per-minute interruption chance of one task, in parts per million.
pub fn per_minute_ppm(interruptions_per_hour: f64) -> u64 {
    let rate = interruptions_per_hour.clamp(0.0, MAX_INTERRUPTIONS_PER_HOUR);
    (rate / 60.0 * 1_000_000.0 + 0.5).floor() as u64
}

impl Sim {
    /// Queues the first Spot minute when the scenario sets a rate above 0.
    pub(crate) fn schedule_spot(&mut self) {
        if self.model.auto_scaling.spot_ppm > 0 {
            self.queue.push(PERIOD_MS, Event::SpotTick);
        }
    }

    /// One minute of Fargate Spot: each RUNNING Spot task may be reclaimed.
    pub(crate) fn spot_tick(&mut self) {
        self.queue.push(self.now + PERIOD_MS, Event::SpotTick);
        let ppm = self.model.auto_scaling.spot_ppm;
        for t in 0..self.tasks.len() {
            let task = &self.tasks[t];
            if task.launch != LaunchKind::FargateSpot
                || task.last_status != TaskStatus::Running
                || task.stop_requested
            {
                continue;
            }
            if self.autoscaling.spot_rng.below(1_000_000) < ppm {
                self.spot_interrupt(t);
            }
        }
    }

    /// The running FARGATE_SPOT tasks of service `s`, oldest first (as the timeline counts them).
    pub fn spot_tasks_of(&self, s: usize) -> Vec<usize> {
        let mut tasks: Vec<usize> = (0..self.tasks.len())
            .filter(|&t| {
                let task = &self.tasks[t];
                task.service == Some(s)
                    && task.launch == LaunchKind::FargateSpot
                    && task.is_active()
                    && task.last_status == TaskStatus::Running
            })
            .collect();
        tasks.sort_by_key(|&t| (self.tasks[t].started_at.unwrap_or(u64::MAX), t));
        tasks
    }

    /// The two-minute warning: the EventBridge event, SIGTERM now (SIGKILL after stopTimeout),
    /// and a replacement from the service scheduler.
    pub(crate) fn spot_interrupt(&mut self, t: usize) {
        let task = &self.tasks[t];
        let td = self.model.task_definitions[task.task_definition].name();
        let text = format!(
            "ECS Task State Change: task {} ({td}) on FARGATE_SPOT, desiredStatus STOPPED, stopCode SpotInterruption, stoppedReason \"{SPOT_INTERRUPTED_REASON}\" (two-minute warning: SIGTERM now, SIGKILL after stopTimeout).",
            task.id
        );
        let service = task.service;
        self.emit(LogKind::Task, service, text);
        self.stop_task(
            t,
            StopCode::SpotInterruption,
            SPOT_INTERRUPTED_REASON.to_string(),
        );
        if let Some(s) = service {
            self.request_reconcile(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interruption_rate_per_hour_becomes_a_per_minute_chance_in_ppm() {
        assert_eq!(per_minute_ppm(0.0), 0);
        assert_eq!(per_minute_ppm(1.0), 16_667);
        assert_eq!(per_minute_ppm(6.0), 100_000);
        assert_eq!(per_minute_ppm(60.0), 1_000_000);
        assert_eq!(per_minute_ppm(500.0), 1_000_000);
    }
}
