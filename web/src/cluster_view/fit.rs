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

/// Where a round of fitting is: it starts by shrinking while the cluster overflows; once it
/// fits it grows a step at a time; the first overflow after growing makes it settle, shrinking
/// until the cluster fits again, and then it stops.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Phase {
    /// Shrinking while it overflows, then growing.
    Start,
    /// Grown at least once; grows while it fits.
    Growing,
    /// Overflowed after growing: shrinks until it fits, never grows again. A round that
    /// stepped back only once stopped with the cluster still overflowing when its content grew
    /// during the round (CI, 2026-12-07: Zone outage's replacement instance cut at 0:07:55).
    Settling,
}

/// One step of a round, from a measure of the stage: the next scale and phase, or `None` when
/// the round is over (it fits and may not or need not grow, or it is as small as it may be).
pub fn step(overflow: bool, current: f64, phase: Phase) -> Option<(f64, Phase)> {
    let shrunk = ((current - STEP) * 100.0).round() / 100.0;
    let grown = ((current + STEP) * 100.0).round() / 100.0;
    match (overflow, phase) {
        (true, _) if current <= MIN_FIT + 1e-9 => None,
        (true, Phase::Start) => Some((shrunk, Phase::Start)),
        (true, Phase::Growing | Phase::Settling) => Some((shrunk, Phase::Settling)),
        (false, Phase::Settling) => None,
        (false, _) if current >= MAX_FIT - 1e-9 => None,
        (false, Phase::Start | Phase::Growing) => Some((grown, Phase::Growing)),
    }
}

/// A round of fitting in flight: which round is the latest, and whether it is still running.
/// A change of the cluster's content starts a round only when none is running, since a
/// running round measures every frame and the content changes it makes itself must not start
/// another (that grew and shrank the cluster for good).
#[derive(Clone, Copy)]
pub struct Rounds {
    latest: StoredValue<u64>,
    running: StoredValue<bool>,
}

impl Rounds {
    /// No round yet.
    pub fn new() -> Self {
        Self {
            latest: StoredValue::new(0),
            running: StoredValue::new(false),
        }
    }

    /// Starts a round, ending the one in flight; returns its number for [`adjust`].
    pub fn begin(self) -> u64 {
        self.latest.update_value(|r| *r += 1);
        self.running.set_value(true);
        self.latest.get_value()
    }

    /// Ends the round in flight without a new one (the cluster is too large to fit).
    pub fn cancel(self) {
        self.latest.update_value(|r| *r += 1);
        self.running.set_value(false);
    }

    /// Whether a round is measuring.
    pub fn running(self) -> bool {
        self.running.try_get_value().unwrap_or(false)
    }
}

/// Brings `fit` to the largest step at which `el` scrolls neither way, one [`step`] per frame
/// so each measure sees the layout of the last change. A round stops when a newer one starts:
/// two rounds at once, one growing while a lesson's goals shrank the stage, left the cluster
/// at a scale that overflowed it, its last chips cut (lesson 16 in presenter mode after Check).
pub fn adjust(
    el: web_sys::HtmlElement,
    fit: RwSignal<f64>,
    phase: Phase,
    rounds: Rounds,
    mine: u64,
) {
    if rounds.latest.try_get_value() != Some(mine) {
        return;
    }
    let overflow =
        el.scroll_height() > el.client_height() + 1 || el.scroll_width() > el.client_width() + 1;
    match step(overflow, fit.get_untracked(), phase) {
        Some((next, phase)) => {
            fit.set(next);
            request_animation_frame(move || adjust(el, fit, phase, rounds, mine));
        }
        None => rounds.running.set_value(false),
    }
}

/// Calls `on_change` whenever one of `els` changes size, whatever changed it: for the stage,
/// the window, presenter mode, or a lesson's goals under the cluster growing after Check (only
/// the window's resize was watched, so the cluster kept the scale it had before the stage
/// shrank or grew); for the cluster's content, a line of the service summaries wrapping or an
/// instance's badge moving under its name, which change its height without changing its
/// [`shape`]. Stops when the calling component is cleaned up.
///
/// The box measured is the border box, scroll bars included: the observer's own content box
/// shrinks when the fitting itself makes a scroll bar appear, and refitting on that grew and
/// shrank the cluster for good, a step each frame.
pub fn on_resize(els: &[web_sys::HtmlElement], on_change: impl Fn() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let watched = els.to_vec();
    let sizes = move || -> Vec<(i32, i32)> {
        watched
            .iter()
            .map(|e| (e.offset_width(), e.offset_height()))
            .collect()
    };
    let last = std::cell::RefCell::new(sizes());
    let callback = Closure::<dyn Fn()>::new(move || {
        let now = sizes();
        if *last.borrow() != now {
            last.replace(now);
            on_change();
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    for el in els {
        observer.observe(el);
    }
    let held = StoredValue::new_local(Some((observer, callback)));
    on_cleanup(move || {
        if let Some((observer, _callback)) = held.try_update_value(Option::take).flatten() {
            observer.disconnect();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs rounds of [`step`] against a cluster that overflows above `limit`.
    fn settle(limit: f64, from: f64) -> f64 {
        let (mut fit, mut phase) = (from, Phase::Start);
        for _ in 0..100 {
            match step(fit > limit + 1e-9, fit, phase) {
                Some((next, p)) => (fit, phase) = (next, p),
                None => return fit,
            }
        }
        panic!("a round did not stop");
    }

    #[test]
    fn a_round_ends_at_the_largest_step_that_fits() {
        assert_eq!(settle(1.07, 1.0), 1.05);
        assert_eq!(settle(1.07, 1.4), 1.05);
        assert_eq!(settle(9.0, 1.0), MAX_FIT);
        assert_eq!(settle(0.1, 1.0), MIN_FIT);
    }

    #[test]
    fn an_overflow_after_growing_shrinks_until_it_fits_not_one_step() {
        // The content grew by three steps while the round was growing.
        assert_eq!(
            step(true, 1.2, Phase::Growing),
            Some((1.15, Phase::Settling))
        );
        assert_eq!(
            step(true, 1.15, Phase::Settling),
            Some((1.1, Phase::Settling))
        );
        assert_eq!(step(false, 1.1, Phase::Settling), None);
    }
}
