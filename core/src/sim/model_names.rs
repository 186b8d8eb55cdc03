//! One shared copy of each name the model gives many tasks — Availability Zones and capacity
//! providers — for the tasks and the snapshot: a crash loop at the scenario limits places
//! thousands of tasks a minute and the page reads 20,000 of them several times a second, and a
//! copied name per task was an allocation each.

use crate::scenario::model::Model;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The model's zone and capacity provider names, each allocated once (see the module doc).
#[derive(Debug, Default, Clone)]
pub(crate) struct ModelNames(BTreeSet<Arc<str>>);

impl ModelNames {
    /// The names of `model`'s zones and capacity providers (its Auto Scaling group providers,
    /// FARGATE and FARGATE_SPOT).
    pub(crate) fn of(model: &Model) -> Self {
        let zones = model.zones.iter().map(String::as_str);
        let providers = model.asgs.iter().map(|a| a.provider.as_str());
        let fargate = ["FARGATE", "FARGATE_SPOT"];
        Self::from_names(zones.chain(providers).chain(fargate))
    }

    /// The shared copies of `names`.
    fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        ModelNames(names.into_iter().map(Arc::from).collect())
    }

    /// The shared copy of `name` (a new one for a name the model does not hold, which resolve
    /// does not let through).
    pub(crate) fn shared(&self, name: &str) -> Arc<str> {
        self.0.get(name).map_or_else(|| Arc::from(name), Arc::clone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listed_name_is_one_shared_copy_and_an_unlisted_one_still_reads_right() {
        let names = ModelNames::from_names(["us-east-1a", "us-east-1b", "FARGATE_SPOT"]);
        let a = names.shared("us-east-1a");
        assert!(Arc::ptr_eq(&a, &names.shared("us-east-1a")));
        assert!(Arc::ptr_eq(
            &names.shared("FARGATE_SPOT"),
            &names.shared("FARGATE_SPOT")
        ));
        assert_eq!(&*names.shared("us-east-1c"), "us-east-1c");
        assert!(!Arc::ptr_eq(
            &names.shared("us-east-1c"),
            &names.shared("us-east-1c")
        ));
    }
}
