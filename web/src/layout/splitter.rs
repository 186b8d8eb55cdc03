//! A splitter between two panels: drag it with the pointer, or focus it and press the arrow
//! keys (Home/End for the extremes). It is a focusable `separator` with its value in
//! `aria-valuenow`, the pattern screen readers know as a window splitter.

use super::prefs::{clamp, Prefs, DOCK_HEIGHT, EDITOR_WIDTH, SIDE_WIDTH};
use super::Layout;
use leptos::prelude::*;

/// Which panel the splitter sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The editor, left of the cluster: its width.
    Editor,
    /// The explain-and-log column, right of the cluster: its width.
    Side,
    /// The dock under the cluster: its height.
    Dock,
}

/// Percent moved per arrow key.
const STEP: f64 = 2.0;

impl Edge {
    fn range(self) -> (f64, f64, f64) {
        match self {
            Edge::Editor => EDITOR_WIDTH,
            Edge::Side => SIDE_WIDTH,
            Edge::Dock => DOCK_HEIGHT,
        }
    }
    fn get(self, p: &Prefs) -> f64 {
        match self {
            Edge::Editor => p.editor_width,
            Edge::Side => p.side_width,
            Edge::Dock => p.dock_height,
        }
    }
    fn set(self, p: &mut Prefs, v: f64) {
        let v = clamp(v, self.range());
        match self {
            Edge::Editor => p.editor_width = v,
            Edge::Side => p.side_width = v,
            Edge::Dock => p.dock_height = v,
        }
    }
    /// The size, in % of the window, that puts the edge under the pointer at (`x`, `y`).
    fn size_at(self, x: f64, y: f64) -> Option<f64> {
        let w = web_sys::window()?;
        let width = w.inner_width().ok()?.as_f64()?.max(1.0);
        let height = w.inner_height().ok()?.as_f64()?.max(1.0);
        Some(match self {
            Edge::Editor => x * 100.0 / width,
            Edge::Side => (width - x) * 100.0 / width,
            Edge::Dock => (height - y) * 100.0 / height,
        })
    }
    fn label(self) -> &'static str {
        match self {
            Edge::Editor => "Resize the editor",
            Edge::Side => "Resize the explain panel and event log",
            Edge::Dock => "Resize the deployments and metrics dock",
        }
    }
    fn name(self) -> &'static str {
        match self {
            Edge::Editor => "editor",
            Edge::Side => "side",
            Edge::Dock => "dock",
        }
    }
    fn vertical(self) -> bool {
        self != Edge::Dock
    }
}

/// The splitter of `edge`.
#[component]
pub fn Splitter(edge: Edge) -> impl IntoView {
    let layout = expect_context::<Layout>();
    let dragging = RwSignal::new(false);
    let value = Memo::new(move |_| layout.prefs.with(|p| edge.get(p)));
    let (lo, _, hi) = edge.range();
    let grow = |edge: Edge, key: &str| -> Option<f64> {
        // Arrow keys move the splitter itself: → widens the editor but narrows the side column.
        let toward_end = match edge {
            Edge::Editor => 1.0,
            Edge::Side | Edge::Dock => -1.0,
        };
        match key {
            "ArrowRight" | "ArrowDown" => Some(STEP * toward_end),
            "ArrowLeft" | "ArrowUp" => Some(-STEP * toward_end),
            _ => None,
        }
    };
    view! {
        <div class=format!("splitter {} splitter-{}", if edge.vertical() { "vertical" } else { "horizontal" }, edge.name())
            class:dragging=move || dragging.get()
            role="separator" tabindex="0" data-testid=format!("splitter-{}", edge.name())
            aria-label=edge.label()
            aria-orientation=if edge.vertical() { "vertical" } else { "horizontal" }
            aria-valuemin=lo aria-valuemax=hi aria-valuenow=move || format!("{:.0}", value.get())
            on:pointerdown=move |ev: web_sys::PointerEvent| {
                if let Some(el) = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
                    let _ = el.set_pointer_capture(ev.pointer_id());
                }
                ev.prevent_default();
                dragging.set(true);
            }
            on:pointermove=move |ev: web_sys::PointerEvent| {
                if dragging.get_untracked() {
                    if let Some(v) = edge.size_at(f64::from(ev.client_x()), f64::from(ev.client_y())) {
                        layout.prefs.update(|p| edge.set(p, v));
                    }
                }
            }
            on:pointerup=move |_| dragging.set(false)
            on:pointercancel=move |_| dragging.set(false)
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                let key = ev.key();
                let target = match key.as_str() {
                    "Home" => Some(lo),
                    "End" => Some(hi),
                    k => grow(edge, k).map(|d| value.get_untracked() + d),
                };
                if let Some(v) = target {
                    ev.prevent_default();
                    layout.prefs.update(|p| edge.set(p, v));
                }
            }>
        </div>
    }
}
