//! The page layout: the top bar (controls, share), then three panes — editor, cluster, log.

use crate::cluster_view::ClusterView;
use crate::controls::{Controls, Failures};
use crate::deployment_view::DeploymentView;
use crate::editor::Editor;
use crate::event_log::EventLog;
use crate::examples::ExamplesMenu;
use crate::explain::ExplainPanel;
use crate::metrics::MetricsPanel;
use crate::persist::{Persist, RestoreBanner};
use crate::run_to::{RunProgressBar, RunTo};
use crate::share::{initial_opening, report_problem, ShareBar, SyncUrl};
use crate::state::{NoticeAction, Playground};
use leptos::prelude::*;

/// The whole playground.
#[component]
pub fn App() -> impl IntoView {
    let (text, opening) = initial_opening();
    let pg = Playground::new(&text);
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    report_problem(
        pg,
        &opening,
        &hash,
        "The default scenario is shown instead.",
    );
    pg.offer.set(opening.offer);
    provide_context(pg);
    view! {
        <header class="topbar">
            <h1>"ECS Playground"</h1>
            <span class="scenario-name">{move || scenario_name(&pg.running_text.get())}</span>
            <ExamplesMenu />
            <Controls />
            <RunTo />
            <ShareBar />
        </header>
        <SyncUrl />
        <Persist />
        <RunProgressBar />
        <RestoreBanner />
        {move || pg.notice.get().map(|n| {
            let action = pg.notice_action.with(|a| {
                a.as_ref().filter(|(shown, _)| *shown == n).map(|(_, action)| action.clone())
            });
            view! {
                <div class=if n.is_error { "notice error" } else { "notice" } role="status" data-testid="notice">
                    <span>{n.text}</span>
                    {action.map(|a| notice_button(pg, a))}
                    <button class="dismiss" on:click=move |_| pg.notice.set(None) aria-label="Dismiss">"×"</button>
                </div>
            }
        })}
        // At max speed and during "Run to" the page redraws several times a second with
        // everything changed; transitions and the chip entrance animation would restart on
        // every redraw and make the browser lay out and paint every frame (styles: `.fast`).
        <main class="panes" class:fast=move || pg.redrawing_fast()>
            <section class="pane editor-pane" aria-label="Editor"><Editor /></section>
            <section class="pane cluster-pane" aria-label="Cluster">
                <Failures />
                <DeploymentView />
                <ClusterView />
                <MetricsPanel />
            </section>
            <section class="pane log-pane" aria-label="Explain and event log"><ExplainPanel /><EventLog /></section>
        </main>
    }
}

/// The button a notice carries.
fn notice_button(pg: Playground, action: NoticeAction) -> impl IntoView {
    match action {
        NoticeAction::DownloadJson => view! {
            <button class="notice-action" data-testid="notice-download"
                on:click=move |_| crate::share::download_scenario(pg)>"Download JSON"</button>
        }
        .into_any(),
        NoticeAction::CopyLink(link) => {
            let link = StoredValue::new(link);
            view! {
                <button class="notice-action" data-testid="notice-copy-link" on:click=move |_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.navigator().clipboard().write_text(&link.get_value());
                    }
                }>"Copy the damaged link"</button>
            }
            .into_any()
        }
    }
}

/// The scenario's `name`, for the top bar.
fn scenario_name(text: &str) -> String {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| v.get("name").and_then(|n| n.as_str()).map(str::to_string))
        .unwrap_or_default()
}
