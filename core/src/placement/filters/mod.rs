//! The binding filters, one file each, in the order ECS applies them (DG task-placement):
//! resources → ports → ENIs → required attributes → constraints.

pub mod attributes;
pub mod constraints;
pub mod eni;
pub mod facts;
pub mod ports;
pub mod resources;
