//! What an open lesson locks, as Service settings draws it: a control whose places are all
//! locked is disabled (a fieldset disables everything in it), and the CSS marks it "locked".
//! Before, a locked field looked editable and its change was refused afterwards, in a line at
//! the top of the tab (student walkthrough, lesson 11's Min healthy % and Traffic).

use crate::state::Playground;
use leptos::prelude::*;
use serde_json::Value;

/// Whether the open lesson locks every place in `paths` (nothing is locked outside a lesson, or
/// with no place named). Reactive in the lesson that is open.
pub fn locked(pg: Playground, paths: &[String]) -> bool {
    // The lock is not reactive; the open paths change with it.
    pg.open_paths.track();
    !paths.is_empty()
        && pg
            .lock
            .with_value(|l| l.as_ref().is_some_and(|l| paths.iter().all(|p| l.locks(p))))
}

/// Whether a control of the service named `service` that changes the places `parts` under it
/// (`["desiredCount"]`, `["deploymentConfiguration.maximumPercent"]`) is locked: one memo, read
/// by the control's `disabled` and its `data-locked` mark.
pub fn service_locked(
    pg: Playground,
    doc: Memo<Option<Value>>,
    service: StoredValue<String>,
    parts: &'static [&'static str],
) -> Memo<bool> {
    Memo::new(move |_| {
        under_locked(pg, doc, parts, |d| {
            ecs_sim::form::service_path(d, &service.get_value())
        })
    })
}

/// [`service_locked`] for a control of the Auto Scaling group provider named `provider` that
/// changes `parts` under its `autoScalingGroupProvider` (`["autoScalingGroup.maxSize"]`).
pub fn group_locked(
    pg: Playground,
    doc: Memo<Option<Value>>,
    provider: StoredValue<String>,
    parts: &'static [&'static str],
) -> Memo<bool> {
    Memo::new(move |_| {
        under_locked(pg, doc, parts, |d| {
            ecs_sim::form::group_provider_path(d, &provider.get_value())
        })
    })
}

/// Whether the lesson locks every one of `parts` under the place `base` finds in the document.
fn under_locked(
    pg: Playground,
    doc: Memo<Option<Value>>,
    parts: &[&str],
    base: impl Fn(&Value) -> Option<String>,
) -> bool {
    // Outside a lesson nothing is looked up (every field asks again at each edit).
    pg.open_paths.track();
    if pg.lock.with_value(Option::is_none) {
        return false;
    }
    let paths: Vec<String> = doc.with(|d| {
        d.as_ref()
            .and_then(base)
            .map(|base| parts.iter().map(|p| format!("{base}.{p}")).collect())
            .unwrap_or_default()
    });
    locked(pg, &paths)
}

/// [`service_locked`] for a control that changes the scenario's top-level keys `keys`
/// (`traffic`, `scalableTargets`).
pub fn scenario_locked(pg: Playground, keys: &'static [&'static str]) -> Memo<bool> {
    Memo::new(move |_| {
        let paths: Vec<String> = keys.iter().map(|k| (*k).to_string()).collect();
        locked(pg, &paths)
    })
}
