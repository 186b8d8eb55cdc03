//! The page layout: the top bar (controls, share, presenter mode), the scenario's description,
//! then the panes — the editor on the left, the cluster in the centre with the dock
//! (deployments, metrics) under it, and the explain panel and event log on the right. The
//! cluster takes whatever the other panels leave, and they can be collapsed and resized
//! ([`crate::layout`]); presenter mode ([`crate::presenter`]) leaves only the cluster, one chart
//! and the latest events, in large type.

use crate::about::ScenarioAbout;
use crate::cluster_view::{ClusterView, StaleNotice};
use crate::controls::{Controls, Failures};
use crate::cost::CostPanelView;
use crate::deployment_view::DeploymentView;
use crate::editor::Editor;
use crate::event_log::EventLog;
use crate::examples::ExamplesMenu;
use crate::explain::ExplainPanel;
use crate::layout::{DockTab, Edge, Layout, PanelToggle, Prefs, Splitter};
use crate::lesson::course_map::{CourseMap, LessonsButton};
use crate::lesson::pane::LessonPane;
use crate::lesson::{LessonSync, Lessons};
use crate::metrics::MetricsPanel;
use crate::persist::{Persist, RestoreBanner};
use crate::presenter::{PresenterAside, PresenterButton, PresenterLesson};
use crate::run_to::{RunProgressBar, RunTo};
use crate::share::{initial_opening, report_problem, ShareBar, SyncUrl};
use crate::state::{Notice, Playground};
use ecs_sim::scenario::heading::heading;
use leptos::prelude::*;

/// The whole playground.
#[component]
pub fn App() -> impl IntoView {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    // A lesson (`#lesson=…`) or a shared challenge (`#c1.…`) opens as a lesson; anything else
    // as a scenario, as before.
    let lesson = ecs_sim::challenge::link::open_fragment(&hash);
    let lessons = Lessons::new();
    let pg = if let Some(opened) = lesson {
        let pg = Playground::new(ecs_sim::scenario::DEFAULT_SCENARIO_JSON);
        match opened {
            Ok((challenge, fragment)) => lessons.start(pg, challenge, fragment),
            Err(message) => pg.notice.set(Some(Notice {
                is_error: true,
                text: format!("{message} The default scenario is shown instead."),
            })),
        }
        pg
    } else {
        let (text, opening) = initial_opening();
        let pg = Playground::new(&text);
        report_problem(
            pg,
            &opening,
            &hash,
            "The default scenario is shown instead.",
        );
        pg.offer.set(opening.offer);
        pg
    };
    provide_context(pg);
    provide_context(lessons);
    crate::lesson::provide_lock_refusals(pg);
    pg.link_selection();
    let layout = Layout::load();
    provide_context(layout);
    provide_context(crate::advice::AdviceState::new(pg));
    provide_context(crate::later::Retry(RwSignal::new(0)));
    let presenter = layout.presenter;
    let editor_open = layout.pick(|p| p.editor_open);
    let side_open = layout.pick(|p| p.side_open);
    let dock_open = layout.pick(|p| p.dock_open);
    let sizes = Memo::new(move |_| layout.prefs.with(grid_style));
    // `fast` goes on at once and comes off only after the frame that paints the paused
    // controls: turning 2,000 chips' transitions back on is a long style recalculation, which
    // would otherwise delay that frame (pause click -> UI updated ~275 ms at 2,000 tasks).
    let fast = RwSignal::new(false);
    Effect::new(move |_| {
        if pg.redrawing_fast() {
            fast.set(true);
        } else if fast.get_untracked() {
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if !untrack(move || pg.redrawing_fast()) {
                            fast.set(false);
                        }
                    },
                    std::time::Duration::ZERO,
                )
            });
        }
    });
    // The running scenario's name and description, read once per scenario for the top bar and
    // the description strip.
    let running = Memo::new(move |_| pg.running_text.with(|t| heading(t)));
    // Inside a lesson, the lesson's own title: its start scenario's name ("Lesson 14: the same
    // service for less") beside the pane's "14. Cost: the same service on right-sized instances"
    // read as two lessons at 1280×720 (student walkthrough, 28th session; presenter mode hides
    // the name).
    let name = move || {
        lessons
            .open
            .with(|o| o.as_ref().map(|o| o.challenge.doc.title.clone()))
            .unwrap_or_else(|| running.with(|h| h.name.clone().unwrap_or_default()))
    };
    view! {
        <div class="app" class:presenter=move || presenter.get() class:lesson-open=move || lessons.open.with(Option::is_some)>
            <header class="topbar">
                <h1>"ECS Playground"</h1>
                <span class="scenario-name" title=name>{name}</span>
                <LessonsButton />
                <ExamplesMenu />
                <div class="share-slot"><ShareBar /></div>
                <PresenterButton />
                // Two rows, each one job: the scenario (name, lessons, examples, sharing) and
                // the run (play, speed, run to). The bar wrapped wherever the width ran out, and
                // at 1280 and 1440 px the name shrank to "We…" (projector walkthrough).
                <span class="topbar-break" aria-hidden="true"></span>
                <Controls />
                <RunTo />
                // In the top bar, not a strip of its own: it takes the bar's free room instead
                // of the cluster's height (issue #11, every chip visible at 1280×720).
                <RunProgressBar />
            </header>
            <SyncUrl />
            <LessonSync />
            // Mounted from their first opening on (each part's chunk is fetched then).
            <Show when=crate::later::once_shown(move || lessons.map_open.get())>{crate::later!(course_map_part)}</Show>
            <Show when=crate::later::once_shown(move || lessons.builder_open.get())>{crate::later!(builder_part)}</Show>
            <Persist />
            <RestoreBanner />
            // In presenter mode the notice is in the column beside the cluster instead.
            <Show when=move || !presenter.get()><crate::notice::NoticeBar /></Show>
            // In a lesson the brief says what the scenario is about.
            <Show when=move || lessons.open.with(Option::is_none)><ScenarioAbout heading=running /></Show>
            // At max speed and during "Run to" the page redraws several times a second with
            // everything changed; transitions and the chip entrance animation would restart on
            // every redraw and make the browser lay out and paint every frame (styles: `.fast`).
            // `lesson-open` is a class on the app, not a `:has()` selector: one over the panes
            // was checked again on every chip change, and a Step at the scenario limits made
            // tasks of 60–100 ms (bench-long-tasks, A/B against the previous build).
            <main class="panes" class:fast=move || fast.get() style=move || sizes.get()
                class:editor-closed=move || !editor_open.get()
                class:side-closed=move || !side_open.get()
                class:dock-closed=move || !dock_open.get()>
                <section class="pane editor-pane" aria-label="Editor" data-testid="editor-pane">
                    <PanelToggle label="Editor" testid="toggle-editor" controls="editor-body" class="rail"
                        get=|p| p.editor_open set=|p, v| p.editor_open = v />
                    // Hidden, not removed, when collapsed: unregistered edits stay.
                    <div class="pane-body" id="editor-body" hidden=move || !editor_open.get()>{crate::later!(editor_part)}</div>
                </section>
                <Splitter edge=Edge::Editor />
                <div class="centre">
                    <section class="pane cluster-pane" aria-label="Cluster">
                        <div class="cluster-toolbar"><Failures /></div>
                        <StaleNotice />
                        <ClusterView />
                    </section>
                    <Splitter edge=Edge::Dock />
                    <Dock />
                    <Show when=move || presenter.get()>{crate::later!(presenter_lesson_part)}</Show>
                </div>
                <Splitter edge=Edge::Side />
                <section class="pane log-pane" aria-label="Explain and event log" data-testid="log-pane">
                    <PanelToggle label="Explain & log" testid="toggle-log" controls="log-body" class="rail"
                        get=|p| p.side_open set=|p, v| p.side_open = v />
                    <div class="pane-body" id="log-body" hidden=move || !side_open.get()><Show when=crate::later::once_shown(move || lessons.open.with(Option::is_some))>{crate::later!(lesson_pane_part)}</Show><ExplainPanel /><EventLog /></div>
                </section>
                <Show when=move || presenter.get()>{crate::later!(presenter_aside_part)}</Show>
            </main>
        </div>
    }
}

/// The panel sizes as CSS custom properties of the panes grid.
fn grid_style(p: &Prefs) -> String {
    format!(
        "--editor-w: {:.1}vw; --side-w: {:.1}vw; --dock-h: {:.1}vh; --zoom: {:.2};",
        p.editor_width, p.side_width, p.dock_height, p.zoom
    )
}

/// The dock under the cluster: deployments or metrics, one at a time, as tabs; collapsible.
#[component]
fn Dock() -> impl IntoView {
    let layout = expect_context::<Layout>();
    let tab = layout.pick(|p| p.dock_tab);
    let open = layout.pick(|p| p.dock_open);
    let tab_button = move |t: DockTab, label: &'static str| {
        let selected = move || tab.get() == t;
        view! {
            <button type="button" role="tab" class="tab" class:selected=selected
                data-testid=format!("dock-tab-{}", t.name()) id=format!("dock-tab-{}", t.name())
                aria-selected=move || selected().to_string() aria-controls="dock-body"
                on:click=move |_| layout.prefs.update(|p| { p.dock_tab = t; p.dock_open = true; })>{label}
                {(t == DockTab::Advice).then(|| view! { <crate::advice::AdviceBadge /> })}</button>
        }
    };
    // The metrics panel projects charts on every redraw: it exists only while it can be seen.
    let metrics_shown = move || layout.shows(DockTab::Metrics);
    view! {
        <section class="pane dock" aria-label="Deployments and metrics" data-testid="dock">
            <div class="dock-head">
                <div role="tablist" aria-label="Dock">
                    {tab_button(DockTab::Metrics, "Metrics")}
                    {tab_button(DockTab::Deployments, "Deployments")}
                    {tab_button(DockTab::Cost, "Cost")}
                    {tab_button(DockTab::Advice, "Advice")}
                </div>
                <PanelToggle label="Dock" testid="toggle-dock" controls="dock-body"
                    get=|p| p.dock_open set=|p, v| p.dock_open = v />
            </div>
            <div class="dock-body" id="dock-body" role="tabpanel"
                aria-labelledby=move || format!("dock-tab-{}", tab.get().name())
                hidden=move || !open.get()>
                // Kept while hidden once shown: the update-service form may hold typed text.
                <div class="dock-deployments" hidden=move || tab.get() != DockTab::Deployments>
                    <Show when=crate::later::once_shown(move || layout.shows(DockTab::Deployments))>{crate::later!(deployments_part)}</Show>
                </div>
                <Show when=metrics_shown>{crate::later!(metrics_part)}</Show>
                // Kept while hidden once shown: a comparison in progress keeps its result.
                <div class="dock-cost" hidden=move || !layout.shows(DockTab::Cost)>
                    <Show when=crate::later::once_shown(move || layout.shows(DockTab::Cost))>{crate::later!(cost_part)}</Show>
                </div>
                <Show when=move || tab.get() == DockTab::Advice>{crate::later!(advice_part)}</Show>
            </div>
        </section>
    }
}

// The parts of the page that come from their own chunk ([`crate::later`]).
crate::part! {
    /// The course map (Lessons).
    fn course_map_part() {
        view! { <CourseMap /> }.into_any()
    }

    /// The challenge builder.
    fn builder_part() {
        view! { <crate::lesson::builder::ChallengeBuilder /> }.into_any()
    }

    /// Presenter mode's lesson strip.
    fn presenter_lesson_part() {
        view! { <PresenterLesson /> }.into_any()
    }

    /// The open lesson's pane.
    fn lesson_pane_part() {
        view! { <LessonPane /> }.into_any()
    }

    /// Presenter mode's column beside the cluster.
    fn presenter_aside_part() {
        view! { <PresenterAside /> }.into_any()
    }

    /// The Deployments tab.
    fn deployments_part() {
        view! { <DeploymentView /> }.into_any()
    }

    /// The Cost tab.
    fn cost_part() {
        view! { <CostPanelView /> }.into_any()
    }

    /// The Advice tab.
    fn advice_part() {
        view! { <crate::advice::AdvicePanel /> }.into_any()
    }

    /// The Metrics tab's charts.
    fn metrics_part() {
        view! { <MetricsPanel /> }.into_any()
    }

    /// The editor pane: drawn just after the cluster ([`crate::later`]).
    fn editor_part() {
        view! { <Editor /> }.into_any()
    }
}
