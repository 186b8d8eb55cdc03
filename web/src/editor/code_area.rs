//! A monospace JSON text area with a line-number gutter that marks problem lines, a highlight
//! behind those lines, and the list of problems; clicking a problem puts the caret on its field.
//! Advice warnings are marked apart from errors (amber wavy underline and ⚠ in the gutter,
//! against red); an error wins a line that has both.
//!
//! Once the CodeMirror bundle has loaded ([`super::codemirror`]) the text area gives way to
//! CodeMirror (colouring, folding, completion and field documentation from the engine's schema,
//! squiggles at the fields); the text area stays in the page, hidden, and its `value` reads
//! CodeMirror's text (see `mirror` in web/editor-js/src/editor.js), so the text can still be read
//! and set by its `data-testid` without the app copying every edit into it.

use super::codemirror::{when_loaded, Editor};
use super::marks::Mark;
use ecs_sim::problem::Problem;
use ecs_sim::scenario::locate::utf16_offset;
use leptos::html::{Div, Textarea};
use leptos::prelude::*;
use std::collections::BTreeMap;

thread_local! {
    /// The engine's field schema as JSON, written once per page.
    static SCHEMA: String = ecs_sim::scenario::field_docs::schema_json();
}

/// Height of one text line in pixels; the same value is in editor.css (`.code` line-height).
const LINE_PX: f64 = 20.0;

/// The JSON editor with its problems. `text` is what it shows; every keystroke calls
/// `on_input` with the new text.
#[component]
pub fn CodeArea(
    /// The text to show.
    #[prop(into)]
    text: Signal<String>,
    /// Called with the whole text on every input.
    on_input: Callback<String>,
    /// The problems, placed at lines.
    #[prop(into)]
    marks: Signal<Vec<Mark>>,
    /// Accessible name of the text area.
    label: String,
    /// `data-testid` of the text area.
    testid: &'static str,
    /// Problems elsewhere in the scenario that this text causes (shown instead of "No
    /// problems" when the text itself has none).
    #[prop(optional, into)]
    elsewhere: Signal<Vec<Problem>>,
    /// The schema context of the whole text: `scenario` or `taskDefinition`.
    schema_root: &'static str,
    /// A lesson's editable paths: everything else is read-only in the editor (empty: all
    /// editable).
    #[prop(optional, into)]
    open_paths: Signal<Vec<String>>,
) -> impl IntoView {
    let area = NodeRef::<Textarea>::new();
    let host = NodeRef::<Div>::new();
    let scroll = RwSignal::new((0.0_f64, 0.0_f64));
    let editor = StoredValue::new_local(None::<Editor>);
    // The text CodeMirror and the app last agreed on (what it reported or was given).
    let agreed = StoredValue::new_local(String::new());
    let enhanced = RwSignal::new(false);
    let alive = StoredValue::new_local(std::rc::Rc::new(std::cell::Cell::new(true)));
    Effect::new(move |_| {
        let (Some(el), Some(mirror)) = (host.get(), area.get()) else {
            return;
        };
        let alive = alive.get_value();
        when_loaded(move || {
            if !alive.get() {
                return;
            }
            let current = text.get_untracked();
            let on_change = move |t: String| {
                agreed.set_value(t.clone());
                on_input.run(t);
            };
            let Some(cm) = Editor::create(&el, &mirror, &current, &label_for(&el), on_change)
            else {
                return;
            };
            SCHEMA.with(|s| cm.set_schema(s, schema_root));
            marks.with_untracked(|m| cm.set_marks(m));
            agreed.set_value(current);
            editor.set_value(Some(cm));
            enhanced.set(true);
        });
    });
    // The app's text into CodeMirror (a form's edit, another family), then the marks on it: in
    // one effect, so the marks never land on the text before (a replaced text drops them).
    Effect::new(move |_| {
        marks.track();
        text.track();
        if !enhanced.get() {
            return;
        }
        editor.with_value(|e| {
            let Some(e) = e else {
                return;
            };
            text.with_untracked(|t| {
                if agreed.with_value(|a| a != t) {
                    e.set_text(t);
                    agreed.set_value(t.clone());
                }
            });
            marks.with_untracked(|m| e.set_marks(m));
        });
    });
    // The app's text into the text area, until CodeMirror takes over: from then on the text
    // area reads CodeMirror's text (`Editor::create`), and writing a large text into it on
    // every edit would cost tens of milliseconds for a copy nobody sees.
    Effect::new(move |_| {
        if enhanced.get() {
            return;
        }
        let Some(el) = area.get() else {
            return;
        };
        text.with(|t| {
            if el.value() != *t {
                el.set_value(t);
            }
        });
    });
    // A lesson's locked parts, read-only in CodeMirror (the text area fallback only flags them).
    Effect::new(move |_| {
        let paths = open_paths.get();
        if !enhanced.get() {
            return;
        }
        editor.with_value(|e| {
            if let Some(e) = e {
                e.set_open(&paths);
            }
        });
    });
    on_cleanup(move || {
        if let Some(flag) = alive.try_get_value() {
            flag.set(false);
        }
        let _ = editor.try_update_value(|e| {
            if let Some(e) = e.take() {
                // An edit typed in the last quiet moment still reaches the app.
                if let Some(t) = e.text() {
                    if agreed.try_with_value(|a| *a != t).unwrap_or(false) {
                        on_input.try_run(t);
                    }
                }
                e.destroy();
            }
        });
    });
    let line_count = Memo::new(move |_| {
        if enhanced.get() {
            return 0;
        }
        text.with(|t| t.split('\n').count())
    });
    // Line → (has an error, messages), for the gutter and the highlight; errors first.
    let by_line = Memo::new(move |_| {
        let mut lines: BTreeMap<usize, (bool, Vec<String>)> = BTreeMap::new();
        if enhanced.get() {
            return lines;
        }
        marks.with(|ms| {
            for m in ms.iter().filter(|m| !m.warning) {
                let e = lines.entry(m.line).or_default();
                e.0 = true;
                e.1.push(m.message.clone());
            }
            for m in ms.iter().filter(|m| m.warning) {
                lines
                    .entry(m.line)
                    .or_default()
                    .1
                    .push(format!("⚠ {}", m.message));
            }
        });
        lines
    });
    let goto = move |line: usize, column: usize| {
        let mut done = false;
        editor.with_value(|e| {
            if let Some(e) = e {
                e.goto(line, column);
                done = true;
            }
        });
        if done {
            return;
        }
        let Some(el) = area.get_untracked() else {
            return;
        };
        let offset = text.with_untracked(|t| utf16_offset(t, line, column)) as u32;
        let _ = el.focus();
        let _ = el.set_selection_range(offset, offset);
        let top = ((line as f64 - 1.0) * LINE_PX - f64::from(el.client_height()) / 3.0).max(0.0);
        el.set_scroll_top(top as i32);
    };
    let on_scroll = move |_| {
        if let Some(el) = area.get_untracked() {
            scroll.set((f64::from(el.scroll_top()), f64::from(el.scroll_left())));
        }
    };
    view! {
        <div class="code" class:enhanced=move || enhanced.get()>
            <div class="gutter" aria-hidden="true">
                <div class="gutter-lines" style:transform=move || format!("translateY({}px)", -scroll.get().0)>
                    {move || {
                        let marked = by_line.get();
                        (1..=line_count.get()).map(|n| {
                            let line = marked.get(&n);
                            let messages = line.map(|(_, m)| m.join("\n"));
                            let bad = line.is_some_and(|(error, _)| *error);
                            let warn = line.is_some() && !bad;
                            let testid = if bad { Some("gutter-mark") } else if warn { Some("gutter-warning") } else { None };
                            view! {
                                <div class="ln" class:bad=bad class:warn=warn data-testid=testid
                                    title=messages>{n}</div>
                            }
                        }).collect_view()
                    }}
                </div>
            </div>
            <div class="code-body">
                <div class="backdrop" aria-hidden="true">
                    <div style:transform=move || {
                        let (top, left) = scroll.get();
                        format!("translate({}px, {}px)", -left, -top)
                    }>
                        {move || by_line.get().into_iter().map(|(line, (error, _))| view! {
                            <div class="hl" class:warn=!error data-testid=(!error).then_some("warning-line")
                                style:top=format!("{}px", (line as f64 - 1.0) * LINE_PX)></div>
                        }).collect_view()}
                    </div>
                </div>
                <div node_ref=host class="cm-host" data-label=label.clone()></div>
                <textarea node_ref=area class="code-input" spellcheck="false" wrap="off"
                    autocomplete="off" autocapitalize="off"
                    aria-hidden=move || enhanced.get().then_some("true")
                    tabindex=move || enhanced.get().then_some("-1")
                    aria-label=label data-testid=testid
                    aria-invalid=move || marks.with(|m| m.iter().any(|m| !m.warning).to_string())
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                    on:scroll=on_scroll></textarea>
            </div>
        </div>
        <ProblemList marks=marks goto=goto elsewhere=elsewhere />
    }
}

/// The accessible name the code area gave its CodeMirror host.
fn label_for(el: &web_sys::HtmlDivElement) -> String {
    el.get_attribute("data-label").unwrap_or_default()
}

/// The problems under the editor: line, path and ECS's message; a click goes to the field.
#[component]
fn ProblemList(
    marks: Signal<Vec<Mark>>,
    goto: impl Fn(usize, usize) + Copy + Send + Sync + 'static,
    elsewhere: Signal<Vec<Problem>>,
) -> impl IntoView {
    view! {
        <div class="problems" aria-live="polite">
            {move || {
                let (warnings, ms): (Vec<Mark>, Vec<Mark>) = marks.get().into_iter().partition(|m| m.warning);
                if ms.is_empty() {
                    let caused = elsewhere.get();
                    if !caused.is_empty() {
                        return view! {
                            <div class="caused" role="alert" data-testid="caused-elsewhere">
                                <p>"Valid on its own, but the scenario has problems where it is used (see Service settings or Scenario JSON):"</p>
                                <ul>
                                    {caused.into_iter().map(|p| view! {
                                        <li><code class="path">{p.path}</code>" "{p.message}</li>
                                    }).collect_view()}
                                </ul>
                            </div>
                            <WarningList warnings=warnings goto=goto />
                        }.into_any();
                    }
                    return view! {
                        <p class="ok" data-testid="no-problems">"No problems: ECS would accept this."</p>
                        <WarningList warnings=warnings goto=goto />
                    }.into_any();
                }
                let mut sorted = ms;
                ecs_sim::order::sort_by_key(&mut sorted, |m| (m.line, m.column));
                let first_stage = sorted.iter().any(|m| m.first_stage);
                view! {
                    <p class="count" data-testid="problem-count">
                        {format!("{} problem{}", sorted.len(), if sorted.len() == 1 { "" } else { "s" })}
                        {first_stage.then(|| view! {
                            <span class="muted" data-testid="problems-first-stage">" — found by the first checks (JSON syntax, the document’s shape, the playground’s limits); the others run once this is fixed"</span>
                        })}
                    </p>
                    <ul>
                        {sorted.into_iter().map(|m| {
                            let (line, column) = (m.line, m.column);
                            view! {
                                <li>
                                    <button class="problem" data-testid="problem" data-line=line.to_string()
                                        title="Go to this field"
                                        on:click=move |_| goto(line, column)>
                                        <span class="where">{format!("Line {line}")}</span>
                                        {(!m.path.is_empty()).then(|| view! { <code class="path">{m.path.clone()}</code> })}
                                        <span class="message">{m.message.clone()}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}

/// Warnings listed under the editor at most: a 1 MiB scenario can have 10,000, and building their
/// buttons was half of the 1.2 s main-thread task after each edit (0.6 s left); every one is
/// still squiggled and marked in the text, and the Advice tab has them all.
const MAX_LISTED_WARNINGS: usize = 200;

/// Advice warnings under the problems: collapsed, each a button to its field.
#[component]
fn WarningList(
    warnings: Vec<Mark>,
    goto: impl Fn(usize, usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    if warnings.is_empty() {
        return ().into_any();
    }
    let mut sorted = warnings;
    ecs_sim::order::sort_by_key(&mut sorted, |m| (m.line, m.column));
    let n = sorted.len();
    let more = n.saturating_sub(MAX_LISTED_WARNINGS);
    view! {
        <details class="warnings" data-testid="editor-warnings">
            <summary>{format!("⚠ {n} advice warning{} (best practice; see the Advice tab)", if n == 1 { "" } else { "s" })}</summary>
            <ul>
                {sorted.into_iter().take(MAX_LISTED_WARNINGS).map(|m| {
                    let (line, column) = (m.line, m.column);
                    view! {
                        <li>
                            <button class="problem warning" data-testid="editor-warning" data-line=line.to_string()
                                title="Go to this field" on:click=move |_| goto(line, column)>
                                <span class="where">{format!("Line {line}")}</span>
                                <span class="message">{m.message.clone()}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(more > 0).then(|| view! {
                <p class="more" data-testid="editor-warnings-more">{format!("… and {more} more, each marked in the text; the Advice tab lists them all.")}</p>
            })}
        </details>
    }
    .into_any()
}
