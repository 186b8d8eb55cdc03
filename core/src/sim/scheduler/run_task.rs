//! RunTask: standalone tasks are placed at once, copy by copy; a copy that fits nowhere fails
//! (RunTask reports failures instead of queueing), and Fargate copies spread across the zones of
//! their subnets (DG task-placement).

use super::super::Sim;
use super::placing::Target;
use crate::cluster::{capacity_provider, LaunchTarget, ProviderKind};
use crate::placement::{self, PlacementRequest, Pool};
use crate::sim::log::LogKind;
use crate::task::{LaunchKind, StopCode};

/// Where one copy goes: its launch kind, capacity provider, and instance pool (None: Fargate).
type Destination = (LaunchKind, Option<String>, Option<Pool>);

impl Sim {
    /// Runs the scenario's RunTask `r` at time 0.
    pub(crate) fn run_task(&mut self, r: usize) {
        for _ in 0..self.model.run_tasks[r].count {
            let destination = self.run_task_destination(r);
            self.run_one_copy(r, destination);
        }
    }

    /// A copy's destination: the launch type, or the capacity provider the strategy gives next
    /// (base first, then by weight, counting the group's active tasks per provider).
    fn run_task_destination(&self, r: usize) -> Destination {
        let rt = &self.model.run_tasks[r];
        match &rt.launch {
            LaunchTarget::Ec2 => (LaunchKind::Ec2, None, Some(Pool::Ec2)),
            LaunchTarget::External => (LaunchKind::External, None, Some(Pool::External)),
            LaunchTarget::Fargate => (LaunchKind::Fargate, None, None),
            LaunchTarget::Strategy(items) => {
                let counts: Vec<u32> = items
                    .iter()
                    .map(|it| {
                        self.tasks
                            .iter()
                            .filter(|t| {
                                t.is_active()
                                    && t.group == rt.group
                                    && t.capacity_provider.as_deref() == Some(it.name.as_str())
                            })
                            .count() as u32
                    })
                    .collect();
                let it = &items[capacity_provider::choose(items, &counts).unwrap_or(0)];
                match it.kind {
                    ProviderKind::Asg(a) => {
                        (LaunchKind::Ec2, Some(it.name.clone()), Some(Pool::Asg(a)))
                    }
                    ProviderKind::Fargate => (LaunchKind::Fargate, Some(it.name.clone()), None),
                    ProviderKind::FargateSpot => {
                        (LaunchKind::FargateSpot, Some(it.name.clone()), None)
                    }
                }
            }
        }
    }

    /// Starts one copy of RunTask `r`, or reports why it failed.
    fn run_one_copy(&mut self, r: usize, (launch, provider, pool): Destination) {
        let rt = self.model.run_tasks[r].clone();
        let Some(pool) = pool else {
            let t = self.new_task(
                rt.cluster,
                rt.task_definition,
                None,
                rt.group.clone(),
                launch,
                provider,
                rt.started_by.clone(),
            );
            match self.target_for(t, &rt.subnet_zones) {
                Target::Fargate(zone) if !zone.is_empty() => self.bind_to_fargate(t, zone),
                _ => {
                    self.kill_task(
                        t,
                        Some(StopCode::TaskFailedToStart),
                        "No Availability Zone of the task's subnets is available.".into(),
                    );
                }
            }
            return;
        };
        let req = PlacementRequest {
            cluster: rt.cluster,
            needs: &self.model.task_definitions[rt.task_definition].needs,
            group: &rt.group,
            constraints: &rt.constraints,
            strategies: &rt.strategies,
            allowed_zones: &rt.subnet_zones,
            pool,
        };
        let outcome = placement::place(
            &req,
            &self.instances,
            &self.tasks,
            &self.placement_index,
            &mut self.placement_rng,
        );
        match outcome.chosen {
            Some(i) => {
                let t = self.new_task(
                    rt.cluster,
                    rt.task_definition,
                    None,
                    rt.group.clone(),
                    launch,
                    provider,
                    rt.started_by.clone(),
                );
                self.bind_to_instance(t, i);
            }
            None => {
                let reason = outcome
                    .closest()
                    .and_then(|v| v.rejection.as_ref())
                    .map_or("MISSING".to_string(), |r| r.failure_reason());
                let family = self.model.task_definitions[rt.task_definition].name();
                self.emit(
                    LogKind::Action,
                    None,
                    format!("RunTask {family} failed: {reason}"),
                );
            }
        }
    }
}
