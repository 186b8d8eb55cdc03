//! A task as a small button: coloured by service, shaded by revision, styled by lifecycle
//! phase (dashed while starting, solid when RUNNING, faded while stopping), red when
//! UNHEALTHY. The element stays while the task changes, so CSS transitions animate it.

use crate::chip_table::Chip;
use crate::state::{Playground, Selection};
use ecs_sim::view::{find_task, revision_shade, service_colour};
use leptos::prelude::*;

/// The chip of task `index` (its index in the engine).
#[component]
pub fn TaskChip(index: usize) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let chip = RwSignal::new(pg.snapshot.with_untracked(|s| {
        let s = s.as_ref()?;
        let t = find_task(s, index)?;
        Some(Chip::of(
            t,
            s.now_ms,
            service_colour(s, t.service.as_deref()),
            revision_shade(s, t),
        ))
    }));
    let key = pg.chips.add(index, chip);
    on_cleanup(move || pg.chips.remove(key));
    let selected = Memo::new(move |_| pg.selection.get() == Selection::Task(index));
    // One Tab stop for the cluster's chips; arrow keys move it (see `keyboard.rs`).
    let nav = use_context::<super::ChipNav>();
    let (nav_tab, nav_key, nav_click) = (nav.clone(), nav.clone(), nav.clone());
    on_cleanup(move || {
        if let Some(n) = nav {
            n.forget(index)
        }
    });
    let tab_index = move || nav_tab.as_ref().map_or(0, |n| n.tab_index(index));
    let class = move || {
        chip.with(|c| match c {
            Some(c) => format!(
                "task-chip {} shade{} phase-{}{}{}{}",
                crate::chip_table::colour_class(c.colour),
                c.shade,
                c.phase,
                if c.unhealthy { " unhealthy" } else { "" },
                c.target.map(|s| format!(" target-{s}")).unwrap_or_default(),
                if selected.get() { " selected" } else { "" },
            ),
            None => "task-chip phase-stopped".to_string(),
        })
    };
    let field = move |f: fn(&Chip) -> String| move || chip.with(|c| c.as_ref().map(f));
    view! {
        <button type="button" class=class data-testid="task" data-task=index
            data-status=field(|c| c.status.to_string()) data-service=field(|c| c.service.to_string())
            data-target=move || chip.with(|c| c.as_ref().and_then(|c| c.target))
            title=field(Chip::title) aria-label=field(Chip::title)
            aria-pressed=move || selected.get().to_string()
            tabindex=tab_index
            on:keydown=move |ev| { if let Some(n) = &nav_key { n.key(index, &ev) } }
            on:click=move |ev| {
                ev.stop_propagation();
                if let Some(n) = &nav_click { n.focus(index) }
                pg.selection.set(Selection::Task(index));
            }>
            {field(|c| c.label.to_string())}
            {move || chip.with(|c| c.as_ref().is_some_and(|c| c.unhealthy)).then(|| view! { <span class="mark" aria-hidden="true">"!"</span> })}
            {move || chip.with(|c| c.as_ref().is_some_and(|c| c.spot)).then(|| view! { <span class="mark spot" aria-hidden="true">"spot"</span> })}
            {move || chip.with(|c| c.as_ref().is_some_and(|c| c.hung)).then(|| view! { <span class="mark hung" data-testid="chip-hung" aria-hidden="true">"hung"</span> })}
            {move || chip.with(|c| c.as_ref().and_then(|c| c.drain_left.clone())).map(|left| view! { <span class="mark drain" data-testid="chip-drain" aria-hidden="true">{left}</span> })}
        </button>
    }
}
