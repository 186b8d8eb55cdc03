//! The capacity forms: which capacity providers a service can name and where its EC2 tasks
//! land ([`providers`], from how it chooses capacity: [`launch`]), an Auto Scaling group's
//! instance type and sizes ([`group`]), and a provider's managed scaling ([`managed_scaling`]).
//! They edit the scenario as JSON (see [`crate::form`]).

pub mod group;
pub mod launch;
pub mod managed_scaling;
pub mod providers;
