//! Keyboard access to the task chips: the cluster is one Tab stop (a "roving tab index") and
//! the arrow keys, Home and End move between chips in the order `ecs_sim::view::chip_nav`
//! defines; Enter or Space selects the focused chip (the explain panel shows it).

use crate::state::{Playground, Selection};
use ecs_sim::view::chip_nav::{chip_rows, next_chip, tab_stop, ChipKey};
use ecs_sim::view::ClusterLayout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The chips' keyboard state, shared with every chip through the context.
#[derive(Clone)]
pub struct ChipNav {
    /// The chip the user last moved to or clicked.
    focused: RwSignal<Option<usize>>,
    /// The chips in keyboard order.
    rows: Memo<Vec<Vec<usize>>>,
    /// Which chip holds the Tab stop: only that chip's `tabindex` changes when it moves.
    tab_stop: Selector<Option<usize>>,
    /// What the explain panel shows.
    selection: RwSignal<Selection>,
}

impl ChipNav {
    /// The keyboard state of the chips drawn from `layout`.
    pub fn new(layout: Memo<Option<ClusterLayout>>, pg: Playground) -> Self {
        let focused = RwSignal::new(None);
        let rows =
            Memo::new(move |_| layout.with(|l| l.as_ref().map(chip_rows).unwrap_or_default()));
        let tab_stop = Selector::new(move || rows.with(|r| tab_stop(r, focused.get())));
        ChipNav {
            focused,
            rows,
            tab_stop,
            selection: pg.selection,
        }
    }

    /// The `tabindex` of chip `index`: 0 for the one Tab stop, -1 for the others.
    pub fn tab_index(&self, index: usize) -> i32 {
        if self.tab_stop.selected(&Some(index)) {
            0
        } else {
            -1
        }
    }

    /// Chip `index` left the page: the Tab stop no longer tracks it (tasks come and go for
    /// hours; the tracking table would otherwise grow with every task ever drawn).
    pub fn forget(&self, index: usize) {
        self.tab_stop.remove(&Some(index));
    }

    /// Chip `index` was clicked or focused: it keeps the Tab stop.
    pub fn focus(&self, index: usize) {
        if self.focused.get_untracked() != Some(index) {
            self.focused.set(Some(index));
        }
    }

    /// Handles a key pressed on chip `index`: moves the focus, or selects the chip.
    pub fn key(&self, index: usize, ev: &web_sys::KeyboardEvent) {
        let key = ev.key();
        if key == "Enter" || key == " " {
            ev.prevent_default();
            ev.stop_propagation();
            self.focus(index);
            self.selection.set(Selection::Task(index));
            return;
        }
        if ev.alt_key() || ev.shift_key() {
            return;
        }
        let Some(k) = ChipKey::from_key(&key, ev.ctrl_key() || ev.meta_key()) else {
            return;
        };
        ev.prevent_default();
        ev.stop_propagation();
        let Some(next) = self.rows.with_untracked(|r| next_chip(r, index, k)) else {
            return;
        };
        self.focus(next);
        focus_chip(next);
    }
}

/// Moves the browser's focus to the chip of task `index` (it is on the page: it is in the rows).
fn focus_chip(index: usize) {
    let chip = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("[data-testid=task][data-task='{index}']"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(chip) = chip {
        // Set the Tab stop on the element at once, so focus never lands on a tabindex=-1 chip.
        let _ = chip.set_attribute("tabindex", "0");
        let _ = chip.focus();
    }
}
