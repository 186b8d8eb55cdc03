//! Zoom buttons for the cluster: larger chips for a room, smaller for a big cluster. The zoom is
//! part of the remembered layout ([`crate::layout`]); cluster styles are in `em`, so one font
//! size scales them all.

use crate::layout::prefs::{clamp, ZOOM};
use crate::layout::Layout;
use leptos::prelude::*;

/// Zoom buttons for the cluster: larger chips for a room, smaller for a big cluster. `fitted`
/// is the scale the stage applies on top of the zoom to fit a tall cluster (1 when it fits):
/// the label says so, as a cluster that shrank mid-run beside "100%" looked like a fault
/// (student walkthrough, lesson 5's outage, 29th session).
#[component]
pub fn Zoom(fitted: RwSignal<f64>) -> impl IntoView {
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
            {move || ((fitted.get() - 1.0).abs() >= 0.005).then(|| view! {
                <span class="zoom-fit" data-testid="zoom-fit" title="Scaled to fit the stage: a small cluster is drawn larger to fill it, a tall one smaller to show it whole">
                    {format!("fit {:.0}%", fitted.get() * 100.0)}
                </span>
            })}
            <button type="button" data-testid="zoom-in" aria-label="Zoom in the cluster" title="Larger chips and instances"
                disabled=move || { zoom.get() >= ZOOM.2 } on:click=move |_| by(0.1)>"+"</button>
        </span>
    }
}
