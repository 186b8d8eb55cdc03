//! What a run costs: a price catalogue with the scenario's overrides (`pricing`), the billing
//! rules of Fargate and EC2 as pure functions ([`rates`]), and the meter's books ([`ledger`])
//! the simulation opens and closes charges in. Integers throughout (nano-dollars per hour and
//! [`money::Money`]); floats only where a figure is printed.

pub mod field_docs;
pub mod figures;
pub mod ledger;
pub mod model;
pub mod money;
pub mod rates;
pub mod resolve;
pub mod series;
pub mod spec;

pub use ledger::{AccountKey, Charge, ChargeId, Ledger};
pub use model::{FargateRates, PriceTable};
pub use money::Money;
pub use spec::PricingSpec;
