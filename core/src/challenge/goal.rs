//! A goal as written ([`GoalSpec`]) and as checked ([`Goal`]): what is measured, over which
//! time, and the bound it must keep. Goals are declarative — forms can build them and a run
//! decides them; there is no code in a challenge.

use super::caps;
use crate::problem::Problem;
use crate::time::{clock, Millis};
use serde::{Deserialize, Serialize};

/// What a goal measures (`measure` in the document).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MeasureName {
    /// A service's RUNNING tasks (optionally only on `capacityProvider`, in `zone` or on
    /// instances of `instanceType`).
    Running,
    /// A service's tasks that count as healthy for its deployment (RUNNING, and HEALTHY where
    /// a container health check or a load balancer says so; otherwise RUNNING for 40 s).
    Healthy,
    /// A service's tasks in PROVISIONING, PENDING or ACTIVATING.
    Pending,
    /// A service's desiredCount.
    Desired,
    /// Tasks a service wanted to start and could place nowhere (the simulator's count).
    Unplaced,
    /// `rolloutState` of the service's PRIMARY deployment (`equals`: IN_PROGRESS, COMPLETED,
    /// FAILED).
    RolloutState,
    /// The most RUNNING tasks of the service on any one container instance.
    TasksPerInstance,
    /// Availability Zones holding at least one RUNNING task of the service.
    ZonesWithTasks,
    /// Registered container instances (optionally of one `capacityProvider`).
    Instances,
    /// What the whole run costs per hour now, in US dollars.
    CostPerHour,
    /// A CloudWatch metric of the service over the window (`metric`, `statistic`).
    Metric,
    /// "unable to place a task" service events in the window (of `service`, or any).
    UnableToPlaceEvents,
    /// Deployments the circuit breaker started to roll back, in the window.
    Rollbacks,
    /// What the run has cost by the end of the window, in US dollars.
    CostTotal,
    /// Best-practice findings of advice rule `rule` at the end of the run.
    Advice,
}

impl MeasureName {
    /// Whether the measure is a state sampled through the run (with `when`) rather than a
    /// figure over a window.
    pub fn is_state(self) -> bool {
        !matches!(
            self,
            Self::Metric
                | Self::UnableToPlaceEvents
                | Self::Rollbacks
                | Self::CostTotal
                | Self::Advice
        )
    }

    /// Whether the measure is about one service (and needs `service`).
    pub fn needs_service(self) -> bool {
        !matches!(
            self,
            Self::Instances
                | Self::CostPerHour
                | Self::CostTotal
                | Self::Advice
                | Self::UnableToPlaceEvents
        )
    }
}

/// When a state goal must hold (`when` in the document).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum WhenName {
    /// At the instant `at`.
    At,
    /// At every instant from `from` to `to`.
    Always,
    /// At some instant from `from` until `by`.
    Eventually,
}

/// A CloudWatch statistic over the window's one-minute datapoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Statistic {
    /// The largest datapoint.
    Maximum,
    /// The smallest datapoint.
    Minimum,
    /// The sum of the datapoints.
    Sum,
    /// The mean of the datapoints.
    Average,
}

/// One goal as written in a challenge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GoalSpec {
    /// Identifier within the challenge (lowercase letters, digits, `-`).
    pub id: String,
    /// The goal's sentence; written from the other fields when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// What is measured.
    pub measure: MeasureName,
    /// The service (`serviceName`) for service measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// Only tasks (or instances) of this capacity provider (`running`, `instances`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_provider: Option<String>,
    /// Only tasks in this Availability Zone (`running`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Only tasks on container instances of this instance type (`running`), e.g. `r5.large`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_type: Option<String>,
    /// The CloudWatch metric name (`metric`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    /// The statistic over the window (`metric`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistic: Option<Statistic>,
    /// The advice rule ID (`advice`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// When a state measure must hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<WhenName>,
    /// The instant, seconds (`when: at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<u64>,
    /// Start of the window, seconds (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<u64>,
    /// End of the window, seconds (`always` and window measures; default the horizon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<u64>,
    /// Deadline, seconds (`when: eventually`; default the horizon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<u64>,
    /// The measure must be at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<f64>,
    /// The measure must be at most this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<f64>,
    /// The measure must equal this (a number, or a text such as `COMPLETED`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<serde_json::Value>,
    /// Another goal's `id`: this goal counts as met only once that one is met. A cost bound is
    /// met by a run in which nothing runs, and lesson 1's crash loop read "1 of 2 goals met"
    /// (presenter walkthrough, 2026-12-07).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs: Option<String>,
}

/// When a resolved goal is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// At one instant.
    At(Millis),
    /// At every instant of `[from, to]`.
    Always(Millis, Millis),
    /// At some instant of `[from, by]`.
    Eventually(Millis, Millis),
    /// Over the window `[from, to]` (window measures).
    Window(Millis, Millis),
}

impl When {
    /// The instants the run must stop at so the goal is decided exactly.
    pub fn checkpoints(self) -> [Millis; 2] {
        match self {
            When::At(t) => [t, t],
            When::Always(a, b) | When::Eventually(a, b) | When::Window(a, b) => [a, b],
        }
    }

    /// The last instant that can change the verdict.
    pub fn end(self) -> Millis {
        self.checkpoints()[1]
    }

    /// The time phrase of the goal's sentence.
    pub fn phrase(self) -> String {
        match self {
            When::At(t) => format!("at {}", clock(t)),
            When::Always(0, b) => format!("at all times until {}", clock(b)),
            When::Always(a, b) => format!("at all times from {} to {}", clock(a), clock(b)),
            When::Eventually(0, b) => format!("by {}", clock(b)),
            When::Eventually(a, b) => format!("at some time from {} to {}", clock(a), clock(b)),
            When::Window(0, b) => format!("until {}", clock(b)),
            When::Window(a, b) => format!("from {} to {}", clock(a), clock(b)),
        }
    }
}

/// The bound a goal's value must keep.
#[derive(Debug, Clone, PartialEq)]
pub enum Bound {
    /// Between the two (either may be open).
    Range {
        /// At least.
        at_least: Option<f64>,
        /// At most.
        at_most: Option<f64>,
    },
    /// Equal to a number.
    Number(f64),
    /// Equal to a text (`COMPLETED`).
    Text(String),
}

/// A value a measure read.
#[derive(Debug, Clone, PartialEq)]
pub enum Observed {
    /// A count, a percentage, dollars.
    Number(f64),
    /// A state name.
    Text(&'static str),
}

impl Bound {
    /// Whether `v` keeps the bound.
    pub fn holds(&self, v: &Observed) -> bool {
        match (self, v) {
            (Bound::Range { at_least, at_most }, Observed::Number(x)) => {
                at_least.is_none_or(|l| *x >= l) && at_most.is_none_or(|m| *x <= m)
            }
            (Bound::Number(n), Observed::Number(x)) => x == n,
            (Bound::Text(t), Observed::Text(x)) => t == x,
            _ => false,
        }
    }

    /// How far `v` is from keeping the bound (0 when it does), to report the closest miss of an
    /// `eventually` goal.
    pub fn distance(&self, v: &Observed) -> f64 {
        match (self, v) {
            (Bound::Range { at_least, at_most }, Observed::Number(x)) => {
                let below = at_least.map_or(0.0, |l| (l - x).max(0.0));
                let above = at_most.map_or(0.0, |m| (x - m).max(0.0));
                below + above
            }
            (Bound::Number(n), Observed::Number(x)) => (x - n).abs(),
            _ => {
                if self.holds(v) {
                    0.0
                } else {
                    1.0
                }
            }
        }
    }
}

/// A goal ready to check: names resolved against the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    /// Its identifier.
    pub id: String,
    /// Its sentence.
    pub sentence: String,
    /// What it measures.
    pub measure: MeasureName,
    /// The service index in the scenario's services (service measures; `None` = any).
    pub service: Option<usize>,
    /// The service's name, for messages.
    pub service_name: String,
    /// Capacity provider filter.
    pub capacity_provider: Option<String>,
    /// Zone filter.
    pub zone: Option<String>,
    /// Instance type filter.
    pub instance_type: Option<String>,
    /// The metric (`metric`).
    pub metric: Option<crate::metrics::MetricName>,
    /// The statistic (`metric`).
    pub statistic: Statistic,
    /// The advice rule (`advice`).
    pub rule: String,
    /// When it is decided.
    pub when: When,
    /// The bound.
    pub bound: Bound,
    /// The goal that must be met for this one to count ([`GoalSpec::needs`]).
    pub needs: Option<String>,
}

/// Resolves a goal against the scenario's service names and the horizon, with a problem at
/// `goals[k].<field>` for anything that cannot be checked.
pub fn resolve_goal(
    spec: &GoalSpec,
    k: usize,
    services: &[String],
    horizon: Millis,
    problems: &mut Vec<Problem>,
) -> Option<Goal> {
    let at = |field: &str| format!("goals[{k}].{field}");
    let before = problems.len();
    if !valid_id(&spec.id) {
        problems.push(Problem::new(
            at("id"),
            "use 1 to 64 lowercase letters, digits and '-'",
        ));
    }
    if spec.text.chars().count() > caps::GOAL_TEXT {
        problems.push(Problem::new(
            at("text"),
            format!("longer than {} characters", caps::GOAL_TEXT),
        ));
    }
    let m = spec.measure;
    let service = match (&spec.service, m.needs_service()) {
        (Some(name), _) => match services.iter().position(|s| s == name) {
            Some(s) => Some(s),
            None => {
                problems.push(Problem::new(
                    at("service"),
                    format!(
                        "there is no service named '{}' in the scenario",
                        super::caps::cut(name, 60)
                    ),
                ));
                None
            }
        },
        (None, true) => {
            problems.push(Problem::new(
                at("service"),
                "this measure is about one service: name it (serviceName)",
            ));
            None
        }
        (None, false) => None,
    };
    let horizon_s = horizon / 1000;
    let secs = |field: &str, v: Option<u64>, default: u64, problems: &mut Vec<Problem>| {
        let v = v.unwrap_or(default);
        if v > horizon_s {
            problems.push(Problem::new(
                at(field),
                format!("{v} s is after the horizon ({horizon_s} s)"),
            ));
        }
        v.min(horizon_s) * 1000
    };
    let when = if m.is_state() {
        match spec.when {
            None => {
                problems.push(Problem::new(
                    at("when"),
                    "say when the goal must hold: \"at\", \"always\" or \"eventually\"",
                ));
                When::At(horizon)
            }
            Some(WhenName::At) => match spec.at {
                Some(t) => When::At(secs("at", Some(t), 0, problems)),
                None => {
                    problems.push(Problem::new(
                        at("at"),
                        "\"when\": \"at\" needs \"at\" (seconds)",
                    ));
                    When::At(horizon)
                }
            },
            Some(WhenName::Always) => When::Always(
                secs("from", spec.from, 0, problems),
                secs("to", spec.to, horizon_s, problems),
            ),
            Some(WhenName::Eventually) => When::Eventually(
                secs("from", spec.from, 0, problems),
                secs("by", spec.by, horizon_s, problems),
            ),
        }
    } else {
        if spec.when.is_some() {
            problems.push(Problem::new(
                at("when"),
                "this measure is a figure over a window: give \"from\" and \"to\", not \"when\"",
            ));
        }
        if m == MeasureName::Advice && spec.to.is_some_and(|t| t != horizon_s) {
            problems.push(Problem::new(
                at("to"),
                "advice is read at the end of the run",
            ));
        }
        When::Window(
            secs("from", spec.from, 0, problems),
            secs("to", spec.to, horizon_s, problems),
        )
    };
    let [a, b] = when.checkpoints();
    if a > b {
        problems.push(Problem::new(at("from"), "the window ends before it starts"));
    }
    let bound = match (spec.at_least, spec.at_most, &spec.equals) {
        (None, None, None) => {
            problems.push(Problem::new(
                at("measure"),
                "give a bound: \"atLeast\", \"atMost\" or \"equals\"",
            ));
            None
        }
        (l, mx, None)
            if l.is_some_and(|x| !x.is_finite()) || mx.is_some_and(|x| !x.is_finite()) =>
        {
            problems.push(Problem::new(at("atLeast"), "not a finite number"));
            None
        }
        (l, mx, None) => Some(Bound::Range {
            at_least: l,
            at_most: mx,
        }),
        (None, None, Some(v)) => match (v.as_f64(), v.as_str()) {
            (Some(n), _) => Some(Bound::Number(n)),
            (None, Some(t)) if m == MeasureName::RolloutState => {
                if ["IN_PROGRESS", "COMPLETED", "FAILED"].contains(&t) {
                    Some(Bound::Text(t.to_string()))
                } else {
                    problems.push(Problem::new(
                        at("equals"),
                        "rolloutState is IN_PROGRESS, COMPLETED or FAILED",
                    ));
                    None
                }
            }
            _ => {
                problems.push(Problem::new(at("equals"), "expected a number"));
                None
            }
        },
        _ => {
            problems.push(Problem::new(
                at("equals"),
                "\"equals\" cannot be combined with \"atLeast\" or \"atMost\"",
            ));
            None
        }
    };
    if m == MeasureName::RolloutState && !matches!(bound, Some(Bound::Text(_)) | None) {
        problems.push(Problem::new(
            at("equals"),
            "rolloutState is compared with \"equals\": IN_PROGRESS, COMPLETED or FAILED",
        ));
    }
    let metric = match (m, &spec.metric) {
        (MeasureName::Metric, Some(name)) => {
            let found = crate::metrics::MetricName::named(name);
            if found.is_none() {
                problems.push(Problem::new(
                    at("metric"),
                    format!(
                        "not a metric the simulator publishes; one of {}",
                        crate::metrics::MetricName::ALL
                            .map(|x| x.as_str())
                            .join(", ")
                    ),
                ));
            }
            found
        }
        (MeasureName::Metric, None) => {
            problems.push(Problem::new(at("metric"), "name the CloudWatch metric"));
            None
        }
        (_, Some(_)) => {
            problems.push(Problem::new(
                at("metric"),
                "only the \"metric\" measure reads a metric",
            ));
            None
        }
        _ => None,
    };
    if m == MeasureName::Metric && spec.statistic.is_none() {
        problems.push(Problem::new(
            at("statistic"),
            "give the statistic: maximum, minimum, sum or average",
        ));
    }
    let rule = match (m, &spec.rule) {
        (MeasureName::Advice, Some(r)) => {
            if !crate::advice::catalogue::RULES.iter().any(|x| x.id == r) {
                problems.push(Problem::new(
                    at("rule"),
                    "not an advice rule ID of this playground",
                ));
            }
            r.clone()
        }
        (MeasureName::Advice, None) => {
            problems.push(Problem::new(at("rule"), "name the advice rule (its ID)"));
            String::new()
        }
        (_, Some(_)) => {
            problems.push(Problem::new(
                at("rule"),
                "only the \"advice\" measure reads a rule",
            ));
            String::new()
        }
        _ => String::new(),
    };
    if spec.zone.is_some() && m != MeasureName::Running {
        problems.push(Problem::new(at("zone"), "only \"running\" counts by zone"));
    }
    if spec.instance_type.is_some() && m != MeasureName::Running {
        problems.push(Problem::new(
            at("instanceType"),
            "only \"running\" counts by instance type",
        ));
    }
    if spec.capacity_provider.is_some()
        && !matches!(m, MeasureName::Running | MeasureName::Instances)
    {
        problems.push(Problem::new(
            at("capacityProvider"),
            "only \"running\" and \"instances\" count by capacity provider",
        ));
    }
    if problems.len() > before {
        return None;
    }
    let mut goal = Goal {
        id: spec.id.clone(),
        sentence: String::new(),
        measure: m,
        service,
        service_name: service
            .and_then(|s| services.get(s).cloned())
            .unwrap_or_default(),
        capacity_provider: spec.capacity_provider.clone(),
        zone: spec.zone.clone(),
        instance_type: spec.instance_type.clone(),
        metric,
        statistic: spec.statistic.unwrap_or(Statistic::Maximum),
        rule,
        when,
        bound: bound?,
        needs: spec.needs.clone(),
    };
    goal.sentence = if spec.text.trim().is_empty() {
        goal.written_sentence()
    } else {
        spec.text.trim().to_string()
    };
    Some(goal)
}

/// Whether `id` is 1–64 lowercase letters, digits and `-`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= caps::ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
