//! The ECS Playground web app. A library so browser tests can mount its components; the
//! `ecs-playground` binary only mounts [`app::App`] on the page.
//!
//! Panes: [`editor`] (scenario and task definition editing with live validation),
//! [`cluster_view`] (zones, instances, tasks; click to explain), [`event_log`], and the top bar
//! with [`controls`] and [`share`]; [`layout`] arranges them, [`presenter`] is the projector view. [`state::Playground`] holds everything they project.

pub mod about;
pub mod advice;
pub mod app;
pub mod chip_table;
pub mod clipboard;
pub mod cluster_view;
pub mod controls;
pub mod cost;
pub mod deployment_view;
pub mod download;
pub mod editor;
pub mod event_log;
pub mod examples;
pub mod explain;
pub mod keys;
pub mod later;
pub mod layout;
pub mod lesson;
pub mod metrics;
pub mod notice;
pub mod persist;
pub mod presenter;
pub mod run_to;
pub mod service_buttons;
pub mod share;
pub mod state;
pub mod term;
pub mod wall_clock;
