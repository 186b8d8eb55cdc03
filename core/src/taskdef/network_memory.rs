//! The `networkConfiguration`s a network mode switch took away, kept for the editing session so
//! that switching back to awsvpc gives them back. ECS accepts a service's or task's
//! `networkConfiguration` only for awsvpc ("Network Configuration is not valid for the given
//! networkMode of this task definition", CreateService / UpdateService / RunTask), so a bridge or
//! host service cannot carry it in the scenario; but awsvpc → bridge → awsvpc in the form used to
//! come back with every subnet ticked and no security groups (an engineer's walkthrough,
//! 2026-12-05). The memory is plain data the page holds; the scenario never sees it.

use serde_json::Value;
use std::collections::BTreeMap;

/// Whose `networkConfiguration` it was.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Holder {
    /// A service, by `serviceName`.
    Service(String),
    /// A standalone task of the top-level `tasks`, by position.
    Task(usize),
}

/// The configurations taken away, by holder (the latest one each).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NetworkMemory {
    kept: BTreeMap<Holder, Value>,
}

impl NetworkMemory {
    /// Keeps `config`, the `networkConfiguration` a switch away from awsvpc took from `holder`.
    pub fn keep(&mut self, holder: Holder, config: Value) {
        self.kept.insert(holder, config);
    }

    /// The configuration `holder` had, taken out to be written back on a switch to awsvpc. Its
    /// `awsvpcConfiguration.subnets` are cut to `subnets` (the scenario's, which may have changed
    /// since), or set to all of them when none is left; security groups and `assignPublicIp`
    /// come back as they were. `None` when nothing was kept, or it was not an awsvpc one.
    pub fn take(&mut self, holder: &Holder, subnets: &[Value]) -> Option<Value> {
        let mut config = self.kept.remove(holder)?;
        let awsvpc = config
            .get_mut("awsvpcConfiguration")
            .and_then(Value::as_object_mut)?;
        let mut kept: Vec<Value> = awsvpc
            .get("subnets")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter(|s| subnets.contains(s))
            .cloned()
            .collect();
        if kept.is_empty() {
            kept = subnets.to_vec();
        }
        awsvpc.insert("subnets".into(), Value::Array(kept));
        Some(config)
    }

    /// Whether a configuration of `holder` is kept (the form says it will come back).
    pub fn holds(&self, holder: &Holder) -> bool {
        self.kept.contains_key(holder)
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    /// Forgets everything (another scenario was loaded: its services are not these).
    pub fn clear(&mut self) {
        self.kept.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn config() -> Value {
        json!({ "awsvpcConfiguration": {
            "subnets": ["subnet-b"], "securityGroups": ["sg-0a1"], "assignPublicIp": "ENABLED"
        }})
    }

    #[test]
    fn a_kept_configuration_comes_back_once_with_the_subnets_that_still_exist() {
        let mut m = NetworkMemory::default();
        let web = Holder::Service("web".into());
        m.keep(web.clone(), config());
        assert!(m.holds(&web));
        let all = [json!("subnet-a"), json!("subnet-b")];
        assert_eq!(m.take(&web, &all), Some(config()));
        assert!(!m.holds(&web));
        assert_eq!(m.take(&web, &all), None);
        // Its subnet is gone from the scenario: every subnet, the groups kept.
        m.keep(web.clone(), config());
        let back = m.take(&web, &[json!("subnet-c")]).unwrap();
        assert_eq!(back["awsvpcConfiguration"]["subnets"], json!(["subnet-c"]));
        assert_eq!(
            back["awsvpcConfiguration"]["securityGroups"],
            json!(["sg-0a1"])
        );
        m.keep(Holder::Task(0), json!({ "other": 1 }));
        assert_eq!(m.take(&Holder::Task(0), &all), None);
        m.keep(web.clone(), config());
        assert!(!m.is_empty());
        m.clear();
        assert!(!m.holds(&web) && m.is_empty());
    }
}
