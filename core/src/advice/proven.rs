//! Proven advice: what the run did, from [`super::facts::RunFacts`], one finding per service
//! and rule with the first time, the log event and how often.

use super::facts::{Fact, RunFacts};
use super::{quoted, Advice, Evidence};
use crate::time::clock;

/// The proven findings; `services` are the service names in model order.
pub fn check(facts: &RunFacts, services: &[String]) -> Vec<Advice> {
    let mut out = Vec::new();
    let kinds: [(&'static str, &[Fact], &str); 5] = [
        (
            "stopped-during-start-up",
            &facts.stopped_during_start_up,
            "did stop {n} task(s) as unhealthy before their start-up finished",
        ),
        (
            "deployment-blocked",
            &facts.deployment_blocked,
            "did block a deployment {n} time(s): the bounds left no task to stop or start",
        ),
        (
            "spot-interruption-below-desired",
            &facts.spot_below_desired,
            "did run below its desired count after {n} Fargate Spot interruption(s)",
        ),
        (
            "container-out-of-memory",
            &facts.out_of_memory,
            "did lose {n} task(s) to a container using more memory than its limit (exit code 137)",
        ),
        (
            "essential-container-exited",
            &facts.exited_while_running,
            "did lose {n} RUNNING task(s) to an essential container that exited, and replaced each",
        ),
    ];
    for (rule, list, text) in kinds {
        for (s, name) in services.iter().enumerate() {
            let mine: Vec<&Fact> = list.iter().filter(|f| f.service == s).collect();
            let Some(first) = mine.first() else {
                continue;
            };
            let n = u32::try_from(mine.len()).unwrap_or(u32::MAX);
            out.push(Advice {
                rule,
                path: format!("services[{s}]"),
                message: format!(
                    "service {} {}, first at {} (log event #{})",
                    quoted(name),
                    text.replace("{n}", &n.to_string()),
                    clock(first.at),
                    first.log_index
                ),
                evidence: Some(Evidence {
                    at: first.at,
                    log_index: first.log_index,
                    count: n,
                }),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_finding_per_service_with_its_first_time_and_count() {
        let f = |at, service, log_index| Fact {
            at,
            service,
            log_index,
        };
        let facts = RunFacts {
            stopped_during_start_up: vec![f(190_000, 1, 40), f(250_000, 1, 55)],
            deployment_blocked: vec![],
            spot_below_desired: vec![f(60_000, 0, 7)],
            out_of_memory: vec![f(20_000, 0, 3), f(50_000, 0, 9), f(80_000, 0, 14)],
            exited_while_running: vec![f(30_000, 1, 5)],
        };
        let a = check(&facts, &["worker".into(), "web".into()]);
        assert_eq!(a.len(), 4);
        assert_eq!(
            a[3].message,
            "service web did lose 1 RUNNING task(s) to an essential container that exited, and replaced each, first at 0:00:30 (log event #5)"
        );
        assert_eq!(a[0].rule, "stopped-during-start-up");
        assert_eq!(a[0].path, "services[1]");
        assert_eq!(
            a[0].message,
            "service web did stop 2 task(s) as unhealthy before their start-up finished, first at 0:03:10 (log event #40)"
        );
        assert_eq!(a[0].evidence.map(|e| e.count), Some(2));
        assert_eq!(a[1].rule, "spot-interruption-below-desired");
        assert_eq!(a[2].rule, "container-out-of-memory");
        assert_eq!(
            a[2].message,
            "service worker did lose 3 task(s) to a container using more memory than its limit (exit code 137), first at 0:00:20 (log event #3)"
        );
        assert!(check(&RunFacts::default(), &["x".into()]).is_empty());
    }
}
