//! Fitting a small cluster to its pane: when its lanes are taller than the stage (a lesson's
//! lane of three instances at 1280×720 hid its last instance and the chip a goal was about), the
//! cluster's type is scaled down in steps until everything shows, to [`MIN_FIT`] at most; when
//! the stage has room to spare it grows, to [`MAX_FIT`] at most (two walkthroughs at 1280×720:
//! 12 px chips above half a stage left empty, too small for the back of a room). A large
//! cluster (an overview) is left to scroll.

use ecs_sim::view::ClusterLayout;
use leptos::prelude::*;

/// The smallest scale fitting may use (below it the chips stop being readable from the back of
/// a room, and the cluster scrolls instead).
pub const MIN_FIT: f64 = 0.7;
/// The largest scale fitting may use: a lesson's two or three instances drawn half as large
/// again, about 20 px chip labels at 1280×720.
pub const MAX_FIT: f64 = 1.5;
/// One step of the scale.
const STEP: f64 = 0.05;
/// Clusters with more instances than this are not fitted (they are drawn as an overview).
const MAX_FITTED_INSTANCES: usize = 60;

/// What decides the cluster's height: per lane its instances, Fargate tasks and the tasks on
/// each instance, and the queue's length; `None` for a cluster too large to fit.
pub fn shape(layout: &ClusterLayout) -> Option<Vec<usize>> {
    let instances: usize = layout.lanes.iter().map(|l| l.instances.len()).sum();
    if instances > MAX_FITTED_INSTANCES {
        return None;
    }
    let mut key = vec![layout.waiting.len(), layout.unplaced.len()];
    for lane in &layout.lanes {
        key.extend([lane.instances.len(), lane.fargate.len()]);
        // Per instance, not per lane: a task stopped on one instance of a lane and started on
        // another keeps the lane's sum but can add a row of chips (lesson 16's rebalancing).
        key.extend(
            lane.instances
                .iter()
                .map(|i| layout.tasks_on.get(i).map_or(0, Vec::len)),
        );
    }
    Some(key)
}

/// Brings `fit` to the largest step at which `el` scrolls neither way (one step per frame, so
/// each measure sees the layout of the last change): it shrinks while the cluster overflows,
/// and otherwise grows towards [`MAX_FIT`]; `grown` is set once it has grown in this round, so
/// an overflow after growing steps back once and stops rather than oscillating. A round stops
/// when a newer one starts (`round` is no longer `mine`): two rounds at once, one growing while
/// a lesson's goals shrank the stage, left the cluster at a scale that overflowed it, its last
/// chips cut (lesson 16 in presenter mode after Check).
pub fn adjust(
    el: web_sys::HtmlElement,
    fit: RwSignal<f64>,
    grown: bool,
    round: StoredValue<u64>,
    mine: u64,
) {
    if round.try_get_value() != Some(mine) {
        return;
    }
    let overflow =
        el.scroll_height() > el.client_height() + 1 || el.scroll_width() > el.client_width() + 1;
    let current = fit.get_untracked();
    if overflow && current > MIN_FIT + 1e-9 {
        fit.set(((current - STEP) * 100.0).round() / 100.0);
        if !grown {
            request_animation_frame(move || adjust(el, fit, false, round, mine));
        }
    } else if !overflow && current < MAX_FIT - 1e-9 {
        fit.set(((current + STEP) * 100.0).round() / 100.0);
        request_animation_frame(move || adjust(el, fit, true, round, mine));
    }
}

/// Calls `on_change` whenever `el`'s box changes size, whatever changed it: the window, presenter
/// mode, or a lesson's goals under the cluster growing after Check (only the window's resize
/// was watched, so the cluster kept the scale it had before the stage shrank or grew). Stops
/// when the calling component is cleaned up.
///
/// The box measured is the border box, scroll bars included: the observer's own content box
/// shrinks when the fitting itself makes a scroll bar appear, and refitting on that grew and
/// shrank the cluster for good, a step each frame.
pub fn on_resize(el: &web_sys::HtmlElement, on_change: impl Fn() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let watched = el.clone();
    let last = std::cell::Cell::new((watched.offset_width(), watched.offset_height()));
    let callback = Closure::<dyn Fn()>::new(move || {
        let now = (watched.offset_width(), watched.offset_height());
        if last.replace(now) != now {
            on_change();
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(el);
    let held = StoredValue::new_local(Some((observer, callback)));
    on_cleanup(move || {
        if let Some((observer, _callback)) = held.try_update_value(Option::take).flatten() {
            observer.disconnect();
        }
    });
}
