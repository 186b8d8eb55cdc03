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

/// Buckets of the radix queue: bucket 0 holds the key equal to the last key taken, bucket
/// `i` (1..=128) the keys whose highest bit differing from it is bit `i - 1`.
const BUCKETS: usize = 129;

/// A min-queue of events by (time, sequence), as a radix heap: the simulation only ever
/// schedules at or after the time it has reached, so the keys taken only grow, and a bucket per
/// highest differing bit gives the earliest key without the binary heap's scattered reads (its
/// sift-down over a crash loop's 60,000 waiting events was an eighth of the run, nearly all
/// cache misses). Keys are unique, so the order is exactly the (time, sequence) order; a key
/// below the last one taken (never scheduled today) waits in `late` and still comes out in
/// order.
#[derive(Debug, Clone)]
pub struct EventQueue {
    /// The entries, by their highest bit differing from `last`.
    buckets: Vec<Vec<Entry>>,
    /// Each bucket's smallest key (meaningful only while the bucket is not empty).
    mins: Vec<u128>,
    /// Which buckets hold entries: bit `i` of word `i / 64`.
    filled: [u64; 3],
    /// The last key taken (0 before the first).
    last: u128,
    /// Entries scheduled below `last`, in a binary heap.
    late: BinaryHeap<Reverse<Entry>>,
    len: usize,
    next_seq: u64,
}

impl Default for EventQueue {
    fn default() -> Self {
        EventQueue {
            buckets: vec![Vec::new(); BUCKETS],
            mins: vec![0; BUCKETS],
            filled: [0; 3],
            last: 0,
            late: BinaryHeap::new(),
            len: 0,
            next_seq: 0,
        }
    }
}

/// The bucket of `key` relative to the last key taken.
fn bucket_of(key: u128, last: u128) -> usize {
    (128 - (key ^ last).leading_zeros()) as usize
}

impl EventQueue {
    /// Schedules `event` at `at`.
    pub fn push(&mut self, at: Millis, event: Event) {
        let key = (u128::from(at) << 64) | u128::from(self.next_seq);
        self.next_seq += 1;
        self.len += 1;
        let entry = Entry { key, event };
        if key < self.last {
            self.late.push(Reverse(entry));
        } else {
            self.file(entry);
        }
    }

    /// Puts `entry` (at or above `last`) in its bucket.
    fn file(&mut self, entry: Entry) {
        let b = bucket_of(entry.key, self.last);
        if self.filled[b / 64] & (1 << (b % 64)) == 0 {
            self.filled[b / 64] |= 1 << (b % 64);
            self.mins[b] = entry.key;
        } else if entry.key < self.mins[b] {
            self.mins[b] = entry.key;
        }
        self.buckets[b].push(entry);
    }

    /// The first bucket holding entries: it holds the smallest key of the buckets.
    fn first_filled(&self) -> Option<usize> {
        (0..3)
            .find(|&w| self.filled[w] != 0)
            .map(|w| w * 64 + self.filled[w].trailing_zeros() as usize)
    }

    /// The smallest key of the buckets.
    fn bucket_min(&self) -> Option<u128> {
        self.first_filled().map(|b| self.mins[b])
    }

    /// Takes the earliest event.
    pub fn pop(&mut self) -> Option<(Millis, Event)> {
        let from_late = match (self.late.peek(), self.bucket_min()) {
            (Some(Reverse(l)), Some(m)) => l.key < m,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return None,
        };
        self.len -= 1;
        if from_late {
            return self.late.pop().map(|Reverse(e)| (e.at(), e.event));
        }
        let b = self.first_filled()?;
        let entry = if b == 0 {
            self.buckets[0].pop()
        } else {
            // The bucket's smallest key becomes `last`; every other entry of the bucket then
            // differs from it in a lower bit, so it moves to a lower bucket.
            self.last = self.mins[b];
            self.filled[b / 64] &= !(1 << (b % 64));
            let moving = std::mem::take(&mut self.buckets[b]);
            let mut taken = None;
            for e in &moving {
                if e.key == self.last {
                    taken = Some(*e);
                } else {
                    self.file(*e);
                }
            }
            // Keep the bucket's capacity for the entries that will land in it again.
            let mut moving = moving;
            moving.clear();
            self.buckets[b] = moving;
            taken
        };
        if self.buckets[0].is_empty() {
            self.filled[0] &= !1;
        }
        entry.map(|e| (e.at(), e.event))
    }

    /// The time of the earliest event.
    pub fn peek_time(&self) -> Option<Millis> {
        let late = self.late.peek().map(|Reverse(e)| e.key);
        match (late, self.bucket_min()) {
            (Some(l), Some(m)) => Some(l.min(m)),
            (l, m) => l.or(m),
        }
        .map(|key| (key >> 64) as Millis)
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

    proptest::proptest! {
        /// Pushes at or after the last time taken and pops, mixed at random: the radix queue
        /// gives exactly the order of a sorted list, and peek_time and len agree with it.
        #[test]
        fn radix_queue_gives_time_then_scheduling_order(
            ops in proptest::collection::vec((proptest::bool::weighted(0.6), 0u64..5_000), 1..400)
        ) {
            let mut q = EventQueue::default();
            let mut seq = 0usize;
            let mut got = Vec::new();
            let mut now = 0;
            for &(is_push, delay) in &ops {
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
            proptest::prop_assert_eq!(got, reference_order(&ops));
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
