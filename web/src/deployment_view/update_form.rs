//! "Update service" the AWS way: `register-task-definition` a new revision with another image
//! for one container, then `update-service` the running service to a revision (optionally with
//! `forceNewDeployment`). Both are engine commands on the running simulation; nothing restarts.

use crate::state::{Notice, Playground};
use ecs_sim::scenario::TimelineAction;
use ecs_sim::view::deployments::{update_choices, UpdateChoices};
use ecs_sim::view::image_choice::{image_note_in, Misbehaviour};
use leptos::prelude::*;

/// Registers `image` for `container` as the next revision of the service's task definition;
/// the new name, or the problems as one line of plain text.
fn register(
    pg: &Playground,
    choices: &UpdateChoices,
    container: &str,
    image: &str,
    misbehaviour: Option<Misbehaviour>,
) -> Result<String, String> {
    let mut result = Err("the simulation is not running".to_string());
    pg.sim.update_value(|s| {
        let Some(sim) = s else { return };
        // A chosen misbehaviour is declared for the new image first (refused, e.g. for an
        // image already running, it stops here and nothing is registered).
        // Both registrations are kept for "Keep in link": the kept scenario declares the image
        // and registers the revision at load, so its `updateService` entry finds them.
        if let Some(m) = misbehaviour {
            if let Err(e) = sim.declare_image(image, m.behaviour()) {
                result = Err(e);
                return;
            }
            pg.kept
                .update(|k| _ = k.push_image(image.to_string(), m.behaviour()));
        }
        result = match sim.revision_with_image(choices.current_index, container, image) {
            None => Err(format!("no container {container} in {}", choices.current)),
            Some(json) => sim
                .register_task_definition(&json)
                .inspect(|_| {
                    if let Ok(v) = serde_json::from_str(&json) {
                        pg.kept.update(|k| _ = k.push_task_definition(v));
                    }
                })
                .map_err(|problems| {
                    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
                    format!("register-task-definition refused: {}", lines.join("; "))
                }),
        };
    });
    pg.refresh();
    result
}

/// The form under the deployment cards.
#[component]
pub fn UpdateServiceForm(service: RwSignal<usize>, service_name: Memo<String>) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let choices: Memo<Option<UpdateChoices>> = Memo::new(move |_| {
        pg.snapshot.track();
        let s = service.get();
        pg.sim
            .with_value(|sim| sim.as_ref().and_then(|sim| update_choices(sim, s)))
    });
    let container = RwSignal::new(String::new());
    let image = RwSignal::new(String::new());
    let revision = RwSignal::new(String::new());
    let force = RwSignal::new(false);
    let misbehaviour = RwSignal::new(None::<Misbehaviour>);
    // The container whose image changes: the picked one, else the first.
    let chosen_container = move || {
        let picked = container.get();
        choices.with(|c| {
            let c = c.as_ref()?;
            c.containers
                .iter()
                .find(|(n, _)| *n == picked)
                .or_else(|| c.containers.first())
                .map(|(n, _)| n.clone())
        })
    };
    let chosen_revision = move || {
        let picked = revision.get();
        choices.with(|c| {
            let c = c.as_ref()?;
            c.revisions
                .iter()
                .find(|r| **r == picked)
                .or_else(|| c.revisions.first())
                .cloned()
        })
    };
    // The image to register: the typed one, else (with a misbehaviour chosen) the container's
    // current image with a tag naming the misbehaviour.
    let image_to_register = move || {
        let typed = image.get().trim().to_string();
        match misbehaviour.get() {
            Some(m) if typed.is_empty() => {
                let name = chosen_container()?;
                choices.with(|c| {
                    c.as_ref()?
                        .containers
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, img)| m.derived_image(img))
                })
            }
            _ => (!typed.is_empty()).then_some(typed),
        }
    };
    let note = Memo::new(move |_| {
        pg.snapshot.track();
        let img = image_to_register().unwrap_or_default();
        let m = misbehaviour.get();
        pg.sim
            .with_value(|s| s.as_ref().and_then(|sim| image_note_in(sim, &img, m)))
    });
    let on_register = move |_| {
        let (Some(c), Some(name)) = (choices.get_untracked(), chosen_container()) else {
            return;
        };
        let Some(img) = untrack(image_to_register) else {
            return;
        };
        match register(&pg, &c, &name, &img, misbehaviour.get_untracked()) {
            Ok(registered) => {
                misbehaviour.set(None);
                image.set(String::new());
                revision.set(registered.clone());
                pg.notice.set(Some(Notice {
                    is_error: false,
                    text: format!("Registered {registered}. Choose it below and click Update service to deploy it."),
                }));
            }
            Err(text) => pg.notice.set(Some(Notice {
                is_error: true,
                text,
            })),
        }
    };
    let code_deploy = move || choices.with(|c| c.as_ref().is_some_and(|c| c.code_deploy));
    let on_update = move |_| {
        let Some(rev) = chosen_revision() else { return };
        let action = TimelineAction::UpdateService {
            service: service_name.get_untracked(),
            desired_count: None,
            task_definition: Some(rev),
            force_new_deployment: force.get_untracked() && !code_deploy(),
        };
        // The "Registered …" hint has done its job; an error from the engine replaces it.
        pg.notice.set(None);
        pg.live(|_| Ok(action));
        // The new deployment's card is what to watch: at 1280x720 the dock stayed scrolled to
        // the form, the cards' revision and status out of view (engineer walkthrough).
        request_animation_frame(|| {
            if let Some(card) = web_sys::window().and_then(|w| w.document()).and_then(|d| {
                d.query_selector("[data-testid=deployment-card]")
                    .ok()
                    .flatten()
            }) {
                crate::lesson::reveal::into_view(&card);
            }
        });
    };
    view! {
        <form class="update-service" aria-label="Update service" on:submit=|ev| ev.prevent_default()>
            <div class="form-row">
                <label>"Container "
                    <select data-testid="deploy-container" on:change=move |ev| container.set(event_target_value(&ev))>
                        {move || choices.get().map(|c| c.containers).unwrap_or_default().into_iter().map(|(n, img)| {
                            let label = format!("{n} ({img})");
                            view! { <option value=n>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>"image "
                    <select data-testid="deploy-image-pick" aria-label="Image from the scenario"
                        on:change=move |ev| image.set(event_target_value(&ev))>
                        <option value="">"scenario images…"</option>
                        {move || choices.get().map(|c| c.images).unwrap_or_default().into_iter().map(|i| {
                            view! { <option value=i.clone()>{i.clone()}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <input data-testid="deploy-image" class="image-input" type="text" maxlength="255"
                    placeholder="or type an image, e.g. example/web:3" aria-label="Image"
                    prop:value=move || image.get() on:input=move |ev| image.set(event_target_value(&ev)) />
                <label>"behaves "
                    <select data-testid="deploy-misbehaviour" aria-label="Make the image misbehave"
                        title="Declare how the new image behaves, as the scenario's images map would (only for a new image: a running one keeps its behaviour)"
                        on:change=move |ev| misbehaviour.set(Misbehaviour::from_key(&event_target_value(&ev)))>
                        <option value="" selected=move || misbehaviour.get().is_none()>"as declared"</option>
                        {Misbehaviour::ALL.into_iter().map(|m| {
                            view! { <option value=m.key() selected=move || misbehaviour.get() == Some(m)>{m.label()}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="deploy-register"
                    disabled=move || image_to_register().is_none()
                    title="aws ecs register-task-definition on the running simulation: the service's task definition with this image, as the next revision (nothing restarts)"
                    on:click=on_register>"Register revision (live)"</button>
            </div>
            {move || note.get().map(|text| view! {
                <p class="muted help" data-testid="deploy-image-note">{image_to_register().unwrap_or_default()}" — "{text}</p>
            })}
            <div class="form-row">
                <label>"Task definition "
                    <select data-testid="deploy-revision" on:change=move |ev| revision.set(event_target_value(&ev))>
                        {move || {
                            let picked = chosen_revision();
                            choices.get().map(|c| c.revisions).unwrap_or_default().into_iter().map(|r| {
                                let selected = picked.as_deref() == Some(r.as_str());
                                view! { <option value=r.clone() selected=selected>{r.clone()}</option> }
                            }).collect_view()
                        }}
                    </select>
                </label>
                // API UpdateService: a CODE_DEPLOY service takes a new revision through a
                // CodeDeploy deployment, and cannot force a new deployment (engineer
                // walkthrough: the page called it update-service).
                <label class="check" class:disabled=code_deploy>
                    <input type="checkbox" data-testid="force-new-deployment" disabled=code_deploy
                        prop:checked=move || force.get() && !code_deploy() on:change=move |ev| force.set(event_target_checked(&ev)) />
                    "forceNewDeployment"
                </label>
                <button type="button" class="primary" data-testid="update-service"
                    title=move || if code_deploy() {
                        "aws deploy create-deployment with an AppSpec naming this task definition (a CODE_DEPLOY service's new revision goes through CodeDeploy, not update-service)"
                    } else {
                        "aws ecs update-service --task-definition … on the running simulation"
                    }
                    on:click=on_update>{move || if code_deploy() { "Create CodeDeploy deployment" } else { "Update service" }}</button>
            </div>
            // What the bounds let the update do first, before it is pressed.
            {move || choices.with(|c| c.as_ref().and_then(|c| c.plan.clone())).map(|plan| view! {
                <p class="help" data-testid="deploy-plan">{plan}</p>
            })}
            <p class="muted help" data-testid="deploy-help">
                "Live: register and update act on the running simulation, like the failure buttons, and you "
                "watch the deployment roll out. (The editor's Register revision instead edits the scenario and "
                "restarts the run from 0:00.) Reset and an edit keep the scenario as written; to share the "
                "deployment, tick Keep in link beside Copy link, which replays your registration and update."
            </p>
        </form>
    }
}
