//! Figures derived from the books for one moment: totals and rates, idle EC2 capacity (CPU
//! and memory paid for but reserved by no task), the load balancers' hourly part, and cost per
//! 1,000 requests. Pure functions; the report and the playground print them.

use super::ledger::{AccountKey, Ledger};
use super::money::Money;
use crate::catalog::prices::NanoUsdPerHour;
use crate::time::Millis;

/// Milliseconds in an hour.
const HOUR_MS: Millis = 3_600_000;

/// An amount so far and the rate now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Figure {
    /// Billed or accrued so far.
    pub total: Money,
    /// What is being paid per hour now, nano-dollars.
    pub per_hour: u128,
}

impl Figure {
    /// An account's figure at `now`.
    pub fn of(ledger: &Ledger, key: &AccountKey, now: Millis) -> Figure {
        let a = ledger.account(key);
        Figure {
            total: a.at(now),
            per_hour: a.rate(),
        }
    }

    /// The sum of two figures.
    pub fn plus(self, other: Figure) -> Figure {
        Figure {
            total: self.total.plus(other.total),
            per_hour: self.per_hour + other.per_hour,
        }
    }
}

/// Idle EC2 capacity: each instance's CPU part and memory part (see
/// [`super::rates::instance_split`]) minus what its tasks reserve.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Idle {
    /// CPU paid for and reserved by no task.
    pub cpu: Figure,
    /// Memory paid for and reserved by no task.
    pub memory: Figure,
}

/// Idle capacity at `now`.
pub fn idle(ledger: &Ledger, now: Millis) -> Idle {
    let part = |paid: AccountKey, reserved: AccountKey| {
        let p = Figure::of(ledger, &paid, now);
        let r = Figure::of(ledger, &reserved, now);
        Figure {
            total: p.total.minus(r.total),
            per_hour: p.per_hour.saturating_sub(r.per_hour),
        }
    };
    Idle {
        cpu: part(AccountKey::InstanceCpu, AccountKey::ReservedCpu),
        memory: part(AccountKey::InstanceMemory, AccountKey::ReservedMemory),
    }
}

/// One Application Load Balancer's hourly charge from time 0 to `now`: "per ALB-hour (or
/// partial hour)", so a started hour is a whole hour. The LCU part is not modelled.
pub fn load_balancer(rate: NanoUsdPerHour, now: Millis) -> Figure {
    let hours = now.div_ceil(HOUR_MS);
    Figure {
        total: Money::of_rate(rate, hours * HOUR_MS),
        per_hour: u128::from(rate),
    }
}

/// Part `index` of `sharers` equal parts of a figure (the first part takes what does not
/// divide evenly, so the parts add up to the figure): one load balancer's charge split among
/// the services whose target group it serves.
pub fn share(f: Figure, sharers: usize, index: usize) -> Figure {
    let n = sharers.max(1) as u128;
    let part = |v: u128| v / n + if index == 0 { v % n } else { 0 };
    Figure {
        total: Money(part(f.total.0)),
        per_hour: part(f.per_hour),
    }
}

/// Dollars per 1,000 requests, when requests were served (display only: the one float).
pub fn per_thousand_requests(cost: Money, requests: f64) -> Option<f64> {
    (requests >= 1.0).then(|| cost.usd() * 1000.0 / requests)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::ledger::{Charge, ChargeId};

    #[test]
    fn shares_of_a_figure_add_up_to_it() {
        let f = Figure {
            total: Money(1_000_000_001),
            per_hour: 22_500_001,
        };
        let parts: Vec<Figure> = (0..3).map(|i| share(f, 3, i)).collect();
        assert_eq!(parts[1].total, Money(333_333_333));
        assert_eq!(parts[0].total, Money(333_333_335));
        assert_eq!(parts.iter().fold(Figure::default(), |a, &b| a.plus(b)), f);
        assert_eq!(share(f, 1, 0), f);
    }

    #[test]
    fn idle_is_what_instances_cost_minus_what_tasks_reserve() {
        let mut l = Ledger::default();
        l.open(
            ChargeId::Instance(0),
            Charge {
                start: 0,
                minimum_ms: 60_000,
                parts: vec![
                    (AccountKey::InstanceCpu, 60_000_000),
                    (AccountKey::InstanceMemory, 40_000_000),
                ],
            },
        );
        l.open(
            ChargeId::Share(0),
            Charge {
                start: 0,
                minimum_ms: 0,
                parts: vec![
                    (AccountKey::ReservedCpu, 15_000_000),
                    (AccountKey::ReservedMemory, 30_000_000),
                ],
            },
        );
        let i = idle(&l, 3_600_000);
        assert_eq!(i.cpu.total.nano_usd(), 45_000_000);
        assert_eq!(i.memory.total.nano_usd(), 10_000_000);
        assert_eq!(i.cpu.per_hour, 45_000_000);
    }

    #[test]
    fn a_load_balancer_bills_every_started_hour() {
        assert_eq!(load_balancer(22_500_000, 0).total, Money::ZERO);
        assert_eq!(load_balancer(22_500_000, 1).total.nano_usd(), 22_500_000);
        assert_eq!(
            load_balancer(22_500_000, 3_600_000).total.nano_usd(),
            22_500_000
        );
        assert_eq!(
            load_balancer(22_500_000, 3_600_001).total.nano_usd(),
            45_000_000
        );
    }

    #[test]
    fn cost_per_thousand_requests_needs_requests() {
        let m = Money::of_rate(1_000_000_000, 3_600_000);
        assert_eq!(per_thousand_requests(m, 0.0), None);
        assert_eq!(per_thousand_requests(m, 10_000.0), Some(0.1));
    }
}
