//! The deployment records of one service and which deployment each of its tasks belongs to.

use super::tally::Tally;
use crate::time::Millis;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// `status` of a deployment (API Deployment): the newest is PRIMARY, older ones still running
/// tasks are ACTIVE, finished ones INACTIVE.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DeploymentStatus {
    /// The most recent deployment.
    Primary,
    /// An older deployment whose tasks are being replaced.
    Active,
    /// Replaced completely.
    Inactive,
}

/// `rolloutState` (API Deployment): IN_PROGRESS until the service is steady (COMPLETED) or the
/// circuit breaker gives up (FAILED).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RolloutState {
    /// Tasks are being replaced.
    InProgress,
    /// The service reached a steady state on this deployment.
    Completed,
    /// The circuit breaker tripped; no new tasks launch for it.
    Failed,
}

/// One deployment of a service.
#[derive(Debug, Clone)]
pub struct Deployment {
    /// `ecs-svc/` and 19 digits.
    pub id: String,
    /// PRIMARY, ACTIVE or INACTIVE.
    pub status: DeploymentStatus,
    /// The task definition it deploys (index into the model).
    pub task_definition: usize,
    /// IN_PROGRESS, COMPLETED or FAILED.
    pub rollout_state: RolloutState,
    /// ECS's sentence for the rollout state.
    pub rollout_state_reason: String,
    /// `createdAt`, ms.
    pub created_at: Millis,
    /// `updatedAt`, ms.
    pub updated_at: Millis,
    /// `failedTasks`: the circuit breaker's failure count.
    pub failed_tasks: u32,
    /// The deployment create-service made (it completes without a service event, so runs
    /// without deployments keep their event log).
    pub initial: bool,
    /// Started by the circuit breaker's rollback (a failed rollback does not roll back again).
    pub rollback: bool,
    /// Stage 2 of the circuit breaker: one of its tasks has reached RUNNING (deployment alarms
    /// are watched from then on too).
    pub reached_running: bool,
    /// When a rolling update watching alarms first reached a steady state: its bake time runs
    /// from here (see `deployment::alarms`).
    pub bake_from: Option<Millis>,
    /// When it became COMPLETED or FAILED (`updatedAt` moves on when it later turns INACTIVE,
    /// and a chart marker at `updatedAt` put a failure after the rollback it caused).
    pub finished_at: Option<Millis>,
    /// Stopped tasks the circuit breaker has already judged.
    pub(crate) judged: BTreeSet<usize>,
    /// Tasks that have counted as healthy once (each resets the failure count once).
    pub(crate) healthy_seen: BTreeSet<usize>,
    /// Traffic shifting (blue/green, canary, linear); None for a rolling update.
    pub shift: Option<super::shift::TrafficShift>,
}

impl Deployment {
    /// Green's share of production traffic in tenths of a percent, for a traffic-shifting
    /// deployment (None for a rolling update); a FAILED one has sent traffic back to blue.
    pub fn production_traffic_tenths(&self) -> Option<u32> {
        let sh = self.shift.as_ref()?;
        Some(if self.rollout_state == RolloutState::Failed {
            0
        } else {
            sh.green_tenths()
        })
    }

    /// A new IN_PROGRESS deployment (API Deployment: "ECS deployment <id> in progress.").
    pub fn new(id: String, task_definition: usize, now: Millis) -> Deployment {
        Deployment {
            rollout_state_reason: super::messages::in_progress_reason(&id),
            id,
            status: DeploymentStatus::Primary,
            task_definition,
            rollout_state: RolloutState::InProgress,
            created_at: now,
            updated_at: now,
            failed_tasks: 0,
            initial: false,
            rollback: false,
            reached_running: false,
            bake_from: None,
            finished_at: None,
            judged: BTreeSet::new(),
            healthy_seen: BTreeSet::new(),
            shift: None,
        }
    }
}

/// Every deployment of a service, oldest first (the last one is PRIMARY), and the deployment
/// each task counts for, indexed both ways, with each deployment's counts by task state.
///
/// The membership is changed only through this type's methods, so the two directions and the
/// counts cannot drift apart (the invariant checker compares them with a recount after every
/// step in test builds: [`ServiceDeployments::check_index`]).
#[derive(Debug, Clone, Default)]
pub struct ServiceDeployments {
    /// Oldest first; never shortened, so indices stay valid.
    pub list: Vec<Deployment>,
    /// Task index → index in `list`.
    task_deployment: BTreeMap<usize, usize>,
    /// Index in `list` → its tasks, ascending (= creation order): what a deployment's own
    /// questions read instead of walking every task of the service.
    members: BTreeMap<usize, BTreeSet<usize>>,
    /// Index in `list` → its tasks' counts by state, kept as they change (see
    /// [`ServiceDeployments::task_changed`]).
    tallies: BTreeMap<usize, Tally>,
}

impl ServiceDeployments {
    /// The deployment create-service starts.
    pub fn created(id: String, task_definition: usize) -> ServiceDeployments {
        let mut d = Deployment::new(id, task_definition, 0);
        d.initial = true;
        ServiceDeployments {
            list: vec![d],
            ..ServiceDeployments::default()
        }
    }

    /// Index of the PRIMARY deployment (the newest), if any.
    pub fn primary(&self) -> Option<usize> {
        self.list.len().checked_sub(1)
    }

    /// Whether task `t` belongs to the PRIMARY deployment; every other task is replaced.
    pub fn is_primary_task(&self, t: usize) -> bool {
        self.primary().is_some() && self.task_deployment.get(&t).copied() == self.primary()
    }

    /// The deployment task `t` counts for, if any.
    pub fn deployment_of(&self, t: usize) -> Option<usize> {
        self.task_deployment.get(&t).copied()
    }

    /// Every task that counts for one of the deployments, ascending.
    pub fn tasks(&self) -> impl Iterator<Item = usize> + '_ {
        self.task_deployment.keys().copied()
    }

    /// Records that the PRIMARY deployment started task `t`, which counts as `now` says (its
    /// state as it is created).
    pub fn record_start(&mut self, t: usize, now: Tally) {
        if let Some(p) = self.primary() {
            self.assign(t, p, now);
        }
    }

    /// Task `t` (counting as `now`) moves to deployment `k`: a new deployment of the revision
    /// it runs adopts it ([`crate::sim::Sim`]'s `start_deployment`).
    pub fn move_task(&mut self, t: usize, k: usize, now: Tally) {
        self.unassign(t, now);
        self.assign(t, k, now);
    }

    /// Task `t`'s state changed: it counted as `before` and counts as `after` now.
    pub fn task_changed(&mut self, t: usize, before: Tally, after: Tally) {
        if before == after {
            return;
        }
        if let Some(k) = self.deployment_of(t) {
            let tally = self.tallies.entry(k).or_default();
            tally.sub(before);
            tally.add(after);
            if tally.is_empty() {
                // Only deployments with something to count keep an entry (so the map stays as
                // small as the deployments with live tasks, and equals a recount).
                self.tallies.remove(&k);
            }
        }
    }

    /// Forgets task `t` (a stopped task the engine no longer keeps, so it counts in no tally):
    /// it counts for no deployment, and no circuit breaker remembers judging it.
    pub fn forget_task(&mut self, t: usize) {
        self.unassign(t, Tally::default());
        for d in &mut self.list {
            d.judged.remove(&t);
            d.healthy_seen.remove(&t);
        }
    }

    fn assign(&mut self, t: usize, k: usize, now: Tally) {
        self.task_deployment.insert(t, k);
        self.members.entry(k).or_default().insert(t);
        if !now.is_empty() {
            self.tallies.entry(k).or_default().add(now);
        }
    }

    fn unassign(&mut self, t: usize, now: Tally) {
        let Some(k) = self.task_deployment.remove(&t) else {
            return;
        };
        if let Some(m) = self.members.get_mut(&k) {
            m.remove(&t);
            if m.is_empty() {
                self.members.remove(&k);
            }
        }
        if let Some(tally) = self.tallies.get_mut(&k) {
            tally.sub(now);
            if tally.is_empty() {
                self.tallies.remove(&k);
            }
        }
    }

    /// Answers [`ServiceDeployments::is_primary_task`] for tasks asked about in ascending order
    /// by walking the PRIMARY deployment's set alongside them: a merge, O(n + m) for n questions,
    /// where a lookup each was O(n log m) and most of a scheduler pass (issue #10).
    pub fn primary_cursor(&self) -> PrimaryCursor<'_> {
        PrimaryCursor {
            members: self
                .primary()
                .and_then(|p| self.members.get(&p))
                .map(|m| m.iter().peekable()),
        }
    }

    /// The tasks that count for deployment `d`, in creation order.
    pub fn tasks_of(&self, d: usize) -> Vec<usize> {
        self.members_of(d).collect()
    }

    /// The tasks that count for deployment `d`, in creation order, without collecting them.
    pub fn members_of(&self, d: usize) -> impl Iterator<Item = usize> + '_ {
        self.members.get(&d).into_iter().flatten().copied()
    }

    /// Deployment `d`'s task counts (running, pending, active).
    pub fn tally(&self, d: usize) -> Tally {
        self.tallies.get(&d).copied().unwrap_or_default()
    }

    /// Whether a deployment other than the PRIMARY one still has active tasks (read from the
    /// counts, not by walking the tasks).
    pub fn older_tasks_active(&self) -> bool {
        let p = self.primary();
        self.tallies
            .iter()
            .any(|(&k, tally)| Some(k) != p && tally.active > 0)
    }

    /// Compares the index with a recount from the task → deployment map, each task counting as
    /// `tally_of` says (None: the task is not kept, an engine bug). For the invariant checker.
    pub fn check_index(&self, tally_of: impl Fn(usize) -> Option<Tally>) -> Result<(), String> {
        let mut members: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        let mut tallies: BTreeMap<usize, Tally> = BTreeMap::new();
        for (&t, &k) in &self.task_deployment {
            let Some(now) = tally_of(t) else {
                return Err(format!("deployment {k} counts task {t}, which is not kept"));
            };
            members.entry(k).or_default().insert(t);
            tallies.entry(k).or_default().add(now);
        }
        tallies.retain(|_, t| !t.is_empty());
        if members != self.members {
            return Err("the per-deployment task sets drifted from a recount".into());
        }
        if tallies != self.tallies {
            return Err(format!(
                "the per-deployment task counts drifted from a recount: kept {:?}, recounted {tallies:?}",
                self.tallies
            ));
        }
        Ok(())
    }
}

/// See [`ServiceDeployments::primary_cursor`].
#[derive(Debug)]
pub struct PrimaryCursor<'a> {
    members: Option<std::iter::Peekable<std::collections::btree_set::Iter<'a, usize>>>,
}

impl PrimaryCursor<'_> {
    /// Whether task `t` belongs to the PRIMARY deployment; `t` must be above every task asked
    /// about before (a smaller one gets false).
    pub fn is_primary(&mut self, t: usize) -> bool {
        let Some(members) = self.members.as_mut() else {
            return false;
        };
        while let Some(&&m) = members.peek() {
            if m >= t {
                return m == t;
            }
            members.next();
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_deployment_is_primary_and_owns_the_tasks_it_starts() {
        let mut ds = ServiceDeployments::created("ecs-svc/1".into(), 0);
        let new = Tally::of(crate::task::TaskStatus::Provisioning, false);
        ds.record_start(5, new);
        assert!(ds.is_primary_task(5));
        ds.list.push(Deployment::new("ecs-svc/2".into(), 1, 60_000));
        assert!(!ds.is_primary_task(5));
        ds.record_start(9, new);
        assert_eq!(ds.tasks_of(1), vec![9]);
        assert_eq!(ds.tasks_of(0), vec![5]);
        assert_eq!(
            ds.list[1].rollout_state_reason,
            "ECS deployment ecs-svc/2 in progress."
        );
    }

    /// The per-deployment sets and counts equal a recount after any sequence of the changes the
    /// engine makes (start, state change, stop request, adoption by a new deployment, forgetting
    /// a stopped task), driven by a fixed pseudo-random sequence.
    #[test]
    fn the_per_deployment_index_equals_a_recount_after_random_changes() {
        use crate::task::TaskStatus as S;
        const FLOW: [S; 8] = [
            S::Provisioning,
            S::Pending,
            S::Activating,
            S::Running,
            S::Deactivating,
            S::Stopping,
            S::Deprovisioning,
            S::Stopped,
        ];
        // Task → (status, stop requested), as the engine keeps it.
        let mut tasks: BTreeMap<usize, (S, bool)> = BTreeMap::new();
        let mut ds = ServiceDeployments::created("ecs-svc/0".into(), 0);
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        let mut next_id = 0;
        for step in 0..5_000 {
            let ids: Vec<usize> = tasks.keys().copied().collect();
            let pick = |r: u64| ids.get(r as usize % ids.len().max(1)).copied();
            match next(6) {
                0 | 1 => {
                    tasks.insert(next_id, (S::Provisioning, false));
                    ds.record_start(next_id, Tally::of(S::Provisioning, false));
                    next_id += 1;
                }
                2 => {
                    if let Some(t) = pick(next(1 << 20)) {
                        let (st, stop) = tasks[&t];
                        let k = FLOW.iter().position(|&f| f == st).unwrap_or(0);
                        let to = FLOW[(k + 1).min(FLOW.len() - 1)];
                        tasks.insert(t, (to, stop));
                        ds.task_changed(t, Tally::of(st, stop), Tally::of(to, stop));
                    }
                }
                3 => {
                    if let Some(t) = pick(next(1 << 20)) {
                        let (st, stop) = tasks[&t];
                        tasks.insert(t, (st, true));
                        ds.task_changed(t, Tally::of(st, stop), Tally::of(st, true));
                    }
                }
                4 => {
                    if next(10) == 0 {
                        let n = ds.list.len();
                        ds.list
                            .push(Deployment::new(format!("ecs-svc/{n}"), 0, step));
                    }
                    let k = next(ds.list.len() as u64) as usize;
                    if let Some(t) = pick(next(1 << 20)) {
                        let (st, stop) = tasks[&t];
                        ds.move_task(t, k, Tally::of(st, stop));
                    }
                }
                _ => {
                    if let Some(t) = pick(next(1 << 20)).filter(|t| tasks[t].0 == S::Stopped) {
                        tasks.remove(&t);
                        ds.forget_task(t);
                    }
                }
            }
            let recount = |t: usize| tasks.get(&t).map(|&(st, stop)| Tally::of(st, stop));
            let mut cursor = ds.primary_cursor();
            for t in 0..next_id + 2 {
                assert_eq!(cursor.is_primary(t), ds.is_primary_task(t), "task {t}");
            }
            assert_eq!(ds.check_index(recount), Ok(()), "after step {step}");
            for k in 0..ds.list.len() {
                let mut by_hand = Tally::default();
                for t in ds.tasks_of(k) {
                    by_hand.add(recount(t).unwrap_or_default());
                    assert_eq!(ds.deployment_of(t), Some(k));
                }
                assert_eq!(ds.tally(k), by_hand, "deployment {k} after step {step}");
            }
            let p = ds.primary();
            let by_hand = tasks.iter().any(|(&t, &(st, stop))| {
                ds.deployment_of(t) != p && Tally::of(st, stop).active > 0
            });
            assert_eq!(ds.older_tasks_active(), by_hand);
        }
        assert!(next_id > 1_000, "the sequence exercised many tasks");
    }
}
