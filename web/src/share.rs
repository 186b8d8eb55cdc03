//! Sharing: the whole scenario lives in the URL fragment (`#v1.` + deflate + base64url, via
//! `ecs_sim::scenario::share`), "Copy link" copies it, and scenarios download and upload as
//! JSON. A broken or hostile link shows a clear error and opens the default scenario.

use crate::state::{check, Notice, Playground};
use ecs_sim::scenario::share;
use ecs_sim::scenario::DEFAULT_SCENARIO_JSON;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The scenario to open: the one in the URL fragment if it decodes and is valid, else the
/// default with a notice saying why.
pub fn initial_scenario() -> (String, Option<Notice>) {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    scenario_from_fragment(&hash)
}

/// Decides what a URL fragment opens (pure, so browser tests can feed it hostile input).
pub fn scenario_from_fragment(hash: &str) -> (String, Option<Notice>) {
    let fragment = hash.trim_start_matches('#');
    if fragment.is_empty() {
        return (DEFAULT_SCENARIO_JSON.to_string(), None);
    }
    let error = |text: String| {
        (
            DEFAULT_SCENARIO_JSON.to_string(),
            Some(Notice {
                is_error: true,
                text,
            }),
        )
    };
    match share::decode(fragment) {
        Err(e) => error(format!(
            "This link could not be opened: {e} The default scenario is shown instead."
        )),
        Ok(text) => match check(&text) {
            Ok(_) => (text, None),
            Err(e) => {
                let first = e.to_string().lines().next().unwrap_or_default().to_string();
                error(format!("This link holds a scenario that is not valid ({first}). The default scenario is shown instead."))
            }
        },
    }
}

/// Keeps the URL fragment equal to the running scenario (replaceState: no history spam).
#[component]
pub fn SyncUrl() -> impl IntoView {
    let pg = expect_context::<Playground>();
    Effect::new(move |_| {
        let text = pg.running_text.get();
        let Some(window) = web_sys::window() else {
            return;
        };
        let fragment = share::fragment_for(&text);
        if window.location().hash().ok().as_deref() != Some(fragment.as_str()) {
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&fragment),
                );
            }
        }
    });
}

/// Copy link, download and upload.
#[component]
pub fn ShareBar() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let file_input = NodeRef::<leptos::html::Input>::new();
    let copy = move |_| {
        let text = pg.running_text.get_untracked();
        let Some(window) = web_sys::window() else {
            return;
        };
        let fragment = share::fragment_for(&text);
        let href = window.location().href().unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default().to_string();
        let link = format!("{base}{fragment}");
        let _ = window.navigator().clipboard().write_text(&link);
        let len = link.len();
        let warn = if len > 2000 {
            " Some chat apps cut links longer than 2,000 characters."
        } else {
            ""
        };
        pg.notice.set(Some(Notice {
            is_error: false,
            text: format!("Link copied ({len} characters).{warn}"),
        }));
    };
    let download = move |_| {
        let text = pg.text.get_untracked();
        let _ = download_text("scenario.json", &text);
    };
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
                        pg.notice.set(Some(Notice { is_error: true, text: "The file is not a valid scenario: see the editor. The running scenario is unchanged.".into() }));
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

fn download_text(name: &str, text: &str) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url).ok()
}
