//! The page layout: the top bar (controls, share), then three panes — editor, cluster, log.

use crate::cluster_view::ClusterView;
use crate::controls::{Controls, Failures};
use crate::deployment_view::DeploymentView;
use crate::editor::Editor;
use crate::event_log::EventLog;
use crate::examples::ExamplesMenu;
use crate::explain::ExplainPanel;
use crate::metrics::MetricsPanel;
use crate::run_to::{RunProgressBar, RunTo};
use crate::share::{initial_scenario, ShareBar, SyncUrl};
use crate::state::Playground;
use leptos::prelude::*;

/// The whole playground.
#[component]
pub fn App() -> impl IntoView {
    let (text, notice) = initial_scenario();
    let pg = Playground::new(&text);
    pg.notice.set(notice);
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
        <RunProgressBar />
        {move || pg.notice.get().map(|n| view! {
            <div class=if n.is_error { "notice error" } else { "notice" } role="status" data-testid="notice">
                <span>{n.text}</span>
                <button class="dismiss" on:click=move |_| pg.notice.set(None) aria-label="Dismiss">"×"</button>
            </div>
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

/// The scenario's `name`, for the top bar.
fn scenario_name(text: &str) -> String {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| v.get("name").and_then(|n| n.as_str()).map(str::to_string))
        .unwrap_or_default()
}
