//! Pure projections of a [`Snapshot`](crate::sim::snapshot::Snapshot) (and of the engine, for the
//! explain panel) that the playground draws: zone lanes, colours, labels, explanations and the
//! log filter. They live here, not in the web crate, so they are tested natively.

pub mod advice_panel;
pub mod buttons;
pub mod chart_labels;
pub mod chart_text;
pub mod charts;
pub mod chip_nav;
pub mod cost;
pub mod deployments;
pub mod explain;
pub mod glossary;
pub mod gradual;
pub mod image_choice;
pub mod labels;
pub mod layout;
pub mod log_filter;
pub mod log_ids;
pub mod log_text;
pub mod marker_words;
pub mod no_data;
pub mod not_recorded;
pub mod overlays;
pub mod overview;
pub mod pause;
pub mod placement;
pub mod presenter_events;
pub mod report;
pub mod short_arns;
pub mod tallies;

pub use explain::{
    explain_instance, explain_unplaced, explain_waiting, InstanceExplanation, VerdictRow,
    WaitingExplanation,
};
pub use layout::{
    cluster_layout, find_task, revision_shade, service_colour, ClusterLayout, Lane, ServiceLookup,
};
pub use log_filter::{newest_matching, LogFilter};
pub use log_ids::{log_pieces, LogPiece};
pub use log_text::{log_text_shown, LogTextShown, LOG_TEXT_SHOWN};
