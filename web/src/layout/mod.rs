//! The page's panels and how the user arranged them: the editor column, the cluster in the
//! centre, the explain-and-log column, and the dock under the cluster (deployments, metrics).
//! Each side panel collapses to a rail and resizes by dragging (or arrow keys on) its splitter;
//! the arrangement is remembered per browser ([`prefs::KEY`] in `localStorage`). Presenter mode
//! ([`crate::presenter`]) is a flag here too, but is not remembered: a reload returns to the
//! working layout.

pub mod prefs;
mod splitter;
pub mod storage;

use leptos::prelude::*;
pub use prefs::{DockTab, Prefs};
pub use splitter::{Edge, Splitter};

/// The layout, shared through context.
#[derive(Clone, Copy)]
pub struct Layout {
    /// The remembered arrangement.
    pub prefs: RwSignal<Prefs>,
    /// Presenter mode is on.
    pub presenter: RwSignal<bool>,
}

impl Layout {
    /// The stored layout (or the default), saved again on every change.
    pub fn load() -> Layout {
        let prefs = storage::read(prefs::KEY, prefs::MAX_LEN)
            .map(|t| Prefs::parse(&t))
            .unwrap_or_default();
        let layout = Layout {
            prefs: RwSignal::new(prefs),
            presenter: RwSignal::new(false),
        };
        Effect::new(move |_| {
            let text = layout.prefs.with(Prefs::to_json);
            storage::write(prefs::KEY, &text);
        });
        layout
    }

    /// One field of the arrangement, memoised so readers redraw only when it changes.
    pub fn pick<T: Clone + PartialEq + Send + Sync + 'static>(self, f: fn(&Prefs) -> T) -> Memo<T> {
        let prefs = self.prefs;
        Memo::new(move |_| prefs.with(f))
    }

    /// Whether the dock shows `tab` now (open, on that tab, and not in presenter mode); read
    /// in a reactive context, it follows. Panels project nothing while they cannot be seen.
    pub fn shows(self, tab: DockTab) -> bool {
        self.prefs.with(|p| p.dock_open && p.dock_tab == tab) && !self.presenter.get()
    }
}

/// A panel's open/close button: names the panel, says whether it is open (`aria-expanded`),
/// and toggles it.
#[component]
pub fn PanelToggle(
    /// The panel's name ("Editor", "Event log" …).
    label: &'static str,
    /// `data-testid` of the button.
    testid: &'static str,
    /// `id` of the element it shows and hides.
    controls: &'static str,
    /// Reads the flag.
    get: fn(&Prefs) -> bool,
    /// Writes the flag.
    set: fn(&mut Prefs, bool),
    /// Extra class ("rail" when drawn as a vertical rail).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let layout = expect_context::<Layout>();
    let open = layout.pick(get);
    view! {
        <button type="button" class=format!("panel-toggle {class}") data-testid=testid
            aria-expanded=move || open.get().to_string() aria-controls=controls
            title=move || format!("{} {label}", if open.get() { "Hide" } else { "Show" })
            on:click=move |_| layout.prefs.update(|p| set(p, !get(p)))>
            <span class="chev" aria-hidden="true">{move || if open.get() { "−" } else { "+" }}</span>
            <span class="panel-label">{label}</span>
        </button>
    }
}
