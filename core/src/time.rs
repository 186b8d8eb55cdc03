//! Virtual time: the engine's clock counts integer milliseconds from the start of a run, so
//! no floating point and no wall clock ever decides anything.

/// Virtual time in milliseconds since the start of the run.
pub type Millis = u64;

/// Formats virtual time as `h:mm:ss`, always with the hours, so "0:10:00" next to a "Run to"
/// field holding `0:10` (h:mm) cannot be read as ten hours.
pub fn clock(at: Millis) -> String {
    let s = at / 1000;
    format!("{}:{:02}:{:02}", s / 3600, (s % 3600) / 60, s % 60)
}
