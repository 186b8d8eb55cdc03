//! Money in integers: every price is nano-dollars (10⁻⁹ USD) per hour, and every amount is a
//! [`Money`] in units of 1/3,600,000 nano-dollar, so a rate times a duration in milliseconds is
//! exact and no float ever decides or accumulates a cost. Floats appear only when a figure is
//! printed or drawn.

use crate::catalog::prices::NanoUsdPerHour;
use crate::time::Millis;

/// Milliseconds in an hour: the factor between a rate in nano-dollars per hour times
/// milliseconds and nano-dollars.
pub const MS_PER_HOUR: u64 = 3_600_000;

/// Nano-dollars in a dollar.
pub const NANO_PER_USD: u128 = 1_000_000_000;

/// An amount of money in units of 1/3,600,000 nano-dollar: what a rate in nano-dollars per
/// hour accrues over a number of milliseconds, kept exact (u128: a week of 5,000 instances at
/// $30/h is about 10²⁴ units, far below u128's 10³⁸).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub u128);

impl Money {
    /// Nothing.
    pub const ZERO: Money = Money(0);

    /// What `rate` accrues over `ms` milliseconds.
    pub fn of_rate(rate: NanoUsdPerHour, ms: Millis) -> Money {
        Money(u128::from(rate) * u128::from(ms))
    }

    /// Whole nano-dollars (rounded down): the figure reports and tests compare.
    pub fn nano_usd(self) -> u128 {
        self.0 / u128::from(MS_PER_HOUR)
    }

    /// Dollars as a float, for drawing and for the JSON report's convenience figure only.
    pub fn usd(self) -> f64 {
        self.nano_usd() as f64 / NANO_PER_USD as f64
    }

    /// The sum.
    pub fn plus(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }

    /// The difference, never below zero.
    pub fn minus(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0))
    }
}

/// `$1.2345`: nano-dollars as dollars with `decimals` places, rounded half up, in integers.
pub fn usd_text(nano: u128, decimals: u32) -> String {
    let decimals = decimals.min(9);
    let unit = 10u128.pow(9 - decimals);
    let rounded = (nano + unit / 2) / unit;
    let scale = 10u128.pow(decimals);
    let whole = rounded / scale;
    let frac = rounded % scale;
    let whole = group_thousands(whole);
    if decimals == 0 {
        format!("${whole}")
    } else {
        format!("${whole}.{frac:0width$}", width = decimals as usize)
    }
}

/// A rate as `$0.0960/h`.
pub fn rate_text(rate: NanoUsdPerHour) -> String {
    format!("{}/h", usd_text(u128::from(rate), 4))
}

/// An amount with the decimals it needs to show something: four below a dollar, two above.
pub fn money_text(m: Money) -> String {
    let nano = m.nano_usd();
    if nano >= NANO_PER_USD {
        usd_text(nano, 2)
    } else {
        usd_text(nano, 4)
    }
}

/// `12345678` → `12,345,678`: money, counts and sizes in messages read the same everywhere.
pub fn group_thousands(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A dollar amount typed by a user (a `pricing` value) as nano-dollars, or `None` when it is not
/// a finite number from 0 to `max_usd`. The one place a float becomes money: it is rounded to
/// the nearest nano-dollar once, when the scenario is read.
pub fn nano_from_usd(usd: f64, max_usd: f64) -> Option<NanoUsdPerHour> {
    if !usd.is_finite() || usd < 0.0 || usd > max_usd {
        return None;
    }
    let nano = (usd * NANO_PER_USD as f64).round();
    // max_usd keeps this far below u64::MAX.
    Some(nano as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_times_milliseconds_is_exact() {
        // m5.large at $0.096/h for ten minutes is $0.016.
        let m = Money::of_rate(96_000_000, 600_000);
        assert_eq!(m.nano_usd(), 16_000_000);
        // $0.0052/h for one second: 1,444.44… nano-dollars, kept exact until printed.
        let m = Money::of_rate(5_200_000, 1_000);
        assert_eq!(m.0, 5_200_000_000);
        assert_eq!(m.nano_usd(), 1_444);
        // Summing 3,600 such seconds gives exactly one hour's price.
        let hour = (0..3600).fold(Money::ZERO, |a, _| a.plus(m));
        assert_eq!(hour.nano_usd(), 5_200_000);
    }

    #[test]
    fn dollars_print_rounded_half_up_with_thousands() {
        assert_eq!(usd_text(16_000_000, 4), "$0.0160");
        assert_eq!(usd_text(16_050_000, 4), "$0.0161");
        assert_eq!(usd_text(1_234_567_890_000, 2), "$1,234.57");
        assert_eq!(usd_text(0, 2), "$0.00");
        assert_eq!(usd_text(999_999_999, 0), "$1");
        assert_eq!(rate_text(96_000_000), "$0.0960/h");
        assert_eq!(money_text(Money::of_rate(96_000_000, 3_600_000)), "$0.0960");
        assert_eq!(
            money_text(Money::of_rate(3_060_000_000, 3_600_000)),
            "$3.06"
        );
    }

    #[test]
    fn typed_dollars_become_nano_dollars_or_nothing() {
        assert_eq!(nano_from_usd(0.04048, 1000.0), Some(40_480_000));
        assert_eq!(nano_from_usd(0.004445, 1000.0), Some(4_445_000));
        assert_eq!(nano_from_usd(0.0, 1000.0), Some(0));
        assert_eq!(nano_from_usd(-0.01, 1000.0), None);
        assert_eq!(nano_from_usd(1000.5, 1000.0), None);
        assert_eq!(nano_from_usd(f64::NAN, 1000.0), None);
    }

    #[test]
    fn subtraction_never_goes_below_zero() {
        assert_eq!(Money(5).minus(Money(7)), Money::ZERO);
        assert_eq!(Money(7).minus(Money(5)), Money(2));
    }
}
