//! The challenge builder: the running scenario becomes a challenge's start; the teacher writes
//! the brief and hints, ticks what students may change, adds goals from forms (no code), then
//! previews it as a student, copies its link (`#c1.…`, the scenario links' caps) or downloads
//! the JSON. Every document it makes is checked by `ecs_sim::challenge` first, so what it shares
//! opens.

use super::self_test_run::{self, SelfTestState};
use super::Lessons;
use crate::state::Playground;
use ecs_sim::challenge::builder::{
    document, goal_from_form, sentence, service_names, suggested_paths, GoalForm, MEASURES,
};
use ecs_sim::challenge::builder_draft::{
    BuilderDraft, DraftFields, BUILDER_DRAFT_KEY, BUILDER_START_KEY, MAX_BUILDER_FIELDS_BYTES,
    MAX_BUILDER_START_BYTES, MAX_OLD_BUILDER_DRAFT_BYTES, OLD_BUILDER_DRAFT_KEY,
};
use ecs_sim::challenge::{link, Challenge, ChallengeError};
use leptos::prelude::*;
use serde_json::Value;
use std::time::Duration;

/// The builder dialog (shown while `builder_open`).
#[component]
pub fn ChallengeBuilder() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let lessons = expect_context::<Lessons>();
    move || lessons.builder_open.get().then(|| builder(pg, lessons))
}

/// The draft to open ([`BuilderDraft::to_open`]): kept in this page, stored in this browser,
/// or new on the running scenario.
fn draft_to_open(pg: Playground, lessons: Lessons) -> BuilderDraft {
    use crate::layout::storage::read;
    let stored = || {
        BuilderDraft::from_stored(
            read(BUILDER_DRAFT_KEY, MAX_BUILDER_FIELDS_BYTES).as_deref(),
            read(BUILDER_START_KEY, MAX_BUILDER_START_BYTES).as_deref(),
            read(OLD_BUILDER_DRAFT_KEY, MAX_OLD_BUILDER_DRAFT_BYTES).as_deref(),
        )
    };
    let kept = lessons.builder_draft.get_value();
    let stored = if kept.is_none() { stored() } else { None };
    BuilderDraft::to_open(kept, stored, pg.running_text.get_untracked())
}

/// The self-test waits this long after the last change before it runs.
const SELF_TEST_DELAY: Duration = Duration::from_millis(400);

fn builder(pg: Playground, lessons: Lessons) -> impl IntoView {
    let draft = draft_to_open(pg, lessons);
    // The start is stored here, once per start (not on every open); each change then stores
    // only the fields (with the start's digest), and the first version's record is cleared.
    let digest = draft.start_digest().to_string();
    if lessons
        .builder_start_stored
        .with_value(|d| d.as_deref() != Some(&digest))
    {
        crate::layout::storage::write(BUILDER_START_KEY, &draft.start);
        crate::layout::storage::write(OLD_BUILDER_DRAFT_KEY, "");
        lessons.builder_start_stored.set_value(Some(digest));
    }
    let start_name = draft.start_name();
    let kept_draft = !draft.is_blank();
    let scenario: Value = serde_json::from_str(&draft.start).unwrap_or(Value::Null);
    let suggestions = suggested_paths(&scenario);
    let services = service_names(&scenario);
    let scenario = StoredValue::new(scenario);
    let title = RwSignal::new(draft.fields.title.clone());
    let level = RwSignal::new(draft.fields.level);
    let brief = RwSignal::new(draft.fields.brief.clone());
    let hints = RwSignal::new(draft.fields.hints.clone());
    let explain = RwSignal::new(draft.fields.explain.clone());
    let horizon = RwSignal::new(draft.fields.horizon_minutes);
    let ticked = RwSignal::new(draft.fields.ticked.clone());
    let extra = RwSignal::new(draft.fields.extra.clone());
    let goals = RwSignal::new(draft.fields.goals.clone());
    let draft = StoredValue::new(draft);
    // Not kept with the draft: after a preview or a reload the editor holds another scenario.
    let solution_from_editor = RwSignal::new(false);
    let too_large = RwSignal::new(false);
    let form = RwSignal::new(GoalForm {
        measure: "running".into(),
        service: services.first().cloned().unwrap_or_default(),
        when: "always".into(),
        bound: "atLeast".into(),
        statistic: "maximum".into(),
        metric: "CPUUtilization".into(),
        ..GoalForm::default()
    });
    let form_error = RwSignal::new(None::<String>);
    let problems = RwSignal::new(Vec::<String>::new());
    // The last challenge link made, and whether the browser copied it (`None` while it answers).
    let shared = RwSignal::new(None::<(String, Option<bool>)>);
    let checked = RwSignal::new(SelfTestState::NotYet);
    let check_generation = StoredValue::new(0u64);
    let messages = NodeRef::<leptos::html::Div>::new();
    // The draft as the fields hold it now (reading every field, so an effect calling it follows
    // them all).
    let draft_now = move || {
        let fields = DraftFields {
            title: title.get(),
            level: level.get(),
            brief: brief.get(),
            hints: hints.get(),
            explain: explain.get(),
            horizon_minutes: horizon.get(),
            ticked: ticked.get(),
            extra: extra.get(),
            goals: goals.get(),
        };
        draft.with_value(|d| d.with_new_fields(fields))
    };
    // The editor's scenario, when its box says it is the hidden solution.
    let solution = move || {
        solution_from_editor
            .get()
            .then(|| serde_json::from_str(&pg.text.get()).ok())
            .flatten()
    };
    // Every change is kept, in this page and in this browser's storage (the only way out of
    // the dialog that keeps typed work is not to lose it).
    Effect::new(move |_| {
        let d = draft_now();
        match d.fields_record() {
            Some(text) => {
                crate::layout::storage::write(BUILDER_DRAFT_KEY, &text);
                too_large.set(false);
            }
            None => {
                // An older, smaller record must not come back in its place on a reload.
                crate::layout::storage::write(BUILDER_DRAFT_KEY, "");
                too_large.set(true);
            }
        }
        lessons.builder_draft.set_value(Some(d));
    });
    let fields = move || untrack(move || draft_now().fields(solution()));
    // The self-test follows every field (each decides whether the challenge is valid) and,
    // while the box is ticked, the editor's solution: a while after the last change, the
    // challenge is built and its start (and solution) are checked as Check would. A run still
    // going when the dialog closes finds `check_generation` gone and stops.
    Effect::new(move |_| {
        let fields = draft_now().fields(solution());
        check_generation.update_value(|g| *g += 1);
        let mine = check_generation.get_value();
        let scenario = scenario.get_value();
        self_test_run::start(
            fields,
            scenario,
            check_generation,
            mine,
            checked,
            SELF_TEST_DELAY,
        );
    });
    // Brings the builder's messages (a refusal, "Copied") into view: the dialog scrolls, and
    // they appeared below its bottom edge on a projector (walkthrough, 2026-12-04).
    let show_messages = move || {
        request_animation_frame(move || {
            if let Some(el) = messages.get_untracked() {
                super::reveal::into_view(&el);
            }
        });
    };
    // The checked challenge, or its problems shown.
    let build = move || -> Option<(Challenge, String)> {
        let doc = document(&fields(), scenario.get_value());
        let json = serde_json::to_string_pretty(&doc).unwrap_or_default();
        match Challenge::from_document(doc) {
            Ok(c) => {
                problems.set(Vec::new());
                Some((c, json))
            }
            Err(ChallengeError::Invalid(ps)) => {
                problems.set(
                    ps.iter()
                        .map(|p| format!("{}: {}", p.path, p.message))
                        .collect(),
                );
                show_messages();
                None
            }
            Err(e) => {
                problems.set(vec![e.to_string()]);
                show_messages();
                None
            }
        }
    };
    let add_goal = move |_| {
        let n = goals.with_untracked(Vec::len) + 1;
        match goal_from_form(&form.get_untracked(), n, horizon.get_untracked() * 60_000) {
            Ok(g) => {
                goals.update(|gs| gs.push(g));
                form_error.set(None);
            }
            Err(e) => form_error.set(Some(e)),
        }
    };
    let preview = move |_| {
        if let Some((c, json)) = build() {
            let fragment = link::encode(&json)
                .map(|l| format!("#{l}"))
                .unwrap_or_else(|_| "#local".into());
            lessons.builder_open.set(false);
            lessons.start(pg, c, fragment);
        }
    };
    let copy = move |_| {
        if let Some((_, json)) = build() {
            match link::encode(&json) {
                Ok(l) => {
                    let base = web_sys::window()
                        .and_then(|w| w.location().href().ok())
                        .map(|h| h.split('#').next().unwrap_or_default().to_string())
                        .unwrap_or_default();
                    let url = format!("{base}#{l}");
                    // The link shows at once; the line above it says whether the browser
                    // copied it (it may refuse the clipboard), as Copy link's notice does.
                    shared.set(Some((url.clone(), None)));
                    let made = url.clone();
                    crate::clipboard::copy(&url, move |ok| {
                        shared.update(|s| {
                            if let Some((u, copied)) = s.as_mut() {
                                if *u == made {
                                    *copied = Some(ok);
                                }
                            }
                        })
                    });
                }
                Err(e) => problems.set(vec![format!("{e} Download the JSON instead.")]),
            }
            show_messages();
        }
    };
    let download = move |_| {
        if let Some((c, json)) = build() {
            let _ = crate::download::download_text(&format!("{}.json", c.doc.id), &json);
        }
    };
    let field =
        move |label: &'static str, testid: &'static str, sig: RwSignal<String>, rows: u32| {
            view! {
                <label class="builder-field">{label}
                    <textarea rows=rows data-testid=testid prop:value=move || sig.get()
                        on:input=move |ev| sig.set(event_target_value(&ev))></textarea>
                </label>
            }
        };
    let set_form = move |f: fn(&mut GoalForm, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            form.update(|g| f(g, v));
        }
    };
    let service_options = services.clone();
    view! {
        <div class="builder" role="dialog" aria-label="Make a challenge" data-testid="builder" tabindex="-1"
            node_ref=super::dialog_focus() on:keydown=super::close_on_escape(lessons.builder_open)>
            <header class="course-head">
                <h2>"Make a challenge"</h2>
                <span class="muted">{if kept_draft { "your draft" } else { "from the running scenario" }}</span>
                <button type="button" class="dismiss" aria-label="Close" data-testid="builder-close"
                    on:click=move |_| lessons.builder_open.set(false)>"×"</button>
            </header>
            {kept_draft.then(|| view! {
                <p class="muted builder-draft" data-testid="builder-draft">
                    {match start_name.clone() {
                        Some(n) => format!("Kept in this browser; built on \u{201c}{n}\u{201d}. "),
                        None => "Kept in this browser. ".to_string(),
                    }}
                    <button type="button" class="link-button" data-testid="builder-new"
                        on:click=move |_| {
                            let sure = web_sys::window().and_then(|w| w.confirm_with_message(
                                "Discard this draft and start a new challenge from the running scenario?").ok());
                            if sure == Some(true) {
                                lessons.builder_draft.set_value(None);
                                crate::layout::storage::write(BUILDER_DRAFT_KEY, "");
                                // Closed, then opened in a task of its own so the dialog is
                                // built anew (set back to true at once, the old one would be
                                // patched, keeping the goal form's typed values).
                                lessons.builder_open.set(false);
                                set_timeout(move || lessons.builder_open.set(true), Duration::ZERO);
                            }
                        }>"Start a new one from the running scenario"</button>
                </p>
            })}
            {move || too_large.get().then(|| view! {
                <p class="muted builder-draft" data-testid="builder-draft-too-large">
                    "This draft is too large to keep in this browser: it lasts while the page is open."</p>
            })}
            <label class="builder-field">"Title"
                <input type="text" data-testid="builder-title" prop:value=move || title.get()
                    on:input=move |ev| title.set(event_target_value(&ev)) />
            </label>
            <div class="builder-row">
                <label>"Level "
                    <select data-testid="builder-level" on:change=move |ev| level.set(event_target_value(&ev).parse().unwrap_or(1))>
                        {[1u8, 2, 3].into_iter().map(|n| view! {
                            <option value=n.to_string() selected=move || level.get() == n>{n.to_string()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>"Check runs for "
                    <input type="number" min="1" max="360" class="builder-num" data-testid="builder-horizon"
                        prop:value=move || horizon.get().to_string()
                        on:input=move |ev| horizon.set(event_target_value(&ev).parse().unwrap_or(15))/>
                    " minutes"
                </label>
            </div>
            {field("Brief (paragraphs, `code`, [links](https://docs.aws.amazon.com/…))", "builder-brief", brief, 4)}
            {field("Hints (separate them with a blank line)", "builder-hints", hints, 3)}
            {field("Shown on success", "builder-explain", explain, 2)}
            <fieldset class="builder-editable">
                <legend>"Students may change"</legend>
                {suggestions.into_iter().map(|s| {
                    let path = s.path.clone();
                    let p2 = s.path.clone();
                    view! {
                        <label class="builder-check">
                            <input type="checkbox" data-testid=format!("builder-open-{}", s.path)
                                prop:checked=move || ticked.with(|t| t.contains(&path))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    ticked.update(|t| { t.retain(|x| *x != p2); if on { t.push(p2.clone()); } });
                                } />
                            {s.label}
                        </label>
                    }
                }).collect_view()}
                <label class="builder-field">"Other paths (space-separated, e.g. services[0].deploymentConfiguration.maximumPercent)"
                    <input type="text" data-testid="builder-extra" prop:value=move || extra.get()
                        on:input=move |ev| extra.set(event_target_value(&ev)) />
                </label>
            </fieldset>
            <fieldset class="builder-goals">
                <legend>"Goals"</legend>
                <ol data-testid="builder-goal-list">
                    {move || goals.get().into_iter().enumerate().map(|(k, g)| view! {
                        <li>{sentence(&g, &scenario.get_value(), horizon.get_untracked() * 60_000)}" "
                            <button type="button" class="builder-remove" on:click=move |_| { goals.update(|gs| { if k < gs.len() { gs.remove(k); } }) }>"remove"</button>
                        </li>
                    }).collect_view()}
                </ol>
                <div class="builder-row">
                    <select aria-label="Measure" data-testid="goal-measure" on:change=set_form(|g, v| g.measure = v)>
                        {MEASURES.iter().map(|(name, _)| view! { <option value=*name selected=*name == "running">{*name}</option> }).collect_view()}
                    </select>
                    <select aria-label="Service" data-testid="goal-service" on:change=set_form(|g, v| g.service = v)>
                        {service_options.iter().map(|s| view! { <option value=s.clone()>{s.clone()}</option> }).collect_view()}
                    </select>
                    <Show when=move || form.with(|f| is_state(&f.measure))>
                        <select aria-label="When" data-testid="goal-when" on:change=set_form(|g, v| g.when = v)>
                            <option value="always">"always, from … to …"</option>
                            <option value="eventually">"eventually, from … by …"</option>
                            <option value="at">"at …"</option>
                        </select>
                    </Show>
                    <input type="text" aria-label="From / at" placeholder="from/at: h:mm:ss, or minutes" class="builder-time builder-time-wide"
                        data-testid="goal-first" on:input=set_form(|g, v| g.first = v) />
                    <input type="text" aria-label="To / by" placeholder="to/by (empty: the end)" class="builder-time"
                        data-testid="goal-second" on:input=set_form(|g, v| g.second = v) />
                </div>
                <div class="builder-row">
                    <select aria-label="Bound" data-testid="goal-bound" on:change=set_form(|g, v| g.bound = v)>
                        <option value="atLeast">"at least"</option>
                        <option value="atMost">"at most"</option>
                        <option value="equals">"exactly"</option>
                    </select>
                    <input type="text" aria-label="Value" placeholder="value" class="builder-num"
                        data-testid="goal-value" on:input=set_form(|g, v| g.value = v) />
                    <Show when=move || form.with(|f| f.measure == "metric")>
                        <input type="text" aria-label="Metric" placeholder="metric: CPUUtilization" class="builder-time"
                            data-testid="goal-metric" on:input=set_form(|g, v| g.metric = v) />
                        <select aria-label="Statistic" data-testid="goal-statistic" on:change=set_form(|g, v| g.statistic = v)>
                            <option value="maximum">"maximum"</option><option value="minimum">"minimum"</option>
                            <option value="sum">"sum"</option><option value="average">"average"</option>
                        </select>
                    </Show>
                    <Show when=move || form.with(|f| f.measure == "advice")>
                        <input type="text" aria-label="Advice rule" placeholder="advice rule ID" class="builder-time"
                            data-testid="goal-rule" on:input=set_form(|g, v| g.rule = v) />
                    </Show>
                    <button type="button" data-testid="goal-add" on:click=add_goal>"Add goal"</button>
                </div>
                {move || form_error.get().map(|e| view! { <p class="error" role="alert" data-testid="goal-error">{e}</p> })}
            </fieldset>
            <label class="builder-check">
                <input type="checkbox" data-testid="builder-solution"
                    prop:checked=move || solution_from_editor.get()
                    on:change=move |ev| solution_from_editor.set(event_target_checked(&ev)) />
                "The scenario now in the editor is the hidden solution (solve it there first)"
            </label>
            // Held at the bottom of the dialog, which scrolls on a projector: the self-test, the
            // share buttons and what they answer stay in view (Copied appeared below the
            // dialog's edge, and a self-test line changing height pushed it there again).
            <div class="builder-foot">
            {move || match checked.get() {
                SelfTestState::NotYet => None,
                SelfTestState::Checking => Some(view! {
                    <p class="builder-self-test muted" data-testid="builder-self-test" data-state="checking">
                        "Self-test: checking the start…"</p>
                }.into_any()),
                SelfTestState::Done(v) => {
                    let fine = v.passes();
                    Some(view! {
                        <p class="builder-self-test" class:warn=!fine data-testid="builder-self-test"
                            data-state=if fine { "fine" } else { "warn" } role=if fine { "status" } else { "alert" }>
                            {if fine { "✓ " } else { "⚠ " }}{v.words()}</p>
                    }.into_any())
                }
            }}
            <div class="lesson-actions">
                <button type="button" class="primary" data-testid="builder-preview" on:click=preview>"Preview as a student"</button>
                <button type="button" data-testid="builder-copy" on:click=copy>"Copy challenge link"</button>
                <button type="button" data-testid="builder-download" on:click=download>"Download JSON"</button>
            </div>
            <div node_ref=messages>
            {move || (!problems.get().is_empty()).then(|| view! {
                <ul class="lesson-result refused" role="alert" data-testid="builder-problems">
                    {problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            })}
            {move || shared.get().map(|(u, copied)| view! {
                <p class="builder-shared" data-testid="builder-shared">{match copied {
                    Some(true) => "Copied. Students open this link in any browser: ",
                    Some(false) => "Not copied: the browser refused the clipboard. Copy the link from this box; students open it in any browser: ",
                    None => "Students open this link in any browser: ",
                }}
                    <input type="text" readonly prop:value=u class="builder-link" data-testid="builder-link" /></p>
            })}
            </div>
            </div>
        </div>
    }
}

/// Whether the measure named `measure` is read at instants (and so takes "when").
fn is_state(measure: &str) -> bool {
    MEASURES
        .iter()
        .find(|(name, _)| *name == measure)
        .is_some_and(|(_, m)| m.is_state())
}
