//! Fargate Spot at run time: interruptions (the two-minute warning, SIGTERM) drawn each minute from the Spot stream.

use super::Sim;
use crate::cluster::spot::SPOT_INTERRUPTED_REASON;
use crate::metrics::PERIOD_MS;
use crate::sim::log::LogKind;
use crate::sim::queue::Event;
use crate::task::{LaunchKind, StopCode, TaskStatus};

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
        for t in self.tasks.ids() {
            // An interruption may drop older stopped tasks from the store.
            let Some(task) = self.tasks.get(t) else {
                continue;
            };
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
        let mut tasks: Vec<usize> = self
            .live_tasks_of_service(s)
            .filter(|&t| {
                let task = &self.tasks[t];
                task.launch == LaunchKind::FargateSpot
                    && task.is_active()
                    && task.last_status == TaskStatus::Running
            })
            .collect();
        crate::order::sort_by_key(&mut tasks, |&t| {
            (self.tasks[t].started_at.unwrap_or(u64::MAX), t)
        });
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
        // The stop takes effect (stopCode SpotInterruption) unless one was already requested.
        let interrupts = task.is_active();
        let log_index = self.next_log_number();
        self.emit(LogKind::Task, service, text);
        if let (Some(s), true) = (service, interrupts) {
            if self.spot_runs.len() <= s {
                self.spot_runs.resize_with(s + 1, Default::default);
            }
            self.spot_runs[s].record(self.now);
        }
        self.stop_task(
            t,
            StopCode::SpotInterruption,
            SPOT_INTERRUPTED_REASON.to_string(),
        );
        if let Some(s) = service {
            self.note_spot_shortfall(s, log_index);
            self.request_reconcile(s);
        }
    }
}
