//! One shared copy of each Availability Zone's name, for the tasks placed in it: a crash loop at
//! the scenario limits places thousands of tasks a minute, and a copied name per task was an
//! allocation each.

use std::collections::BTreeSet;
use std::sync::Arc;

/// The zones' names, each allocated once (see the module doc).
#[derive(Debug, Default, Clone)]
pub(crate) struct ZoneNames(BTreeSet<Arc<str>>);

impl ZoneNames {
    /// The names of `zones`.
    pub(crate) fn of<'a>(zones: impl IntoIterator<Item = &'a String>) -> Self {
        ZoneNames(zones.into_iter().map(|z| Arc::from(z.as_str())).collect())
    }

    /// The shared copy of `zone`'s name (a new one for a zone not listed, which resolve does
    /// not let through).
    pub(crate) fn shared(&self, zone: &str) -> Arc<str> {
        self.0.get(zone).map_or_else(|| Arc::from(zone), Arc::clone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listed_zone_is_one_shared_copy_and_an_unlisted_one_still_reads_right() {
        let zones = ["us-east-1a".to_string(), "us-east-1b".to_string()];
        let names = ZoneNames::of(&zones);
        let a = names.shared("us-east-1a");
        assert!(Arc::ptr_eq(&a, &names.shared("us-east-1a")));
        assert_eq!(&*names.shared("us-east-1c"), "us-east-1c");
        assert!(!Arc::ptr_eq(
            &names.shared("us-east-1c"),
            &names.shared("us-east-1c")
        ));
    }
}
