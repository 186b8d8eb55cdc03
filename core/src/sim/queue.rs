//! The event queue: events ordered by virtual time, then by the order they were scheduled,
//! so two events at the same millisecond always run in the same order.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

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

/// An event scheduled before the last time taken (never done by the engine today), ordered by
/// one number: its time in the high 64 bits and its sequence in the low 64 (no two share a
/// sequence, so the event itself is never compared).
#[derive(Debug, Clone, Copy)]
struct LateEntry {
    key: u128,
    event: Event,
}

impl PartialEq for LateEntry {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for LateEntry {}

impl PartialOrd for LateEntry {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for LateEntry {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

/// An event waiting in a bucket, with its time.
#[derive(Debug, Clone, Copy)]
struct Entry {
    at: Millis,
    event: Event,
}

/// Buckets of the radix queue: bucket `i` (1..=64) holds the times whose highest bit
/// differing from the last time taken is bit `i - 1` (index 0 is unused: events at that very
/// time wait in `current`).
const BUCKETS: usize = 65;

/// A min-queue of events by time, then scheduling order, as a radix heap on the time: the
/// simulation only ever schedules at or after the time it has reached, so the times taken only
/// grow, and a bucket per highest differing bit gives the earliest time without the binary
/// heap's scattered reads (its sift-down over a crash loop's 60,000 waiting events was an
/// eighth of the run, nearly all cache misses).
///
/// Events of one time stay in scheduling order without a sequence number: they always share a
/// bucket (the bucket depends only on the time and the last time taken), a bucket is appended
/// to in scheduling order, and moving a bucket's events down keeps their order. (Keyed by time
/// and sequence, as before, every event also moved down once per bit of the sequence: a tenth
/// of a crash loop's instructions.) An event scheduled before the last time taken (never done
/// today) waits in `late` and still comes out in order.
#[derive(Debug, Clone)]
pub struct EventQueue {
    /// Events at `last`, in scheduling order.
    current: VecDeque<Event>,
    /// The other events, by the highest bit of their time differing from `last`.
    buckets: Vec<Vec<Entry>>,
    /// Each bucket's earliest time (meaningful only while the bucket is not empty).
    mins: Vec<Millis>,
    /// Which buckets hold events: bit `i - 1` for bucket `i`.
    filled: u64,
    /// The last time taken (0 before the first).
    last: Millis,
    /// Events scheduled before `last`, in a binary heap by time and sequence.
    late: BinaryHeap<Reverse<LateEntry>>,
    len: usize,
    next_seq: u64,
}

impl Default for EventQueue {
    fn default() -> Self {
        EventQueue {
            current: VecDeque::new(),
            buckets: vec![Vec::new(); BUCKETS],
            mins: vec![0; BUCKETS],
            filled: 0,
            last: 0,
            late: BinaryHeap::new(),
            len: 0,
            next_seq: 0,
        }
    }
}

/// The bucket of time `at` relative to the last time taken (0 when equal).
fn bucket_of(at: Millis, last: Millis) -> usize {
    (64 - (at ^ last).leading_zeros()) as usize
}

impl EventQueue {
    /// Schedules `event` at `at`.
    pub fn push(&mut self, at: Millis, event: Event) {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.len += 1;
        if at < self.last {
            let key = (u128::from(at) << 64) | u128::from(seq);
            self.late.push(Reverse(LateEntry { key, event }));
        } else {
            self.file(Entry { at, event });
        }
    }

    /// Puts `entry` (at or after `last`) where it waits: `current` or its bucket.
    fn file(&mut self, entry: Entry) {
        let b = bucket_of(entry.at, self.last);
        if b == 0 {
            self.current.push_back(entry.event);
            return;
        }
        let bit = 1u64 << (b - 1);
        if self.filled & bit == 0 {
            self.filled |= bit;
            self.mins[b] = entry.at;
        } else if entry.at < self.mins[b] {
            self.mins[b] = entry.at;
        }
        self.buckets[b].push(entry);
    }

    /// The first bucket holding events: it holds the earliest time of the buckets.
    fn first_filled(&self) -> Option<usize> {
        (self.filled != 0).then(|| self.filled.trailing_zeros() as usize + 1)
    }

    /// Takes the earliest event.
    pub fn pop(&mut self) -> Option<(Millis, Event)> {
        // Everything late is before `last`, so before everything else.
        if let Some(Reverse(e)) = self.late.pop() {
            self.len -= 1;
            return Some(((e.key >> 64) as Millis, e.event));
        }
        if self.current.is_empty() {
            let b = self.first_filled()?;
            // The bucket's earliest time becomes `last`; its events at that time join
            // `current` (in order) and every other one differs from it in a lower bit, so it
            // moves to a lower bucket (in order).
            self.last = self.mins[b];
            self.filled &= !(1u64 << (b - 1));
            let mut moving = std::mem::take(&mut self.buckets[b]);
            for e in &moving {
                self.file(*e);
            }
            // Keep the bucket's capacity for the events that will land in it again.
            moving.clear();
            self.buckets[b] = moving;
        }
        let event = self.current.pop_front()?;
        self.len -= 1;
        Some((self.last, event))
    }

    /// The time of the earliest event.
    pub fn peek_time(&self) -> Option<Millis> {
        if let Some(Reverse(e)) = self.late.peek() {
            return Some((e.key >> 64) as Millis);
        }
        if !self.current.is_empty() {
            return Some(self.last);
        }
        self.first_filled().map(|b| self.mins[b])
    }

    /// Number of events waiting.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing is waiting.
    pub fn is_empty(&self) -> bool {
        self.len == 0
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

    /// What the queue must give: every event in (time, scheduling order), as a sorted list
    /// of (time, sequence) would.
    fn reference_order(ops: &[(bool, u64)]) -> Vec<Vec<(Millis, Event)>> {
        let mut waiting: Vec<(Millis, u64)> = Vec::new();
        let (mut seq, mut now) = (0, 0);
        let mut out = Vec::new();
        for &(is_push, delay) in ops {
            if is_push {
                waiting.push((now + delay, seq));
                seq += 1;
            } else {
                waiting.sort();
                let first = (!waiting.is_empty()).then(|| waiting.remove(0));
                if let Some((t, _)) = first {
                    now = t;
                }
                out.push(
                    first
                        .map(|(t, n)| (t, Event::Timeline(n as usize)))
                        .into_iter()
                        .collect(),
                );
            }
        }
        out
    }

    /// Plays `ops` on the queue (a push after `delay` ms, or a pop), checking `peek_time`
    /// against every pop; returns what each pop gave.
    fn play(
        ops: &[(bool, u64)],
    ) -> Result<Vec<Vec<(Millis, Event)>>, proptest::test_runner::TestCaseError> {
        let mut q = EventQueue::default();
        let mut seq = 0usize;
        let mut got = Vec::new();
        let mut now = 0;
        for &(is_push, delay) in ops {
            if is_push {
                q.push(now + delay, Event::Timeline(seq));
                seq += 1;
            } else {
                let peeked = q.peek_time();
                let popped = q.pop();
                proptest::prop_assert_eq!(peeked, popped.map(|(t, _)| t));
                if let Some((t, _)) = popped {
                    now = t;
                }
                got.push(popped.into_iter().collect::<Vec<_>>());
            }
        }
        Ok(got)
    }

    proptest::proptest! {
        /// Pushes at or after the last time taken and pops, mixed at random: the radix queue
        /// gives exactly the order of a sorted list, and peek_time and len agree with it.
        #[test]
        fn radix_queue_gives_time_then_scheduling_order(
            ops in proptest::collection::vec((proptest::bool::weighted(0.6), 0u64..5_000), 1..400)
        ) {
            proptest::prop_assert_eq!(play(&ops)?, reference_order(&ops));
        }

        /// The same with delays of 0–3 ms, so most events share their time with others: they
        /// still come out in scheduling order (the buckets are keyed by time alone).
        #[test]
        fn radix_queue_keeps_scheduling_order_among_many_ties(
            ops in proptest::collection::vec((proptest::bool::weighted(0.6), 0u64..4), 1..400)
        ) {
            proptest::prop_assert_eq!(play(&ops)?, reference_order(&ops));
        }
    }

    #[test]
    fn an_event_scheduled_before_the_last_one_taken_still_comes_out_in_order() {
        let mut q = EventQueue::default();
        q.push(100, Event::Timeline(0));
        q.push(300, Event::Timeline(1));
        assert_eq!(q.pop(), Some((100, Event::Timeline(0))));
        q.push(50, Event::Timeline(2));
        q.push(200, Event::Timeline(3));
        assert_eq!(q.len(), 3);
        assert_eq!(q.peek_time(), Some(50));
        assert_eq!(q.pop(), Some((50, Event::Timeline(2))));
        assert_eq!(q.pop(), Some((200, Event::Timeline(3))));
        assert_eq!(q.pop(), Some((300, Event::Timeline(1))));
        assert_eq!(q.pop(), None);
        assert!(q.is_empty());
    }
}
