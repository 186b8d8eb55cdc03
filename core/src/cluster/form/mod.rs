//! The capacity forms: which capacity providers a service can name and where its EC2 tasks
//! land ([`providers`], from how it chooses capacity: [`launch`]), and an Auto Scaling group's
//! instance type and sizes ([`group`]). They edit the scenario as JSON (see [`crate::form`]).

pub mod group;
pub mod launch;
pub mod providers;
