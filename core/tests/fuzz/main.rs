//! Fuzz targets (issue #10): proptest with structure-aware generators (`gen.rs`), so they run on
//! stable Rust inside `cargo test`. Each target's property: never panics, every error has a
//! JSON path (where the input has paths), and a valid document's own serialization parses back
//! to the same document.
//!
//! `cargo test -p ecs-sim --test fuzz` runs a short default number of cases per target (part
//! of `make test`); `FUZZ_CASES=N` sets the count for every target (`make fuzz` runs
//! 1,000,000 per target in release).

mod cli;
mod forms;
mod gen;
mod scenario;
mod share;
mod taskdef;
