//! A monospace JSON text area with a line-number gutter that marks problem lines, a highlight
//! behind those lines, and the list of problems; clicking a problem puts the caret on its field.
//! Advice warnings are marked apart from errors (amber wavy underline and ⚠ in the gutter,
//! against red); an error wins a line that has both.

use super::marks::Mark;
use ecs_sim::problem::Problem;
use ecs_sim::scenario::locate::utf16_offset;
use leptos::html::Textarea;
use leptos::prelude::*;
use std::collections::BTreeMap;

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
) -> impl IntoView {
    let area = NodeRef::<Textarea>::new();
    let scroll = RwSignal::new((0.0_f64, 0.0_f64));
    let line_count = Memo::new(move |_| text.with(|t| t.split('\n').count()));
    // Line → (has an error, messages), for the gutter and the highlight; errors first.
    let by_line = Memo::new(move |_| {
        let mut lines: BTreeMap<usize, (bool, Vec<String>)> = BTreeMap::new();
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
        <div class="code">
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
                <textarea node_ref=area class="code-input" spellcheck="false" wrap="off"
                    autocomplete="off" autocapitalize="off"
                    aria-label=label data-testid=testid
                    aria-invalid=move || marks.with(|m| m.iter().any(|m| !m.warning).to_string())
                    prop:value=move || text.get()
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                    on:scroll=on_scroll></textarea>
            </div>
        </div>
        <ProblemList marks=marks goto=goto elsewhere=elsewhere />
    }
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
                sorted.sort_by_key(|m| (m.line, m.column));
                view! {
                    <p class="count">{format!("{} problem{}", sorted.len(), if sorted.len() == 1 { "" } else { "s" })}</p>
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
    sorted.sort_by_key(|m| (m.line, m.column));
    let n = sorted.len();
    view! {
        <details class="warnings" data-testid="editor-warnings">
            <summary>{format!("⚠ {n} advice warning{} (best practice; see the Advice tab)", if n == 1 { "" } else { "s" })}</summary>
            <ul>
                {sorted.into_iter().map(|m| {
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
        </details>
    }
    .into_any()
}
