//! The Scenario JSON tab: the whole document, validated as you type; problems are placed at
//! their fields by their paths from the scenario root.

use super::code_area::CodeArea;
use super::marks;
use crate::state::Playground;
use leptos::prelude::*;

/// The whole-scenario editor.
#[component]
pub fn ScenarioJson() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let text = Signal::derive(move || pg.text.get());
    // Placing the problems and the advice at their fields (the advice rules, a scan of the text)
    // runs in a task of its own after the edit's validation, not in the same one: on a large
    // scenario the two together blocked the page for longer (issue #14).
    let settled = RwSignal::new(0_u32);
    Effect::new(move |first: Option<()>| {
        pg.text.track();
        pg.problems.track();
        pg.syntax_error.track();
        pg.running_text.track();
        if first.is_some() {
            set_timeout(
                move || {
                    settled.try_update(|n| *n = n.wrapping_add(1));
                },
                std::time::Duration::ZERO,
            );
        }
    });
    let placed = Memo::new(move |_| {
        settled.track();
        if let Some((line, column, message)) = pg.syntax_error.get_untracked() {
            return vec![marks::syntax(line, column, &message)];
        }
        let mut placed = pg
            .problems
            .with_untracked(|p| pg.text.with_untracked(|t| marks::place(t, p)));
        if pg.problems_first_stage.get_untracked() {
            placed = marks::first_stage(placed);
        }
        // A valid text is the running scenario: its advice, as warnings.
        if placed.is_empty()
            && pg
                .text
                .with_untracked(|t| pg.running_text.with_untracked(|r| t == r))
        {
            let found = pg.sim.with_value(|s| {
                s.as_ref()
                    .map(|s| ecs_sim::view::report::advice::static_advice(&s.model))
                    .unwrap_or_default()
            });
            placed.extend(pg.text.with_untracked(|t| marks::advice(t, &found)));
        }
        placed
    });
    let on_input = Callback::new(move |t: String| pg.typed(t));
    view! {
        <div class="scenario-tab">
            <p class="hint">"The whole scenario. A valid edit restarts the simulation; while it is invalid, the last valid version keeps running."</p>
            <CodeArea text=text on_input=on_input marks=placed
                label="Scenario JSON".to_string() testid="scenario-editor" schema_root="scenario"
                open_paths=pg.open_paths />
        </div>
    }
}
