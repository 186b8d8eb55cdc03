//! Whole-scenario resolve tests: keys of several concepts checked together, as `ecs-sim
//! validate` and the editor see them, and the concepts' forms checked by resolving what they
//! write (the forms sit below `scenario`, so these tests live here).

mod forms_autoscaling;
mod forms_cluster;
mod forms_deployment;
mod forms_placement;
mod forms_scheduled_actions;
mod forms_service;
mod forms_step_scaling;
mod forms_support;
mod forms_target_tracking;
mod forms_taskdef;
mod forms_traffic;
mod runtime_platform;
mod service_registries;
mod taskdef_refused;
mod traffic;
