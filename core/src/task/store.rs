//! Every task not yet STOPPED plus the newest stopped ones (issue #10: a crash loop of 5,000
//! Fargate tasks started 60,000 tasks in ten simulated minutes and kept every one, about 0.7 KB
//! each, for ever).
//!
//! Task ids are handed out in creation order and never reused, so an id the page or a report
//! holds keeps naming the same task; once that task has been dropped, [`TaskStore::get`] says
//! so (`None`) instead of naming another one. ECS itself keeps a stopped task describable for
//! at least an hour (API DescribeTasks: "Recently stopped tasks might appear in the returned
//! results"); the playground keeps the newest [`STOPPED_TASKS_KEPT`], which is what the CLI's
//! `--json` report, the task list and the explain panel show.

use super::Task;
use std::collections::VecDeque;
use std::ops::{Index, IndexMut, Range};

/// Stopped tasks kept, newest first: as many as `--json` lists (its history says when it left
/// older ones out).
pub const STOPPED_TASKS_KEPT: usize = 1_000;

/// The tasks of a run, by id.
#[derive(Debug, Clone)]
pub struct TaskStore {
    /// Id of `slots[0]`; slots before it were dropped (and so were all their tasks).
    first: usize,
    /// One slot per id from `first` on; `None` once the task was dropped. Boxed so a slot
    /// pinned behind an old live task costs a pointer, not a task.
    slots: VecDeque<Option<Box<Task>>>,
    /// Stopped tasks still kept, in the order they stopped.
    stopped: VecDeque<usize>,
    /// How many stopped tasks to keep.
    stopped_kept: usize,
    /// Tasks kept (the `Some` slots).
    kept: usize,
    /// Stopped tasks dropped so far.
    dropped: u64,
    /// The tasks the last [`TaskStore::stopped`] dropped, for its caller to read.
    gone: Vec<(usize, Box<Task>)>,
    /// Boxes of dropped tasks, reused by [`TaskStore::push`] (at most [`SPARE_BOXES`]): a
    /// crash loop drops one task for each it starts, and allocating and freeing a box per task
    /// showed in its profile.
    #[allow(clippy::vec_box)] // The boxes themselves are what is kept, to be reused.
    spare: Vec<Box<Task>>,
}

/// Boxes of dropped tasks kept for new ones.
const SPARE_BOXES: usize = 1_024;

impl Default for TaskStore {
    fn default() -> Self {
        TaskStore::with_stopped_kept(STOPPED_TASKS_KEPT)
    }
}

impl TaskStore {
    /// A store that keeps the newest `stopped_kept` stopped tasks (tests use small bounds to
    /// show that dropping stopped tasks changes no decision).
    pub fn with_stopped_kept(stopped_kept: usize) -> TaskStore {
        TaskStore {
            first: 0,
            slots: VecDeque::new(),
            stopped: VecDeque::new(),
            stopped_kept,
            kept: 0,
            dropped: 0,
            gone: Vec::new(),
            spare: Vec::new(),
        }
    }

    /// Keeps the newest `n` stopped tasks from the next stop on.
    pub fn set_stopped_kept(&mut self, n: usize) {
        self.stopped_kept = n;
    }

    /// The id the next task gets: every task ever created has an id below it.
    pub fn next_id(&self) -> usize {
        self.first + self.slots.len()
    }

    /// The ids that may still be kept, ascending; loops that may stop tasks walk these and
    /// skip the ones [`TaskStore::get`] no longer has.
    pub fn ids(&self) -> Range<usize> {
        self.first..self.next_id()
    }

    /// Adds a task; returns its id. A dropped task's box is reused, and so is its buffer of
    /// container health (emptied).
    pub fn push(&mut self, task: Task) -> usize {
        let t = self.next_id();
        let boxed = match self.spare.pop() {
            Some(mut boxed) => {
                let mut health = std::mem::take(&mut boxed.container_health);
                health.clear();
                *boxed = task;
                if boxed.container_health.is_empty() {
                    boxed.container_health = health;
                }
                boxed
            }
            None => Box::new(task),
        };
        self.slots.push_back(Some(boxed));
        self.kept += 1;
        t
    }

    /// Task `t`, unless it was dropped (or never existed).
    pub fn get(&self, t: usize) -> Option<&Task> {
        self.slots.get(t.checked_sub(self.first)?)?.as_deref()
    }

    /// Task `t` to change, unless it was dropped (or never existed).
    pub fn get_mut(&mut self, t: usize) -> Option<&mut Task> {
        self.slots
            .get_mut(t.checked_sub(self.first)?)?
            .as_deref_mut()
    }

    /// Every kept task with its id, ascending (= creation order).
    pub fn iter(&self) -> impl Iterator<Item = (usize, &Task)> + '_ {
        let first = self.first;
        self.slots
            .iter()
            .enumerate()
            .filter_map(move |(k, s)| s.as_deref().map(|task| (first + k, task)))
    }

    /// Every kept task, ascending by id.
    pub fn values(&self) -> impl Iterator<Item = &Task> + '_ {
        self.slots.iter().filter_map(|s| s.as_deref())
    }

    /// Tasks held in memory now.
    pub fn kept(&self) -> usize {
        self.kept
    }

    /// Stopped tasks dropped so far; `next_id() - kept() == dropped()`.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    /// Task `t` has just STOPPED: it joins the kept history, and the oldest stopped tasks
    /// beyond the bound are dropped and returned (id and task) so their owner can forget
    /// other references to them. A task `pinned` says is still needed (the circuit breaker has
    /// not judged it yet) is kept and looked at again at a later stop.
    pub fn stopped(
        &mut self,
        t: usize,
        pinned: impl Fn(usize, &Task) -> bool,
    ) -> &[(usize, Box<Task>)] {
        // The tasks the previous call returned are gone for good now: their boxes are reused.
        for (_, task) in self.gone.drain(..) {
            if self.spare.len() < SPARE_BOXES {
                self.spare.push(task);
            }
        }
        self.stopped.push_back(t);
        let gone = &mut self.gone;
        let mut looked = 0;
        while self.stopped.len() > self.stopped_kept && looked < self.stopped.len() {
            looked += 1;
            let Some(old) = self.stopped.pop_front() else {
                break;
            };
            let Some(slot) = old
                .checked_sub(self.first)
                .and_then(|k| self.slots.get_mut(k))
            else {
                continue;
            };
            if slot.as_deref().is_some_and(|task| pinned(old, task)) {
                self.stopped.push_back(old);
                continue;
            }
            if let Some(task) = slot.take() {
                self.kept -= 1;
                self.dropped += 1;
                // Boxed as kept: moving ~0.7 KB out of the box per dropped task showed in the
                // crash loop's profile.
                gone.push((old, task));
            }
        }
        while matches!(self.slots.front(), Some(None)) {
            self.slots.pop_front();
            self.first += 1;
        }
        &self.gone
    }
}

impl Index<usize> for TaskStore {
    type Output = Task;

    /// Task `t`. The engine only indexes tasks it still references, and it forgets a task
    /// everywhere when the store drops it; views use [`TaskStore::get`].
    fn index(&self, t: usize) -> &Task {
        match self.get(t) {
            Some(task) => task,
            None => panic!("task {t} is not kept (engine bug: a dropped task is referenced)"),
        }
    }
}

impl IndexMut<usize> for TaskStore {
    fn index_mut(&mut self, t: usize) -> &mut Task {
        match self.get_mut(t) {
            Some(task) => task,
            None => panic!("task {t} is not kept (engine bug: a dropped task is referenced)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::LaunchKind;

    fn task(n: u32) -> Task {
        Task::provisioning(
            format!("{n:032x}").into(),
            "g".into(),
            LaunchKind::Fargate,
            0,
        )
    }

    #[test]
    fn ids_are_never_reused_and_only_the_newest_stopped_tasks_are_kept() {
        let mut store = TaskStore::with_stopped_kept(2);
        let ids: Vec<usize> = (0..5).map(|n| store.push(task(n))).collect();
        assert_eq!(ids, vec![0, 1, 2, 3, 4]);
        assert!(store.stopped(1, |_, _| false).is_empty());
        assert!(store.stopped(3, |_, _| false).is_empty());
        let gone = store.stopped(0, |_, _| false);
        assert_eq!(gone.len(), 1);
        assert_eq!(
            gone[0].0, 1,
            "the oldest stopped one goes, not the oldest id"
        );
        assert!(store.get(1).is_none());
        assert_eq!(
            store.get(0).map(|t| t.id.to_string()),
            Some(format!("{:032x}", 0))
        );
        assert_eq!(store.kept(), 4);
        assert_eq!(store.dropped(), 1);
        assert!(store.stopped(4, |_, _| false).len() == 1 && store.get(3).is_none());
        // Task 0 goes next: the front of the store moves past ids 0 and 1.
        store.stopped(2, |_, _| false);
        assert!(store.get(0).is_none());
        assert_eq!(store.ids(), 2..5);
        assert_eq!(
            store.push(task(5)),
            5,
            "a new task never takes a dropped id"
        );
        let kept: Vec<usize> = store.iter().map(|(t, _)| t).collect();
        assert_eq!(kept, vec![2, 4, 5]);
        assert_eq!(
            store.next_id() as u64 - store.kept() as u64,
            store.dropped()
        );
    }

    #[test]
    fn a_new_task_in_a_dropped_tasks_box_is_the_new_task_with_empty_container_health() {
        let mut store = TaskStore::with_stopped_kept(0);
        let old = store.push(task(7));
        store[old].container_health = vec![(crate::task::HealthStatus::Unhealthy, 3); 2];
        assert_eq!(store.stopped(old, |_, _| false).len(), 1);
        // The next stop hands the dropped box over for reuse.
        let other = store.push(task(8));
        assert!(store.stopped(other, |_, _| false).len() == 1);
        let new = store.push(task(9));
        assert_eq!(new, 2, "ids are still new");
        assert_eq!(store[new].id.to_string(), format!("{:032x}", 9));
        assert!(store[new].container_health.is_empty());
        assert!(store.get(old).is_none());
        assert_eq!(store.kept(), 1);
    }

    #[test]
    fn a_pinned_stopped_task_stays_until_it_is_no_longer_needed() {
        let mut store = TaskStore::with_stopped_kept(0);
        let a = store.push(task(0));
        let b = store.push(task(1));
        assert!(store.stopped(a, |t, _| t == a).is_empty(), "still needed");
        let gone: Vec<usize> = store
            .stopped(b, |t, _| t == a)
            .iter()
            .map(|g| g.0)
            .collect();
        assert_eq!(gone, vec![b]);
        let gone: Vec<usize> = store.stopped(b, |_, _| false).iter().map(|g| g.0).collect();
        assert_eq!(gone, vec![a], "dropped once nothing needs it");
        assert_eq!((store.kept(), store.dropped()), (0, 2));
    }
}
