//! Request rate at a moment of the run, for each profile shape. Only `+ - * /` on f64 and
//! integer time, so the same scenario gives the same rates on every platform (the rates feed
//! the metrics that Service Auto Scaling acts on).

use super::spec::RateProfile;
use crate::time::Millis;

impl RateProfile {
    /// Requests per second at `at` ms from the start.
    pub fn rate_at(&self, at: Millis) -> f64 {
        match *self {
            RateProfile::Constant {
                requests_per_second,
            } => requests_per_second,
            RateProfile::Step {
                requests_per_second,
                then_requests_per_second,
                at_seconds,
            } => {
                if at >= secs(at_seconds) {
                    then_requests_per_second
                } else {
                    requests_per_second
                }
            }
            RateProfile::Ramp {
                from_requests_per_second,
                to_requests_per_second,
                start_seconds,
                end_seconds,
            } => {
                let (start, end) = (secs(start_seconds), secs(end_seconds));
                if at <= start {
                    from_requests_per_second
                } else if at >= end {
                    to_requests_per_second
                } else {
                    let f = (at - start) as f64 / (end - start) as f64;
                    from_requests_per_second
                        + (to_requests_per_second - from_requests_per_second) * f
                }
            }
            RateProfile::DailySine {
                min_requests_per_second,
                max_requests_per_second,
                peak_at_seconds,
                period_seconds,
            } => {
                let period = secs(period_seconds.max(1)) as i64;
                let since_peak = (at as i64 - secs(peak_at_seconds) as i64).rem_euclid(period);
                let phase = since_peak as f64 / period as f64;
                // (1 + cos) / 2 runs from 1 at the peak to 0 half a period later.
                let wave = (1.0 + cos_turns(phase)) / 2.0;
                min_requests_per_second + (max_requests_per_second - min_requests_per_second) * wave
            }
            RateProfile::Spike {
                requests_per_second,
                spike_requests_per_second,
                at_seconds,
                duration_seconds,
            } => {
                let start = secs(at_seconds);
                if at >= start && at < start + secs(duration_seconds) {
                    spike_requests_per_second
                } else {
                    requests_per_second
                }
            }
        }
    }
}

fn secs(s: u32) -> Millis {
    Millis::from(s) * 1000
}

/// cos(2π·`turns`) for `turns` in [0, 1), from `+` and `*` only: the angle is folded into
/// [0, π/2] by cos's symmetries, then a Taylor polynomial through w¹² (error below 1e-8 there;
/// `sin`/`cos` from the platform's libm may differ across targets, this cannot).
pub fn cos_turns(turns: f64) -> f64 {
    use std::f64::consts::{FRAC_PI_2 as HALF_PI, TAU};
    // cos(2πx) = −cos(2π(x − ½)); |2π(x − ½)| ≤ π.
    let mut v = (turns - 0.5) * TAU;
    if v < 0.0 {
        v = -v;
    }
    let mut sign = -1.0;
    // cos(v) = −cos(π − v) for v in (π/2, π].
    if v > HALF_PI {
        v = 2.0 * HALF_PI - v;
        sign = 1.0;
    }
    let w2 = v * v;
    // Horner form of 1 − w²/2! + w⁴/4! − … + w¹²/12!.
    let mut c = 1.0 / 479_001_600.0;
    c = c * w2 - 1.0 / 3_628_800.0;
    c = c * w2 + 1.0 / 40_320.0;
    c = c * w2 - 1.0 / 720.0;
    c = c * w2 + 1.0 / 24.0;
    c = c * w2 - 0.5;
    c = c * w2 + 1.0;
    sign * c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_is_the_same_at_every_time() {
        let p = RateProfile::Constant {
            requests_per_second: 42.5,
        };
        assert_eq!(p.rate_at(0), 42.5);
        assert_eq!(p.rate_at(86_400_000), 42.5);
    }

    #[test]
    fn step_switches_exactly_at_at_seconds() {
        let p = RateProfile::Step {
            requests_per_second: 100.0,
            then_requests_per_second: 200.0,
            at_seconds: 300,
        };
        assert_eq!(p.rate_at(299_999), 100.0);
        assert_eq!(p.rate_at(300_000), 200.0);
    }

    #[test]
    fn ramp_is_linear_between_start_and_end_and_flat_outside() {
        let p = RateProfile::Ramp {
            from_requests_per_second: 10.0,
            to_requests_per_second: 110.0,
            start_seconds: 100,
            end_seconds: 200,
        };
        assert_eq!(p.rate_at(50_000), 10.0);
        assert_eq!(p.rate_at(125_000), 35.0);
        assert_eq!(p.rate_at(150_000), 60.0);
        assert_eq!(p.rate_at(250_000), 110.0);
    }

    #[test]
    fn spike_lasts_duration_seconds_from_at_seconds() {
        let p = RateProfile::Spike {
            requests_per_second: 50.0,
            spike_requests_per_second: 500.0,
            at_seconds: 60,
            duration_seconds: 30,
        };
        assert_eq!(p.rate_at(59_999), 50.0);
        assert_eq!(p.rate_at(60_000), 500.0);
        assert_eq!(p.rate_at(89_999), 500.0);
        assert_eq!(p.rate_at(90_000), 50.0);
    }

    #[test]
    fn daily_sine_peaks_at_peak_at_seconds_and_bottoms_half_a_day_later() {
        let p = RateProfile::DailySine {
            min_requests_per_second: 100.0,
            max_requests_per_second: 300.0,
            peak_at_seconds: 43_200,
            period_seconds: 86_400,
        };
        assert!((p.rate_at(43_200_000) - 300.0).abs() < 1e-6);
        assert!((p.rate_at(0) - 100.0).abs() < 1e-6);
        // A quarter period from the peak the wave is half way: 200.
        assert!((p.rate_at(21_600_000) - 200.0).abs() < 1e-6);
        assert!((p.rate_at(64_800_000) - 200.0).abs() < 1e-6);
        // Before the peak time (negative offset) it wraps around the period.
        let q = RateProfile::DailySine {
            min_requests_per_second: 0.0,
            max_requests_per_second: 10.0,
            peak_at_seconds: 600,
            period_seconds: 1200,
        };
        assert!((q.rate_at(0) - 0.0).abs() < 1e-6);
    }

    #[test]
    fn polynomial_cosine_is_within_1e_8_of_libm_over_a_whole_turn() {
        // Test-only comparison with the platform's cos; the engine never calls it.
        let mut worst: f64 = 0.0;
        for i in 0..=10_000 {
            let x = f64::from(i) / 10_000.0;
            let x = if x >= 1.0 { 0.0 } else { x };
            let err = (cos_turns(x) - (x * std::f64::consts::TAU).cos()).abs();
            worst = worst.max(err);
        }
        assert!(worst < 1e-8, "worst error {worst}");
    }
}
