//! The event queue: events ordered by virtual time, then by the order they were scheduled,
//! so two events at the same millisecond always run in the same order.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::time::Millis;

/// Something that happens at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Event {
    /// A launched EC2 instance finished booting and registers with ECS.
    InstanceRegistered(usize),
    /// A task moves to its next lifecycle state (stale if the epoch moved on).
    TaskAdvance(usize, u32),
    /// A task's essential container exits (stale if the epoch moved on).
    ContainerExit(usize, u32),
    /// A container's health check runs: (task, epoch, container index); stale if the epoch moved on.
    HealthCheck(usize, u32, usize),
    /// The load balancer health-checks a task's target: (task, epoch); stale if the epoch moved on.
    TargetHealthCheck(usize, u32),
    /// The service scheduler looks at a service (after a change; at most one queued).
    Reconcile(usize),
    /// The service scheduler looks at a service at a moment it asked for (a grace period or
    /// throttling ends); one per service and moment.
    SchedulerWake(usize),
    /// The n-th timeline event.
    Timeline(usize),
    /// An Auto Scaling group compares its instances with its desired capacity.
    AsgCheck(usize),
    /// Traffic is sampled (every 10 s) and, on minute boundaries, metrics are recorded; queued
    /// every minute for scenarios with a service, every 10 s with traffic.
    SampleTick,
    /// Cluster auto scaling's minute for Auto Scaling group `a` (managed scaling ENABLED only).
    ManagedScalingTick(usize),
    /// A minute of Fargate Spot: running Spot tasks may be interrupted (`fargateSpot` only).
    SpotTick,
    /// Service Auto Scaling's minute for service `s` (services with a scalable target only).
    ServiceScalingTick(usize),
    /// The n-th scheduled action of Service Auto Scaling.
    ScheduledAction(usize),
}

/// An event in the queue, ordered by one number: its time in the high 64 bits and its
/// sequence in the low 64 (no two entries share a sequence, so the event itself is never
/// compared; a tuple compared field by field cost 7–11 % of a crash loop at the task limit).
#[derive(Debug, Clone, Copy)]
struct Entry {
    key: u128,
    event: Event,
}

impl Entry {
    fn at(&self) -> Millis {
        (self.key >> 64) as Millis
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

/// A min-queue of events by (time, sequence).
#[derive(Debug, Clone, Default)]
pub struct EventQueue {
    heap: BinaryHeap<Reverse<Entry>>,
    next_seq: u64,
}

impl EventQueue {
    /// Schedules `event` at `at`.
    pub fn push(&mut self, at: Millis, event: Event) {
        let key = (u128::from(at) << 64) | u128::from(self.next_seq);
        self.heap.push(Reverse(Entry { key, event }));
        self.next_seq += 1;
    }

    /// Takes the earliest event.
    pub fn pop(&mut self) -> Option<(Millis, Event)> {
        self.heap.pop().map(|Reverse(e)| (e.at(), e.event))
    }

    /// The time of the earliest event.
    pub fn peek_time(&self) -> Option<Millis> {
        self.heap.peek().map(|Reverse(e)| e.at())
    }

    /// Number of events waiting.
    pub fn len(&self) -> usize {
        self.heap.len()
    }

    /// Whether nothing is waiting.
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_time_events_keep_their_scheduling_order() {
        let mut q = EventQueue::default();
        q.push(5, Event::Reconcile(2));
        q.push(1, Event::Timeline(0));
        q.push(5, Event::Reconcile(1));
        assert_eq!(q.pop(), Some((1, Event::Timeline(0))));
        assert_eq!(q.pop(), Some((5, Event::Reconcile(2))));
        assert_eq!(q.pop(), Some((5, Event::Reconcile(1))));
        assert!(q.is_empty());
    }
}
