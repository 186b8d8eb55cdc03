//! Container dependencies (API ContainerDependency): targets exist, conditions fit the target,
//! no cycles.

use super::{container_path, name_of, Problem, TaskDefinition};
use crate::taskdef::container_dependency::DependencyCondition;
use std::collections::{BTreeMap, BTreeSet};

pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    let containers = td.containers();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, c) in containers.iter().enumerate() {
        if let Some(n) = c.name.as_deref() {
            index.entry(n).or_insert(i);
        }
    }
    // edges[i] = (target index, dependsOn index) for valid targets only.
    let mut edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); containers.len()];
    for (i, c) in containers.iter().enumerate() {
        for (j, dep) in c.depends_on.iter().flatten().enumerate() {
            let at = format!("{}.dependsOn[{j}]", container_path(i));
            let Some(&t) = index.get(dep.container_name.as_str()) else {
                out.push(Problem::new(
                    format!("{at}.containerName"),
                    format!(
                        "Container '{}' in dependsOn does not exist in this task definition.",
                        dep.container_name
                    ),
                ));
                continue;
            };
            if t == i {
                out.push(Problem::new(
                    format!("{at}.containerName"),
                    format!(
                        "Container '{}' cannot depend on itself.",
                        dep.container_name
                    ),
                ));
                continue;
            }
            let target = &containers[t];
            match dep.condition {
                DependencyCondition::Healthy if target.health_check.is_none() => out.push(Problem::new(
                    format!("{at}.condition"),
                    format!("Condition HEALTHY requires container '{}' to have a healthCheck.", dep.container_name),
                )),
                DependencyCondition::Complete | DependencyCondition::Success if target.is_essential() => {
                    out.push(Problem::new(
                        format!("{at}.condition"),
                        format!(
                            "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container: container '{}' is essential (set \"essential\": false on it, or wait for START or HEALTHY)",
                            dep.container_name
                        ),
                    ))
                }
                _ => {}
            }
            edges[i].push((t, j));
        }
    }
    report_cycles(td, &edges, out);
}

/// Depth-first search; each cycle is reported once, at the dependsOn entry that closes it.
fn report_cycles(td: &TaskDefinition, edges: &[Vec<(usize, usize)>], out: &mut Vec<Problem>) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnStack,
        Done,
    }
    let mut marks = vec![Mark::New; edges.len()];
    let mut seen: BTreeSet<Vec<usize>> = BTreeSet::new();
    for start in 0..edges.len() {
        if marks[start] != Mark::New {
            continue;
        }
        // Iterative DFS: stack of (node, next edge position).
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        marks[start] = Mark::OnStack;
        while let Some(&mut (node, ref mut pos)) = stack.last_mut() {
            if let Some(&(target, j)) = edges[node].get(*pos) {
                *pos += 1;
                match marks[target] {
                    Mark::New => {
                        marks[target] = Mark::OnStack;
                        stack.push((target, 0));
                    }
                    Mark::OnStack => {
                        let from = stack.iter().position(|(n, _)| *n == target).unwrap_or(0);
                        let cycle: Vec<usize> = stack[from..].iter().map(|(n, _)| *n).collect();
                        let mut canon = cycle.clone();
                        crate::order::sort(&mut canon);
                        if seen.insert(canon) {
                            let mut names: Vec<&str> =
                                cycle.iter().map(|n| name_of(td, *n)).collect();
                            names.push(name_of(td, target));
                            out.push(Problem::new(
                                format!("{}.dependsOn[{j}]", container_path(node)),
                                format!("Circular container dependency: {}.", names.join(" -> ")),
                            ));
                        }
                    }
                    Mark::Done => {}
                }
            } else {
                marks[node] = Mark::Done;
                stack.pop();
            }
        }
    }
}
