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

/// Reads a typed time as people write it next to a clock: `h:mm`, `h:mm:ss`, or a plain number
/// of minutes, surrounding spaces allowed. `None` when unreadable, when it overflows, or when it
/// is later than `max` — the page's "Run to" field uses it (and a challenge's goal times will).
pub fn parse_clock(text: &str, max: Millis) -> Option<Millis> {
    let parts: Vec<&str> = text.trim().split(':').collect();
    let num = |s: &str| s.trim().parse::<u64>().ok();
    let seconds = match parts.as_slice() {
        [m] => num(m)?.checked_mul(60)?,
        [h, m] => num(h)?
            .checked_mul(3600)?
            .checked_add(num(m)?.checked_mul(60)?)?,
        [h, m, s] => num(h)?
            .checked_mul(3600)?
            .checked_add(num(m)?.checked_mul(60)?)?
            .checked_add(num(s)?)?,
        _ => return None,
    };
    seconds.checked_mul(1000).filter(|ms| *ms <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WEEK: Millis = 7 * 24 * 3_600_000;

    #[test]
    fn parse_clock_reads_h_mm_h_mm_ss_and_minutes() {
        assert_eq!(parse_clock("1:30", WEEK), Some(5_400_000));
        assert_eq!(parse_clock(" 0:00:45 ", WEEK), Some(45_000));
        assert_eq!(parse_clock("90", WEEK), Some(5_400_000));
        assert_eq!(parse_clock("0:03:05", WEEK), Some(185_000));
    }

    #[test]
    fn parse_clock_allows_the_maximum_and_refuses_past_it() {
        assert_eq!(parse_clock("168:00", WEEK), Some(WEEK));
        assert_eq!(parse_clock("168:01", WEEK), None);
    }

    #[test]
    fn parse_clock_refuses_what_is_not_a_time() {
        for bad in [
            "",
            "abc",
            "-5",
            "1:2:3:4",
            "1.5",
            "99999999999999999999",
            "1::",
        ] {
            assert_eq!(parse_clock(bad, WEEK), None, "{bad}");
        }
    }

    #[test]
    fn clock_round_trips_through_parse_clock() {
        for ms in [0, 45_000, 185_000, 5_400_000, WEEK] {
            assert_eq!(parse_clock(&clock(ms), WEEK), Some(ms));
        }
    }
}
