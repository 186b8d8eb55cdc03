//! A scenario path as a student reads it: `services[0].placementConstraints` is "service web:
//! placementConstraints" (the builder already labelled it so, while the lesson pane showed the
//! JSON path, an instructor's walkthrough). The JSON path stays the exact reference (the
//! pane shows it on hover; the CLI and the JSON editor use it).

use serde_json::Value;

/// `path` with its leading `services[k]`, `taskDefinitions[k]`, `capacityProviders[k]`,
/// `targetGroups[k]` or `traffic[k]` named from `scenario` ("service web: …", "task definition
/// web:2: …", "capacity provider asg: …", "target group api-tg: …", "traffic to api: …"); any
/// other path as written (lesson 8's lock line read `traffic[0].profile.requestsPerSecond`
/// beside `targetGroups[0].deregistrationDelaySeconds`: student walkthrough, 2026-12-06).
pub fn readable(scenario: &Value, path: &str) -> String {
    let Some((head, rest)) = split_head(path) else {
        return path.to_string();
    };
    let (key, k) = head;
    let Some(entry) = scenario.get(key).and_then(|l| l.get(k)) else {
        return path.to_string();
    };
    let text = |field: &str| entry.get(field).and_then(Value::as_str).map(str::to_string);
    let named = match key {
        "services" => text("serviceName").map(|n| format!("service {n}")),
        "capacityProviders" => text("name").map(|n| format!("capacity provider {n}")),
        "targetGroups" => text("targetGroupName").map(|n| format!("target group {n}")),
        "traffic" => text("serviceName").map(|n| format!("traffic to {n}")),
        "taskDefinitions" => text("family").map(|family| {
            // Each entry registers the next revision of its family.
            let revision = scenario
                .get("taskDefinitions")
                .and_then(Value::as_array)
                .map_or(1, |all| {
                    all[..=k.min(all.len().saturating_sub(1))]
                        .iter()
                        .filter(|t| t.get("family").and_then(Value::as_str) == Some(&family))
                        .count()
                });
            format!("task definition {family}:{revision}")
        }),
        _ => None,
    };
    match (named, rest) {
        (Some(n), "") => n,
        (Some(n), r) => format!("{n}: {r}"),
        (None, _) => path.to_string(),
    }
}

/// `("services", 0)` and what follows the dot after it, for `services[0].x.y`.
fn split_head(path: &str) -> Option<((&str, usize), &str)> {
    let open = path.find('[')?;
    let close = path.find(']')?;
    let key = &path[..open];
    if !matches!(
        key,
        "services" | "taskDefinitions" | "capacityProviders" | "targetGroups" | "traffic"
    ) || close < open
    {
        return None;
    }
    let k = path[open + 1..close].parse().ok()?;
    let rest = path[close + 1..]
        .strip_prefix('.')
        .unwrap_or(&path[close + 1..]);
    Some(((key, k), rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn entries_are_named_and_the_rest_kept() {
        let doc = json!({
            "services": [{ "serviceName": "web" }],
            "taskDefinitions": [{ "family": "web" }, { "family": "api" }, { "family": "web" }],
            "capacityProviders": [{ "name": "asg" }],
            "targetGroups": [{ "targetGroupName": "api-tg" }],
            "traffic": [{ "serviceName": "api" }]
        });
        assert_eq!(
            readable(&doc, "targetGroups[0].deregistrationDelaySeconds"),
            "target group api-tg: deregistrationDelaySeconds"
        );
        assert_eq!(
            readable(&doc, "traffic[0].profile.requestsPerSecond"),
            "traffic to api: profile.requestsPerSecond"
        );
        assert_eq!(
            readable(&doc, "services[0].placementConstraints"),
            "service web: placementConstraints"
        );
        assert_eq!(
            readable(
                &doc,
                "taskDefinitions[2].containerDefinitions[0].portMappings"
            ),
            "task definition web:2: containerDefinitions[0].portMappings"
        );
        assert_eq!(
            readable(&doc, "taskDefinitions[1]"),
            "task definition api:1"
        );
        assert_eq!(
            readable(&doc, "capacityProviders[0].autoScalingGroupProvider"),
            "capacity provider asg: autoScalingGroupProvider"
        );
        // Not an entry it can name: as written.
        assert_eq!(readable(&doc, "scalableTargets"), "scalableTargets");
        assert_eq!(
            readable(&doc, "services[3].desiredCount"),
            "services[3].desiredCount"
        );
        assert_eq!(readable(&doc, "services[x]"), "services[x]");
    }
}
