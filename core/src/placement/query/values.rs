//! Typed readings of query values: agent versions, registration dates and plain numbers.
//!
//! DG cluster-query-language lists `>`, `>=`, `<`, `<=` for `agentVersion` (example
//! `agentVersion < 1.14.5`), `registeredAt` (example `registeredAt < 2018-02-13`, with the date
//! formats `2018-06-18T22:28:28+00:00`, `2018-06-18T22:28:28Z`, `2018-06-18T22:28:28`,
//! `2018-06-18`) and `runningTasksCount`. Comparing those as text would order `1.9.0` after
//! `1.14.5`, so each is compared by its meaning. The guide says nothing about ordering custom
//! attributes; the simulator compares them as numbers when both sides are decimal numbers and
//! as text (byte order) otherwise.

use std::cmp::Ordering;

/// Dotted agent version such as `1.14.5`; missing trailing components count as 0.
pub fn parse_version(text: &str) -> Option<Vec<u64>> {
    let text = text.strip_prefix('v').unwrap_or(text);
    if text.is_empty() {
        return None;
    }
    text.split('.')
        .map(|part| part.parse::<u64>().ok())
        .collect()
}

/// Orders two versions component by component.
pub fn compare_versions(a: &[u64], b: &[u64]) -> Ordering {
    let len = a.len().max(b.len());
    for i in 0..len {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        match x.cmp(&y) {
            Ordering::Equal => {}
            other => return other,
        }
    }
    Ordering::Equal
}

/// Seconds since 1970-01-01T00:00:00Z for one of the documented `registeredAt` formats; a
/// date alone means midnight UTC, a time without offset is read as UTC.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let date = text.get(..10)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let year = digits(date.get(0..4)?)?;
    let month = digits(date.get(5..7)?)?;
    let day = digits(date.get(8..10)?)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut seconds = days_from_civil(year, month, day) * 86_400;
    let rest = text.get(10..)?;
    if rest.is_empty() {
        return Some(seconds);
    }
    let time = rest.strip_prefix('T')?;
    let clock = time.get(..8)?;
    let cb = clock.as_bytes();
    if cb.get(2) != Some(&b':') || cb.get(5) != Some(&b':') {
        return None;
    }
    let (h, m, s) = (
        digits(clock.get(0..2)?)?,
        digits(clock.get(3..5)?)?,
        digits(clock.get(6..8)?)?,
    );
    if h > 23 || m > 59 || s > 59 {
        return None;
    }
    seconds += h * 3600 + m * 60 + s;
    let zone = time.get(8..)?;
    match zone {
        "" | "Z" => Some(seconds),
        _ => {
            let sign = match zone.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let zb = zone.as_bytes();
            if zone.len() != 6 || zb.get(3) != Some(&b':') {
                return None;
            }
            let (oh, om) = (digits(zone.get(1..3)?)?, digits(zone.get(4..6)?)?);
            if oh > 23 || om > 59 {
                return None;
            }
            Some(seconds - sign * (oh * 3600 + om * 60))
        }
    }
}

fn digits(text: &str) -> Option<i64> {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Orders two decimal numbers (`-12`, `3.50`) exactly, without floating point; `None` unless
/// both are numbers.
pub fn compare_decimals(a: &str, b: &str) -> Option<Ordering> {
    let (a_neg, a_int, a_frac) = split_decimal(a)?;
    let (b_neg, b_int, b_frac) = split_decimal(b)?;
    let a_zero = a_int.is_empty() && a_frac.is_empty();
    let b_zero = b_int.is_empty() && b_frac.is_empty();
    let a_neg = a_neg && !a_zero;
    let b_neg = b_neg && !b_zero;
    let magnitude = a_int
        .len()
        .cmp(&b_int.len())
        .then_with(|| a_int.cmp(b_int))
        .then_with(|| a_frac.cmp(b_frac));
    Some(match (a_neg, b_neg) {
        (false, true) => Ordering::Greater,
        (true, false) => Ordering::Less,
        (false, false) => magnitude,
        (true, true) => magnitude.reverse(),
    })
}

/// Sign, integer digits without leading zeros, fraction digits without trailing zeros.
fn split_decimal(text: &str) -> Option<(bool, &str, &str)> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if body.contains('.') && (frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    Some((
        negative,
        int.trim_start_matches('0'),
        frac.trim_end_matches('0'),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_versions_compare_numerically_per_component() {
        let v = |s: &str| parse_version(s).unwrap_or_default();
        assert_eq!(compare_versions(&v("1.9.0"), &v("1.14.5")), Ordering::Less);
        assert_eq!(
            compare_versions(&v("1.14.5"), &v("1.14.5")),
            Ordering::Equal
        );
        assert_eq!(compare_versions(&v("1.14"), &v("1.14.0")), Ordering::Equal);
        assert!(parse_version("1.x").is_none());
        assert!(parse_version("").is_none());
    }

    #[test]
    fn registered_at_accepts_the_four_documented_formats() {
        let day = parse_timestamp("2018-06-18");
        assert_eq!(day, Some(1_529_280_000));
        let t = Some(1_529_360_908);
        assert_eq!(parse_timestamp("2018-06-18T22:28:28+00:00"), t);
        assert_eq!(parse_timestamp("2018-06-18T22:28:28Z"), t);
        assert_eq!(parse_timestamp("2018-06-18T22:28:28"), t);
        assert_eq!(parse_timestamp("2018-06-19T00:28:28+02:00"), t);
        for bad in [
            "2018-02-30",
            "2018-6-18",
            "2018-06-18T25:00:00",
            "2018-06-18 22:28:28",
            "x",
        ] {
            assert!(parse_timestamp(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn decimals_compare_exactly() {
        assert_eq!(compare_decimals("10", "9"), Some(Ordering::Greater));
        assert_eq!(compare_decimals("007", "7.0"), Some(Ordering::Equal));
        assert_eq!(compare_decimals("-2", "-10"), Some(Ordering::Greater));
        assert_eq!(compare_decimals("-0", "0"), Some(Ordering::Equal));
        assert_eq!(compare_decimals("1.25", "1.3"), Some(Ordering::Less));
        assert_eq!(compare_decimals("1.", "1"), None);
        assert_eq!(compare_decimals("a", "1"), None);
    }
}
