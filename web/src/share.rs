//! Sharing: the whole scenario lives in the URL fragment (`#v1.` + deflate + base64url, via
//! `ecs_sim::scenario::share`) when it fits in a link, else the fragment is `#local` and the
//! scenario lives in this browser's storage ([`crate::persist`]). "Copy link" copies the link,
//! or explains why there is none and offers the JSON file; scenarios download and upload as
//! JSON. A broken or hostile link shows a clear error, stays in the address bar (with a button to
//! copy it) and opens the default scenario; a link pasted into an open tab (`hashchange`) opens.

use crate::state::{check, Notice, NoticeAction, Playground};
use ecs_sim::scenario::keep;
use ecs_sim::scenario::saved::{self, Fragment, Offer, Opening, Saved};
use ecs_sim::scenario::DEFAULT_SCENARIO_JSON;
use leptos::prelude::*;

/// The page's URL fragment, with its `#`.
fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The first line of what makes `text` an invalid scenario.
fn validate(text: &str) -> Result<(), String> {
    check(text)
        .map(drop)
        .map_err(|e| e.to_string().lines().next().unwrap_or_default().to_string())
}

/// What to open for `hash` given the saved record (see [`saved::open`]).
pub fn opening_for(hash: &str, saved: Option<&Saved>) -> Opening {
    saved::open(hash, saved, DEFAULT_SCENARIO_JSON, validate)
}

/// The scenario to open when the page loads, and what goes with it: the notice and its button,
/// the fragment the address bar keeps, and the unsaved edit to offer back.
pub fn initial_opening() -> (String, Opening) {
    let opening = opening_for(&current_hash(), crate::persist::load().as_ref());
    let text = opening
        .scenario
        .clone()
        .unwrap_or_else(|| DEFAULT_SCENARIO_JSON.to_string());
    (text, opening)
}

/// Shows what went wrong with a link (if anything) and keeps a damaged link in the address bar
/// with a button to copy it. `fallback` says what runs instead.
pub fn report_problem(pg: Playground, opening: &Opening, hash: &str, fallback: &str) {
    let Some(problem) = &opening.problem else {
        return;
    };
    let notice = Notice {
        is_error: true,
        text: format!("{problem} {fallback}"),
    };
    if opening.keep_fragment {
        pg.keep_fragment.set(Some(hash.to_string()));
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        pg.notify_with(notice, NoticeAction::CopyLink(href));
    } else {
        pg.notice.set(Some(notice));
    }
}

/// Decides what a URL fragment opens, with no saved record (pure, so browser tests can feed it
/// hostile input).
pub fn scenario_from_fragment(hash: &str) -> (String, Option<Notice>) {
    let opening = opening_for(hash, None);
    let notice = opening.problem.as_ref().map(|p| Notice {
        is_error: true,
        text: format!("{p} The default scenario is shown instead."),
    });
    let text = opening
        .scenario
        .unwrap_or_else(|| DEFAULT_SCENARIO_JSON.to_string());
    (text, notice)
}

/// Keeps the URL fragment equal to the running scenario (replaceState: no history spam):
/// its link, or `#local` when it is too large for one; a damaged link the page was opened with
/// stays until the scenario changes. Opens a link pasted into the address bar of the open tab.
#[component]
pub fn SyncUrl() -> impl IntoView {
    let pg = expect_context::<Playground>();
    // The fragment this page last wrote, to tell its own writes from the user's.
    let written = StoredValue::new(current_hash());
    let lessons = expect_context::<crate::lesson::Lessons>();
    Effect::new(move |first: Option<()>| {
        let text = pg.running_text.get();
        // In a lesson the address bar holds the lesson, not the student's scenario.
        if let Some(fragment) = lessons
            .open
            .with(|o| o.as_ref().map(|o| o.fragment.clone()))
        {
            pg.keep_fragment.set(None);
            written.set_value(fragment.clone());
            if let Some(window) = web_sys::window() {
                if window.location().hash().ok().as_deref() != Some(fragment.as_str()) {
                    if let Ok(history) = window.history() {
                        let _ = history.replace_state_with_url(
                            &wasm_bindgen::JsValue::NULL,
                            "",
                            Some(&fragment),
                        );
                    }
                }
            }
            return;
        }
        if pg.keep_fragment.get_untracked().is_some() {
            if first.is_none() {
                return;
            }
            pg.keep_fragment.set(None);
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let fragment = saved::fragment_for(&text);
        let hash = fragment.as_hash();
        written.set_value(hash.to_string());
        if window.location().hash().ok().as_deref() != Some(hash) {
            if let Ok(history) = window.history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
            }
        }
    });
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = current_hash();
        if written.with_value(|w| *w == hash) || hash.trim_start_matches('#').is_empty() {
            return;
        }
        written.set_value(hash.clone());
        match ecs_sim::challenge::link::open_fragment(&hash) {
            Some(Ok((challenge, fragment))) => lessons.start(pg, challenge, fragment),
            Some(Err(message)) => pg.notice.set(Some(Notice {
                is_error: true,
                text: format!("{message} The running scenario is unchanged."),
            })),
            None => {
                lessons.close(pg);
                open_link(pg, &hash);
            }
        }
    });
    on_cleanup(move || listener.remove());
}

/// A new fragment in the open tab: open its scenario, or say why not and keep what runs. An
/// unsaved edit the new scenario replaces in the editor is offered back.
fn open_link(pg: Playground, hash: &str) {
    let opening = opening_for(hash, crate::persist::load().as_ref());
    if opening.problem.is_some() {
        report_problem(pg, &opening, hash, "The running scenario is unchanged.");
        return;
    }
    let Some(text) = opening.scenario else {
        return;
    };
    if pg.text.with_untracked(|t| *t == text) {
        return;
    }
    let draft = pg.text.with_untracked(|t| {
        pg.running_text
            .with_untracked(|r| (t != r).then(|| t.clone()))
    });
    if let Some(draft) = draft {
        pg.offer.set(Some(Offer {
            text: draft,
            saved_at_ms: js_sys::Date::now().max(0.0) as u64,
            draft: true,
        }));
    }
    pg.edit(text);
    pg.notice.set(Some(Notice {
        is_error: false,
        text: "Opened the scenario from the link.".into(),
    }));
}

/// Copy link, download and upload.
#[component]
pub fn ShareBar() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let file_input = NodeRef::<leptos::html::Input>::new();
    // A lesson's timeline is locked: clicked actions kept in its link made a scenario Check
    // and `ecs-sim check` refuse, beside a page that said Passed (instructor walkthrough).
    let lessons = use_context::<crate::lesson::Lessons>();
    let in_lesson = move || lessons.is_some_and(|l| l.open.with(Option::is_some));
    let copy = move |_| {
        let mut text = pg.running_text.get_untracked();
        let kept = pg.kept.get_untracked();
        let keeping = pg.keep_in_link.get_untracked()
            && !kept.is_empty()
            && !lessons.is_some_and(|l| l.open.with_untracked(Option::is_some));
        if keeping {
            match keep::with_live_actions(&text, &kept) {
                Ok(with) => text = with,
                Err(e) => {
                    pg.notice.set(Some(Notice {
                        is_error: true,
                        text: format!("The clicked actions could not be kept: {e}"),
                    }));
                    return;
                }
            }
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let fragment = match saved::fragment_for(&text) {
            Fragment::Link(fragment) => fragment,
            Fragment::Local { why } => {
                let notice = Notice {
                    is_error: false,
                    text: saved::copy_refusal(&why),
                };
                pg.notify_with(notice, NoticeAction::DownloadJson);
                return;
            }
        };
        let href = window.location().href().unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default().to_string();
        let link = format!("{base}{fragment}");
        let len = link.len();
        let warn = if len > 2000 {
            " Some chat apps cut links longer than 2,000 characters."
        } else {
            ""
        };
        let copied = if keeping {
            let n = kept.len();
            let s = if n == 1 { "" } else { "s" };
            format!(
                "Link copied ({len} characters), with {n} clicked action{s} on its timeline.{warn}"
            )
        } else {
            format!("Link copied ({len} characters).{warn}")
        };
        // "Copied" only once the browser says so: it may refuse (no permission, the page not
        // focused), and the notice said "Link copied" regardless. Refused, the link goes to
        // the address bar, to be copied from there.
        crate::clipboard::copy(&link, move |ok| {
            let notice = if ok {
                Notice {
                    is_error: false,
                    text: copied,
                }
            } else {
                if let Ok(history) = window.history() {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&fragment),
                    );
                }
                Notice {
                    is_error: true,
                    text: format!("The browser did not let the page copy to the clipboard. The link ({len} characters) is now in the address bar: copy it from there."),
                }
            };
            pg.notice.set(Some(notice));
        });
    };
    let download = move |_| download_scenario(pg);
    let upload = move |_| {
        let Some(input) = file_input.get() else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        if file.size() > ecs_sim::scenario::MAX_SCENARIO_BYTES as f64 {
            pg.notice.set(Some(Notice {
                is_error: true,
                text: "That file is larger than 1 MiB; the playground reads scenarios up to 1 MiB."
                    .into(),
            }));
            return;
        }
        let promise = file.text();
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(v) => {
                    let text = v.as_string().unwrap_or_default();
                    if let Some(hint) = not_a_scenario(&text) {
                        pg.notice.set(Some(Notice {
                            is_error: true,
                            text: hint,
                        }));
                        return;
                    }
                    pg.edit(text);
                    if pg.problems.get_untracked().is_empty()
                        && pg.syntax_error.get_untracked().is_none()
                    {
                        pg.notice.set(Some(Notice {
                            is_error: false,
                            text: "Scenario loaded.".into(),
                        }));
                    } else {
                        pg.notice.set(Some(Notice { is_error: true, text: "The file is not a valid scenario: its problems are listed in the editor's Scenario JSON tab. The running scenario is unchanged.".into() }));
                    }
                }
                Err(_) => pg.notice.set(Some(Notice {
                    is_error: true,
                    text: "The file could not be read.".into(),
                })),
            }
        });
        input.set_value("");
    };
    view! {
        <div class="share" role="toolbar" aria-label="Share">
            <button data-testid="copy-link" title="Copy a link that opens this exact scenario" on:click=copy>"Copy link"</button>
            <label class="keep-in-link" title="Copy link adds the actions you clicked since the scenario started (stop task, terminate, drain, zone, Spot, traffic spike, deploy) to its timeline, and the revisions and images registered in the deployment panel to its taskDefinitions and images, at the second they ran, so whoever opens the link can replay the failure you produced. Editing, resetting or opening another scenario clears them.">
                <input type="checkbox" data-testid="keep-in-link" disabled=in_lesson
                    title=move || in_lesson().then_some("Not in a lesson: its timeline is locked, so the link carries the scenario only")
                    prop:checked=move || pg.keep_in_link.get() && !in_lesson()
                    on:change=move |ev| pg.keep_in_link.set(event_target_checked(&ev)) />
                {move || {
                    let n = pg.kept.with(|k| k.len());
                    let full = if pg.kept.with(|k| k.is_full()) { " (full: later ones are not kept)" } else { "" };
                    match n {
                        1 => format!("Keep in link (1 action){full}"),
                        n => format!("Keep in link ({n} actions){full}"),
                    }
                }}
            </label>
            <button data-testid="download" on:click=download>"Download JSON"</button>
            <label class="upload">"Upload JSON"
                <input type="file" accept="application/json,.json" data-testid="upload" node_ref=file_input on:change=upload />
            </label>
        </div>
    }
}

/// A hint when an uploaded file is a task definition rather than a scenario (the command
/// line's `validate` takes both; the playground's upload takes scenarios).
pub fn not_a_scenario(text: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(text).ok()?;
    let looks_like_td = v.get("clusters").is_none()
        && (v.get("containerDefinitions").is_some()
            || v.get("taskDefinition").is_some()
            || v.get("family").is_some());
    looks_like_td.then(|| {
        "That file is a task definition, not a scenario. Paste its JSON into a Task definition tab (or add it to the scenario's taskDefinitions in the Scenario JSON tab); the running scenario is unchanged.".to_string()
    })
}

/// Downloads the editor's scenario text, named after the scenario
/// ([`ecs_sim::scenario::heading::download_file_name`]).
pub fn download_scenario(pg: Playground) {
    let text = pg.text.get_untracked();
    let name = ecs_sim::scenario::heading::heading(&text).name;
    let file = ecs_sim::scenario::heading::download_file_name(name.as_deref());
    let _ = crate::download::download_text(&file, &text);
}
