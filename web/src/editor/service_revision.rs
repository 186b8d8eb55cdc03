//! The service's task definition, as `update-service --task-definition` sets it: any registered
//! revision, of its own family or another (`ecs_sim::taskdef::service_revision`). A definition
//! registered as a new family could only be run by editing the Scenario JSON (engineer
//! walkthrough, 2026-12-06). A revision of another network mode brings or takes away the
//! service's awsvpc configuration, and the form says which.

use super::apply::applied;
use super::locks::service_locked;
use crate::state::Playground;
use ecs_sim::taskdef::service_revision::{
    references, set_service_task_definition, NetworkFollowed,
};
use leptos::prelude::*;
use serde_json::Value;

/// The task definition picker of one service, with the cluster it runs in.
#[component]
pub fn ServiceRevision(
    /// The scenario document.
    doc: Memo<Option<Value>>,
    /// The service's name.
    service: StoredValue<String>,
    /// The form's refusal line.
    error: RwSignal<Option<String>>,
    /// `taskDefinition` as written, and the cluster.
    current: Signal<Option<(String, String)>>,
) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let options = Memo::new(move |_| doc.with(|d| d.as_ref().map(references).unwrap_or_default()));
    let locked = service_locked(pg, doc, service, &["taskDefinition"]);
    // What the last change did to the network configuration (cleared with another service).
    let note: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let on_change = move |ev: leptos::ev::Event| {
        let reference = event_target_value(&ev);
        let mut memory = pg.network_memory.get_untracked();
        let mut followed = NetworkFollowed::Unchanged;
        if applied(pg, error, |d| {
            followed =
                set_service_task_definition(d, &service.get_value(), &reference, &mut memory)?;
            Ok(())
        }) {
            pg.network_memory.set(memory);
            note.set(note_of(followed));
        }
    };
    view! {
        <div class="form-row">
            <label class="field" title="taskDefinition: the revision the service runs (update-service --task-definition); a family alone is its latest revision">
                <span>"Task definition"</span>
                <select data-testid="service-task-definition" on:change=on_change
                    disabled=locked data-locked=locked>
                    {move || {
                        let cur = current.with(|c| c.as_ref().map(|c| c.0.clone()).unwrap_or_default());
                        let mut list = options.get();
                        // A reference the list does not hold (an ARN, a typo) stays shown.
                        if !cur.is_empty() && !list.contains(&cur) {
                            list.insert(0, cur.clone());
                        }
                        list.into_iter().map(|r| {
                            let label = if r.contains(':') { r.clone() } else { format!("{r} (latest)") };
                            view! { <option value=r.clone() prop:selected=r == cur>{label}</option> }
                        }).collect_view()
                    }}
                </select>
            </label>
            <p class="hint">{move || current.with(|c| c.as_ref().map(|c| format!("in cluster {}", c.1)))}</p>
        </div>
        {move || note.get().map(|n| view! { <p class="hint" data-testid="service-td-note">{n}</p> })}
    }
}

/// What the form says after a change of revision moved the network configuration.
fn note_of(followed: NetworkFollowed) -> Option<&'static str> {
    match followed {
        NetworkFollowed::Unchanged => None,
        NetworkFollowed::AddedAllSubnets => Some("That revision uses awsvpc, which needs a networkConfiguration: one over all the scenario's subnets was added (see Network below)."),
        NetworkFollowed::Restored => Some("That revision uses awsvpc: the service's earlier awsvpc settings (subnets, security groups, public IP) are back."),
        NetworkFollowed::LeftOut => Some("That revision does not use awsvpc, and ECS accepts networkConfiguration only for awsvpc: the service's is left out of the scenario, and comes back with an awsvpc revision."),
    }
}
