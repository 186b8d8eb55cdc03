//! Scheduler wake-ups are queued once per service and moment.

use crate::sim::Sim;

/// Each scheduler pass during a grace period or throttling asks to be woken when it ends;
/// the same service and moment is queued once, and can be asked for again once it ran.
#[test]
fn a_scheduler_wake_up_for_the_same_moment_is_queued_once() {
    let mut sim =
        Sim::from_json(crate::scenario::DEFAULT_SCENARIO_JSON).unwrap_or_else(|e| panic!("{e:?}"));
    let at = 3_600_000;
    let before = sim.queue.len();
    sim.wake_scheduler_at(0, at);
    sim.wake_scheduler_at(0, at);
    assert_eq!(sim.queue.len(), before + 1);
    sim.wake_scheduler_at(1, at);
    sim.wake_scheduler_at(0, at + 1);
    assert_eq!(
        sim.queue.len(),
        before + 3,
        "other services and moments are separate"
    );
    sim.wake_scheduler_at(0, at + 999);
    assert_eq!(
        sim.queue.len(),
        before + 3,
        "moments within the same second share one wake-up, on the whole second"
    );
    assert!(sim.services[0].wakes.contains(&(at + 1000)));
    sim.run_until(at);
    assert!(
        !sim.services[0].wakes.contains(&at),
        "forgotten once it ran"
    );
    sim.wake_scheduler_at(0, at);
    assert!(sim.services[0].wakes.contains(&at), "asked for again");
}
