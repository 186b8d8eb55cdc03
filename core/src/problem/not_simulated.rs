//! Real Amazon ECS parameters the playground does not read. serde refuses them as unknown
//! fields ("unknown field `volumeConfigurations`, expected one of …"), which reads as a typo; an
//! engineer pasting a real CreateService input needs to hear that the key is right and not
//! simulated (engineer walkthrough, 2026-12-05).

/// Keys of the API's inputs the playground does not simulate, with what they are.
const NOT_SIMULATED: [(&str, &str); 9] = [
    (
        "volumeConfigurations",
        "Amazon EBS volumes configured when the service deploys",
    ),
    (
        "vpcLatticeConfigurations",
        "Amazon VPC Lattice target groups",
    ),
    (
        "lifecycleHooks",
        "deployment lifecycle hooks that call Lambda functions",
    ),
    (
        "clientToken",
        "the API call's idempotency token, which changes nothing in a run",
    ),
    (
        "role",
        "the legacy IAM role for a load balancer; ECS now uses its service-linked role",
    ),
    (
        "enableExecuteCommand",
        "ECS Exec, a shell in a running container",
    ),
    ("propagateTags", "copying tags to the tasks"),
    ("tags", "resource tags"),
    ("overrides", "RunTask's per-task container overrides"),
];

/// Keys `aws ecs describe-services` prints that CreateService does not take (API *Service*): a
/// pasted describe output read as typos, one key per attempt (engineers' probe, 27th session).
/// (`status` and `createdAt` are left out: other objects' typos could read as them.)
const DESCRIBE_SERVICES_OUTPUT: [&str; 10] = [
    "serviceArn",
    "clusterArn",
    "runningCount",
    "pendingCount",
    "deployments",
    "events",
    "createdBy",
    "roleArn",
    "taskSets",
    "currentServiceDeployment",
];

/// Keys only `describe-services` output has, besides [`DESCRIBE_SERVICES_OUTPUT`], looked for
/// in `services[]` alone (where they cannot be another object's typo).
const DESCRIBE_SERVICES_ONLY_HERE: [&str; 4] = [
    "status",
    "createdAt",
    "platformFamily",
    "currentServiceRevisions",
];

/// Every describe-services output key in the scenario's `services[]`, one problem each, so a
/// pasted `describe-services` object is mended in one pass: it took an engineer seven rounds,
/// one key each, and three of the keys got serde's list of 24 expected fields instead of a
/// word on what they were (engineer walkthrough, 2026-12-07). Empty when there are none.
pub fn describe_services_keys(doc: &serde_json::Value) -> Vec<super::Problem> {
    let Some(services) = doc.get("services").and_then(|s| s.as_array()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, service) in services.iter().enumerate() {
        let Some(keys) = service.as_object() else {
            continue;
        };
        for key in keys.keys().filter(|k| {
            DESCRIBE_SERVICES_OUTPUT.contains(&k.as_str())
                || DESCRIBE_SERVICES_ONLY_HERE.contains(&k.as_str())
        }) {
            out.push(super::Problem::new(
                format!("services[{i}].{key}"),
                describe_output(key),
            ));
        }
    }
    out
}

/// What a read-only describe-services key is told.
fn describe_output(key: &str) -> String {
    format!("`{key}` is read-only output of describe-services, which CreateService does not take; remove it (a service here is written as CreateService's input)")
}

/// For serde's "unknown field `KEY`, expected …" where KEY is a real ECS parameter the
/// playground does not simulate, the message that says so; None for any other message.
pub fn explained(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let key = &rest[..rest.find('`')?];
    if DESCRIBE_SERVICES_OUTPUT.contains(&key) {
        return Some(describe_output(key));
    }
    NOT_SIMULATED.iter().find(|(k, _)| *k == key).map(|(k, what)| {
        format!("`{k}` is an Amazon ECS parameter the playground does not simulate ({what}); remove it to run the scenario")
    })
}

#[cfg(test)]
mod tests {
    use super::{describe_services_keys, explained};

    #[test]
    fn every_describe_services_key_in_services_is_named_at_once() {
        let doc = serde_json::json!({
            "services": [
                { "serviceName": "web", "desiredCount": 2 },
                { "serviceName": "api", "serviceArn": "arn:aws:ecs:us-east-1:1:service/default/api",
                  "status": "ACTIVE", "runningCount": 2, "createdAt": "2026-12-01T10:00:00Z",
                  "platformFamily": "Linux", "desiredCount": 2 }
            ],
            // Outside services[] a `status` is left to the usual checks.
            "status": "ACTIVE"
        });
        let found = describe_services_keys(&doc);
        let paths: Vec<&str> = found.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            // In document order.
            [
                "services[1].serviceArn",
                "services[1].status",
                "services[1].runningCount",
                "services[1].createdAt",
                "services[1].platformFamily"
            ]
        );
        assert!(found
            .iter()
            .all(|p| p.message.contains("read-only output of describe-services")));
        assert!(describe_services_keys(&serde_json::json!({ "services": [{}] })).is_empty());
        assert!(describe_services_keys(&serde_json::json!({ "services": 3 })).is_empty());
    }

    #[test]
    fn a_real_parameter_the_playground_lacks_is_said_to_be_not_simulated() {
        let m = explained("unknown field `volumeConfigurations`, expected one of `serviceName`")
            .expect("explained");
        assert!(m.starts_with("`volumeConfigurations` is an Amazon ECS parameter the playground does not simulate (Amazon EBS"), "{m}");
        // A typo stays serde's message.
        assert_eq!(
            explained("unknown field `desiredcount`, expected one of `desiredCount`"),
            None
        );
        assert_eq!(explained("invalid type: string"), None);
        // describe-services output and RunTask's own keys (engineers' probe).
        let m = explained("unknown field `serviceArn`, expected one of `serviceName`")
            .expect("explained");
        assert!(m.contains("read-only output of describe-services"), "{m}");
        let m = explained("unknown field `enableExecuteCommand`, expected one of `cluster`")
            .expect("explained");
        assert!(m.contains("ECS Exec"), "{m}");
    }
}
