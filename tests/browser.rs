//! Browser tests: the web app's components and the engine, run in headless Chromium.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the whole app into a fresh element and returns that element.
fn mount_app() -> web_sys::HtmlElement {
    use wasm_bindgen::JsCast;
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), ecs_playground_web::app::App);
    handle.forget();
    host
}

#[wasm_bindgen_test]
fn app_renders_heading_and_the_default_scenarios_instances() {
    let host = mount_app();
    let heading = host.query_selector("h1").unwrap().unwrap();
    assert_eq!(heading.text_content().unwrap(), "ECS Playground");
    let instances = host.query_selector_all("[data-testid=instance]").unwrap();
    assert_eq!(
        instances.length(),
        3,
        "the default scenario's group keeps 3 instances"
    );
}
