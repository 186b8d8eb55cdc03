//! Whether a service or task entry of the document runs on instances (EC2 or ECS Anywhere) or
//! on Fargate, as far as its own launch type or capacity provider strategy says. The network
//! forms ask: ECS refuses `assignPublicIp` ENABLED for tasks on instances.

use serde_json::{Map, Value};

/// Fargate's built-in capacity providers.
pub const FARGATE_PROVIDERS: [&str; 2] = ["FARGATE", "FARGATE_SPOT"];

/// Whether a strategy's providers are all capacity on instances (none is FARGATE or
/// FARGATE_SPOT).
pub fn strategy_on_instances<'a>(providers: impl IntoIterator<Item = &'a str>) -> bool {
    providers
        .into_iter()
        .all(|p| !FARGATE_PROVIDERS.contains(&p))
}

/// What a service or task entry says itself: `Some(true)` for launch type EC2 or EXTERNAL or a
/// strategy without Fargate, `Some(false)` for launch type FARGATE or a strategy with it, and
/// `None` when it names neither (its cluster's default strategy decides).
pub fn entry_on_instances(entry: &Map<String, Value>) -> Option<bool> {
    if let Some(t) = entry.get("launchType").and_then(Value::as_str) {
        return Some(t == "EC2" || t == "EXTERNAL");
    }
    let items = entry
        .get("capacityProviderStrategy")
        .and_then(Value::as_array)
        .filter(|items| !items.is_empty())?;
    Some(strategy_on_instances(items.iter().map(|i| {
        i.get("capacityProvider")
            .and_then(Value::as_str)
            .unwrap_or_default()
    })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn on(entry: Value) -> Option<bool> {
        entry.as_object().and_then(entry_on_instances)
    }

    #[test]
    fn an_entry_says_instances_fargate_or_nothing() {
        assert_eq!(on(json!({"launchType": "EC2"})), Some(true));
        assert_eq!(on(json!({"launchType": "EXTERNAL"})), Some(true));
        assert_eq!(on(json!({"launchType": "FARGATE"})), Some(false));
        let asg = json!({"capacityProviderStrategy": [{"capacityProvider": "asg"}]});
        assert_eq!(on(asg), Some(true));
        let mixed = json!({"capacityProviderStrategy": [{"capacityProvider": "asg"},
            {"capacityProvider": "FARGATE_SPOT"}]});
        assert_eq!(on(mixed), Some(false));
        assert_eq!(on(json!({"capacityProviderStrategy": []})), None);
        assert_eq!(on(json!({})), None);
    }
}
