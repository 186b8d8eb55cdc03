//! The start order of a task's containers (API ContainerDependency; startTimeout in API
//! ContainerDefinition).

use super::*;
use DependencyCondition::*;

/// A container that runs on, with no health check.
fn runs(depends_on: &[(usize, DependencyCondition)]) -> Container<'_> {
    Container {
        essential: true,
        depends_on,
        start_timeout: None,
        exits: None,
        healthy_after: None,
    }
}

/// A non-essential init container that exits after `secs` with `code`.
fn init(secs: u64, code: i32) -> Container<'static> {
    Container {
        essential: false,
        depends_on: &[],
        start_timeout: None,
        exits: Some((secs * 1000, code)),
        healthy_after: None,
    }
}

#[test]
fn no_dependency_starts_everything_at_once() {
    assert_eq!(
        plan(&[runs(&[]), runs(&[])]),
        StartPlan::Starts {
            after: 0,
            last: None,
            gave_up: None
        }
    );
}

#[test]
fn complete_waits_for_the_init_containers_exit() {
    let app = [(0, Complete)];
    assert_eq!(
        plan(&[init(12, 0), runs(&app)]),
        StartPlan::Starts {
            after: 12_000,
            last: Some((1, 0, Complete, 12_000)),
            gave_up: None
        }
    );
}

#[test]
fn complete_takes_any_exit_code_but_success_stops_the_task_on_a_non_zero_one() {
    let complete = [(0, Complete)];
    assert_eq!(
        plan(&[init(5, 1), runs(&complete)]),
        StartPlan::Starts {
            after: 5_000,
            last: Some((1, 0, Complete, 5_000)),
            gave_up: None
        }
    );
    let success = [(0, Success)];
    assert_eq!(
        plan(&[init(5, 1), runs(&success)]),
        StartPlan::Fails {
            after: 5_000,
            container: 1,
            dependency: 0,
            condition: Success,
            why: Unmet::ExitedWith(1)
        }
    );
}

#[test]
fn healthy_waits_for_the_first_passing_health_check_and_start_does_not_wait() {
    let mut db = runs(&[]);
    db.healthy_after = Some(30_000);
    let app = [(0, Healthy)];
    let sidecar = [(0, Start)];
    assert_eq!(
        plan(&[db, runs(&app), runs(&sidecar)]),
        StartPlan::Starts {
            after: 30_000,
            last: Some((1, 0, Healthy, 30_000)),
            gave_up: None
        }
    );
}

#[test]
fn the_dependencys_own_start_timeout_ends_the_wait() {
    // A health check that never passes: with startTimeout 60 on the database, the app gives
    // up at 60 s and the task stops; without one, it waits for good.
    let mut db = runs(&[]);
    db.start_timeout = Some(60);
    let app = [(0, Healthy)];
    assert_eq!(
        plan(&[db, runs(&app)]),
        StartPlan::Fails {
            after: 60_000,
            container: 1,
            dependency: 0,
            condition: Healthy,
            why: Unmet::TimedOut(60)
        }
    );
    db.start_timeout = None;
    assert_eq!(
        plan(&[db, runs(&app)]),
        StartPlan::Waits {
            container: 1,
            dependency: 0,
            condition: Healthy
        }
    );
    // The app's own startTimeout is not the one counted.
    let mut app_with_timeout = runs(&app);
    app_with_timeout.start_timeout = Some(10);
    assert!(matches!(
        plan(&[db, app_with_timeout]),
        StartPlan::Waits { .. }
    ));
    // Met within the timeout: it starts.
    db.start_timeout = Some(60);
    db.healthy_after = Some(40_000);
    assert_eq!(
        plan(&[db, runs(&app)]),
        StartPlan::Starts {
            after: 40_000,
            last: Some((1, 0, Healthy, 40_000)),
            gave_up: None
        }
    );
}

#[test]
fn a_container_that_cannot_start_takes_its_dependents_with_it() {
    // init fails (exit 3), migrate waits on its SUCCESS, the app on migrate's START: the app
    // will never start, at the moment init exits.
    let migrate = [(0, Success)];
    let mut migrate = runs(&migrate);
    migrate.essential = false;
    let app = [(1, Start)];
    assert_eq!(
        plan(&[init(4, 3), migrate, runs(&app)]),
        StartPlan::Fails {
            after: 4_000,
            container: 2,
            dependency: 1,
            condition: Start,
            why: Unmet::NeverStarts
        }
    );
}

#[test]
fn a_non_essential_container_that_cannot_start_does_not_stop_the_task() {
    let tool = [(0, Success)];
    let mut tool = runs(&tool);
    tool.essential = false;
    assert_eq!(
        plan(&[init(4, 3), tool, runs(&[])]),
        StartPlan::Starts {
            after: 4_000,
            last: None,
            gave_up: Some((1, 0, Success, Unmet::ExitedWith(3)))
        }
    );
}

#[test]
fn an_essential_container_exiting_before_the_others_start_stops_the_task() {
    let mut sidecar = runs(&[]);
    sidecar.exits = Some((5_000, 2));
    let app = [(2, Complete)];
    assert_eq!(
        plan(&[sidecar, runs(&app), init(20, 0)]),
        StartPlan::EssentialExits {
            after: 5_000,
            container: 0,
            code: 2
        }
    );
    // Exiting after the last start is the running task's business, as without dependencies.
    sidecar.exits = Some((30_000, 2));
    assert_eq!(
        plan(&[sidecar, runs(&app), init(20, 0)]),
        StartPlan::Starts {
            after: 20_000,
            last: Some((1, 2, Complete, 20_000)),
            gave_up: None
        }
    );
}

#[test]
fn a_wait_is_named_by_the_container_whose_own_condition_waits() {
    // web waits on app's START, app on an init container that never exits: app is named, not
    // web (listed first), which waits only because app does.
    let mut never = init(1, 0);
    never.exits = None;
    let web = [(1, Start)];
    let app = [(2, Complete)];
    assert_eq!(
        plan(&[runs(&web), runs(&app), never]),
        StartPlan::Waits {
            container: 1,
            dependency: 2,
            condition: Complete
        }
    );
}

#[test]
fn a_cycle_registration_would_refuse_waits_instead_of_looping() {
    let a = [(1, Start)];
    let b = [(0, Start)];
    assert!(matches!(
        plan(&[runs(&a), runs(&b)]),
        StartPlan::Waits { .. }
    ));
}

#[test]
fn a_healthy_dependency_that_exits_before_its_first_passing_check_fails_the_wait() {
    // A non-essential database that exits at 10 s, healthy only at 20 s: the app can never
    // start, at 10 s (it started at 20 s, waiting on a stopped container: reviewer).
    let mut db = init(10, 0);
    db.healthy_after = Some(20_000);
    let app = [(0, Healthy)];
    assert_eq!(
        plan(&[db, runs(&app)]),
        StartPlan::Fails {
            after: 10_000,
            container: 1,
            dependency: 0,
            condition: Healthy,
            why: Unmet::ExitedWith(0)
        }
    );
    // Healthy at 5 s, exiting at 10 s: the app started at 5 s.
    db.healthy_after = Some(5_000);
    assert!(matches!(
        plan(&[db, runs(&app)]),
        StartPlan::Starts { after: 5_000, .. }
    ));
}

#[test]
fn the_container_that_gives_up_first_is_named_and_the_last_start_keeps_its_own_time() {
    // Two tools give up at 8 s and 4 s; the app starts at 2 s: the task goes on at 8 s, the
    // 4 s one is named, and the last start is the app's 2 s.
    let late = [(0, Success)];
    let early = [(1, Success)];
    let mut late_tool = runs(&late);
    late_tool.essential = false;
    let mut early_tool = runs(&early);
    early_tool.essential = false;
    let app = [(3, Complete)];
    assert_eq!(
        plan(&[
            init(8, 1),
            init(4, 2),
            late_tool,
            init(2, 0),
            early_tool,
            runs(&app)
        ]),
        StartPlan::Starts {
            after: 8_000,
            last: Some((5, 3, Complete, 2_000)),
            gave_up: Some((4, 1, Success, Unmet::ExitedWith(2)))
        }
    );
}
