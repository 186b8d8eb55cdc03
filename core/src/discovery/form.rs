//! The service discovery form: the DNS TTL of a service's Cloud Map registry
//! (`serviceRegistries[0].dnsTtlSeconds`). Lesson 15 can be solved by a short TTL, and until this
//! form only the Scenario JSON could set it (Service Connect stays a JSON edit).

use super::resolve::MAX_DNS_TTL_SECONDS;
use super::DEFAULT_DNS_TTL_SECONDS;
use crate::form::find::{find_service, service_mut};
use serde_json::Value;

/// The DNS TTL the service's registry gives its records (the default when the key is absent),
/// or `None` for a service with no `serviceRegistries` entry.
pub fn registry_ttl(doc: &Value, service: &str) -> Option<u32> {
    let registry = find_service(doc, service)?
        .get("serviceRegistries")?
        .as_array()?
        .first()?;
    Some(
        registry
            .get("dnsTtlSeconds")
            .and_then(Value::as_u64)
            .and_then(|t| u32::try_from(t).ok())
            .unwrap_or(DEFAULT_DNS_TTL_SECONDS),
    )
}

/// Sets the TTL of the service's registry to `seconds` (0 to the simulator's one week), or says
/// why not (the document is then unchanged).
pub fn set_dns_ttl(doc: &mut Value, service: &str, seconds: u32) -> Result<(), String> {
    if seconds > MAX_DNS_TTL_SECONDS {
        return Err(format!(
            "dnsTtlSeconds must be from 0 to {MAX_DNS_TTL_SECONDS}; got {seconds}"
        ));
    }
    let entry = service_mut(doc, service)?
        .get_mut("serviceRegistries")
        .and_then(Value::as_array_mut)
        .and_then(|r| r.first_mut())
        .and_then(Value::as_object_mut)
        .ok_or_else(|| format!("service '{service}' has no serviceRegistries entry"))?;
    entry.insert("dnsTtlSeconds".into(), Value::from(seconds));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc() -> Value {
        json!({"services": [
            {"serviceName": "orders", "serviceRegistries": [{"registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-orders", "dnsTtlSeconds": 300}]},
            {"serviceName": "web"}
        ]})
    }

    #[test]
    fn the_ttl_is_read_and_set_on_the_first_registry() {
        let mut d = doc();
        assert_eq!(registry_ttl(&d, "orders"), Some(300));
        assert_eq!(registry_ttl(&d, "web"), None);
        set_dns_ttl(&mut d, "orders", 10).expect("set");
        assert_eq!(
            d["services"][0]["serviceRegistries"][0]["dnsTtlSeconds"],
            10
        );
        d["services"][0]["serviceRegistries"][0]
            .as_object_mut()
            .expect("entry")
            .remove("dnsTtlSeconds");
        assert_eq!(registry_ttl(&d, "orders"), Some(DEFAULT_DNS_TTL_SECONDS));
    }

    #[test]
    fn a_ttl_out_of_bounds_or_a_service_without_a_registry_is_refused_unchanged() {
        let mut d = doc();
        let before = d.clone();
        assert!(set_dns_ttl(&mut d, "orders", MAX_DNS_TTL_SECONDS + 1).is_err());
        assert!(set_dns_ttl(&mut d, "web", 10).is_err_and(|e| e.contains("no serviceRegistries")));
        assert!(set_dns_ttl(&mut d, "nope", 10).is_err());
        assert_eq!(d, before);
    }
}
