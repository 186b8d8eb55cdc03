//! One line per ECS word the cluster view shows (task lifecycle states, container instance
//! statuses, placement strategies, capacity provider strategy fields, deployment settings),
//! with the Developer Guide page it comes from, so a student can hover or focus the word and
//! read what it means. Data only: the web's `Term` component draws it.

use crate::task::TaskStatus;

/// A glossary entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// The word as the page shows it (`RUNNING`, `binpack`, `FARGATE_SPOT` …).
    pub word: &'static str,
    /// What it means, in one line.
    pub line: &'static str,
    /// The Amazon ECS Developer Guide page it comes from.
    pub url: &'static str,
}

const DG: &str = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/";

macro_rules! term {
    ($word:expr, $page:expr, $line:expr) => {
        Term {
            word: $word,
            line: $line,
            url: concat!(
                "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/",
                $page
            ),
        }
    };
}

const LIFECYCLE: &str = "task-lifecycle-explanation.html";

/// Every entry, in the order a lesson meets them.
pub const GLOSSARY: &[Term] = &[
    term!("PROVISIONING", "task-lifecycle-explanation.html",
        "Before the task launches, ECS does extra steps: waits for capacity, attaches an awsvpc network interface, provisions Fargate."),
    term!("PENDING", "task-lifecycle-explanation.html",
        "ECS waits for the container agent to act: it pulls the images and starts the containers."),
    term!("ACTIVATING", "task-lifecycle-explanation.html",
        "Launched, doing steps before RUNNING: awsvpc network setup, load balancer target registration, service discovery."),
    term!("RUNNING", "task-lifecycle-explanation.html",
        "The task is running; it counts in the service's runningCount."),
    term!("DEACTIVATING", "task-lifecycle-explanation.html",
        "Stopping begins: the task is deregistered from its load balancer target groups (connection draining) first."),
    term!("STOPPING", "task-lifecycle-explanation.html",
        "The containers got SIGTERM; ECS waits for them to exit and sends SIGKILL after stopTimeout."),
    term!("DEPROVISIONING", "task-lifecycle-explanation.html",
        "The containers stopped; ECS cleans up, e.g. detaches the awsvpc network interface."),
    term!("STOPPED", "task-lifecycle-explanation.html",
        "The task has stopped and released its resources; stopCode and stoppedReason say why."),
    term!("ACTIVE", "container-instance-draining.html",
        "The container instance accepts new tasks."),
    term!("DRAINING", "container-instance-draining.html",
        "No new tasks are placed on the instance; its service tasks are replaced elsewhere within minimumHealthyPercent/maximumPercent."),
    term!("binpack", "task-placement-strategies.html",
        "Place the task on the instance with the least CPU or memory left that still fits it, to use fewer instances."),
    term!("spread", "task-placement-strategies.html",
        "Place tasks evenly over a field's values, e.g. attribute:ecs.availability-zone (the default for services) or instanceId."),
    term!("random", "task-placement-strategies.html",
        "Place the task on a random instance that satisfies its requirements."),
    term!("distinctInstance", "task-placement-constraints.html",
        "Place each task of the group on a different container instance."),
    term!("memberOf", "task-placement-constraints.html",
        "Place tasks only on instances that match a cluster query language expression."),
    term!("capacityProviderStrategy", "cluster-capacity-providers.html",
        "Which capacity providers a service's tasks go to, and in what proportions (base, then weight)."),
    term!("base", "cluster-capacity-providers.html",
        "The minimum number of tasks to run on this capacity provider; filled before weights apply. Only one provider may have one."),
    term!("weight", "cluster-capacity-providers.html",
        "This capacity provider's relative share of the tasks beyond the base."),
    term!("FARGATE", "fargate-capacity-providers.html",
        "The Fargate capacity provider: on-demand serverless capacity, no instances to manage."),
    term!("FARGATE_SPOT", "fargate-capacity-providers.html",
        "Spare Fargate capacity at a discount; AWS can take it back with a two-minute warning (SIGTERM), stopping the task."),
    term!("minimumHealthyPercent", "deployment-type-ecs.html",
        "During a rolling update, the lower limit on RUNNING (healthy) tasks, as a percentage of desiredCount (rounded up)."),
    term!("maximumPercent", "deployment-type-ecs.html",
        "During a rolling update, the upper limit on RUNNING or PENDING tasks, as a percentage of desiredCount (rounded down)."),
    term!("circuit breaker", "deployment-circuit-breaker.html",
        "Fails a rolling deployment whose tasks keep failing to reach RUNNING (threshold: half of desiredCount, 3 to 200), optionally rolling back."),
];

/// The entry for `word` (exact spelling first, then ignoring case), if the glossary has it.
pub fn lookup(word: &str) -> Option<&'static Term> {
    GLOSSARY
        .iter()
        .find(|t| t.word == word)
        .or_else(|| GLOSSARY.iter().find(|t| t.word.eq_ignore_ascii_case(word)))
}

/// The entry for a task lifecycle state (every state has one).
pub fn task_status(s: TaskStatus) -> Option<&'static Term> {
    lookup(s.as_str())
}

/// Whether a URL is a page of the Developer Guide, as every entry's must be.
pub fn is_developer_guide(url: &str) -> bool {
    url.starts_with(DG) && url.ends_with(".html")
}

/// The lifecycle page, for the tooltip of a status the glossary lacks.
pub fn lifecycle_url() -> String {
    format!("{DG}{LIFECYCLE}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATES: [TaskStatus; 8] = [
        TaskStatus::Provisioning,
        TaskStatus::Pending,
        TaskStatus::Activating,
        TaskStatus::Running,
        TaskStatus::Deactivating,
        TaskStatus::Stopping,
        TaskStatus::Deprovisioning,
        TaskStatus::Stopped,
    ];

    /// Fails to compile when a state is added without adding it to `STATES`.
    #[allow(dead_code)]
    fn states_are_complete(s: TaskStatus) -> usize {
        match s {
            TaskStatus::Provisioning
            | TaskStatus::Pending
            | TaskStatus::Activating
            | TaskStatus::Running
            | TaskStatus::Deactivating
            | TaskStatus::Stopping
            | TaskStatus::Deprovisioning
            | TaskStatus::Stopped => STATES.len(),
        }
    }

    #[test]
    fn every_term_has_a_developer_guide_url_and_one_short_line() {
        for t in GLOSSARY {
            assert!(
                t.url.starts_with("https://docs.aws.amazon.com/"),
                "{}",
                t.word
            );
            assert!(is_developer_guide(t.url), "{}: {}", t.word, t.url);
            assert!(!t.line.contains('\n') && t.line.len() <= 160, "{}", t.word);
            assert!(t.line.ends_with('.'), "{}", t.word);
        }
    }

    #[test]
    fn every_lifecycle_state_is_covered_by_the_task_lifecycle_page() {
        for s in STATES {
            let t = task_status(s).unwrap_or_else(|| panic!("{s:?} has no entry"));
            assert_eq!(t.word, s.as_str());
            assert_eq!(t.url, lifecycle_url());
        }
    }

    #[test]
    fn words_are_unique_and_found_ignoring_case() {
        for (i, a) in GLOSSARY.iter().enumerate() {
            for b in &GLOSSARY[i + 1..] {
                assert!(!a.word.eq_ignore_ascii_case(b.word), "{} twice", a.word);
            }
        }
        assert_eq!(lookup("BINPACK").map(|t| t.word), Some("binpack"));
        assert_eq!(lookup("fargate_spot").map(|t| t.word), Some("FARGATE_SPOT"));
        assert_eq!(
            lookup("Circuit Breaker").map(|t| t.word),
            Some("circuit breaker")
        );
        assert!(
            lookup("LAUNCHING").is_none(),
            "the playground's own word is not ECS's"
        );
    }

    /// Every literal word the web crate passes to `Term` (`<Term word="…"`) has an entry: a
    /// word without one would be drawn as plain text, silently losing its explanation.
    #[test]
    fn every_word_the_page_passes_to_term_has_an_entry() {
        let web = format!("{}/../web/src", env!("CARGO_MANIFEST_DIR"));
        let mut found = 0;
        let mut dirs = vec![std::path::PathBuf::from(web)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for part in text.split("<Term word=\"").skip(1) {
                    let word = part.split('"').next().unwrap_or_default();
                    assert!(
                        lookup(word).is_some(),
                        "{}: <Term word=\"{word}\">",
                        path.display()
                    );
                    found += 1;
                }
            }
        }
        assert!(
            found >= 3,
            "only {found} literal Term words found: did the component move?"
        );
    }

    #[test]
    fn the_instance_statuses_and_strategies_the_view_shows_are_covered() {
        for w in [
            "ACTIVE",
            "DRAINING",
            "binpack",
            "spread",
            "random",
            "distinctInstance",
            "memberOf",
            "base",
            "weight",
            "FARGATE",
            "FARGATE_SPOT",
            "minimumHealthyPercent",
            "maximumPercent",
            "circuit breaker",
        ] {
            assert!(lookup(w).is_some(), "{w}");
        }
    }
}
