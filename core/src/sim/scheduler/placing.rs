//! Where a new service task goes: its capacity provider (base and weight, DG
//! cluster-capacity-providers), then an instance through the placement pipeline or a Fargate
//! zone (Fargate spreads a service's tasks across the zones of its subnets, DG task-placement).

use super::super::Sim;
use crate::cluster::{capacity_provider, LaunchTarget, ProviderKind, StrategyItem};
use crate::placement::{self, PlacementRequest, Pool};
use crate::task::LaunchKind;

/// Where one new task should go, resolved before placement.
pub(super) enum Target {
    /// EC2 or external instances from this pool.
    Instances(Pool),
    /// Fargate in this zone (empty: no zone available).
    Fargate(String),
}

impl Sim {
    /// Creates a task of service `s` (choosing its capacity provider) for the current task
    /// definition, recorded against the deployment that starts it.
    pub(super) fn create_service_task(&mut self, s: usize) -> usize {
        let svc = &self.model.services[s];
        let cluster = svc.cluster;
        let td = self.services[s].task_definition;
        let group = format!("service:{}", svc.name);
        let (launch, provider) = match &svc.launch.clone() {
            LaunchTarget::Ec2 => (LaunchKind::Ec2, None),
            LaunchTarget::External => (LaunchKind::External, None),
            LaunchTarget::Fargate => (LaunchKind::Fargate, None),
            LaunchTarget::Strategy(items) => {
                let k = self.choose_provider(s, items);
                let it = &items[k];
                let kind = match it.kind {
                    ProviderKind::Asg(_) => LaunchKind::Ec2,
                    ProviderKind::Fargate => LaunchKind::Fargate,
                    ProviderKind::FargateSpot => LaunchKind::FargateSpot,
                };
                (kind, Some(it.name.clone()))
            }
        };
        let name = format!("ecs-svc/{}", self.model.services[s].name);
        let t = self.new_task(cluster, td, Some(s), group, launch, provider, Some(name));
        // Each task records the deployment that started it.
        self.services[s].deployments.record_start(t);
        // ECS-native blue/green, canary and linear: green tasks register in the alternate
        // target group (see `green_uses_alternate_group`).
        let alternate = self.green_uses_alternate_group(s, t);
        self.choose_target_group(t, alternate);
        t
    }

    /// The strategy item the next task of service `s` goes to (base first, then by weight).
    fn choose_provider(&self, s: usize, items: &[StrategyItem]) -> usize {
        let counts: Vec<u32> = items
            .iter()
            .map(|it| {
                self.service_tasks(s)
                    .iter()
                    .filter(|&&t| {
                        self.tasks[t].capacity_provider.as_deref() == Some(it.name.as_str())
                    })
                    .count() as u32
            })
            .collect();
        capacity_provider::choose(items, &counts).unwrap_or(0)
    }

    /// Where task `t` goes: a pool of instances, or a Fargate zone of `zones`.
    pub(super) fn target_for(&self, t: usize, zones: &[String]) -> Target {
        let task = &self.tasks[t];
        match task.launch {
            LaunchKind::Fargate | LaunchKind::FargateSpot => {
                // Fargate spreads a service's tasks across the zones of its subnets (DG task-placement).
                let mut best: Option<(&String, usize)> = None;
                for z in zones.iter().filter(|z| !self.zones_down.contains(*z)) {
                    let n = self
                        .tasks
                        .iter()
                        .filter(|o| {
                            o.is_active() && o.group == task.group && o.zone.as_ref() == Some(z)
                        })
                        .count();
                    if best.is_none_or(|(_, b)| n < b) {
                        best = Some((z, n));
                    }
                }
                Target::Fargate(best.map(|(z, _)| z.clone()).unwrap_or_default())
            }
            LaunchKind::External => Target::Instances(Pool::External),
            LaunchKind::Ec2 => {
                let pool = match task
                    .capacity_provider
                    .as_deref()
                    .and_then(|p| self.model.asgs.iter().position(|a| a.provider == p))
                {
                    Some(a) => Pool::Asg(a),
                    None => Pool::Ec2,
                };
                Target::Instances(pool)
            }
        }
    }

    /// Places a waiting service task, or records why it cannot be placed. The error carries
    /// ECS's "closest matching" instance and phrase (None: no instances at all).
    pub(super) fn try_place(&mut self, t: usize, s: usize) -> Result<(), Option<(String, String)>> {
        let svc = &self.model.services[s];
        match self.target_for(t, &svc.subnet_zones) {
            Target::Fargate(zone) if zone.is_empty() => {
                self.tasks[t].waiting_reason =
                    Some("no Availability Zone of the task's subnets is available".into());
                Err(None)
            }
            Target::Fargate(zone) => {
                self.bind_to_fargate(t, zone);
                Ok(())
            }
            Target::Instances(pool) => {
                let td = self.tasks[t].task_definition;
                let req = PlacementRequest {
                    cluster: svc.cluster,
                    needs: &self.model.task_definitions[td].needs,
                    group: &self.tasks[t].group,
                    constraints: &svc.constraints,
                    strategies: &svc.strategies,
                    allowed_zones: &svc.subnet_zones,
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
                        self.bind_to_instance(t, i);
                        Ok(())
                    }
                    None => {
                        let closest = outcome.closest().and_then(|v| {
                            v.rejection.as_ref().map(|r| {
                                (
                                    self.instances[v.instance].container_instance_id.clone(),
                                    r.ecs_phrase(),
                                    r.to_string(),
                                )
                            })
                        });
                        self.tasks[t].waiting_reason = Some(match &closest {
                            Some((_, _, detail)) => detail.clone(),
                            None => "no container instances in the cluster".into(),
                        });
                        Err(closest.map(|(ci, phrase, _)| (ci, phrase)))
                    }
                }
            }
        }
    }
}
