//! Reading and writing the scenario document as JSON for the playground's forms.
//!
//! The forms (each concept's `form` module: `taskdef::form`, `service::form`,
//! `autoscaling::form` …) work on the scenario as a `serde_json::Value`, the text the user
//! sees, so an edit changes only what it names and keeps every other key. Each edit either
//! applies fully or returns a message saying why not; none panics on any document. Whether the
//! result is a valid scenario is for the scenario's resolver to say, exactly as if the user had
//! typed it.
//!
//! This module holds what several concepts' forms share: plain JSON reads and writes by key
//! (`value`), finding a service or capacity provider by name (`find`), whether an entry runs on
//! instances or Fargate (`capacity`), and writing the document back as readable text
//! ([`to_text`]). It imports nothing from the crate but the problem type, so every concept may
//! use it.

pub mod capacity;
pub mod field_doc;
pub(crate) mod find;
mod refusal;
#[cfg(test)]
pub(crate) mod test_support;
mod text;
pub(crate) mod value;

pub use find::{group_provider_path, service_path};
pub use refusal::refusal;
pub use text::to_text;
