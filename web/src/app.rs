//! The page layout: a header and the cluster projected from the engine's scenario.

use ecs_sim::scenario::{parse_scenario, ScenarioDocument, DEFAULT_SCENARIO_JSON};
use leptos::prelude::*;

/// The whole playground.
#[component]
pub fn App() -> impl IntoView {
    let scenario = parse_scenario(DEFAULT_SCENARIO_JSON);
    view! {
        <header class="topbar">
            <h1>"ECS Playground"</h1>
        </header>
        <main>
            {match scenario {
                Ok(doc) => view! { <ClusterSummary doc=doc /> }.into_any(),
                Err(e) => view! { <p class="error">{e.to_string()}</p> }.into_any(),
            }}
        </main>
    }
}

/// The scenario's capacity as boxes, one per instance its Auto Scaling groups keep running.
#[component]
fn ClusterSummary(doc: ScenarioDocument) -> impl IntoView {
    let instances: Vec<(String, String)> = doc
        .capacity_providers
        .iter()
        .flat_map(|cp| {
            let asg = &cp.auto_scaling_group_provider.auto_scaling_group;
            (0..asg.desired_capacity)
                .map(move |i| (format!("{} #{}", cp.name, i + 1), asg.instance_type.clone()))
        })
        .collect();
    view! {
        <section class="cluster">
            <h2>{doc.name.clone()}</h2>
            <div class="instances">
                {instances
                    .into_iter()
                    .map(|(name, ty)| view! {
                        <div class="instance" data-testid="instance">
                            <strong>{name}</strong>
                            <span>{ty}</span>
                        </div>
                    })
                    .collect_view()}
            </div>
        </section>
    }
}
