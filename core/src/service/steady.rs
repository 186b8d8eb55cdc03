//! When a service has reached a steady state (DG service-event-messages: "when the service is
//! healthy and at the desired number of tasks"), and when a deployment is stuck on its bounds.
//!
//! The guide's most precise definition is the task set's (API TaskSet.stabilityStatus): the
//! running count equals the desired count, the pending count is 0, no task runs on a DRAINING
//! container instance, and "all tasks are reporting a healthy status from the load balancers,
//! service discovery, and container health checks". A service's tasks are read the same way.

/// What the steady-state check needs to know about one active task of the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SteadyFacts {
    /// `lastStatus` is RUNNING.
    pub running: bool,
    /// It belongs to the PRIMARY deployment and runs its task definition.
    pub current: bool,
    /// Its essential containers report healthy: HEALTHY when one has a health check, else not
    /// UNHEALTHY.
    pub containers_healthy: bool,
    /// Its load balancer target is healthy, or it has none.
    pub target_healthy: bool,
    /// It runs on a DRAINING container instance.
    pub on_draining_instance: bool,
}

/// The half of [`is_steady`] that counts answer: exactly `desired` active tasks, all of them
/// RUNNING (`running` of them are), and none of the service's tasks still stopping. When it is
/// false the service is not steady, whatever each task's facts say, so the engine need not
/// gather them (while a service starts, every pass gathered them all: issue #10).
pub fn counts_allow_steady(active: usize, running: usize, desired: u32, stopping: bool) -> bool {
    active == desired as usize && running == active && !stopping
}

/// Whether the service is steady: exactly `desired` active tasks, each RUNNING on the current
/// deployment and healthy in every check that applies, none on a DRAINING instance, and no task
/// of the service still stopping (`stopping`).
pub fn is_steady(tasks: &[SteadyFacts], desired: u32, stopping: bool) -> bool {
    tasks.len() == desired as usize
        && !stopping
        && tasks.iter().all(|t| {
            t.running
                && t.current
                && t.containers_healthy
                && t.target_healthy
                && !t.on_draining_instance
        })
}

/// What a REPLICA pass saw, for [`blocked_by_bounds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PassOutcome {
    /// Tasks still to be replaced (of an older deployment or on a DRAINING instance).
    pub outdated: usize,
    /// Tasks the pass started.
    pub started: usize,
    /// Outdated tasks the pass stopped.
    pub retired: usize,
    /// Tasks of the service between launch and RUNNING, or stopping: they will free room or add
    /// a healthy task without the scheduler doing anything.
    pub in_flight: usize,
    /// New tasks could not be placed (capacity, not the bounds, held them back).
    pub unplaced: bool,
}

/// Whether a deployment is stuck on its bounds: tasks must be replaced, yet the pass could
/// neither stop one (minimumHealthyPercent) nor start one (maximumPercent), and nothing in flight
/// will change that. ECS then says "(service x) was unable to stop or start tasks during a
/// deployment because of the service deployment configuration" (DG service-event-messages; its
/// examples: 2 tasks at minimumHealthyPercent 75% cannot stop any, 3 at maximumPercent 125%
/// cannot start any).
pub fn blocked_by_bounds(o: PassOutcome) -> bool {
    o.outdated > 0 && o.started == 0 && o.retired == 0 && o.in_flight == 0 && !o.unplaced
}

#[cfg(test)]
mod tests {
    use super::*;

    fn healthy() -> SteadyFacts {
        SteadyFacts {
            running: true,
            current: true,
            containers_healthy: true,
            target_healthy: true,
            on_draining_instance: false,
        }
    }

    #[test]
    fn steady_state_needs_every_task_healthy_in_the_load_balancer_too() {
        // DG service-event-messages: "when the service is healthy and at the desired number of
        // tasks"; API TaskSet: healthy "from the load balancers, service discovery, and container
        // health checks".
        assert!(is_steady(&[healthy(), healthy()], 2, false));
        let failing_target = SteadyFacts {
            target_healthy: false,
            ..healthy()
        };
        assert!(!is_steady(&[healthy(), failing_target], 2, false));
    }

    #[test]
    fn steady_state_needs_the_desired_count_the_current_deployment_and_no_draining() {
        assert!(!is_steady(&[healthy()], 2, false), "below desired");
        assert!(
            !is_steady(&[healthy(), healthy()], 2, true),
            "a task still stopping"
        );
        let old = SteadyFacts {
            current: false,
            ..healthy()
        };
        assert!(!is_steady(&[healthy(), old], 2, false));
        let draining = SteadyFacts {
            on_draining_instance: true,
            ..healthy()
        };
        assert!(!is_steady(&[healthy(), draining], 2, false));
        let pending = SteadyFacts {
            running: false,
            ..healthy()
        };
        assert!(!is_steady(&[healthy(), pending], 2, false));
        assert!(is_steady(&[], 0, false), "a service scaled to 0 is steady");
    }

    #[test]
    fn counts_alone_rule_out_a_steady_state_exactly_when_is_steady_would() {
        let pending = SteadyFacts {
            running: false,
            ..healthy()
        };
        let two = [healthy(), healthy()];
        let one_pending = [healthy(), pending];
        for (facts, desired, stopping) in [
            (&two[..], 2, false),
            (&two[..1], 2, false),
            (&two[..], 2, true),
            (&two[..], 3, false),
            (&one_pending[..], 2, false),
        ] {
            let running = facts.iter().filter(|f| f.running).count();
            assert_eq!(
                counts_allow_steady(facts.len(), running, desired, stopping),
                is_steady(facts, desired, stopping),
                "{} tasks ({running} running), desired {desired}, stopping {stopping}",
                facts.len()
            );
        }
    }

    #[test]
    fn a_deployment_that_can_neither_stop_nor_start_a_task_is_blocked() {
        let stuck = PassOutcome {
            outdated: 2,
            started: 0,
            retired: 0,
            in_flight: 0,
            unplaced: false,
        };
        assert!(blocked_by_bounds(stuck));
        assert!(!blocked_by_bounds(PassOutcome {
            started: 1,
            ..stuck
        }));
        assert!(!blocked_by_bounds(PassOutcome {
            retired: 1,
            ..stuck
        }));
        assert!(
            !blocked_by_bounds(PassOutcome {
                in_flight: 1,
                ..stuck
            }),
            "a replacement on its way is progress"
        );
        assert!(
            !blocked_by_bounds(PassOutcome {
                unplaced: true,
                ..stuck
            }),
            "capacity, not the bounds, holds it back"
        );
        assert!(!blocked_by_bounds(PassOutcome {
            outdated: 0,
            ..stuck
        }));
    }
}
