//! RunTask: standalone tasks are placed at once, copy by copy. A copy that fits nowhere is a
//! failure (RunTask returns it in `failures[]` instead of a task), unless its capacity provider
//! has managed scaling: then it waits in PROVISIONING for capacity (DG standalone-tasks).
//! Fargate copies spread across the zones of their subnets (DG task-placement).

use super::super::Sim;
use super::placing::{launch_of, NewTask, Unplaced};
use crate::cluster::{capacity_provider, LaunchTarget};
use crate::sim::log::LogKind;
use crate::task::LaunchKind;
use crate::time::Millis;
use std::sync::Arc;

/// One RunTask call and what it returned: the tasks it started (placed, or waiting in
/// PROVISIONING for managed scaling) and a failure per copy it could not start (API RunTask:
/// `tasks[]` and `failures[]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunTaskCall {
    /// When it was called.
    pub at: Millis,
    /// The RunTask (index into the model's `run_tasks`).
    pub run_task: usize,
    /// The tasks it started (indices into the simulation's tasks; a stopped one may since
    /// have been dropped, see [`crate::task::store`]).
    pub tasks: Vec<usize>,
    /// Their task IDs, same order, kept for the report after a task is dropped.
    pub task_ids: Vec<String>,
    /// A failure per copy not started.
    pub failures: Vec<RunTaskFailure>,
}

/// One entry of RunTask's `failures[]` (API Failure).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunTaskFailure {
    /// The closest matching container instance's ID, when ECS names one (the ARN is built
    /// from it); None when there is none to blame.
    pub container_instance_id: Option<String>,
    /// ECS's reason (`RESOURCE:MEMORY`, `RESOURCE:CPU`, …; DG api_failures_messages).
    pub reason: String,
    /// The simulator's explanation (the API leaves `detail` undocumented).
    pub detail: String,
}

impl Sim {
    /// Calls RunTask `r` now (the top-level `tasks[]` at time 0, or a timeline `runTask`) and
    /// records what it returned.
    pub(crate) fn run_task(&mut self, r: usize) {
        let mut call = RunTaskCall {
            at: self.now,
            run_task: r,
            tasks: Vec::new(),
            task_ids: Vec::new(),
            failures: Vec::new(),
        };
        for _ in 0..self.model.run_tasks[r].count {
            let (launch, provider) = self.run_task_destination(r);
            match self.run_one_copy(r, launch, provider) {
                Ok(t) => {
                    call.tasks.push(t);
                    call.task_ids.push(self.tasks[t].id.to_string());
                }
                Err(why) => {
                    let family =
                        self.model.task_definitions[self.model.run_tasks[r].task_definition].name();
                    self.emit(
                        LogKind::Action,
                        None,
                        format!("RunTask {family} failed: {}", why.failure_reason),
                    );
                    call.failures.push(RunTaskFailure {
                        container_instance_id: why.closest.map(|(id, _)| id),
                        reason: why.failure_reason,
                        detail: why.detail,
                    });
                }
            }
        }
        self.run_task_calls.push(call);
    }

    /// A copy's launch type, or the capacity provider the strategy gives next (base first,
    /// then by weight, counting the group's active tasks per provider).
    fn run_task_destination(&self, r: usize) -> (LaunchKind, Option<String>) {
        let rt = &self.model.run_tasks[r];
        match &rt.launch {
            LaunchTarget::Ec2 => (LaunchKind::Ec2, None),
            LaunchTarget::External => (LaunchKind::External, None),
            LaunchTarget::Fargate => (LaunchKind::Fargate, None),
            LaunchTarget::Strategy(items) => {
                let counts: Vec<u32> = items
                    .iter()
                    .map(|it| {
                        self.tasks
                            .iter()
                            .map(|(_, t)| t)
                            .filter(|t| {
                                t.is_active()
                                    && *t.group == *rt.group
                                    && t.capacity_provider.as_deref() == Some(it.name.as_str())
                            })
                            .count() as u32
                    })
                    .collect();
                let it = &items[capacity_provider::choose(items, &counts).unwrap_or(0)];
                (launch_of(it), Some(it.name.clone()))
            }
        }
    }

    /// Starts one copy of RunTask `r`: the task, or why it failed.
    fn run_one_copy(
        &mut self,
        r: usize,
        launch: LaunchKind,
        provider: Option<String>,
    ) -> Result<usize, Unplaced> {
        let (placer, rng) = self.placer();
        let rt = &placer.model.run_tasks[r];
        let request = NewTask {
            cluster: rt.cluster,
            task_definition: rt.task_definition,
            group: &rt.group,
            launch,
            capacity_provider: provider.as_deref(),
            zones: &rt.subnet_zones,
            constraints: &rt.constraints,
            strategies: &rt.strategies,
        };
        let found = placer.find_place(&request, rng);
        let waits = found.is_err() && self.provider_waits_for_capacity(provider.as_deref());
        if let (Err(why), false) = (&found, waits) {
            return Err(why.clone());
        }
        let rt = &self.model.run_tasks[r];
        let (cluster, task_definition) = (rt.cluster, rt.task_definition);
        let group = Arc::from(rt.group.as_str());
        let started_by = rt.started_by.as_deref().map(Arc::from);
        let t = self.new_task(
            cluster,
            task_definition,
            None,
            group,
            launch,
            provider,
            started_by,
        );
        match found {
            Ok(place) => self.bind(t, place),
            Err(why) => {
                self.tasks[t].waiting_reason = Some(why.detail);
                self.rewatch(t);
                self.waiting_standalone.insert(t, r);
            }
        }
        Ok(t)
    }
}
