//! Metering: the simulation opens a charge when something starts to be billed and closes it
//! when billing stops, in [`crate::cost::Ledger`]. It only observes: no random draws, no
//! events, no log or trace lines, so no trace hash changes with it.
//!
//! - An EC2 instance is billed from launch until it is terminated (per second, 60 s minimum;
//!   EC2 per-second billing). ECS Anywhere instances are not priced.
//! - A Fargate task is billed from PENDING (the agent starts pulling images; Fargate pricing:
//!   "from the time you start to download your container image until the Amazon ECS Task …
//!   terminates") until STOPPED, for its size rounded up to a valid Fargate size, one-minute
//!   minimum; Fargate Spot at the discounted price.
//! - An EC2 task's reservation is charged to its service (its share of the instance's price)
//!   from placement until STOPPED; what no task reserves is idle capacity.

use super::Sim;
use crate::cost::rates::{self, FargateTaskSize, MINIMUM_CHARGE_MS};
use crate::cost::series::RateSeries;
use crate::cost::{AccountKey, ChargeId, Ledger};
use crate::task::{LaunchKind, TaskStatus};
use crate::taskdef::runtime_platform;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The meter's state on [`Sim`].
#[derive(Debug, Clone, Default)]
pub struct Metering {
    /// The books.
    pub ledger: Ledger,
    /// Requests served per service in closed one-minute periods (for cost per 1,000 requests;
    /// display only).
    pub requests: BTreeMap<usize, f64>,
    /// The metered rate over time, for the cost chart (display only; never traced).
    pub per_hour: RateSeries,
}

impl Metering {
    /// Writes the books' total rate now into [`Metering::per_hour`].
    fn note_rate(&mut self, now: crate::time::Millis) {
        let rate = self.ledger.account(&AccountKey::Total).rate();
        self.per_hour.note(now, rate);
    }
}

impl Sim {
    /// Who pays for a task: its service, or the standalone-task account.
    fn payer(&self, t: usize) -> AccountKey {
        self.tasks[t]
            .service
            .map_or(AccountKey::Standalone, AccountKey::Service)
    }

    /// An instance was launched: its price starts to accrue.
    pub(crate) fn meter_instance_launched(&mut self, i: usize) {
        let inst = &self.instances[i];
        let Some(ty) = inst.instance_type else {
            return;
        };
        let price = self.model.pricing.ec2_hour(ty.name);
        let split = rates::instance_split(&self.model.pricing, price, inst.cpu, inst.memory);
        let provider: Cow<'static, str> = inst.asg.map_or(Cow::Borrowed("EC2"), |a| {
            Cow::Owned(self.model.asgs[a].provider.clone())
        });
        let parts = [
            (AccountKey::Total, price),
            (AccountKey::Provider(provider), price),
            (AccountKey::Cluster(inst.cluster), price),
            (AccountKey::InstanceCpu, split.cpu),
            (AccountKey::InstanceMemory, split.memory),
        ];
        let ledger = &mut self.metering.ledger;
        ledger.open_parts(ChargeId::Instance(i), self.now, MINIMUM_CHARGE_MS, parts);
        self.metering.note_rate(self.now);
    }

    /// An instance was terminated (or lost with its zone): its price stops.
    pub(crate) fn meter_instance_gone(&mut self, i: usize) {
        self.metering.ledger.close(ChargeId::Instance(i), self.now);
        self.metering.note_rate(self.now);
    }

    /// A task was bound to an EC2 instance: its service starts paying its share.
    pub(crate) fn meter_task_placed(&mut self, t: usize, i: usize) {
        let inst = &self.instances[i];
        let Some(ty) = inst.instance_type else {
            return;
        };
        let needs = &self.model.task_definitions[self.tasks[t].task_definition].needs;
        let price = self.model.pricing.ec2_hour(ty.name);
        let split = rates::instance_split(&self.model.pricing, price, inst.cpu, inst.memory);
        let share = rates::reserved_share(split, inst.cpu, inst.memory, needs.cpu, needs.memory);
        let parts = [
            (self.payer(t), share.total()),
            (AccountKey::ReservedCpu, share.cpu),
            (AccountKey::ReservedMemory, share.memory),
        ];
        let ledger = &mut self.metering.ledger;
        ledger.open_parts(ChargeId::Share(t), self.now, 0, parts);
    }

    /// A task changed status: Fargate billing starts at PENDING, everything stops at STOPPED.
    pub(crate) fn meter_task_status(&mut self, t: usize) {
        let task = &self.tasks[t];
        match task.last_status {
            // Billing starts when the image pull begins (PENDING). A task started steady
            // (`startSteady`) goes straight to RUNNING, as one that has run since before the
            // run began: its charge opens then (it was never opened for it before).
            TaskStatus::Pending | TaskStatus::Running
                if matches!(task.launch, LaunchKind::Fargate | LaunchKind::FargateSpot)
                    && !self.metering.ledger.is_open(ChargeId::FargateTask(t)) =>
            {
                let spot = task.launch == LaunchKind::FargateSpot;
                let td = &self.model.task_definitions[task.task_definition];
                let def = &td.definition;
                let size = FargateTaskSize {
                    cpu: td.needs.cpu,
                    memory_mib: td.needs.memory,
                    ephemeral_gib: def.ephemeral_storage.as_ref().map_or(20, |e| {
                        u32::try_from(e.size_in_gib.clamp(0, 200)).unwrap_or(20)
                    }),
                    arm: runtime_platform::is_arm64(def),
                    windows: runtime_platform::is_windows(def),
                    spot,
                };
                let minimum = rates::fargate_minimum_ms(size.windows);
                let rate = rates::fargate_task_rate(&self.model.pricing, size);
                let provider: Cow<'static, str> = match &task.capacity_provider {
                    Some(p) => Cow::Owned(p.clone()),
                    None => Cow::Borrowed(if spot { "FARGATE_SPOT" } else { "FARGATE" }),
                };
                let parts = [
                    (AccountKey::Total, rate),
                    (self.payer(t), rate),
                    (AccountKey::Provider(provider), rate),
                    (AccountKey::Cluster(task.cluster), rate),
                ];
                let ledger = &mut self.metering.ledger;
                ledger.open_parts(ChargeId::FargateTask(t), self.now, minimum, parts);
                self.metering.note_rate(self.now);
            }
            TaskStatus::Stopped => {
                let now = self.now;
                self.metering.ledger.close(ChargeId::FargateTask(t), now);
                self.metering.ledger.close(ChargeId::Share(t), now);
                self.metering.note_rate(now);
            }
            _ => {}
        }
    }

    /// A one-minute period closed with `requests` served by service `s`.
    pub(crate) fn meter_requests(&mut self, s: usize, requests: f64) {
        if requests > 0.0 {
            *self.metering.requests.entry(s).or_default() += requests;
        }
    }
}
