//! The versioned scenario document and the URL share codec.
pub mod share;
