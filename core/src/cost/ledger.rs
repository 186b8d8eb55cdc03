//! The meter's books: open charges (a running instance, a Fargate task, an EC2 task's share of
//! its instance) accrue per millisecond at their hourly rate; closing one bills its duration
//! rounded up to the second with its minimum. Each account keeps only a closed sum, the sum of
//! its open rates and Σ rate × start, so the amount at any moment is
//! `closed + Σrate × now − Σ(rate × start)`: opening, closing and reading are O(log n), and
//! nothing ever walks every task. All integers ([`Money`]).
//!
//! A minimum charge is billed when the charge closes: an instance or task younger than a
//! minute that is still running shows what it has run so far (AWS bills the minimum at the
//! end too).

use super::money::Money;
use super::rates::billed_ms;
use crate::catalog::prices::NanoUsdPerHour;
use crate::time::Millis;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Where a charge is counted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AccountKey {
    /// Everything the run pays for (instances, Fargate tasks, load balancers are added by the
    /// reader).
    Total,
    /// A service (index in the model): its Fargate tasks, and its EC2 tasks' shares.
    Service(usize),
    /// Standalone tasks (RunTask), same rule as a service.
    Standalone,
    /// A capacity provider (or launch type label: `FARGATE`, `FARGATE_SPOT`, `EC2`; those are
    /// borrowed, so a Fargate task's charge copies no name).
    Provider(Cow<'static, str>),
    /// A cluster (index in the model).
    Cluster(usize),
    /// The CPU part of EC2 instance prices.
    InstanceCpu,
    /// The memory part of EC2 instance prices.
    InstanceMemory,
    /// The CPU part tasks reserve on EC2 instances.
    ReservedCpu,
    /// The memory part tasks reserve on EC2 instances.
    ReservedMemory,
}

/// One account's running sums.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Account {
    /// Billed for charges already closed.
    pub closed: Money,
    /// Σ rate of the open charges, nano-dollars per hour.
    pub open_rate: u128,
    /// Σ rate × start of the open charges.
    open_weighted_start: u128,
}

impl Account {
    /// The amount at `now`: closed charges plus what the open ones have accrued.
    pub fn at(&self, now: Millis) -> Money {
        let accrued = (self.open_rate * u128::from(now)).saturating_sub(self.open_weighted_start);
        self.closed.plus(Money(accrued))
    }

    /// The rate now, nano-dollars per hour.
    pub fn rate(&self) -> u128 {
        self.open_rate
    }
}

/// Something being charged for: when it started, its minimum, and what each account pays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Charge {
    /// When billing began.
    pub start: Millis,
    /// Minimum billed duration, ms.
    pub minimum_ms: Millis,
    /// Each account and the rate it accrues.
    pub parts: Vec<(AccountKey, NanoUsdPerHour)>,
}

/// What an open charge is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChargeId {
    /// A running EC2 instance (index into the simulation's instances).
    Instance(usize),
    /// A Fargate task (index into the simulation's tasks).
    FargateTask(usize),
    /// An EC2 task's reservation on its instance (task index).
    Share(usize),
}

/// Every account and every open charge.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    accounts: BTreeMap<AccountKey, Account>,
    open: BTreeMap<ChargeId, Charge>,
    spare: SpareParts,
}

/// Emptied part lists of closed charges, for [`Ledger::parts`]: a crash loop opens and closes
/// a charge per task, and a list allocated and freed per task showed in its profile. Not part
/// of the books, so any two are equal.
#[derive(Debug, Clone, Default)]
struct SpareParts(Vec<Vec<(AccountKey, NanoUsdPerHour)>>);

impl PartialEq for SpareParts {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for SpareParts {}

/// Part lists kept for new charges.
const SPARE_PARTS: usize = 1_024;

impl Ledger {
    /// An empty list for a new charge's parts: a closed charge's, when one is kept.
    fn parts(&mut self) -> Vec<(AccountKey, NanoUsdPerHour)> {
        self.spare.0.pop().unwrap_or_default()
    }

    /// Starts charging `parts` from `start`, as [`Ledger::open`], in a closed charge's list of
    /// parts when one is kept (the meter opens a charge per task).
    pub fn open_parts(
        &mut self,
        id: ChargeId,
        start: Millis,
        minimum_ms: Millis,
        parts: impl IntoIterator<Item = (AccountKey, NanoUsdPerHour)>,
    ) {
        if self.open.contains_key(&id) {
            return;
        }
        let mut list = self.parts();
        list.extend(parts);
        let charge = Charge {
            start,
            minimum_ms,
            parts: list,
        };
        self.open(id, charge);
    }

    /// Starts charging; a charge already open under the same id is left as it is.
    pub fn open(&mut self, id: ChargeId, charge: Charge) {
        if self.open.contains_key(&id) {
            return;
        }
        for (key, rate) in &charge.parts {
            with_account(&mut self.accounts, key, |a| {
                a.open_rate += u128::from(*rate);
                a.open_weighted_start += u128::from(*rate) * u128::from(charge.start);
            });
        }
        self.open.insert(id, charge);
    }

    /// Stops charging at `now`: bills the duration rounded up to the second, at least the
    /// charge's minimum. Nothing happens for an id that is not open.
    pub fn close(&mut self, id: ChargeId, now: Millis) {
        let Some(charge) = self.open.remove(&id) else {
            return;
        };
        let billed = billed_ms(now.saturating_sub(charge.start), charge.minimum_ms);
        for (key, rate) in &charge.parts {
            with_account(&mut self.accounts, key, |a| {
                a.open_rate -= u128::from(*rate);
                a.open_weighted_start -= u128::from(*rate) * u128::from(charge.start);
                a.closed = a.closed.plus(Money::of_rate(*rate, billed));
            });
        }
        if self.spare.0.len() < SPARE_PARTS {
            let mut parts = charge.parts;
            parts.clear();
            self.spare.0.push(parts);
        }
    }

    /// Whether a charge is open.
    pub fn is_open(&self, id: ChargeId) -> bool {
        self.open.contains_key(&id)
    }

    /// An account (empty if nothing was ever charged to it).
    pub fn account(&self, key: &AccountKey) -> Account {
        self.accounts.get(key).copied().unwrap_or_default()
    }

    /// Every account that was ever charged, in key order.
    pub fn accounts(&self) -> impl Iterator<Item = (&AccountKey, &Account)> {
        self.accounts.iter()
    }
}

/// Changes the account at `key`, created empty if new. Looked up before inserting: `entry` wants an
/// owned key, and a provider's key is a string (two copies per task in a crash loop).
fn with_account(
    accounts: &mut BTreeMap<AccountKey, Account>,
    key: &AccountKey,
    change: impl FnOnce(&mut Account),
) {
    match accounts.get_mut(key) {
        Some(a) => change(a),
        None => {
            let mut a = Account::default();
            change(&mut a);
            accounts.insert(key.clone(), a);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn charge(start: Millis, rate: NanoUsdPerHour) -> Charge {
        Charge {
            start,
            minimum_ms: 60_000,
            parts: vec![(AccountKey::Total, rate), (AccountKey::Cluster(0), rate)],
        }
    }

    #[test]
    fn open_charges_accrue_and_closed_ones_bill_whole_seconds() {
        let mut l = Ledger::default();
        // $0.096/h from 0 and from 30 min: at 1 h, 1 h + 0.5 h of $0.096 = $0.144.
        l.open(ChargeId::Instance(0), charge(0, 96_000_000));
        l.open(ChargeId::Instance(1), charge(1_800_000, 96_000_000));
        assert_eq!(
            l.account(&AccountKey::Total).at(3_600_000).nano_usd(),
            144_000_000
        );
        assert_eq!(l.account(&AccountKey::Total).rate(), 192_000_000);
        // Closing the second at 30 min + 1.2 s bills 2 s, not 1.2 s.
        l.close(ChargeId::Instance(1), 1_801_200);
        assert_eq!(l.account(&AccountKey::Total).rate(), 96_000_000);
        let later = l.account(&AccountKey::Cluster(0)).at(3_600_000);
        // 1 h of the first, 2 s but at least 60 s of the second: 96,000,000 × 60/3,600 = 1.6 m.
        assert_eq!(later.nano_usd(), 96_000_000 + 1_600_000);
    }

    #[test]
    fn a_closed_charges_part_list_comes_back_empty_and_the_books_compare_without_it() {
        let (mut reused, mut fresh) = (Ledger::default(), Ledger::default());
        reused.open(ChargeId::FargateTask(0), charge(0, 10_000_000));
        reused.close(ChargeId::FargateTask(0), 60_000);
        fresh.open(ChargeId::FargateTask(0), charge(0, 10_000_000));
        fresh.close(ChargeId::FargateTask(0), 60_000);
        let parts = reused.parts();
        assert!(
            parts.is_empty() && parts.capacity() >= 2,
            "the closed one's list"
        );
        assert!(reused.parts().capacity() == 0, "only one was kept");
        // `fresh` still keeps a spare list and `reused` does not: the same books.
        assert_eq!(fresh.spare.0.len(), 1);
        assert_eq!(reused, fresh);
    }

    #[test]
    fn open_parts_keeps_the_same_books_as_open_in_a_closed_charges_list() {
        let (mut listed, mut built) = (Ledger::default(), Ledger::default());
        listed.open(ChargeId::FargateTask(0), charge(0, 10_000_000));
        listed.close(ChargeId::FargateTask(0), 60_000);
        built.open(ChargeId::FargateTask(0), charge(0, 10_000_000));
        built.close(ChargeId::FargateTask(0), 60_000);
        let parts = charge(5_000, 20_000_000).parts;
        listed.open_parts(ChargeId::FargateTask(1), 5_000, 60_000, parts.clone());
        built.open(ChargeId::FargateTask(1), charge(5_000, 20_000_000));
        assert!(
            listed.spare.0.is_empty(),
            "the closed charge's list was reused"
        );
        assert_eq!(listed, built);
        assert_eq!(
            listed.account(&AccountKey::Total).at(65_000),
            built.account(&AccountKey::Total).at(65_000)
        );
    }

    #[test]
    fn closing_twice_or_opening_twice_changes_nothing() {
        let mut l = Ledger::default();
        l.open(ChargeId::FargateTask(3), charge(0, 10_000_000));
        l.open(ChargeId::FargateTask(3), charge(5_000, 99_000_000));
        l.close(ChargeId::FargateTask(3), 120_000);
        l.close(ChargeId::FargateTask(3), 240_000);
        assert!(!l.is_open(ChargeId::FargateTask(3)));
        // 120 s of $0.01/h = 333,333.3 nano-dollars.
        assert_eq!(
            l.account(&AccountKey::Total).at(999_999).nano_usd(),
            333_333
        );
    }
}
