//! `cron(...)` schedules of Application Auto Scaling scheduled actions (API PutScheduledAction
//! `Schedule`; Application Auto Scaling User Guide, "Schedule recurring scaling actions using
//! Application Auto Scaling": six fields, `[Minutes] [Hours] [Day_of_Month] [Month]
//! [Day_of_Week] [Year]`, the EventBridge cron syntax). Supported: values, `*`, ranges `a-b`,
//! lists `a,b`, steps `*/n` and `a/n` and `a-b/n`, month names JAN–DEC, weekday names
//! SUN–SAT (1 = SUN … 7 = SAT), and `?` in exactly one of day-of-month and day-of-week (the
//! syntax requires it there). `L`, `W` and `#` are refused as not simulated. Times are UTC;
//! the run starts at 1970-01-01T00:00:00, a Thursday. Integer arithmetic only.

use crate::time::Millis;

const MINUTE_MS: Millis = 60_000;
const DAY_MS: Millis = 86_400_000;
/// The Year field's range in the EventBridge syntax.
const YEARS: (u32, u32) = (1970, 2199);

/// A parsed cron expression: which values each field allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cron {
    minutes: Vec<bool>,
    hours: Vec<bool>,
    /// None for `?`.
    days_of_month: Option<Vec<bool>>,
    months: Vec<bool>,
    /// None for `?`; index 1 = SUN … 7 = SAT.
    days_of_week: Option<Vec<bool>>,
    years: Vec<bool>,
}

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const WEEKDAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/// Parses the inside of `cron(...)`; the error names the field.
pub fn parse_cron(inner: &str) -> Result<Cron, String> {
    let fields: Vec<&str> = inner.split_whitespace().collect();
    let [mi, h, dom, mo, dow, y] = fields.as_slice() else {
        return Err(format!(
            "cron needs 6 fields (minutes hours day-of-month month day-of-week year), e.g. cron(0 8 ? * MON-FRI *); got {}",
            fields.len()
        ));
    };
    let days_of_month = optional("day-of-month", dom, 1, 31, &[])?;
    let days_of_week = optional("day-of-week", dow, 1, 7, &WEEKDAYS)?;
    if days_of_month.is_some() == days_of_week.is_some() {
        return Err(
            "cron: exactly one of day-of-month and day-of-week must be ? (e.g. cron(0 8 ? * MON *) or cron(0 8 1 * ? *))"
                .into(),
        );
    }
    let cron = Cron {
        minutes: field("minutes", mi, 0, 59, &[])?,
        hours: field("hours", h, 0, 23, &[])?,
        days_of_month,
        months: field("month", mo, 1, 12, &MONTHS)?,
        days_of_week,
        years: field("year", y, YEARS.0, YEARS.1, &[])?,
    };
    if cron.next_at_or_after(0).is_none() {
        return Err(format!("cron({inner}) never runs"));
    }
    Ok(cron)
}

/// A day-of-month or day-of-week field, which may be `?`.
fn optional(
    name: &str,
    text: &str,
    lo: u32,
    hi: u32,
    names: &[&str],
) -> Result<Option<Vec<bool>>, String> {
    if text == "?" {
        Ok(None)
    } else {
        field(name, text, lo, hi, names).map(Some)
    }
}

/// One field: a comma list of `*`, `v`, `a-b`, each optionally `/step`. Index `v` of the
/// result (from 0; indices below `lo` stay false) says whether `v` is allowed.
fn field(name: &str, text: &str, lo: u32, hi: u32, names: &[&str]) -> Result<Vec<bool>, String> {
    let without_names = names
        .iter()
        .fold(text.to_ascii_uppercase(), |t, n| t.replace(n, ""));
    if without_names.contains(['L', 'W', '#']) {
        return Err(format!("cron {name}: L, W and # are not simulated"));
    }
    let mut allowed = vec![false; hi as usize + 1];
    for item in text.split(',') {
        let (range, step) = match item.split_once('/') {
            Some((r, s)) => {
                let step: u32 = s.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                    format!("cron {name}: step '{s}' must be a whole number above 0")
                })?;
                (r, step)
            }
            None => (item, 1),
        };
        let (from, to) = if range == "*" {
            (lo, hi)
        } else if let Some((a, b)) = range.split_once('-') {
            (
                value(name, a, lo, hi, names)?,
                value(name, b, lo, hi, names)?,
            )
        } else {
            let v = value(name, range, lo, hi, names)?;
            // `a/n` runs from a to the end of the range.
            (v, if item.contains('/') { hi } else { v })
        };
        if from > to {
            return Err(format!("cron {name}: range {range} runs backwards"));
        }
        let mut v = from;
        while v <= to {
            allowed[v as usize] = true;
            v += step;
        }
    }
    Ok(allowed)
}

fn value(name: &str, text: &str, lo: u32, hi: u32, names: &[&str]) -> Result<u32, String> {
    if let Some(i) = names.iter().position(|n| n.eq_ignore_ascii_case(text)) {
        return Ok(i as u32 + 1);
    }
    text.parse::<u32>()
        .ok()
        .filter(|v| (lo..=hi).contains(v))
        .ok_or_else(|| format!("cron {name}: '{text}' is not a value from {lo} to {hi}"))
}

impl Cron {
    /// The first time at or after `t` (ms from the run start) the expression matches, on a
    /// whole minute; None when it never does again.
    pub fn next_at_or_after(&self, t: Millis) -> Option<Millis> {
        let first_minute = t.div_ceil(MINUTE_MS) * MINUTE_MS;
        let mut day = first_minute / DAY_MS;
        let mut from_minute = (first_minute % DAY_MS) / MINUTE_MS;
        loop {
            let (y, m, d) = civil_from_days(day);
            if y > YEARS.1 {
                return None;
            }
            if self.day_matches(day, y, m, d) {
                for minute_of_day in from_minute..24 * 60 {
                    let (h, mi) = (minute_of_day / 60, minute_of_day % 60);
                    if self.hours[h as usize] && self.minutes[mi as usize] {
                        return Some(day * DAY_MS + minute_of_day * MINUTE_MS);
                    }
                }
            }
            day += 1;
            from_minute = 0;
        }
    }

    fn day_matches(&self, day: u64, y: u32, m: u32, d: u32) -> bool {
        let weekday = ((day + 4) % 7 + 1) as usize; // 1970-01-01 was a Thursday (5)
        self.years.get(y as usize).copied().unwrap_or(false)
            && self.months[m as usize]
            && self.days_of_month.as_ref().is_none_or(|v| v[d as usize])
            && self.days_of_week.as_ref().is_none_or(|v| v[weekday])
    }
}

/// (year, month, day) of the day `days` after 1970-01-01 (proleptic Gregorian, integers only;
/// the inverse of the `at(...)` parser's day count).
fn civil_from_days(days: u64) -> (u32, u32, u32) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y as u32, m as u32, d as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: Millis = 3_600_000;

    fn next(expr: &str, t: Millis) -> Option<Millis> {
        parse_cron(expr)
            .unwrap_or_else(|e| panic!("{expr}: {e}"))
            .next_at_or_after(t)
    }

    #[test]
    fn days_count_from_thursday_1970_01_01() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(59), (1970, 3, 1));
        assert_eq!(civil_from_days(365 + 365 + 31 + 28), (1972, 2, 29));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn the_user_guide_example_runs_every_monday_at_6_30() {
        // "30 6 ? * MON *": the first Monday is 1970-01-05 (day 4).
        let first = next("30 6 ? * MON *", 0);
        assert_eq!(first, Some(4 * DAY_MS + 6 * HOUR + 30 * MINUTE_MS));
        assert_eq!(
            next("30 6 ? * MON *", first.unwrap_or(0) + 1),
            Some(11 * DAY_MS + 6 * HOUR + 30 * MINUTE_MS)
        );
        assert_eq!(next("30 6 ? * 2 *", 0), first, "MON is day 2");
    }

    #[test]
    fn business_hours_steps_and_lists() {
        // Weekdays at 08:00: Thursday the 1st is one.
        assert_eq!(next("0 8 ? * MON-FRI *", 0), Some(8 * HOUR));
        // From Friday 08:01 the next is Monday 08:00 (day 4).
        assert_eq!(
            next("0 8 ? * MON-FRI *", DAY_MS + 8 * HOUR + 1),
            Some(4 * DAY_MS + 8 * HOUR)
        );
        // Every 15 minutes: at 0:00, then 0:15.
        assert_eq!(next("*/15 * * * ? *", 0), Some(0));
        assert_eq!(next("*/15 * * * ? *", 1), Some(15 * MINUTE_MS));
        // A list of hours, on the first of the month.
        assert_eq!(next("0 9,17 1 * ? *", 10 * HOUR), Some(17 * HOUR));
        assert_eq!(
            next("0 9,17 1 * ? *", 18 * HOUR),
            Some(31 * DAY_MS + 9 * HOUR)
        );
        // Months by name and a year.
        assert_eq!(next("0 0 1 MAR ? 1971", 0), Some((365 + 59) * DAY_MS));
    }

    #[test]
    fn malformed_expressions_name_their_field() {
        for (expr, says) in [
            ("0 8 * * *", "6 fields"),
            ("0 8 * * MON *", "exactly one"),
            ("0 8 ? * ? *", "exactly one"),
            ("60 8 ? * MON *", "minutes"),
            ("0 24 ? * MON *", "hours"),
            ("0 8 ? 13 MON *", "month"),
            ("0 8 L * ? *", "not simulated"),
            ("0 8 ? * MON#2 *", "not simulated"),
            ("0 8 ? * MON */0", "step"),
            ("0 8 10-2 * ? *", "backwards"),
            ("0 0 30 FEB ? *", "never runs"),
            ("0 0 1 1 ? 2200", "year"),
        ] {
            let err = parse_cron(expr).err().unwrap_or_default();
            assert!(err.contains(says), "{expr}: {err}");
        }
    }
}
