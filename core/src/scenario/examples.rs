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

/// The example with `id`, if there is one: the Examples menu opens it by id, and tests read
/// one by name.
pub fn example(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
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
        id: "init-containers",
        json: include_str!("examples/init-containers.json"),
    },
    Example {
        id: "zone-outage",
        json: include_str!("examples/zone-outage.json"),
    },
    Example {
        id: "rolling-circuit-breaker",
        json: include_str!("examples/rolling-circuit-breaker.json"),
    },
    Example {
        id: "alb-health-rollback",
        json: include_str!("examples/alb-health-rollback.json"),
    },
    Example {
        id: "canary",
        json: include_str!("examples/canary.json"),
    },
    Example {
        id: "blue-green-codedeploy",
        json: include_str!("examples/blue-green-codedeploy.json"),
    },
    Example {
        id: "target-tracking-spike",
        json: include_str!("examples/target-tracking-spike.json"),
    },
    Example {
        id: "step-scaling-schedule",
        json: include_str!("examples/step-scaling-schedule.json"),
    },
    Example {
        id: "fargate-spot-interruptions",
        json: include_str!("examples/fargate-spot-interruptions.json"),
    },
    Example {
        id: "cloud-map-vs-service-connect",
        json: include_str!("examples/cloud-map-vs-service-connect.json"),
    },
];

impl Example {
    /// The scenario's `name`, for the menu.
    pub fn title(&self) -> String {
        super::heading::heading(self.json)
            .name
            .unwrap_or_else(|| self.id.to_string())
    }
}
