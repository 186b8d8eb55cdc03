//! Entry point that Trunk builds: mounts the playground on the page.
fn main() {}
