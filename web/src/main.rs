//! Entry point that Trunk builds: mounts the playground on the page.

fn main() {
    console_error_panic_hook::set_once();
    // The loading view painted from index.html (title, what the playground is, the download's
    // progress) gives way to the app.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(ecs_playground_web::app::App);
}
