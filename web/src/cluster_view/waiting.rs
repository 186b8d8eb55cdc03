//! The queue above the zone lanes: services with tasks they could not place (no task exists for
//! those: ECS reports only the event, the count is the simulator's own), and tasks waiting in
//! PROVISIONING for a capacity provider's managed scaling. Click one to see every instance's
//! verdict in the explain panel.

use super::TaskChip;
use crate::state::{Playground, Selection};
use ecs_sim::view::{find_task, ClusterLayout};
use leptos::prelude::*;

/// At most this many waiting tasks are listed (the count says how many there are); the chips'
/// keyboard order uses the same number.
const SHOWN: usize = ecs_sim::view::chip_nav::WAITING_SHOWN;

/// "Waiting for placement (n)", above the zone lanes; absent when nothing waits.
#[component]
pub fn WaitingQueue(layout: Memo<Option<ClusterLayout>>) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let waiting = Memo::new(move |_| {
        layout.with(|l| l.as_ref().map(|l| l.waiting.clone()).unwrap_or_default())
    });
    let unplaced = Memo::new(move |_| {
        layout.with(|l| l.as_ref().map(|l| l.unplaced.clone()).unwrap_or_default())
    });
    let total = Memo::new(move |_| {
        let services: u32 = pg.snapshot.with(|s| {
            s.as_ref().map_or(0, |s| {
                unplaced.with(|u| {
                    u.iter()
                        .filter_map(|&i| s.services.get(i))
                        .map(|v| v.unplaced_count)
                        .sum()
                })
            })
        });
        services as usize + waiting.with(Vec::len)
    });
    let any = move || total.get() != 0;
    // Consecutive tasks waiting for the same reason share one row: four identical rows of
    // "PROVISIONING: CPU: needs 1024 units…" took the cluster's height, and the stage shrank
    // everything to fit them (lesson 13 in presenter mode, student walkthrough). The chips keep
    // their order, which the keyboard's chip order follows.
    let rows = Memo::new(move |_| {
        let shown: Vec<usize> = waiting.with(|w| w.iter().take(SHOWN).copied().collect());
        pg.snapshot.with(|s| {
            let reason = |t: usize| {
                s.as_ref()
                    .and_then(|s| find_task(s, t))
                    .and_then(|t| t.waiting_reason.clone())
                    .unwrap_or_default()
            };
            let mut rows: Vec<(String, Vec<usize>)> = Vec::new();
            for t in shown {
                let r = reason(t);
                match rows.last_mut() {
                    Some((last, tasks)) if *last == r => tasks.push(t),
                    _ => rows.push((r, vec![t])),
                }
            }
            rows
        })
    });
    let more = move || waiting.with(|w| w.len().saturating_sub(SHOWN));
    view! {
        <Show when=any>
            <section class="waiting" data-testid="waiting-queue" aria-label="Waiting for placement">
                <h2>"Waiting for placement "<span class="count">"("{move || total.get()}")"</span></h2>
                <ul>
                    <For each=move || unplaced.get() key=|s| *s children=move |s| view! { <UnplacedRow service=s /> } />
                    // Keyed by each row's first task, and the chips by task, so a chip keeps
                    // its element (its focus, its transitions) while the queue changes.
                    <For each=move || rows.with(|rs| rs.iter().map(|(_, ts)| ts[0]).collect::<Vec<_>>())
                        key=|first| *first
                        children=move |first| {
                            let row = Memo::new(move |_| rows.with(|rs| rs.iter().find(|(_, ts)| ts[0] == first).cloned()));
                            view! {
                                // Task ids in the reason cut short as in the log (a 32-character
                                // id filled the line, walkthrough).
                                <li data-testid="waiting-row">
                                    <span class="chips">
                                        <For each=move || row.with(|r| r.as_ref().map(|r| r.1.clone()).unwrap_or_default())
                                            key=|t| *t children=move |t| view! { <TaskChip index=t /> } />
                                    </span>
                                    <span class="reason">"PROVISIONING: "{move || row.with(|r| r.as_ref().map(|r| crate::event_log::with_short_ids(&r.0)).unwrap_or_default())}</span>
                                </li>
                            }
                        } />
                </ul>
                {move || (more() > 0).then(|| view! { <p class="more">{format!("and {} more", more())}</p> })}
                // The asterisk's meaning on the page, not only in a tooltip: nobody hovers on a
                // projector (presenter walkthrough, 2026-12-07). It also explains the service
                // card's "not placed n*".
                <Show when=move || unplaced.with(|u| !u.is_empty())>
                    <p class="footnote" data-testid="unplaced-footnote">
                        "* The playground's count: ECS creates no task for these and only logs \"unable to place a task\"."</p>
                </Show>
            </section>
        </Show>
    }
}

/// One service's tasks that could not be placed: a button with the count and the reason.
#[component]
fn UnplacedRow(service: usize) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let row = Memo::new(move |_| {
        pg.snapshot.with(|s| {
            let v = s.as_ref()?.services.get(service)?;
            Some((
                v.name.clone(),
                v.unplaced_count,
                v.unplaced_reason.clone().unwrap_or_default(),
            ))
        })
    });
    let text = move |f: fn(&(String, u32, String)) -> String| {
        move || row.with(|r| r.as_ref().map(f).unwrap_or_default())
    };
    let selected = move || pg.selection.get() == Selection::Unplaced(service);
    view! {
        <li data-testid="unplaced" data-service=text(|r| r.0.clone())>
            <button type="button" class="unplaced" aria-pressed=move || selected().to_string()
                title="The simulator's own count: ECS creates no task for these and reports only the event. Click to see why."
                on:click=move |_| pg.selection.set(Selection::Unplaced(service))>
                {text(|r| format!("{}: {} not placed*", r.0, r.1))}
            </button>
            <span class="reason">{move || row.with(|r| r.as_ref().map(|r| crate::event_log::with_short_ids(&r.2)).unwrap_or_default())}</span>
        </li>
    }
}
