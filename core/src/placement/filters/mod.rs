//! The binding filters, one file each, in the order ECS applies them (DG task-placement):
//! resources → ports → ENIs → constraints.

pub mod constraints;
pub mod eni;
pub mod facts;
pub mod ports;
pub mod resources;
