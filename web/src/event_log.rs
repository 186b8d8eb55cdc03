//! The event log pane: newest line first, `mm:ss` time stamps, service events (ECS's words)
//! set apart from task, instance and action lines, filters by service and by kind. Only the
//! newest few hundred matching lines are drawn, so the pane stays fast on long runs.
//!
//! The service filter is the page's selected service ([`Playground::service`]) unless the user
//! chose "All services" ([`LogScope`]); clicking a line of a service selects that service
//! everywhere. The line a "Pause on…" stopped at is highlighted.

use crate::state::{LogScope, Playground};
use ecs_sim::sim::log::{LogEntry, LogKind};
use ecs_sim::time::clock;
use ecs_sim::view::{log_pieces, log_text_shown, newest_matching, LogFilter, LogPiece};
use leptos::prelude::*;

/// Lines drawn at most.
const SHOWN: usize = 300;
/// Lines drawn while the page redraws fast (max speed, "Run to…"): at 2,000 tasks every
/// copy of the log brings hundreds of new lines, and drawing 300 new lines twice a second made
/// 100–300 ms tasks; nobody reads them at that speed.
const SHOWN_FAST: usize = 40;
/// Lines added per step when the page slows down again (pause, a slower speed), so the pane
/// grows back to [`SHOWN`] over a few tasks instead of in one long task.
const GROW_BY: usize = 40;

/// Grows `limit` by [`GROW_BY`] per timer task (16 ms apart) up to [`SHOWN`], unless the page
/// is redrawing fast again. A timer, not an animation frame: work in an animation frame delays
/// that frame's paint, and the first one after a click on Pause paints the paused controls.
fn grow(pg: Playground, limit: RwSignal<usize>) {
    set_timeout(
        move || {
            if untrack(move || pg.redrawing_fast()) {
                return;
            }
            let Some(now) = limit.try_get_untracked() else {
                return;
            };
            if now < SHOWN {
                limit.set((now + GROW_BY).min(SHOWN));
                grow(pg, limit);
            }
        },
        std::time::Duration::from_millis(16),
    );
}

/// Text with its task and instance IDs drawn short ([`ecs_sim::view::log_ids`]): the first
/// eight characters, as the chips are labelled; the rest stays in the page, clipped, so a copy
/// of the line has the whole ID, and the tooltip shows it.
pub(crate) fn with_short_ids(text: &str) -> Vec<AnyView> {
    log_pieces(text)
        .into_iter()
        .map(|piece| match piece {
            LogPiece::Text(t) => t.to_string().into_any(),
            LogPiece::Id { shown, rest } => view! {
                <span class="log-id" title=format!("{shown}{rest}")>
                    {shown.to_string()}<span class="log-id-rest">{rest.to_string()}</span>
                </span>
            }
            .into_any(),
        })
        .collect()
}

/// A line's text: whole when short; the start and a button for the rest when long (a line
/// naming a service's 1,000 new tasks is about 40,000 characters, and laying it out took the
/// browser 11–19 ms, see [`ecs_sim::view::log_text`]).
fn line_text(text: &str) -> AnyView {
    let shown = log_text_shown(text);
    if shown.hidden_chars == 0 {
        return view! { <span class="text">{with_short_ids(text)}</span> }.into_any();
    }
    let whole = RwSignal::new(false);
    let (head, full) = (shown.head.to_string(), text.to_string());
    let label = format!("… show all ({} more characters)", shown.hidden_chars);
    view! {
        <span class="text">{move || with_short_ids(if whole.get() { &full } else { &head })}</span>
        <Show when=move || !whole.get()>
            <button type="button" class="log-more" data-testid="log-more"
                title="Draw the whole line (it names every task)"
                on:click=move |ev| { ev.stop_propagation(); whole.set(true); }>{label.clone()}</button>
        </Show>
    }
    .into_any()
}

/// The kinds, with the label of their filter button and of their lines.
const KINDS: [(LogKind, &str, &str); 4] = [
    (LogKind::Service, "Service events", "service"),
    (LogKind::Task, "Tasks", "task"),
    (LogKind::Instance, "Instances", "instance"),
    (LogKind::Action, "Actions", "action"),
];

fn tag(kind: LogKind) -> &'static str {
    KINDS
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map_or("", |(_, _, t)| t)
}

/// The event log.
#[component]
pub fn EventLog() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let kinds = RwSignal::new(Vec::<LogKind>::new());
    let services = pg.service_names();
    // The selected service's name while the log follows the selection.
    let followed = Memo::new(move |_| {
        (pg.log_scope.get() == LogScope::Selected)
            .then(|| services.with(|n| n.get(pg.service.get()).cloned()))
            .flatten()
    });
    let filter = Memo::new(move |_| LogFilter {
        service: followed.get(),
        kinds: kinds.get(),
    });
    // A line's service becomes the selected one, and the log follows it.
    let select = move |name: &str| {
        if pg.select_service_named(name) {
            pg.log_scope.set(LogScope::Selected);
        }
    };
    // The line an Advice finding asked to reveal: drawn even when older than the newest
    // SHOWN or filtered out, and highlighted.
    let focus = use_context::<crate::advice::AdviceState>().map(|a| a.focus);
    let focused = move || focus.and_then(|f| f.get());
    let limit = RwSignal::new(SHOWN);
    Effect::new(move |_| {
        if pg.redrawing_fast() {
            if limit.get_untracked() != SHOWN_FAST {
                limit.set(SHOWN_FAST);
            }
        } else if limit.get_untracked() < SHOWN {
            grow(pg, limit);
        }
    });
    let lines = Memo::new(move |_| {
        let wanted = focused();
        let shown = limit.get();
        pg.log.with(|log| {
            // Keyed by the engine's line number, which does not shift when old lines are trimmed.
            let base = pg.log_base();
            let mut lines = filter.with(|f| {
                newest_matching(log, f, shown)
                    .into_iter()
                    .filter_map(|i| log.get(i).map(|e| (base + i, e.clone())))
                    .collect::<Vec<_>>()
            });
            if let Some(k) = wanted {
                if !lines.iter().any(|(n, _)| *n == k) {
                    if let Some(e) = k.checked_sub(base).and_then(|i| log.get(i)) {
                        lines.push((k, e.clone()));
                        ecs_sim::order::sort_by_key(&mut lines, |l| std::cmp::Reverse(l.0));
                    }
                }
            }
            lines
        })
    });
    let total = move || pg.log.with(Vec::len);
    let colour = move |e: &LogEntry| pg.service_colour_class(e.service.as_deref());
    view! {
        <div class="log-head">
            <h2>"Event log"</h2>
            <select data-testid="log-service" aria-label="Show lines of service"
                title="The selected service's lines (selecting a service anywhere changes it), or all services"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if v.is_empty() {
                        pg.log_scope.set(LogScope::All);
                    } else {
                        select(&v);
                    }
                }>
                <option value="" prop:selected=move || followed.with(Option::is_none)>"All services"</option>
                <For each=move || services.get() key=|n| n.clone()
                    children=move |n| {
                        let is = n.clone();
                        view! { <option value=n.clone() prop:selected=move || followed.with(|f| f.as_deref() == Some(is.as_str()))>{n.clone()}</option> }
                    } />
            </select>
            <span class="kinds" role="group" aria-label="Show kinds">
                {KINDS.into_iter().map(|(kind, label, t)| {
                    let on = move || kinds.with(|f| f.contains(&kind));
                    view! {
                        <button type="button" class=format!("kind kind-{t}") class:active=on aria-pressed=move || on().to_string()
                            data-testid=format!("log-kind-{t}") title=format!("Show only {label} (click several to combine)")
                            on:click=move |_| kinds.update(|f| {
                                if let Some(p) = f.iter().position(|k| *k == kind) {
                                    f.remove(p);
                                } else {
                                    f.push(kind);
                                }
                            })>{label}</button>
                    }
                }).collect_view()}
            </span>
            // Selecting a task or a service elsewhere narrows the log to that service; say so
            // where the lines are, with the way back (a walkthrough found the change silent).
            {move || followed.get().map(|name| view! {
                <span class="log-following" data-testid="log-following" role="status">
                    {format!("Only the lines of {name}, the selected service.")}
                    <button type="button" class="link" data-testid="log-show-all"
                        on:click=move |_| pg.log_scope.set(LogScope::All)>"Show all"</button>
                </span>
            })}
            <span class="log-count" data-testid="log-count">{move || {
                let shown = lines.with(Vec::len);
                let n = total();
                if shown >= limit.get() { format!("newest {shown} of {n} lines") } else { format!("{shown} of {n} lines") }
            }}</span>
        </div>
        <ol class="log" class:empty=move || lines.with(Vec::is_empty) data-testid="log" aria-label="Events, newest first">
            <For each=move || lines.get() key=|(n, _)| *n
                children=move |(n, e)| {
                    let t = tag(e.kind);
                    let service = e.service.clone();
                    let entry = e.clone();
                    let paused = Memo::new(move |_| pg.paused_at.with(|h| h.as_ref().is_some_and(|h| h.entry == entry)));
                    let title = service.as_ref().map(|s| format!("Click to select service {s} in every panel"));
                    view! {
                        <li class=format!("line kind-{t}") class:selectable=service.is_some() class:paused=paused
                            data-paused=move || paused.get().then_some("true")
                            data-kind=t data-service=e.service.clone().unwrap_or_default() title=title
                            data-line=n.to_string() class:focused=move || focused() == Some(n)
                            data-testid=move || (focused() == Some(n)).then_some("log-focused")
                            on:click=move |_| if let Some(s) = service.as_deref() { select(s) }>
                            <time>{clock(e.at)}</time>
                            <span class="tag">{t}</span>
                            {e.service.clone().map(|s| {
                                let name = s.clone();
                                let label = format!("Select service {s}");
                                view! {
                                    <button type="button" class=format!("svc {}", colour(&e)) data-testid="log-line-service"
                                        aria-label=label
                                        on:click=move |ev| { ev.stop_propagation(); select(&name); }>{s}</button>
                                }
                            })}
                            {line_text(&e.text)}
                        </li>
                    }
                } />
        </ol>
    }
}
