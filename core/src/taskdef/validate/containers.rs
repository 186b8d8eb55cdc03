//! Family and container names, container count, images, and the essential-container rule.

use super::{container_path, Problem, TaskDefinition};
use std::collections::BTreeMap;

/// ECS quota "Task definition max containers" (DG service-quotas).
pub const MAX_CONTAINERS: usize = 10;

/// API: family and container names allow up to 255 letters, numbers, hyphens and underscores.
pub(crate) fn valid_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 255
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    match td.family.as_deref() {
        None | Some("") => out.push(Problem::new("family", "Family should not be null or empty.")),
        Some(f) if !valid_name(f) => out.push(Problem::new(
            "family",
            "Invalid family: up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.",
        )),
        Some(_) => {}
    }
    let containers = td.containers();
    if containers.is_empty() {
        out.push(Problem::new(
            "containerDefinitions",
            "Container list cannot be empty.",
        ));
        return;
    }
    if containers.len() > MAX_CONTAINERS {
        out.push(Problem::new(
            "containerDefinitions",
            format!(
                "Too many containers: {} given, a task definition can have at most {MAX_CONTAINERS}.",
                containers.len()
            ),
        ));
    }
    let mut first_index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, c) in containers.iter().enumerate() {
        let here = container_path(i);
        match c.name.as_deref() {
            None | Some("") => out.push(Problem::new(
                format!("{here}.name"),
                "Container.name should not be null or empty.",
            )),
            Some(n) if !valid_name(n) => out.push(Problem::new(
                format!("{here}.name"),
                "Invalid container name: up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.",
            )),
            Some(n) => {
                if let Some(first) = first_index.get(n) {
                    out.push(Problem::new(
                        format!("{here}.name"),
                        format!("Duplicate container name '{n}': containerDefinitions[{first}] already uses it; container names must be unique within a task definition."),
                    ));
                } else {
                    first_index.insert(n, i);
                }
            }
        }
        if c.image.as_deref().is_none_or(|s| s.trim().is_empty()) {
            out.push(Problem::new(
                format!("{here}.image"),
                "Container.image should not be null or empty.",
            ));
        }
    }
    // API essential: "All tasks must have at least one essential container."
    if !containers.iter().any(|c| c.is_essential()) {
        out.push(Problem::new(
            "containerDefinitions",
            "Task definition doesn't have any essential container.",
        ));
    }
}
