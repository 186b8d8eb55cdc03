//! Reading typed numbers out of form inputs, shared by the deployment, scaling and traffic
//! sections, so each refuses text the same way (and never unwraps user input).

use leptos::prelude::*;

/// The input's value as a whole number, or None for anything else (empty, negative, text).
pub fn whole(ev: &leptos::ev::Event) -> Option<u32> {
    event_target_value(ev).trim().parse().ok()
}

/// The input's value as a finite number, or None.
pub fn number(ev: &leptos::ev::Event) -> Option<f64> {
    event_target_value(ev)
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// A number as a form shows it: no ".0" on whole numbers.
pub fn show(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        v.to_string()
    }
}

/// The input's value as a whole number that may be negative (a step's scalingAdjustment), or
/// None.
pub fn integer(ev: &leptos::ev::Event) -> Option<i32> {
    event_target_value(ev).trim().parse().ok()
}

/// An optional number field: `Ok(None)` when left empty (an open bound, an unset capacity),
/// `Ok(Some(v))` for a finite number, `Err(())` for anything else.
pub fn optional_number(ev: &leptos::ev::Event) -> Result<Option<f64>, ()> {
    let typed = event_target_value(ev);
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    typed
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or(())
}

/// An optional whole-number field: `Ok(None)` when empty, `Err(())` for anything but a whole
/// number.
pub fn optional_whole(ev: &leptos::ev::Event) -> Result<Option<u32>, ()> {
    let typed = event_target_value(ev);
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    typed.parse().map(Some).map_err(|_| ())
}
