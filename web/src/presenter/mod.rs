//! Presenter mode, for a projector: the cluster takes the screen in large type, next to one
//! chosen chart and the latest service events (and Spot warnings, see
//! [`ecs_sim::view::presenter_events`]), an open lesson's goals under it ([`lesson`]), with no
//! editing chrome (editor, failure buttons, share bar, dock and full log are hidden, not closed:
//! an unregistered edit is still there when presenter mode ends). A button in the top bar and the `p` key turn it on and off
//! (`Escape` turns it off); the key does nothing while the user types in a field or the editor.

use crate::keys::typing_in;
use crate::layout::Layout;
use crate::metrics::{chart::Chart, project_all};
use crate::state::{Playground, Selection};
use ecs_sim::time::clock;
use ecs_sim::view::charts::ChartView;
use ecs_sim::view::not_recorded::stays_empty;
use ecs_sim::view::presenter_events::{presenter_rows, room_line, same_story};
use leptos::prelude::*;

mod lesson;

pub use lesson::PresenterLesson;

/// Events listed beside the cluster.
const EVENTS_SHOWN: usize = 6;

/// Whether this Escape closes an open selection: the explain panel marks the key it took
/// (`preventDefault`) so presenter mode stays on when that listener runs first.
fn closes_selection(ev: &web_sys::KeyboardEvent, pg: Option<Playground>) -> bool {
    ev.default_prevented() || pg.is_some_and(|pg| pg.selection.get_untracked() != Selection::None)
}

/// The top-bar button, and the `p` / `Escape` keys.
#[component]
pub fn PresenterButton() -> impl IntoView {
    let layout = expect_context::<Layout>();
    let pg = use_context::<Playground>();
    let on = layout.presenter;
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if typing_in(&ev) || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "p" | "P" => {
                ev.prevent_default();
                on.update(|p| *p = !*p);
            }
            // A selection open beside the cluster closes first (the explain panel's own
            // Escape): one Escape closed the details and left presenter mode at once. Either
            // listener may run first, so both read the selection as it was before the key.
            "Escape" if on.get_untracked() && !closes_selection(&ev, pg) => on.set(false),
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    // The root font size scales everything measured in rem, so the page is marked on <html>.
    Effect::new(move |_| {
        let presenting = on.get();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = if presenting {
                root.set_attribute("data-presenter", "")
            } else {
                root.remove_attribute("data-presenter")
            };
        }
    });
    view! {
        <button type="button" class="presenter-toggle" data-testid="presenter-toggle"
            aria-pressed=move || on.get().to_string() aria-keyshortcuts="p"
            title=move || if on.get() { "Leave presenter mode (p or Esc)" } else { "Presenter mode: large type for a projector (p)" }
            on:click=move |_| on.update(|p| *p = !*p)>
            {move || if on.get() { "Exit presenter" } else { "Present" }}
        </button>
    }
}

/// The column beside the cluster in presenter mode: one chart (picked from those the metrics
/// panel draws, and the Cost tab's cost per hour) and the newest service events, actions and
/// instance changes.
#[component]
pub fn PresenterAside() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let layout = expect_context::<Layout>();
    // The cost chart too: lessons 4 and 14 fail only their cost goal, and presenter mode had no
    // chart of it (instructor walkthrough, 28th session).
    let charts: Memo<Vec<ChartView>> = Memo::new(move |_| project_all(&pg, pg.service.get(), true));
    let titles = Memo::new(move |_| {
        charts.with(|c| {
            c.iter()
                .filter(|v| !stays_empty(v))
                .map(|v| v.title.clone())
                .collect::<Vec<_>>()
        })
    });
    let wanted = layout.pick(|p| p.presenter_chart.clone());
    // The lesson's own service as presenter mode comes on (`challenge::chart::presenter_service`):
    // a fix made in Service settings selects the service it edits, whose charts are not the
    // graded ones. A card clicked while presenting still switches.
    if let Some(lessons) = use_context::<crate::lesson::Lessons>() {
        Effect::new(move |_| {
            if layout.presenter.get() {
                let service = lessons.open.with_untracked(|o| {
                    o.as_ref().and_then(|o| {
                        ecs_sim::challenge::chart::presenter_service(&o.challenge.doc.goals)
                    })
                });
                if let Some(name) = service {
                    pg.show_service_named(&name);
                }
            }
        });
    }
    // A lesson opens on the chart of what it grades (`challenge::chart`); a chart picked after
    // that stays.
    if let Some(lessons) = use_context::<crate::lesson::Lessons>() {
        Effect::new(move |was: Option<Option<String>>| {
            let (id, chart) = lessons.open.with(|o| match o {
                Some(o) => (
                    Some(o.challenge.doc.id.clone()),
                    ecs_sim::challenge::chart::presenter_chart(
                        &o.challenge.doc.goals,
                        o.challenge.doc.presenter_chart.as_deref(),
                    ),
                ),
                None => (None, None),
            });
            if was.as_ref() != Some(&id) {
                if let Some(title) = chart {
                    layout.prefs.update(|p| p.presenter_chart = title);
                }
            }
            id
        });
    }
    // The remembered chart, else the first.
    let shown_title = Memo::new(move |_| {
        let w = wanted.get();
        titles.with(|t| {
            if t.contains(&w) {
                w
            } else {
                t.first().cloned().unwrap_or_default()
            }
        })
    });
    let chart = Memo::new(move |_| {
        let t = shown_title.get();
        charts.with(|c| c.iter().find(|v| v.title == t).cloned())
    });
    let has_chart = Memo::new(move |_| chart.with(Option::is_some));
    let now = Memo::new(move |_| {
        pg.slow_redraw.track();
        pg.clock_ms()
    });
    let events = Memo::new(move |_| {
        pg.log.with(|log| {
            let base = pg.log_base();
            presenter_rows(log, EVENTS_SHOWN)
                .into_iter()
                .filter_map(|r| {
                    log.get(r.line).map(|e| {
                        (
                            base + r.line,
                            e.clone(),
                            room_line(&e.text, r.count),
                            r.count,
                        )
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let colour = move |service: Option<&str>| pg.service_colour_class(service);
    // The line a "Pause on…" stopped at, highlighted as in the log pane and scrolled into the
    // list's view: newer lines of the same second (a rollback, a steady state) pushed it below
    // the projector's edge (walkthrough at 1280×720).
    let events_list = NodeRef::<leptos::html::Ol>::new();
    Effect::new(move |_| {
        if pg.paused_at.with(Option::is_none) {
            return;
        }
        request_animation_frame(move || {
            let Some(ol) = events_list.get_untracked() else {
                return;
            };
            // The line goes to the top of the list, not just into it: scrolled by the least
            // distance it sat at the bottom under a cut entry with no time or service
            // ("desiredStatus STOPPED, stopCode …", instructor walkthrough).
            if let Some(line) = ol.query_selector("li.paused").ok().flatten() {
                let above =
                    line.get_bounding_client_rect().top() - ol.get_bounding_client_rect().top();
                ol.set_scroll_top(ol.scroll_top() + above.round() as i32);
            }
        });
    });
    // A clicked chip's or instance's details (why a task is PENDING, what it waits for) take
    // the chart's place until closed: the log pane that holds them is hidden here.
    let selected = Memo::new(move |_| pg.selection.get() != Selection::None);
    view! {
        <aside class="presenter-aside" data-testid="presenter-aside" aria-label="Presenter view: chart and latest events">
            <Show when=move || selected.get()>
                <section class="explain presenter-explain" data-testid="presenter-explain" aria-label="Selected" aria-live="polite">
                    <crate::explain::SelectionDetails />
                </section>
            </Show>
            <label class="presenter-pick" hidden=move || selected.get()>
                <span>"Chart"</span>
                <select data-testid="presenter-chart" aria-label="Chart shown in presenter mode"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        layout.prefs.update(|p| p.presenter_chart = v);
                    }>
                    {move || titles.get().into_iter().map(|t| {
                        let selected = t == shown_title.get();
                        view! { <option value=t.clone() selected=selected>{t.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
            {move || if selected.get() {
                ().into_any()
            } else if has_chart.get() {
                view! { <Chart view=chart now=now /> }.into_any()
            } else {
                view! { <p class="muted">"No data yet: metrics arrive once per simulated minute."</p> }.into_any()
            }}
            <h2>"Latest events"</h2>
            // A run with no such event yet (lesson 14's tasks start RUNNING) showed a bare heading,
            // which looked broken on a projector (instructor walkthrough).
            <Show when=move || events.with(Vec::is_empty)>
                <p class="muted" data-testid="presenter-events-empty">"No service events, actions or instance changes yet."</p>
            </Show>
            <ol class="presenter-events" data-testid="presenter-events" node_ref=events_list>
                <For each=move || events.get() key=|(n, ..)| *n children=move |(_, e, text, count)| {
                    let svc = e.service.clone();
                    let tag = colour(svc.as_deref());
                    let entry = e.clone();
                    // A pause on any line of a shared row marks the row.
                    let paused = Memo::new(move |_| pg.paused_at.with(|h| h.as_ref().is_some_and(|h| {
                        h.entry == entry || (count > 1 && same_story(&entry, &h.entry))
                    })));
                    view! {
                        <li class=format!("kind-{:?}", e.kind).to_lowercase() class:paused=paused
                            data-paused=move || paused.get().then_some("true")>
                            <time>{clock(e.at)}</time>
                            {svc.map(|s| view! { <span class=format!("svc {tag}")>{s}</span> })}
                            // Target groups by name: a whole ARN took five lines of this
                            // column per event (student walkthrough).
                            <span class="text">{crate::event_log::with_short_ids(&ecs_sim::view::short_arns::short_arns(&text))}</span>
                        </li>
                    }
                } />
            </ol>
            // The notice, in flow under the events it may point to (a pause's line).
            <crate::notice::NoticeBar />
        </aside>
    }
}
