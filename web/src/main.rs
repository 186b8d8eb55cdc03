//! Entry point that Trunk builds: mounts the playground on the page.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ecs_playground_web::app::App);
}
