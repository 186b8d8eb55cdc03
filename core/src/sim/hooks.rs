//! The few questions one subsystem asks another, answered in one place so the deployment,
//! load-balancing, traffic and auto-scaling code can change independently.
//!
//! Owners: `deployment_in_progress` and `deployment_traffic_weight` belong to the deployment
//! code; `routable_targets` and `target_healthy` to the load-balancer code. The traffic model
//! and Service Auto Scaling only call them.

use super::Sim;
use crate::task::{HealthStatus, TaskStatus};

impl Sim {
    /// Whether a deployment of the service is still rolling out: Service Auto Scaling does not
    /// scale in while one is (DG service-auto-scaling: "scale-in is suspended during
    /// deployments").
    ///
    /// In progress: the PRIMARY deployment (other than the one create-service made) is still
    /// IN_PROGRESS, or tasks of an older deployment are still running. Owner: the deployment
    /// code.
    pub fn deployment_in_progress(&self, s: usize) -> bool {
        let ds = &self.services[s].deployments;
        let primary_rolling = ds.primary().is_some_and(|p| {
            let d = &ds.list[p];
            !d.initial && d.rollout_state == crate::deployment::RolloutState::InProgress
        });
        // Older deployments' active tasks, from their counts (issue #10: this walked every
        // task the service had kept, stopped ones included).
        primary_rolling || ds.older_tasks_active()
    }

    /// The tasks that receive the service's requests now, each with a relative weight
    /// (a blue/green listener splits by target group; within one, targets share evenly).
    ///
    /// With a load balancer: the healthy registered targets of each target group (never
    /// `initial` or `draining` ones). When a group has only unhealthy targets, the ALB fails open
    /// and routes to all of them (ALB User Guide target-group-health-checks: "If a target group
    /// contains only unhealthy registered targets, the load balancer routes requests to all
    /// those targets"). Without one: the RUNNING tasks that are not UNHEALTHY.
    /// Each weight is `deployment_traffic_weight(t) × 1000 / n`, n being the routable tasks of
    /// its target group, so one group's weights add up to about its percent × 1000.
    pub fn routable_targets(&self, s: usize) -> Vec<(usize, u32)> {
        use crate::elb::TargetHealthState as H;
        let live = |t: usize| {
            let task = &self.tasks[t];
            task.service == Some(s)
                && task.last_status == TaskStatus::Running
                && !task.stop_requested
        };
        let state = |t: usize| self.tasks[t].target.as_ref().map(|x| x.state);
        let mut healthy_in: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
        let own: Vec<usize> = self.live_tasks_of_service(s).collect();
        for t in own.iter().copied().filter(|&t| live(t)) {
            if let (Some(g), Some(H::Healthy)) = (self.tasks[t].target_group, state(t)) {
                healthy_in.insert(g);
            }
        }
        let routable: Vec<usize> = own
            .iter()
            .copied()
            .filter(|&t| live(t))
            .filter(|&t| match self.tasks[t].target_group {
                None => self.tasks[t].health != HealthStatus::Unhealthy,
                Some(g) => match state(t) {
                    Some(H::Healthy) => true,
                    Some(H::Unhealthy) => !healthy_in.contains(&g),
                    _ => false,
                },
            })
            .collect();
        self.split_evenly(routable, |t| self.tasks[t].target_group)
    }

    /// Each task's weight when each side (its `side`: a target group, a deployment) shares its
    /// traffic weight evenly among its tasks: `deployment_traffic_weight(t) × 1000 / n`, n being
    /// the tasks on its side.
    fn split_evenly(
        &self,
        tasks: Vec<usize>,
        side: impl Fn(usize) -> Option<usize>,
    ) -> Vec<(usize, u32)> {
        let mut per_side: std::collections::BTreeMap<Option<usize>, u32> =
            std::collections::BTreeMap::new();
        for &t in &tasks {
            *per_side.entry(side(t)).or_default() += 1;
        }
        tasks
            .into_iter()
            .map(|t| {
                let n = per_side.get(&side(t)).copied().unwrap_or(1).max(1);
                (t, self.deployment_traffic_weight(t) * 1000 / n)
            })
            .collect()
    }
}

impl Sim {
    /// The tasks of service `s` registered in its Cloud Map service, healthy first: ECS
    /// registers a task while it is RUNNING and sets its Cloud Map health from the task's state
    /// and its container health checks, never from a load balancer (DG service-discovery:
    /// "Amazon ECS uses information from container and health checks, as well as your task
    /// state"; "service discovery traffic is always routed to the task and not the load
    /// balancer"). Returns (healthy, unhealthy). Owner: the discovery code.
    pub fn registry_endpoints(&self, s: usize) -> (Vec<usize>, Vec<usize>) {
        let (mut healthy, mut unhealthy) = (Vec::new(), Vec::new());
        for t in self.live_tasks_of_service(s) {
            let task = &self.tasks[t];
            if task.last_status != TaskStatus::Running || task.stop_requested {
                continue;
            }
            if task.health == HealthStatus::Unhealthy {
                unhealthy.push(t);
            } else {
                healthy.push(t);
            }
        }
        (healthy, unhealthy)
    }

    /// The endpoints a Service Connect proxy routes service `s`'s calls to, each with a weight:
    /// the healthy registered tasks ([`Sim::registry_endpoints`]), evenly; during a traffic
    /// shift its percent split evenly among each deployment's tasks (as
    /// [`Sim::routable_targets`] splits a target group's), so the shares follow the step
    /// whatever each side's task count (review).
    pub fn service_connect_endpoints(&self, s: usize) -> Vec<(usize, u32)> {
        let healthy = self.registry_endpoints(s).0;
        if !healthy.iter().any(|&t| self.shift_weight(t).is_some()) {
            return healthy
                .into_iter()
                .map(|t| (t, self.deployment_traffic_weight(t)))
                .collect();
        }
        let ds = &self.services[s].deployments;
        self.split_evenly(healthy, |t| ds.deployment_of(t))
    }

    /// Whether the load balancer sees the task's target as healthy (true when the service has
    /// no load balancer). A deployment counts a task with a target as healthy only once its
    /// target is (DG deployment-type-ecs). Owner: the load-balancer code.
    pub fn target_healthy(&self, t: usize) -> bool {
        let task = &self.tasks[t];
        task.target_group.is_none() || task.target_is_healthy()
    }

    /// The share of production traffic a task's deployment receives, percent (a blue/green,
    /// canary or linear deployment shifts it; a rolling one leaves every task at 100).
    /// Owner: the deployment code.
    ///
    /// During a shift the PRIMARY (green) deployment has the current step's share and the one
    /// it replaces (blue) the rest; tasks of a FAILED traffic-shifting deployment get none, so a
    /// rolled-back green stops receiving traffic at once. A FAILED rolling update's tasks are
    /// registered in the production target group like any other, so the load balancer keeps
    /// sending them requests until they are deregistered.
    pub fn deployment_traffic_weight(&self, t: usize) -> u32 {
        if let Some(w) = self.shift_weight(t) {
            return w;
        }
        let failed = self.tasks[t].service.is_some_and(|s| {
            let ds = &self.services[s].deployments;
            ds.deployment_of(t).is_some_and(|k| {
                ds.list[k].rollout_state == crate::deployment::RolloutState::Failed
                    && ds.list[k].shift.is_some()
            })
        });
        if failed {
            0
        } else {
            100
        }
    }
}
