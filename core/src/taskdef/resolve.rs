//! Registering a scenario's task definitions (register-task-definition, in document order) and
//! finding the revision a service or RunTask names.

use super::RegisteredTaskDefinition;
use super::{task_definition_from_value, task_needs, validate, ImageBehaviour};
use crate::problem::Problems;
use std::collections::{BTreeMap, BTreeSet};

/// Longest simulated image pull or application start-up, seconds.
pub const MAX_IMAGE_SECONDS: u32 = 3600;

/// The outcome of registering a scenario's task definitions.
#[derive(Debug, Clone, Default)]
pub struct Registration {
    /// The definitions ECS would accept, each with its revision.
    pub registered: Vec<RegisteredTaskDefinition>,
    /// Families of the definitions ECS would refuse. A reference to one of them is not also
    /// reported as not registered: the definition's own problems already explain it.
    pub refused_families: BTreeSet<String>,
    /// For each registered definition, its index in the document's `taskDefinitions` (to
    /// report what a layer above checks of it at its path).
    pub indexes: Vec<usize>,
}

/// Registers each definition in order: the first of a family is revision 1, the next 2, and so
/// on. A definition ECS would refuse is reported at `taskDefinitions[i]`, not registered, and
/// its family remembered (when it can be read) so [`find`] stays silent about it.
pub fn register(values: &[serde_json::Value], p: &mut Problems) -> Registration {
    let mut out = Registration::default();
    // Revisions registered so far per family (counting the earlier ones per definition was
    // quadratic: 1.9 million comparisons for 1,950 definitions).
    let mut revisions: BTreeMap<String, u32> = BTreeMap::new();
    for (i, value) in values.iter().enumerate() {
        let path = format!("taskDefinitions[{i}]");
        let td = match task_definition_from_value(value.clone()) {
            Ok((td, _shape)) => td,
            Err(problems) => {
                p.extend(problems.into_iter().map(|q| q.prefixed(&path)));
                out.refused_families.extend(written_family(value));
                continue;
            }
        };
        let problems = validate(&td);
        if !problems.is_empty() {
            p.extend(problems.into_iter().map(|q| q.prefixed(&path)));
            out.refused_families.extend(td.family);
            continue;
        }
        let family = td.family.clone().unwrap_or_default();
        let revision = revisions.entry(family.clone()).or_insert(0);
        *revision += 1;
        let revision = *revision;
        let needs = task_needs(&td);
        out.indexes.push(i);
        out.registered.push(RegisteredTaskDefinition {
            family,
            revision,
            definition: td,
            needs,
        });
    }
    out
}

/// The `family` string of a definition that could not be read, in either accepted shape
/// (register input, or describe output under `taskDefinition`).
fn written_family(value: &serde_json::Value) -> Option<String> {
    let td = value.get("taskDefinition").unwrap_or(value);
    td.get("family")?.as_str().map(str::to_string)
}

/// Checks the simulator's `images` key: pull and start-up times of at most an hour.
pub fn check_images(images: &BTreeMap<String, ImageBehaviour>, p: &mut Problems) {
    for (image, b) in images {
        let path = format!("images[\"{image}\"]");
        if b.pull_seconds.is_some_and(|s| s > MAX_IMAGE_SECONDS) {
            p.push(format!("{path}.pullSeconds"), "must be at most 3600");
        }
        if b.start_seconds.is_some_and(|s| s > MAX_IMAGE_SECONDS) {
            p.push(format!("{path}.startSeconds"), "must be at most 3600");
        }
        if b.error_percent.is_some_and(|e| e > 100) {
            p.push(
                format!("{path}.errorPercent"),
                "must be between 0 and 100 (percent of requests)",
            );
        }
    }
}

/// The registered revision `reference` names: `family` (the latest), `family:revision` or
/// `arn:aws:ecs:<region>:<account>:task-definition/family:revision`. Not found is reported at
/// `path` in DescribeTaskDefinition's words, unless a definition of that family was refused
/// (one cause, one message: its own problems say why nothing is registered).
pub fn find(
    path: &str,
    reference: &str,
    registered: &[RegisteredTaskDefinition],
    refused_families: &BTreeSet<String>,
    p: &mut Problems,
) -> Option<usize> {
    let short = reference
        .rsplit_once("task-definition/")
        .map_or(reference, |(_, s)| s);
    let (family, revision) = match short.split_once(':') {
        Some((f, r)) => match r.parse::<u32>() {
            Ok(r) => (f, Some(r)),
            Err(_) => {
                p.push(path, format!("Invalid revision number. Number: {r}"));
                return None;
            }
        },
        None => (short, None),
    };
    let found = registered
        .iter()
        .enumerate()
        .filter(|(_, t)| t.family == family && revision.is_none_or(|r| t.revision == r))
        .map(|(k, _)| k)
        .next_back();
    if found.is_none() && !refused_families.contains(family) {
        let mut message = "Unable to describe task definition.".to_string()
            + &format!(" No task definition '{reference}' is registered in this scenario.");
        // A revision copied from real describe output: the scenario numbers revisions itself.
        let revisions = registered.iter().filter(|t| t.family == family).count();
        let registers = match revisions {
            0 => None,
            1 => Some(format!("only {family}:1")),
            n => Some(format!("{family}:1 to {family}:{n}")),
        };
        if let Some(registers) = registers {
            message += &format!(
                " It registers {registers}: revisions are numbered by their order in taskDefinitions (a pasted definition's own revision is not kept)."
            );
        }
        p.push(path, message);
    }
    found
}
