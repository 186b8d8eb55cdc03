//! The scheduled actions form (`crate::autoscaling::form::scheduled_actions`) checked against
//! the whole scenario: the schedules and capacities it writes are what resolve reads back.

use super::forms_support::{doc, resolved_scaling};
use crate::autoscaling::form::scheduled_actions::{
    add_scheduled_action, remove_scheduled_action, scheduled_actions, set_scheduled_action,
    ScheduledActionSettings, DEFAULT_SCHEDULE,
};

const STEP: &str = include_str!("../examples/step-scaling-schedule.json");

fn evening() -> ScheduledActionSettings {
    ScheduledActionSettings {
        name: "evening-rush".into(),
        schedule: "at(1970-01-01T00:40:00)".into(),
        min_capacity: Some(14),
        max_capacity: Some(20),
    }
}

#[test]
fn settings_are_what_resolve_reads_back() {
    let mut d = doc(STEP);
    let a = ScheduledActionSettings {
        schedule: "rate(15 minutes)".into(),
        min_capacity: None,
        max_capacity: Some(8),
        ..evening()
    };
    set_scheduled_action(&mut d, "api", &a).expect("valid");
    assert_eq!(scheduled_actions(&d, "api"), [a]);
    let got = &resolved_scaling(&d).scheduled_actions[0];
    assert_eq!((got.first_at, got.every), (900_000, Some(900_000)));
    assert_eq!((got.min_capacity, got.max_capacity), (None, Some(8)));
    let a = ScheduledActionSettings {
        schedule: "at(1970-01-01T01:00:00)".into(),
        min_capacity: Some(3),
        max_capacity: None,
        ..evening()
    };
    set_scheduled_action(&mut d, "api", &a).expect("valid");
    let got = &resolved_scaling(&d).scheduled_actions[0];
    assert_eq!((got.first_at, got.every), (3_600_000, None));
    assert_eq!((got.min_capacity, got.max_capacity), (Some(3), None));
}

#[test]
fn adding_and_removing_keeps_the_other_actions() {
    let mut d = doc(STEP);
    let name = add_scheduled_action(&mut d, "api").expect("added");
    assert_eq!(name, "api-scheduled");
    assert_eq!(
        add_scheduled_action(&mut d, "api").as_deref(),
        Ok("api-scheduled-2")
    );
    let actions = scheduled_actions(&d, "api");
    assert_eq!(actions[1].schedule, DEFAULT_SCHEDULE);
    assert_eq!(
        (actions[1].min_capacity, actions[1].max_capacity),
        (Some(2), Some(20))
    );
    assert_eq!(resolved_scaling(&d).scheduled_actions.len(), 3);
    remove_scheduled_action(&mut d, "api", "api-scheduled").expect("removed");
    let names: Vec<String> = scheduled_actions(&d, "api")
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(names, ["evening-rush", "api-scheduled-2"]);
    assert_eq!(scheduled_actions(&d, "api")[0], evening());
    let err = remove_scheduled_action(&mut d, "api", "gone").unwrap_err();
    assert!(err.starts_with("scheduledActionName"), "{err}");
}
