//! Shared fixtures for the cross-crate tests: the determinism cases and app mounting.

use ecs_sim::Sim;

/// Trace hashes recorded natively, checked again in wasm.
pub const TRACE_HASHES_JSON: &str = include_str!("trace-hashes.json");

/// (name, scenario text, seconds to run) for the determinism checks: the default scenario
/// (EC2 + Fargate + Fargate Spot, a terminated instance) over two horizons, and a crash loop.
pub fn trace_hash_cases() -> Vec<(String, String, u64)> {
    let default = ecs_sim::scenario::DEFAULT_SCENARIO_JSON.to_string();
    // The web image crashes 20 s after it starts: replacements, throttling, all the way out.
    let crashing = default.replacen("{ \"pullSeconds\": 6, \"startSeconds\": 1 }", "{ \"pullSeconds\": 6, \"startSeconds\": 1, \"crashAfterSeconds\": 20 }", 1);
    vec![
        ("default-600s".to_string(), default.clone(), 600),
        ("default-3600s".to_string(), default, 3600),
        ("crash-loop-3600s".to_string(), crashing, 3600),
    ]
}

/// Runs a scenario for `seconds` and returns its trace hash.
pub fn run_hash(text: &str, seconds: u64) -> String {
    match Sim::from_json(text) {
        Ok(mut sim) => {
            sim.run_until(seconds * 1000);
            sim.trace_hash()
        }
        Err(e) => format!("invalid scenario: {e}"),
    }
}

/// Mounts the whole playground into a fresh element (browser tests).
#[cfg(target_arch = "wasm32")]
pub fn mount_app() -> web_sys::HtmlElement {
    use wasm_bindgen::JsCast;
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let host: web_sys::HtmlElement = document.create_element("div").expect("a div").dyn_into().expect("an element");
    document.body().expect("a body").append_child(&host).expect("appended");
    leptos::mount::mount_to(host.clone(), ecs_playground_web::app::App).forget();
    host
}
