//! The load balancer form: the deregistration delay of the target group a service's first
//! `loadBalancers` entry names. A lesson asks for it (lesson 8), and before this form only the
//! Scenario JSON could set it (student walkthrough, 2026-12-05).

use crate::form::find::{find_service, no_service};
use serde_json::Value;

/// The highest `deregistrationDelaySeconds` (ALB target group attribute
/// `deregistration_delay.timeout_seconds`: 0–3600 s).
pub const MAX_DEREGISTRATION_DELAY_SECONDS: u32 = 3600;

/// The target group a service sends traffic to, as the form shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceTargetGroup {
    /// Its index in `targetGroups`.
    pub index: usize,
    /// `targetGroupName`.
    pub name: String,
    /// `deregistrationDelaySeconds`, or the default when the key is absent.
    pub deregistration_delay_seconds: u32,
}

/// The target group named by the first `loadBalancers` entry of the service named `service`
/// (`targetGroupArn`, by name or ARN as the scenario resolves it), if it is declared.
pub fn service_target_group(doc: &Value, service: &str) -> Option<ServiceTargetGroup> {
    let reference = find_service(doc, service)?
        .get("loadBalancers")?
        .as_array()?
        .first()?
        .get("targetGroupArn")?
        .as_str()?;
    let name = super::resolve::group_name(reference)?;
    let groups = doc.get("targetGroups")?.as_array()?;
    let index = groups
        .iter()
        .position(|g| g.get("targetGroupName").and_then(Value::as_str) == Some(name))?;
    let delay = groups[index]
        .get("deregistrationDelaySeconds")
        .and_then(Value::as_u64)
        .and_then(|d| u32::try_from(d).ok())
        .unwrap_or(super::resolve::DEFAULT_DEREGISTRATION_DELAY_SECONDS);
    Some(ServiceTargetGroup {
        index,
        name: name.to_string(),
        deregistration_delay_seconds: delay,
    })
}

/// Sets the deregistration delay of the service's target group to `seconds` (0–3600), or says
/// why not (the document is then unchanged).
pub fn set_deregistration_delay(
    doc: &mut Value,
    service: &str,
    seconds: u32,
) -> Result<(), String> {
    if seconds > MAX_DEREGISTRATION_DELAY_SECONDS {
        return Err(format!(
            "deregistrationDelaySeconds must be between 0 and {MAX_DEREGISTRATION_DELAY_SECONDS}; got {seconds}"
        ));
    }
    if find_service(doc, service).is_none() {
        return Err(no_service(service));
    }
    let group = service_target_group(doc, service).ok_or_else(|| {
        format!("service '{service}' has no load balancer target group declared in targetGroups")
    })?;
    let slot = doc
        .get_mut("targetGroups")
        .and_then(Value::as_array_mut)
        .and_then(|g| g.get_mut(group.index))
        .and_then(Value::as_object_mut)
        .ok_or("targetGroups is not a list of objects")?;
    slot.insert("deregistrationDelaySeconds".into(), Value::from(seconds));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc() -> Value {
        json!({
            "services": [
                {"serviceName": "web", "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123456789abcdef", "containerName": "app", "containerPort": 80}]},
                {"serviceName": "worker"}
            ],
            "targetGroups": [{"targetGroupName": "other"}, {"targetGroupName": "web-tg"}]
        })
    }

    #[test]
    fn the_form_reads_and_sets_the_delay_of_the_service_target_group() {
        let mut d = doc();
        let g = service_target_group(&d, "web").unwrap();
        assert_eq!(
            (g.index, g.name.as_str(), g.deregistration_delay_seconds),
            (1, "web-tg", 300)
        );
        set_deregistration_delay(&mut d, "web", 30).unwrap();
        assert_eq!(d["targetGroups"][1]["deregistrationDelaySeconds"], 30);
        assert_eq!(
            service_target_group(&d, "web")
                .unwrap()
                .deregistration_delay_seconds,
            30
        );
        assert!(d["targetGroups"][0]
            .get("deregistrationDelaySeconds")
            .is_none());
    }

    #[test]
    fn the_form_refuses_a_delay_out_of_range_or_a_service_without_a_target_group() {
        let mut d = doc();
        let before = d.clone();
        assert_eq!(
            set_deregistration_delay(&mut d, "web", 3601).unwrap_err(),
            "deregistrationDelaySeconds must be between 0 and 3600; got 3601"
        );
        assert!(set_deregistration_delay(&mut d, "worker", 30).is_err());
        assert!(set_deregistration_delay(&mut d, "nope", 30).is_err());
        assert_eq!(d, before);
        assert_eq!(service_target_group(&d, "worker"), None);
    }
}
