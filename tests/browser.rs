//! Browser tests: the web app's components and the engine, run in headless Chromium.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

use ecs_playground_tests::mount_app;

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
