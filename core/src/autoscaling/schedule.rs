//! Scheduled action expressions (API PutScheduledAction `Schedule`): `at(yyyy-mm-ddThh:mm:ss)`,
//! `rate(value unit)` and `cron(fields)` (see [`super::cron`]). The simulator's clock starts at
//! 1970-01-01T00:00:00 (UTC), so `at(1970-01-01T00:10:00)` is ten minutes into the run.

use crate::time::Millis;

/// A parsed schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Schedule {
    /// Once, at this time.
    At(Millis),
    /// Every this many ms, first one period after the start.
    Rate(Millis),
    /// Whenever the cron expression matches.
    Cron(super::cron::Cron),
}

/// Parses a schedule; the error says what is wrong.
pub fn parse_schedule(s: &str) -> Result<Schedule, String> {
    if let Some(inner) = s.strip_prefix("at(").and_then(|r| r.strip_suffix(')')) {
        return parse_at(inner).map(Schedule::At);
    }
    if let Some(inner) = s.strip_prefix("rate(").and_then(|r| r.strip_suffix(')')) {
        let (n, unit) = inner
            .split_once(' ')
            .ok_or("rate needs a value and a unit, e.g. rate(5 minutes)")?;
        let n: u64 = n
            .parse()
            .map_err(|_| format!("rate value '{n}' is not a whole number"))?;
        if n == 0 {
            return Err("rate value must be at least 1, e.g. rate(5 minutes)".into());
        }
        let unit_ms = match (unit, n) {
            ("minute", 1) | ("minutes", 2..) => 60_000,
            ("hour", 1) | ("hours", 2..) => 3_600_000,
            ("day", 1) | ("days", 2..) => 86_400_000,
            _ => {
                return Err(format!(
                    "rate unit must be minute/hour/day for 1 and minutes/hours/days above 1; got '{inner}'"
                ))
            }
        };
        return Ok(Schedule::Rate(n * unit_ms));
    }
    if let Some(inner) = s.strip_prefix("cron(").and_then(|r| r.strip_suffix(')')) {
        return super::cron::parse_cron(inner).map(Schedule::Cron);
    }
    Err(
        "schedule must be at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(minutes hours day-of-month month day-of-week year)"
            .into(),
    )
}

fn parse_at(s: &str) -> Result<Millis, String> {
    let bad = || format!("'{s}' is not yyyy-mm-ddThh:mm:ss");
    let (date, time) = s.split_once('T').ok_or_else(bad)?;
    let d: Vec<u64> = date
        .split('-')
        .map(|p| p.parse().map_err(|_| bad()))
        .collect::<Result<_, _>>()?;
    let t: Vec<u64> = time
        .split(':')
        .map(|p| p.parse().map_err(|_| bad()))
        .collect::<Result<_, _>>()?;
    let ([y, m, day], [hh, mm, ss]) = (d.as_slice(), t.as_slice()) else {
        return Err(bad());
    };
    if *y < 1970
        || !(1..=12).contains(m)
        || !(1..=31).contains(day)
        || *hh > 23
        || *mm > 59
        || *ss > 59
    {
        return Err(bad());
    }
    let days = days_since_epoch(*y, *m, *day);
    Ok(((days * 24 + hh) * 60 + mm) * 60_000 + ss * 1000)
}

/// Days from 1970-01-01 to the date (proleptic Gregorian, integer arithmetic).
fn days_since_epoch(y: u64, m: u64, d: u64) -> u64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_counts_from_the_run_start_at_1970_01_01() {
        assert_eq!(
            parse_schedule("at(1970-01-01T00:10:00)"),
            Ok(Schedule::At(600_000))
        );
        assert_eq!(
            parse_schedule("at(1970-01-02T01:00:30)"),
            Ok(Schedule::At(90_030_000))
        );
        assert_eq!(
            parse_schedule("at(1970-03-01T00:00:00)"),
            Ok(Schedule::At(59 * 86_400_000))
        );
        assert!(parse_schedule("at(1970-13-01T00:00:00)").is_err());
    }

    #[test]
    fn rate_takes_singular_for_1_and_plural_above() {
        assert_eq!(
            parse_schedule("rate(5 minutes)"),
            Ok(Schedule::Rate(300_000))
        );
        assert_eq!(
            parse_schedule("rate(1 hour)"),
            Ok(Schedule::Rate(3_600_000))
        );
        assert!(parse_schedule("rate(1 minutes)").is_err());
        assert_eq!(
            parse_schedule("rate(0 minutes)"),
            Err("rate value must be at least 1, e.g. rate(5 minutes)".into())
        );
        assert!(matches!(
            parse_schedule("cron(0 * * * ? *)"),
            Ok(Schedule::Cron(_))
        ));
        assert!(parse_schedule("cron(0 * * * *)").is_err());
    }
}
