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
