//! Zoom buttons for the cluster: larger chips for a room, smaller for a big cluster. The zoom is
//! part of the remembered layout ([`crate::layout`]); cluster styles are in `em`, so one font
//! size scales them all.

use crate::layout::prefs::{clamp, ZOOM};
use crate::layout::Layout;
use leptos::prelude::*;

/// Zoom buttons for the cluster: larger chips for a room, smaller for a big cluster.
#[component]
pub fn Zoom() -> impl IntoView {
    let layout = expect_context::<Layout>();
    let zoom = layout.pick(|p| p.zoom);
    let by = move |d: f64| {
        layout
            .prefs
            .update(|p| p.zoom = clamp(((p.zoom + d) * 10.0).round() / 10.0, ZOOM))
    };
    view! {
        <span class="zoom" role="group" aria-label="Cluster zoom">
            <button type="button" data-testid="zoom-out" aria-label="Zoom out the cluster" title="Smaller chips and instances"
                disabled=move || { zoom.get() <= ZOOM.0 } on:click=move |_| by(-0.1)>"−"</button>
            <button type="button" data-testid="zoom-reset" aria-label=move || format!("{:.0}% cluster zoom: reset to 100%", zoom.get() * 100.0) title="Normal size"
                on:click=move |_| layout.prefs.update(|p| p.zoom = ZOOM.1)>{move || format!("{:.0}%", zoom.get() * 100.0)}</button>
            <button type="button" data-testid="zoom-in" aria-label="Zoom in the cluster" title="Larger chips and instances"
                disabled=move || { zoom.get() >= ZOOM.2 } on:click=move |_| by(0.1)>"+"</button>
        </span>
    }
}
