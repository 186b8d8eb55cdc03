//! Built-in example scenarios, each teaching one ECS rule, for the playground's Examples menu
//! (like TypeScript Playground's examples). Every one is valid (tested).

/// An example scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    /// A stable identifier.
    pub id: &'static str,
    /// The scenario JSON (its `name` is the title shown in the menu).
    pub json: &'static str,
}

/// The examples, in menu order; the first is the default scenario.
pub const EXAMPLES: &[Example] = &[
    Example {
        id: "default",
        json: include_str!("examples/default.json"),
    },
    Example {
        id: "host-ports",
        json: include_str!("examples/host-ports.json"),
    },
    Example {
        id: "awsvpc-eni-limits",
        json: include_str!("examples/awsvpc-eni-limits.json"),
    },
    Example {
        id: "fargate-spot-strategy",
        json: include_str!("examples/fargate-spot-strategy.json"),
    },
    Example {
        id: "bad-release",
        json: include_str!("examples/bad-release.json"),
    },
    Example {
        id: "zone-outage",
        json: include_str!("examples/zone-outage.json"),
    },
];

impl Example {
    /// The scenario's `name`, for the menu.
    pub fn title(&self) -> String {
        serde_json::from_str::<serde_json::Value>(self.json)
            .ok()
            .and_then(|v| v.get("name").and_then(|n| n.as_str()).map(str::to_string))
            .unwrap_or_else(|| self.id.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Sim;

    #[test]
    fn every_example_is_valid_and_titled() {
        for e in EXAMPLES {
            assert!(
                Sim::from_json(e.json).is_ok(),
                "{}: {:?}",
                e.id,
                Sim::from_json(e.json).err()
            );
            assert_ne!(e.title(), e.id, "{} has a name", e.id);
        }
        assert_eq!(EXAMPLES[0].json, super::super::DEFAULT_SCENARIO_JSON);
    }

    #[test]
    fn examples_show_what_they_say() {
        let run = |id: &str, secs: u64| {
            let e = EXAMPLES.iter().find(|e| e.id == id).unwrap();
            let mut sim = Sim::from_json(e.json).unwrap();
            sim.run_until(secs * 1000);
            sim
        };
        // Host mode, port 80: 3 of 5 run (one per instance).
        let s = run("host-ports", 60).snapshot();
        assert_eq!(
            (s.services[0].running_count, s.services[0].waiting_count),
            (3, 2)
        );
        // c5.large without trunking: 2 awsvpc tasks per instance, 4 of 6 run.
        let s = run("awsvpc-eni-limits", 60).snapshot();
        assert_eq!(
            (s.services[0].running_count, s.services[0].waiting_count),
            (4, 2)
        );
        // FARGATE base 2 weight 1 + FARGATE_SPOT weight 3 → 4 + 6.
        let s = run("fargate-spot-strategy", 120).snapshot();
        assert_eq!(s.services[0].by_capacity_provider.get("FARGATE"), Some(&4));
        assert_eq!(
            s.services[0].by_capacity_provider.get("FARGATE_SPOT"),
            Some(&6)
        );
        // The image that cannot be pulled ends up throttled.
        let sim = run("bad-release", 600);
        assert!(sim
            .log()
            .iter()
            .any(|e| e.text
                == "(service payments) is unable to consistently start tasks successfully."));
        // After the outage the service is back at 6 outside us-east-1a.
        let s = run("zone-outage", 300).snapshot();
        assert_eq!(s.services[0].running_count, 6);
        assert_eq!(s.services[0].by_zone.get("us-east-1a"), None);
    }
}
