//! What the Advice tab, its badge and the event log share: the projected panel, the remembered
//! dismissals and the log line a proven finding asked to reveal.

use crate::layout::storage;
use crate::state::Playground;
use ecs_sim::view::advice_panel::dismissals::{KEY, MAX_STORED_BYTES};
use ecs_sim::view::advice_panel::{
    find_log_line, project, scenario_hash, AdvicePanel, Dismissals, LogLine,
};
use ecs_sim::view::report::advice::{proven_advice, static_advice};
use leptos::prelude::*;

/// The advice shared by the panel, the tab badge and the event log.
#[derive(Clone, Copy)]
pub struct AdviceState {
    /// What the panel shows.
    pub panel: Memo<AdvicePanel>,
    /// Dismissed findings (saved to `localStorage` on every change).
    pub dismissed: RwSignal<Dismissals>,
    /// The log line to reveal and highlight, by the log pane's key (engine line − dropped).
    pub focus: RwSignal<Option<usize>>,
    pg: Playground,
    layout: Option<crate::layout::Layout>,
}

impl AdviceState {
    /// Advice of `pg`'s running scenario. Static advice is recomputed when the scenario
    /// changes; proven advice when the count of recorded facts changes, checked when the page
    /// copies the log (a few times a second), never per frame.
    pub fn new(pg: Playground) -> Self {
        let dismissed = RwSignal::new(Dismissals::parse(
            &storage::read(KEY, MAX_STORED_BYTES).unwrap_or_default(),
        ));
        let statics = Memo::new(move |_| {
            pg.running_text.track();
            pg.sim
                .with_value(|s| s.as_ref().map(|s| static_advice(&s.model)))
                .unwrap_or_default()
        });
        let facts = Memo::new(move |_| {
            pg.running_text.track();
            pg.slow_redraw.track();
            pg.sim
                .with_value(|s| s.as_ref().map_or(0, |s| s.facts.len()))
        });
        let proven = Memo::new(move |_| {
            // Read, not only tracked: a memo runs (and subscribes to its sources) when read.
            let _count = facts.get();
            pg.sim
                .with_value(|s| s.as_ref().map(proven_advice))
                .unwrap_or_default()
        });
        let hash = Memo::new(move |_| pg.running_text.with(|t| scenario_hash(t)));
        let panel = Memo::new(move |_| {
            dismissed.with(|d| project(statics.get(), proven.get(), hash.get(), d))
        });
        AdviceState {
            panel,
            dismissed,
            focus: RwSignal::new(None),
            pg,
            layout: use_context::<crate::layout::Layout>(),
        }
    }

    /// Dismisses (or, with `restore`, shows again) the finding with `key`, and remembers it.
    pub fn set_dismissed(&self, key: &str, dismissed: bool) {
        self.dismissed.update(|d| {
            if dismissed {
                d.dismiss(key.to_string());
            } else {
                d.restore(key);
            }
        });
        self.dismissed
            .with_untracked(|d| storage::write(KEY, &d.to_json()));
    }

    /// Reveals log line `number` (counted from the first line ever written) in the event log:
    /// opens the log column, shows and highlights the line, scrolls to it. Returns why it
    /// cannot when the line is no longer kept.
    pub fn reveal(&self, number: usize) -> Result<(), &'static str> {
        let pg = self.pg;
        let find = || {
            let dropped = pg
                .sim
                .with_value(|s| s.as_ref().map_or(0, |s| s.log_dropped()));
            let dropped = usize::try_from(dropped).unwrap_or(usize::MAX);
            let base = pg.log_base();
            let kept = pg.log.with_untracked(Vec::len);
            (
                find_log_line(number, dropped.saturating_add(base), kept),
                base,
            )
        };
        let (mut found, mut base) = find();
        if found == LogLine::NotYet {
            // The page copies the log a few times a second: copy it now.
            pg.refresh_log();
            (found, base) = find();
        }
        match found {
            LogLine::Kept(i) => {
                let key = base + i;
                self.focus.set(Some(key));
                if let Some(layout) = self.layout {
                    layout.prefs.update(|p| p.side_open = true);
                }
                scroll_to_line(key);
                Ok(())
            }
            LogLine::Dropped => Err("This event is no longer in the event log: the log keeps only the newest lines, and this one was dropped."),
            LogLine::NotYet => Err("This event is not in the event log yet; try again in a moment."),
        }
    }
}

/// Scrolls the event log to the line keyed `key`, once the log pane has drawn it.
fn scroll_to_line(key: usize) {
    set_timeout(
        move || {
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let selector = format!("[data-testid=log] li[data-line=\"{key}\"]");
            if let Ok(Some(el)) = doc.query_selector(&selector) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        },
        std::time::Duration::from_millis(60),
    );
}
