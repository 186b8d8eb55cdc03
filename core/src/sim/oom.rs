//! Out-of-memory kills: a task whose modelled memory passes its hard limit is stopped with exit 137.

use super::lifecycle::ESSENTIAL_EXITED;
use super::Sim;
use crate::sim::log::LogKind;
use crate::task::stopped_reason;
use crate::task::{ContainerExit, ExitReason, StopCode};
use crate::traffic::oom::OOM_EXIT_CODE;

impl Sim {
    /// Kills task `t`'s container for using `used_mib` MiB, above its limit.
    pub(crate) fn out_of_memory(&mut self, t: usize, used_mib: f64, limit_mib: u32) {
        if self.tasks[t].stop_requested {
            return;
        }
        let text = format!(
            "{ESSENTIAL_EXITED}{} exited with code {OOM_EXIT_CODE}: {} ({used_mib:.0} MiB used, hard limit {limit_mib} MiB).",
            self.tasks[t].id,
            stopped_reason::OUT_OF_MEMORY,
        );
        let service = self.tasks[t].service;
        let log_index = self.next_log_number();
        self.emit(LogKind::Task, service, text);
        if let Some(s) = service {
            // For proven advice (`container-out-of-memory`): no draw, no log or trace line.
            self.record_fact(|f| &mut f.out_of_memory, s, log_index);
        }
        // The others, if any, are stopped as after any essential exit (`exit_ms`).
        // The traffic model's memory is the task's; the container killed is taken to be its
        // first essential one, the application (chosen: the model has no per-container load).
        let needs = &self.model.task_definitions[self.tasks[t].task_definition].needs;
        let container = needs
            .containers
            .iter()
            .position(|c| c.essential)
            .unwrap_or(0);
        self.tasks[t].exit = Some(ContainerExit::new(
            container,
            ExitReason::OutOfMemory,
            i32::try_from(OOM_EXIT_CODE).unwrap_or(137),
        ));
        self.stop_task(
            t,
            StopCode::EssentialContainerExited,
            stopped_reason::ESSENTIAL_CONTAINER_EXITED.to_string(),
        );
    }
}
