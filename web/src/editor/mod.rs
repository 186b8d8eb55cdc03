//! The editor pane: one tab per task definition family (a JSON editor of its latest revision
//! with live validation and "Register revision"), "Service settings" (form controls over the
//! scenario), and "Scenario JSON" (the whole document).
//!
//! Every change goes through a concept's form edits (`ecs_sim::<concept>::form`, written back
//! with `ecs_sim::form::to_text`) and [`Playground::edit`], so the form, the task definition
//! editor and the JSON tab always show one document.

mod apply;
mod capacity;
mod code_area;
mod codemirror;
mod deployment;
mod fields;
mod load_balancer;
mod locks;
mod managed_scaling;
mod marks;
mod network;
mod placement;
mod scaling;
mod scaling_policies;
mod scaling_policy_header;
mod scaling_scheduled;
mod scaling_step;
mod scaling_step_rows;
mod scaling_target_tracking;
mod scenario_json;
mod service_discovery;
mod service_revision;
mod service_settings;
mod task_definition;
mod traffic;

use crate::state::Playground;
use ecs_sim::taskdef::kept_edits::{KeptEdits, MAX_TD_EDITS_BYTES, TD_EDITS_KEY};
use leptos::prelude::*;
use scenario_json::ScenarioJson;
use serde_json::Value;
use service_settings::ServiceSettings;
use std::collections::HashMap;
use task_definition::{Draft, TaskDefinitionTab};

/// With more task definition families than this, one "Task definition" tab and a family picker
/// replace the tab per family: with 10 families (the 50-service benchmark) the tabs took five
/// rows of a 1280×720 editor (issue #14).
const FAMILY_TABS_MAX: usize = 3;

/// Which tab is open.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tab {
    /// The task definition editor of a family.
    Family(String),
    /// The service form.
    Services,
    /// The whole scenario document.
    Scenario,
}

/// The scenario as JSON: the editor text when it parses, else the running scenario (so tabs and
/// forms stay put while the user fixes a syntax error).
fn current_doc(pg: Playground) -> Option<Value> {
    pg.text
        .with(|t| serde_json::from_str::<Value>(t).ok())
        .or_else(|| pg.running_text.with(|t| serde_json::from_str(t).ok()))
}

/// Scrolls the Service settings section `name` (`data-form-section`), or with none the top of
/// the form, to the top of its pane, once the tab has been drawn. (The form kept the scroll of
/// the lesson before, so lesson 7 opened on lesson 6's section with its grace period field above
/// the fold: student walkthrough.) The form comes from its own chunk the first time
/// ([`crate::later`]), so it looks again on the next frames, for up to about two seconds.
fn scroll_to_section(name: Option<&'static str>, tries: u32) {
    request_animation_frame(move || {
        let target = match name {
            // The form scrolls inside its tab: back to its top.
            None => document().query_selector(".services-tab"),
            Some(name) => document().query_selector(&format!("[data-form-section=\"{name}\"]")),
        };
        let Some(el) = target.ok().flatten() else {
            if tries > 0 {
                scroll_to_section(name, tries - 1);
            }
            return;
        };
        if name.is_none() {
            el.set_scroll_top(0);
            return;
        }
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    });
}

/// The editor pane.
#[component]
pub fn Editor() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let doc = Memo::new(move |_| current_doc(pg));
    let families = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .map(|d| {
                    ecs_sim::taskdef::form::families(d)
                        .into_iter()
                        .map(|f| f.family)
                        .filter(|f| !f.is_empty())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let tab = RwSignal::new(
        families
            .get_untracked()
            .first()
            .map_or(Tab::Scenario, |f| Tab::Family(f.clone())),
    );
    // A lesson opens on the tab where its first editable part is changed (lessons 9, 11 and 12
    // opened on a task definition they may not change: student walkthrough).
    if let Some(lessons) = use_context::<crate::lesson::Lessons>() {
        Effect::new(move |was: Option<Option<String>>| {
            use ecs_sim::challenge::editor_place::{lesson_place, EditorPlace};
            let (id, place) = lessons.open.with(|o| match o {
                Some(o) => {
                    let d = &o.challenge.doc;
                    (Some(d.id.clone()), lesson_place(&d.scenario, &d.editable))
                }
                None => (None, None),
            });
            if was.as_ref() != Some(&id) {
                match place {
                    Some(EditorPlace::TaskDefinition(f)) => tab.set(Tab::Family(f)),
                    Some(EditorPlace::ServiceSettings) => {
                        tab.set(Tab::Services);
                        // And the section that edits it in view (lesson 11's strategy sat
                        // 300 px below the fold, under locked fields: student walkthrough).
                        let section = lessons.open.with_untracked(|o| {
                            o.as_ref()
                                .and_then(|o| o.challenge.doc.editable.first().cloned())
                                .and_then(|p| ecs_sim::challenge::editor_place::form_section(&p))
                        });
                        scroll_to_section(section, 120);
                    }
                    Some(EditorPlace::ScenarioJson) => tab.set(Tab::Scenario),
                    None => {}
                }
            }
            id
        });
    }
    // The tab shown: a family tab whose family no longer exists (another example was loaded)
    // falls back to the first family, so some tab is always selected.
    let shown = Memo::new(move |_| match tab.get() {
        Tab::Family(f) if !families.with(|fs| fs.contains(&f)) => {
            families.with(|fs| fs.first().map_or(Tab::Scenario, |f| Tab::Family(f.clone())))
        }
        other => other,
    });
    // Unregistered edits per family survive switching tabs, and a reload: they are kept in
    // this browser's storage with the revision they were typed over
    // (`ecs_sim::taskdef::kept_edits`), and a tab shows its edit again while that revision is
    // still the family's latest.
    let drafts = RwSignal::new(kept_drafts());
    // A lesson's Start over discards them.
    pg.on_td_edits_discarded(move || drafts.set(HashMap::new()));
    // Which families hold an edit not yet registered (for the lesson pane's Check).
    Effect::new(move |_| {
        let families: Vec<String> = drafts.with(|ds| {
            doc.with(|d| {
                let Some(d) = d else {
                    return Vec::new();
                };
                let mut fs: Vec<String> = ds
                    .iter()
                    .filter(|(f, dr)| {
                        ecs_sim::taskdef::kept_edits::is_unregistered(d, f, &dr.base, &dr.text)
                    })
                    .map(|(f, _)| f.clone())
                    .collect();
                ecs_sim::order::sort(&mut fs);
                fs
            })
        });
        if pg.unregistered_edits.with_untracked(|u| *u != families) {
            pg.unregistered_edits.set(families);
        }
    });
    on_cleanup(move || pg.unregistered_edits.set(Vec::new()));
    Effect::new(move |_| {
        let kept = drafts.with(|ds| {
            let mut k = KeptEdits::default();
            for (family, d) in ds {
                k.keep(family, &d.base, &d.text);
            }
            k
        });
        // Over the cap the record is emptied, so an older one does not come back instead.
        crate::layout::storage::write(TD_EDITS_KEY, &kept.to_stored().unwrap_or_default());
    });
    let tab_button = move |t: Tab, label: String, testid: String| {
        let selected = {
            let t = t.clone();
            move || shown.with(|cur| *cur == t)
        };
        let selected2 = selected.clone();
        view! {
            <button role="tab" class="tab" data-testid=testid
                aria-selected=move || selected().to_string()
                class:selected=selected2
                on:click=move |_| tab.set(t.clone())>{label}</button>
        }
    };
    view! {
        <div class="editor">
            <div class="tabs" role="tablist" aria-label="Editor">
                {move || if families.with(Vec::len) > FAMILY_TABS_MAX {
                    view! { <FamilyPicker families=families shown=shown tab=tab /> }.into_any()
                } else {
                    families.get().into_iter().map(|f| {
                        tab_button(Tab::Family(f.clone()), format!("Task definition: {f}"), format!("tab-td-{f}"))
                    }).collect_view().into_any()
                }}
                {tab_button(Tab::Services, "Service settings".into(), "tab-services".into())}
                {tab_button(Tab::Scenario, "Scenario JSON".into(), "tab-scenario".into())}
            </div>
            <ScenarioStatus on_show=move || tab.set(Tab::Scenario) hide=Signal::derive(move || shown.with(|t| *t == Tab::Scenario)) />
            <div class="tab-body" role="tabpanel">
                {move || match shown.get() {
                    Tab::Family(f) if families.with(|fs| fs.contains(&f)) => {
                        view! { <TaskDefinitionTab family=f doc=doc drafts=drafts /> }.into_any()
                    }
                    Tab::Family(_) | Tab::Scenario => view! { <ScenarioJson /> }.into_any(),
                    Tab::Services => crate::later!(services_part, doc),
                }}
            </div>
        </div>
    }
}

/// The unregistered task definition edits kept in this browser by an earlier visit.
fn kept_drafts() -> HashMap<String, Draft> {
    let stored = crate::layout::storage::read(TD_EDITS_KEY, MAX_TD_EDITS_BYTES);
    let kept = stored.map(|t| KeptEdits::from_json(&t)).unwrap_or_default();
    kept.edits()
        .map(|(family, base, text)| {
            let text = text.to_string();
            (family.to_string(), Draft { base, text })
        })
        .collect()
}

/// One "Task definition" tab and a picker of the family it shows (type a name's first letters
/// to jump to it), for scenarios with many families.
#[component]
fn FamilyPicker(
    families: Memo<Vec<String>>,
    shown: Memo<Tab>,
    tab: RwSignal<Tab>,
) -> impl IntoView {
    // The family the tab opens: the one shown, else the last one picked, else the first.
    let last = RwSignal::new(None::<String>);
    let current = Memo::new(move |_| match shown.get() {
        Tab::Family(f) => f,
        _ => last
            .get()
            .filter(|f| families.with(|fs| fs.contains(f)))
            .or_else(|| families.with(|fs| fs.first().cloned()))
            .unwrap_or_default(),
    });
    let selected = move || matches!(shown.get(), Tab::Family(_));
    let open = move |f: String| {
        last.set(Some(f.clone()));
        tab.set(Tab::Family(f));
    };
    view! {
        <span class="family-picker" class:selected=selected>
            <button role="tab" class="tab" class:selected=selected data-testid="tab-td"
                aria-selected=move || selected().to_string()
                on:click=move |_| open(current.get_untracked())>"Task definition:"</button>
            <select data-testid="family-picker" aria-label="Task definition family"
                prop:value=move || current.get()
                on:change=move |ev| open(event_target_value(&ev))>
                {move || families.get().into_iter().map(|f| view! {
                    <option value=f.clone() selected=current.get_untracked() == f>{f.clone()}</option>
                }).collect_view()}
            </select>
            <span class="muted" data-testid="family-count">{move || format!("{} families", families.with(Vec::len))}</span>
        </span>
    }
}

/// A line under the tabs when the scenario text is not valid: the simulation keeps running the
/// last valid scenario, and the problems are listed in the Scenario JSON tab.
#[component]
fn ScenarioStatus(
    on_show: impl Fn() + Copy + Send + Sync + 'static,
    hide: Signal<bool>,
) -> impl IntoView {
    let pg = expect_context::<Playground>();
    // The first problem itself, where the form was used: a refused choice said only "The
    // scenario has 1 problem" and the reason was a click away (lesson 16, student walkthrough).
    let first = move || {
        pg.syntax_error
            .with(|e| {
                e.as_ref()
                    .map(|(line, column, m)| format!("line {line}, column {column}: {m}"))
            })
            .or_else(|| pg.problems.with(|ps| ps.first().map(ToString::to_string)))
            .unwrap_or_default()
    };
    move || {
        let n = pg.problem_count();
        (n > 0 && !hide.get()).then(|| {
            view! {
                <div class="scenario-status" role="status" data-testid="scenario-status">
                    <span>{format!(
                        "The scenario has {n} problem{}; the simulation keeps running the last valid version.",
                        if n == 1 { "" } else { "s" }
                    )}<span class="first-problem" data-testid="scenario-first-problem">{first}</span></span>
                    <button on:click=move |_| on_show()>"Show problems"</button>
                </div>
            }
        })
    }
}

crate::part! {
    /// The Service settings tab: its forms load after the opening page ([`crate::later`]).
    fn services_part(doc: Memo<Option<Value>>) {
        view! { <ServiceSettings doc=doc /> }.into_any()
    }
}
