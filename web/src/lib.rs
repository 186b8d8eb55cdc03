//! The ECS Playground web app. A library so browser tests can mount its components; the
//! `ecs-playground` binary only mounts [`app::App`] on the page.

pub mod app;
