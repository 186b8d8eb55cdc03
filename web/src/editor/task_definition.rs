//! The task definition tab: the family's latest revision as `register-task-definition` JSON,
//! validated as you type, and "Register revision N+1" to make the services run the edit.

use super::apply::apply;
use super::code_area::CodeArea;
use super::marks;
use crate::state::Playground;
use ecs_sim::taskdef::form::{
    family_problem, latest_revision, new_family_named, register_new_family, register_revision,
    replace_latest_revision,
};
use ecs_sim::taskdef::pasted_revision::{revision_note, Outcome};
use leptos::prelude::*;
use serde_json::Value;
use std::collections::HashMap;

/// Unregistered text typed over a revision. It applies only while that revision is still the
/// latest: once the scenario changes underneath, the editor shows the new latest revision.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The revision the draft was typed over.
    pub base: Value,
    /// What the user typed.
    pub text: String,
}

/// JSON as the editor shows it.
fn pretty(v: &Value) -> String {
    ecs_sim::form::to_text(v)
}

/// The editor of one family's latest revision.
#[component]
pub fn TaskDefinitionTab(
    /// The family being edited.
    family: String,
    /// The scenario document.
    doc: Memo<Option<Value>>,
    /// Unregistered edits, by family.
    drafts: RwSignal<HashMap<String, Draft>>,
) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let fam = StoredValue::new(family.clone());
    let latest = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .and_then(|d| latest_revision(d, &fam.get_value()))
        })
    });
    let text = Memo::new(move |_| {
        let Some((_, base)) = latest.get() else {
            return String::new();
        };
        drafts.with(|ds| match ds.get(&fam.get_value()) {
            Some(d) if d.base == base => d.text.clone(),
            _ => pretty(&base),
        })
    });
    let parsed = Memo::new(move |_| text.with(|t| serde_json::from_str::<Value>(t).ok()));
    let marks = Memo::new(move |_| {
        text.with(|t| {
            parsed.with(|p| marks::task_definition_of_family(t, p.as_ref(), &fam.get_value()))
        })
    });
    // The scenario's problems this family causes where it is used (a definition can be valid
    // on its own and wrong for its services).
    let caused = Memo::new(move |_| {
        pg.problems.with(|ps| {
            doc.with(|d| {
                d.as_ref()
                    .map(|d| ecs_sim::taskdef::caused::caused_by_family(d, ps, &fam.get_value()))
                    .unwrap_or_default()
            })
        })
    });
    // Text that does not parse is an edit too (it cannot be the revision shown): it is marked
    // unregistered and Revert takes it back. It was marked "(latest)" with Revert off, and since
    // edits are kept across a reload, a typo stayed with no way back (walkthrough, 2026-12-05).
    let changed = Memo::new(move |_| {
        let base = latest.with(|l| l.as_ref().map(|(_, v)| v.clone()));
        parsed.with(|p| match p {
            Some(_) => *p != base,
            None => base.is_some(),
        })
    });
    let can_register =
        move || parsed.with(Option::is_some) && marks.with(Vec::is_empty) && changed.get();
    let revision = move || latest.with(|l| l.as_ref().map_or(0, |(r, _)| *r));
    // Pasted describe output names its revision (`hello_world:8`), which registering does not
    // keep: said beside the buttons, with the number each one gives (walkthrough, 2026-12-05).
    let pasted_note = Memo::new(move |_| {
        let family = fam.get_value();
        let in_lesson = pg.lock.with_value(Option::is_some);
        parsed.with(|p| {
            let p = p.as_ref()?;
            let named = family_problem(p, &family)
                .and_then(|_| doc.with(|d| new_family_named(d.as_ref()?, p)));
            match named {
                Some(other) if !in_lesson => revision_note(p, &other, 1, Outcome::NewFamily),
                Some(_) => None,
                None if in_lesson => revision_note(p, &family, revision(), Outcome::InPlace),
                None => revision_note(p, &family, revision() + 1, Outcome::NextRevision),
            }
        })
    });
    let status = RwSignal::new(None::<Result<String, String>>);
    // A lesson's Start over takes the applied edit back too: the "Changed … in place" line would
    // describe a change that is gone (walkthrough).
    pg.on_td_edits_discarded(move || status.set(None));
    let on_input = Callback::new(move |new_text: String| {
        if let Some((_, base)) = latest.get_untracked() {
            drafts.update(|ds| {
                ds.insert(
                    fam.get_value(),
                    Draft {
                        base,
                        text: new_text,
                    },
                );
            });
        }
        status.set(None);
    });
    let register = move |_| {
        let Some(value) = parsed.get_untracked() else {
            return;
        };
        let family = fam.get_value();
        let mut registered = 0;
        // In a lesson the list of revisions is locked: the edit goes into the revision the
        // lesson opened, so only the fields the lesson opens change.
        let in_lesson = pg.lock.with_value(Option::is_some);
        let note = pasted_note.get_untracked();
        let result = apply(pg, |d| {
            registered = if in_lesson {
                replace_latest_revision(d, &family, value)?
            } else {
                register_revision(d, &family, value)?
            };
            Ok(())
        });
        // A lesson's refusal says the edit was not applied: beside the editor's "No problems:
        // ECS would accept this" (true of the definition) a bare "… is locked" read as a
        // contradiction (instructor walkthrough).
        let result = result.map_err(|e| {
            if in_lesson {
                format!("Not applied: {e}")
            } else {
                e
            }
        });
        status.set(Some(result.map(|()| {
            drafts.update(|ds| {
                ds.remove(&family);
            });
            let mut text = if in_lesson {
                format!("Changed {family}:{registered} in place (in a lesson the revision is edited where it stands); the simulation restarted.")
            } else {
                // Said as the playground's edit, not ECS's: an engineer read "services of this
                // family now run it" as what RegisterTaskDefinition does (walkthrough, 33rd
                // session).
                format!("Registered {family}:{registered}. The scenario's services of this family now start on it, so the run restarted from 0:00. In ECS, registering alone changes no service: update-service deploys a revision, as the Deployments panel does during a run.")
            };
            if pg.problems.with_untracked(|p| !p.is_empty()) {
                text = format!("Registered {family}:{registered}, but the scenario now has problems (see Scenario JSON); the simulation keeps the last valid version.");
            }
            match note {
                Some(note) => format!("{text} {note}"),
                None => text,
            }
        })));
    };
    // A definition of another family pasted here (a guide's example): registered as that new
    // family's revision 1, when nothing else is wrong with it. Not in a lesson, whose list of
    // task definitions is locked.
    let new_family = Memo::new(move |_| {
        if pg.lock.with_value(Option::is_some) {
            return None;
        }
        let named = parsed.with(|p| doc.with(|d| new_family_named(d.as_ref()?, p.as_ref()?)))?;
        let clean = text.with(|t| marks::task_definition(t).iter().all(|m| m.warning));
        clean.then_some(named)
    });
    let register_family = move |_| {
        let Some(value) = parsed.get_untracked() else {
            return;
        };
        let mut family = String::new();
        let note = pasted_note.get_untracked();
        let result = apply(pg, |d| {
            family = register_new_family(d, value)?;
            Ok(())
        });
        // The tabs are drawn again for the new family, this one with them: the page's notice
        // carries the outcome.
        match result {
            Ok(()) => {
                drafts.update(|ds| {
                    ds.remove(&fam.get_value());
                });
                pg.notice.set(Some(crate::state::Notice {
                    is_error: false,
                    text: format!("Registered {family}:1 as a new family (its own tab); no service runs it until you point one at it, as in ECS. The {} tab is back to its latest revision.{}", fam.get_value(), note.map(|n| format!(" {n}")).unwrap_or_default()),
                }));
            }
            Err(e) => status.set(Some(Err(e))),
        }
    };
    let revert = move |_| {
        drafts.update(|ds| {
            ds.remove(&fam.get_value());
        });
        status.set(None);
    };
    view! {
        <div class="td-tab">
            <div class="td-head">
                <span class="revision" data-testid="td-revision">
                    {move || format!("{}:{}", fam.get_value(), revision())}
                    <span class="muted">{move || if changed.get() { " (unregistered edit)" } else { " (latest)" }}</span>
                </span>
                <button class="secondary" on:click=revert disabled=move || !changed.get()
                    data-testid="revert">"Revert"</button>
                <span class="muted help" data-testid="td-register-help">
                    {move || if pg.lock.with_value(Option::is_some) {
                        "Applies the edit to the revision the lesson runs; the run restarts from 0:00."
                    } else {
                        "Edits the scenario: the run restarts from 0:00 on the new revision. To deploy it during a run, use the Deployments panel."
                    }}
                </span>
                <button class="primary" data-testid="register-revision"
                    disabled=move || !can_register()
                    title=move || if marks.with(|m| !m.is_empty()) {
                        "Fix the problems first".to_string()
                    } else if !changed.get() {
                        "Edit the definition to register a new revision".to_string()
                    } else if pg.lock.with_value(Option::is_some) {
                        "Put this definition into the revision the lesson runs (in a lesson the revision is edited where it stands); the simulation restarts from 0:00".to_string()
                    } else {
                        "Append this definition to the scenario as the family's next revision; the family's services use it and the simulation restarts from 0:00".to_string()
                    }
                    on:click=register>
                    // In a lesson the edit changes the revision in place (see `register`): the
                    // label said "Register revision 2" and the result "Changed api:1 in place".
                    {move || if pg.lock.with_value(Option::is_some) {
                        format!("Apply to {}:{}", fam.get_value(), revision())
                    } else {
                        format!("Register revision {}", revision() + 1)
                    }}
                </button>
            </div>
            {move || pasted_note.get().map(|note| view! {
                <p class="td-note" role="note" data-testid="td-pasted-revision">{note}</p>
            })}
            {move || new_family.get().map(|named| view! {
                <p class="td-new-family">
                    <button class="primary" data-testid="register-new-family" on:click=register_family
                        title="Append this definition to the scenario's taskDefinitions as the first revision of its own family">
                        {format!("Register as new family {named}")}
                    </button>
                </p>
            })}
            {move || status.get().map(|s| match s {
                Ok(t) => view! { <p class="td-status" role="status" data-testid="register-status">{t}</p> }.into_any(),
                Err(t) => view! { <p class="td-status error" role="alert" data-testid="register-status">{t}</p> }.into_any(),
            })}
            <CodeArea text=text on_input=on_input marks=marks elsewhere=caused
                label=format!("Task definition JSON of family {family}") testid="td-editor" schema_root="taskDefinition" />
        </div>
    }
}
