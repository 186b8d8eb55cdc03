//! The service's task definition in Service settings: any registered revision, of its own
//! family or another (`ecs_sim::service::revision_form`). A definition registered as a new
//! family could only be run by editing the Scenario JSON (engineer walkthrough, 2026-12-06).
//! Like every form edit it restarts the run with the service on that revision; a rolling update
//! to it is the Deployments panel's Update service. A revision of another network mode brings
//! or takes away the service's awsvpc configuration, and the form says which.

use super::apply::applied;
use super::locks::service_locked;
use crate::state::Playground;
use ecs_sim::service::revision_form::{
    references, scenario_revision, set_service_task_definition, NetworkFollowed,
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
    // What the last change did to the network configuration, with the scenario text it made:
    // shown only while the text is still that one (a later edit of the network made it stale:
    // review, 2026-12-06).
    let note: RwSignal<Option<(&'static str, String)>> = RwSignal::new(None);
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
            note.set(note_of(followed).map(|n| (n, pg.text.get_untracked())));
        }
    };
    // The revision the service runs now, read from each snapshot but passed on only when it
    // changes (the play loop draws one a frame).
    let running = Memo::new(move |_| {
        let name = service.get_value();
        pg.snapshot.with(|s| {
            s.as_ref()?
                .services
                .iter()
                .find(|v| v.name == name)
                .map(|v| v.task_definition.clone())
        })
    });
    view! {
        <div class="form-row">
            <label class="field" title="taskDefinition: the revision the service runs from the start (a family alone is its latest revision). A change restarts the run; a rolling update to another revision is Deployments › Update service.">
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
        // The service runs another revision than the scenario starts it on (a live or scripted
        // update-service): say so beside the field, which shows the scenario's.
        {move || {
            let written = current.with(|c| c.as_ref().map(|c| c.0.clone()))?;
            let starts_on = doc.with(|d| scenario_revision(d.as_ref()?, &written))?;
            let running = running.get()?;
            (running != starts_on).then(|| view! {
                <p class="hint" data-testid="service-td-live">
                    {format!("Running {running} now (an update-service since the run started); this field is the revision the scenario starts it on, {starts_on}. A change here restarts the run.")}
                </p>
            })
        }}
        {move || {
            note.get()
                .filter(|(_, made)| pg.text.with(|t| t == made))
                .map(|(n, _)| view! { <p class="hint" data-testid="service-td-note">{n}</p> })
        }}
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
