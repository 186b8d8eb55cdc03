//! The scenario's problems that a task definition causes where it is used (issue #14): a
//! definition can be valid on its own while the services and tasks that run it are not (a
//! bridge, EC2-only definition under a FARGATE service; an awsvpc one without subnets). The
//! editor shows these at the definition instead of "No problems".

use super::form::{family_of, resolve_reference};
use crate::form::value::{array, text};
use crate::problem::Problem;
use serde_json::Value;

/// The keys of a service's entries that name a container or a port of its task definition:
/// a problem there (`The container nginx did not have a container port 80 defined.`) is the
/// definition's as much as the service's. Lesson 2's walkthrough of 2026-12-06 found the tab
/// saying "No problems" beside a `loadBalancers[0].containerPort` problem its edit had made.
/// (`serviceRegistries` is left out: its problems there are mostly about the entry's own shape,
/// "containerName needs a containerPort", which no edit of the definition fixes: review.)
const CONTAINER_KEYS: [(&str, &[&str]); 2] = [
    ("loadBalancers", &["containerName", "containerPort"]),
    ("serviceConnectConfiguration.services", &["portName"]),
];

/// The problems among `problems` at the `taskDefinition`, `launchType` or
/// `networkConfiguration` of a service or standalone task that runs a revision of `family`, at
/// a container name or port its entries name ([`CONTAINER_KEYS`]), or at that service or task
/// as a whole ("Network Configuration must be provided when networkMode 'awsvpc' is specified"
/// is reported at `services[k]`), in the order given.
pub fn caused_by_family(doc: &Value, problems: &[Problem], family: &str) -> Vec<Problem> {
    let mut wholes = Vec::new();
    let mut prefixes = Vec::new();
    for list in ["services", "tasks"] {
        for (k, user) in array(doc, list).iter().enumerate() {
            let runs_it = resolve_reference(doc, &text(user, "taskDefinition"))
                .and_then(|index| array(doc, "taskDefinitions").get(index))
                .is_some_and(|td| family_of(td) == family);
            if runs_it {
                wholes.push(format!("{list}[{k}]"));
                for key in ["taskDefinition", "launchType", "networkConfiguration"] {
                    prefixes.push(format!("{list}[{k}].{key}"));
                }
            }
        }
    }
    problems
        .iter()
        .filter(|p| {
            wholes.contains(&p.path)
                || prefixes.iter().any(|prefix| {
                    p.path
                        .strip_prefix(prefix.as_str())
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
                })
                || wholes.iter().any(|user| {
                    p.path
                        .strip_prefix(user.as_str())
                        .and_then(|rest| rest.strip_prefix('.'))
                        .is_some_and(names_a_container)
                })
        })
        .cloned()
        .collect()
}

/// Whether a path inside a service (`loadBalancers[0].containerPort`) is one of
/// [`CONTAINER_KEYS`].
fn names_a_container(rest: &str) -> bool {
    CONTAINER_KEYS.iter().any(|(list, keys)| {
        rest.strip_prefix(list)
            .and_then(|r| r.strip_prefix('['))
            .and_then(|r| r.split_once("]."))
            .is_some_and(|(index, key)| {
                !index.is_empty()
                    && index.bytes().all(|b| b.is_ascii_digit())
                    && keys.contains(&key)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::test_support::{doc as scenario, DEFAULT_SCENARIO};

    // Blame for problems resolve really reports: `scenario/tests/forms_service.rs`.

    #[test]
    fn only_whole_keys_match_not_longer_indexes() {
        let d = scenario(DEFAULT_SCENARIO);
        // services[1] runs api; a problem at services[10] must not be blamed on api.
        let problems = vec![
            Problem::new("services[10].taskDefinition", "x"),
            Problem::new("services[1].taskDefinitionX", "y"),
            Problem::new(
                "services[1].networkConfiguration.awsvpcConfiguration.subnets[0]",
                "z",
            ),
        ];
        let api = caused_by_family(&d, &problems, "api");
        assert_eq!(api.len(), 1);
        assert_eq!(api[0].message, "z");
    }

    #[test]
    fn a_problem_at_the_whole_service_that_runs_it_is_shown_too() {
        // Lesson 2: switching the definition to awsvpc leaves its service without a network
        // configuration, reported at `services[k]`; the editor said "No problems" (student
        // walkthrough, 2026-12-05).
        let d = scenario(DEFAULT_SCENARIO);
        let problems = vec![
            Problem::new("services[1]", "Network Configuration must be provided"),
            Problem::new("services[10]", "not api's"),
        ];
        let api = caused_by_family(&d, &problems, "api");
        assert_eq!(api.len(), 1);
        assert_eq!(api[0].path, "services[1]");
    }

    #[test]
    fn a_container_name_or_port_its_service_names_is_shown_too() {
        // Lesson 2: `"portMappings": []` left `loadBalancers[0].containerPort` naming a port
        // the definition no longer has; the tab said "No problems" (student walkthrough).
        let d = scenario(DEFAULT_SCENARIO);
        let problems = vec![
            Problem::new("services[1].loadBalancers[0].containerPort", "no port 80"),
            Problem::new(
                "services[1].serviceRegistries[0].containerName",
                "the entry's own shape",
            ),
            Problem::new(
                "services[1].serviceConnectConfiguration.services[0].portName",
                "no port name",
            ),
            Problem::new(
                "services[1].loadBalancers[0].targetGroupArn",
                "not the definition's",
            ),
            Problem::new(
                "services[1].serviceConnectConfiguration.namespace",
                "not the definition's",
            ),
            Problem::new("services[10].loadBalancers[0].containerPort", "not api's"),
        ];
        let api = caused_by_family(&d, &problems, "api");
        let messages: Vec<&str> = api.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(messages, ["no port 80", "no port name"]);
    }
}
