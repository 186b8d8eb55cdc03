//! Shared fixtures for the cross-crate tests.

/// Mounts the whole playground into a fresh element (browser tests).
#[cfg(target_arch = "wasm32")]
pub fn mount_app() -> web_sys::HtmlElement {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let host: web_sys::HtmlElement = document
        .create_element("div")
        .expect("a div")
        .dyn_into()
        .expect("an element");
    document
        .body()
        .expect("a body")
        .append_child(&host)
        .expect("appended");
    leptos::mount::mount_to(host.clone(), ecs_playground_web::app::App).forget();
    host
}
