//! A goal in words: its sentence (`At least 2 running tasks of api at all times from 0:02:00 to
//! 0:15:00`), what a failed one saw (`only 1 running task of api`, `the sum of
//! HTTPCode_Target_5XX_Count for api was 27,223`), with the right plural, whole counts and units.

use super::goal::{Bound, Goal, MeasureName, Observed, Statistic};

/// The words of a bound: a range as `between … and …` or `… to …`, then the one-sided words.
struct BoundWords {
    between: &'static str,
    and: &'static str,
    least: &'static str,
    most: &'static str,
}

impl Bound {
    /// `at least 4`, `at most $0.50`, `exactly 2`, `COMPLETED`.
    pub fn phrase(&self, unit: Unit) -> String {
        self.words(
            unit,
            BoundWords {
                between: "between ",
                and: " and ",
                least: "at least ",
                most: "at most ",
            },
        )
    }

    /// `≥ 4`, `≤ $0.50`, `exactly 2`, `COMPLETED`: the bound in a failure message. A bound of
    /// at most nothing reads `0`, as the goals say it ("… is 0"): "the goal is ≤ 0" beside a
    /// goal that "is 0" read as two different goals (student walkthrough, lesson 8).
    pub fn symbol(&self, unit: Unit) -> String {
        if let Bound::Range {
            at_least: None,
            at_most: Some(m),
        } = self
        {
            if *m == 0.0 {
                return unit.show(0.0);
            }
        }
        self.words(
            unit,
            BoundWords {
                between: "",
                and: " to ",
                least: "≥ ",
                most: "≤ ",
            },
        )
    }

    /// Whether the bound's one number reads "1" in `unit` (`at least 1`, `exactly 1`): the noun
    /// after it is then singular ("at least 1 running task", not "tasks"). Decided on the number
    /// as written, so a count of 1.4, shown as 1, takes the singular too.
    pub fn is_one(&self, unit: Unit) -> bool {
        let one = |n: &f64| unit.show(*n) == "1";
        match self {
            Bound::Range {
                at_least: Some(l),
                at_most: Some(m),
            } => one(l) && one(m),
            Bound::Range {
                at_least: Some(n),
                at_most: None,
            }
            | Bound::Range {
                at_least: None,
                at_most: Some(n),
            }
            | Bound::Number(n) => one(n),
            _ => false,
        }
    }

    fn words(&self, unit: Unit, w: BoundWords) -> String {
        match self {
            Bound::Range {
                at_least: Some(l),
                at_most: Some(m),
            } => format!("{}{}{}{}", w.between, unit.show(*l), w.and, unit.show(*m)),
            Bound::Range {
                at_least: Some(l), ..
            } => format!("{}{}", w.least, unit.show(*l)),
            Bound::Range {
                at_most: Some(m), ..
            } => format!("{}{}", w.most, unit.show(*m)),
            Bound::Range { .. } => "any value".into(),
            Bound::Number(n) => format!("exactly {}", unit.show(*n)),
            Bound::Text(t) => t.clone(),
        }
    }
}

/// How a measure's numbers are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Whole counts (a sum of per-minute counts is rounded: `27,223`).
    Count,
    /// US dollars.
    Dollars,
    /// Percent (utilisation).
    Percent,
    /// Seconds (response time).
    Seconds,
}

impl Unit {
    /// `4`, `27,223`, `$0.50`, `72.5%`, `0.08 s`.
    pub fn show(self, x: f64) -> String {
        let trimmed = |x: f64| {
            let s = format!("{x:.2}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        };
        match self {
            Unit::Count => {
                let r = x.round();
                if (0.0..1e15).contains(&r) {
                    crate::cost::money::group_thousands(r as u128)
                } else {
                    trimmed(x)
                }
            }
            Unit::Dollars => format!("${x:.2}"),
            Unit::Percent => format!("{}%", trimmed(x)),
            Unit::Seconds => format!("{} s", trimmed(x)),
        }
    }
}

/// `1 task`, `3 tasks`: a count with its noun in the right number.
fn count_of(n: f64, one: &str, many: &str) -> String {
    let shown = Unit::Count.show(n);
    if shown == "1" {
        format!("1 {one}")
    } else {
        format!("{shown} {many}")
    }
}

impl Goal {
    /// The unit its numbers are written in.
    pub fn unit(&self) -> Unit {
        use crate::metrics::MetricName as M;
        match self.measure {
            MeasureName::CostPerHour | MeasureName::CostTotal => Unit::Dollars,
            MeasureName::Metric => match self.metric {
                Some(M::CPUUtilization | M::MemoryUtilization | M::CapacityProviderReservation) => {
                    Unit::Percent
                }
                Some(M::TargetResponseTime) => Unit::Seconds,
                _ => Unit::Count,
            },
            _ => Unit::Count,
        }
    }

    /// The statistic in words (`maximum`).
    fn statistic_word(&self) -> &'static str {
        match self.statistic {
            Statistic::Maximum => "maximum",
            Statistic::Minimum => "minimum",
            Statistic::Sum => "sum",
            Statistic::Average => "average",
        }
    }

    /// What was seen, in words: `only 3 healthy tasks of web`, `the deployment of orders was
    /// IN_PROGRESS`, `the sum of HTTPCode_Target_5XX_Count for web was 27,223`.
    pub fn seen(&self, v: &Observed) -> String {
        let svc = &self.service_name;
        let n = match v {
            Observed::Number(x) => *x,
            Observed::Text(t) => {
                return format!("the deployment of {svc} was {t}");
            }
        };
        let only = match &self.bound {
            Bound::Range {
                at_least: Some(l), ..
            } if n < *l => "only ",
            _ => "",
        };
        let unit = self.unit();
        match self.measure {
            MeasureName::Running => format!(
                "{only}{} of {svc}{}",
                count_of(n, "running task", "running tasks"),
                self.running_where()
            ),
            MeasureName::Healthy => format!(
                "{only}{} of {svc}",
                count_of(n, "healthy task", "healthy tasks")
            ),
            MeasureName::Pending => {
                format!("{} of {svc}", count_of(n, "pending task", "pending tasks"))
            }
            MeasureName::Desired => format!("the desired count of {svc} was {}", unit.show(n)),
            MeasureName::Unplaced => format!(
                "{} of {svc} could not be placed",
                count_of(n, "task", "tasks")
            ),
            MeasureName::TasksPerInstance => format!(
                "{} of {svc} on one instance",
                count_of(n, "running task", "running tasks")
            ),
            MeasureName::ZonesWithTasks => format!(
                "{svc} was running in {}",
                count_of(n, "Availability Zone", "Availability Zones")
            ),
            MeasureName::Instances => format!(
                "{only}{}{}",
                count_of(
                    n,
                    "registered container instance",
                    "registered container instances"
                ),
                self.capacity_provider
                    .as_ref()
                    .map(|cp| format!(" of {cp}"))
                    .unwrap_or_default()
            ),
            MeasureName::CostPerHour => format!("the cost per hour was {}", unit.show(n)),
            MeasureName::Metric => format!(
                "the {} of {} for {svc} was {}",
                self.statistic_word(),
                self.metric.map_or("", |m| m.as_str()),
                unit.show(n)
            ),
            MeasureName::UnableToPlaceEvents => format!(
                "{}{}",
                count_of(
                    n,
                    "\"unable to place a task\" event",
                    "\"unable to place a task\" events"
                ),
                if self.service.is_some() {
                    format!(" of {svc}")
                } else {
                    String::new()
                }
            ),
            MeasureName::Rollbacks => {
                format!("{only}{} of {svc}", count_of(n, "rollback", "rollbacks"))
            }
            MeasureName::CostTotal => format!("the run cost {}", unit.show(n)),
            MeasureName::Advice => format!(
                "{} of advice rule {}",
                count_of(n, "finding", "findings"),
                self.rule
            ),
            MeasureName::RolloutState => format!("the deployment of {svc} was {n}"),
        }
    }

    /// Where the `running` tasks are counted: ` on FARGATE`, ` in us-east-1a`, ` on r5.large
    /// instances` (empty without filters).
    fn running_where(&self) -> String {
        let mut s = String::new();
        if let Some(cp) = &self.capacity_provider {
            s.push_str(&format!(" on {cp}"));
        }
        if let Some(z) = &self.zone {
            s.push_str(&format!(" in {z}"));
        }
        if let Some(t) = &self.instance_type {
            s.push_str(&format!(" on {t} instances"));
        }
        s
    }

    /// The sentence written from the goal's fields.
    pub fn written_sentence(&self) -> String {
        let unit = self.unit();
        let bound = self.bound.phrase(unit);
        let when = self.when.phrase();
        let svc = &self.service_name;
        let title = |r: &str| {
            crate::advice::catalogue::RULES
                .iter()
                .find(|x| x.id == r)
                .map_or(String::new(), |x| format!(" ({})", x.title))
        };
        // The noun after the bound: "at least 1 running task", "at least 2 running tasks".
        let one = self.bound.is_one(unit);
        let n = |singular: &'static str, plural: &'static str| if one { singular } else { plural };
        // "{bound} {noun} of {svc} {when}", the shape most service counts take.
        let of_service = |singular: &'static str, plural: &'static str| {
            format!("{bound} {} of {svc} {when}", n(singular, plural))
        };
        let s = match self.measure {
            MeasureName::RolloutState => {
                format!("the deployment of {svc} is {bound} {when}")
            }
            MeasureName::Metric => format!(
                "the {} of {} for {svc} {when} is {bound}",
                self.statistic_word(),
                self.metric.map_or("", |m| m.as_str())
            ),
            MeasureName::Advice
                if self.bound
                    == (Bound::Range {
                        at_least: None,
                        at_most: Some(0.0),
                    }) =>
            {
                format!(
                    "no finding of advice rule {}{} at the end of the run",
                    self.rule,
                    title(&self.rule)
                )
            }
            MeasureName::Advice => format!(
                "{bound} {} of advice rule {}{} at the end of the run",
                n("finding", "findings"),
                self.rule,
                title(&self.rule)
            ),
            MeasureName::CostPerHour => format!("the cost per hour is {bound} {when}"),
            MeasureName::CostTotal => format!("the run costs {bound} {when}"),
            MeasureName::Desired => format!("the desired count of {svc} is {bound} {when}"),
            MeasureName::Running => {
                format!(
                    "{bound} {} of {svc}{} {when}",
                    n("running task", "running tasks"),
                    self.running_where()
                )
            }
            MeasureName::Healthy => of_service("healthy task", "healthy tasks"),
            MeasureName::Pending => of_service("pending task", "pending tasks"),
            MeasureName::Unplaced => format!(
                "{bound} {} of {svc} that could not be placed {when}",
                n("task", "tasks")
            ),
            MeasureName::TasksPerInstance => format!(
                "{bound} {} of {svc} on any one instance {when}",
                n("running task", "running tasks")
            ),
            MeasureName::ZonesWithTasks => format!(
                "{bound} {} running {svc} {when}",
                n("Availability Zone", "Availability Zones")
            ),
            MeasureName::Instances => format!(
                "{bound} {}{} {when}",
                n(
                    "registered container instance",
                    "registered container instances"
                ),
                self.capacity_provider
                    .as_ref()
                    .map(|cp| format!(" of {cp}"))
                    .unwrap_or_default()
            ),
            MeasureName::UnableToPlaceEvents => format!(
                "{bound} \"unable to place a task\" {}{} {when}",
                n("event", "events"),
                if self.service.is_some() {
                    format!(" of {svc}")
                } else {
                    String::new()
                }
            ),
            MeasureName::Rollbacks => of_service("rollback", "rollbacks"),
        };
        let s = s.trim().to_string();
        let mut chars = s.chars();
        match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => s,
        }
    }
}

/// The verdict's headline when every goal was met: `Passed: the goal is met.` for one goal,
/// `Passed: both goals met.` for two, `Passed: all 3 goals met.` for more (walkthroughs read
/// "all 1 goals met" and "all 2 goals met").
pub fn passed_words(goals: usize) -> String {
    match goals {
        1 => "Passed: the goal is met.".into(),
        2 => "Passed: both goals met.".into(),
        _ => format!("Passed: all {goals} goals met."),
    }
}

/// The verdict's headline when a goal was missed: `Not yet: 1 of 3 goals met.`, or for a single
/// goal `Not yet: the goal is not met.`.
pub fn not_yet_words(met: usize, goals: usize) -> String {
    if goals == 1 {
        "Not yet: the goal is not met.".into()
    } else {
        format!("Not yet: {met} of {goals} goals met.")
    }
}

/// The headline of a decided verdict out of `goals`: [`passed_words`] or [`not_yet_words`];
/// `None` when Check could not run the scenario (the lesson pane lists why, presenter mode
/// points there). Both places read it, so they cannot disagree.
pub fn verdict_words(report: &super::Report, goals: usize) -> Option<String> {
    if !report.problems.is_empty() {
        None
    } else if report.passed {
        Some(passed_words(goals))
    } else {
        Some(not_yet_words(report.met(), goals))
    }
}

#[cfg(test)]
mod headline_tests {
    use super::*;
    use crate::challenge::Report;

    #[test]
    fn one_goal_is_not_counted_as_all_one_goals() {
        assert_eq!(passed_words(1), "Passed: the goal is met.");
        assert_eq!(passed_words(3), "Passed: all 3 goals met.");
        assert_eq!(passed_words(2), "Passed: both goals met.");
        assert_eq!(not_yet_words(0, 1), "Not yet: the goal is not met.");
        assert_eq!(not_yet_words(1, 3), "Not yet: 1 of 3 goals met.");
    }

    #[test]
    fn a_refused_report_has_no_headline_and_a_decided_one_says_how_it_went() {
        let refused = Report::refused(vec![crate::problem::Problem::new(
            "taskDefinitions",
            "locked",
        )]);
        assert_eq!(verdict_words(&refused, 2), None);
        let passed = Report {
            passed: true,
            ..Report::refused(Vec::new())
        };
        assert_eq!(
            verdict_words(&passed, 2).as_deref(),
            Some("Passed: both goals met.")
        );
        let not_yet = Report::refused(Vec::new());
        assert_eq!(
            verdict_words(&not_yet, 2).as_deref(),
            Some("Not yet: 0 of 2 goals met.")
        );
    }
}

/// A failed window goal's detail with what was seen first, for presenter mode, which shows one
/// line of it: "from 0:01:00 to 0:15:00: the sum of HTTPCode_Target_5XX_Count for web was
/// 8,597; the goal is ≤ 500" hid the 8,597 past the line's end (instructor walkthrough,
/// 2026-12-06). The window goes to the end (", from 0:01:00 to 0:15:00"), or away when the
/// goal's `sentence` already names both its ends. Any other detail is unchanged.
pub fn seen_first(detail: &str, sentence: &str) -> String {
    let is_clock = |s: &str| {
        s.contains(':') && s.chars().all(|c| c.is_ascii_digit() || c == ':') && s.len() <= 9
    };
    let split = || -> Option<(Option<&str>, &str, &str)> {
        if let Some(rest) = detail.strip_prefix("from ") {
            let (a, rest) = rest.split_once(" to ")?;
            let (b, seen) = rest.split_once(": ")?;
            return (is_clock(a) && is_clock(b)).then_some((Some(a), b, seen));
        }
        let rest = detail.strip_prefix("until ")?;
        let (b, seen) = rest.split_once(": ")?;
        is_clock(b).then_some((None, b, seen))
    };
    let Some((from, to, seen)) = split() else {
        return detail.to_string();
    };
    let named = from.is_none_or(|a| sentence.contains(a)) && sentence.contains(to);
    match (named, from) {
        (true, _) => seen.to_string(),
        (false, Some(a)) => format!("{seen}, from {a} to {to}"),
        (false, None) => format!("{seen}, until {to}"),
    }
}

/// A failed goal's detail beside a *Show h:mm:ss* button, for presenter mode's one line: the
/// detail's own "at h:mm:ss: " prefix says the button's time again, and lesson 6's "the goal
/// is ≥ 3" was cut off past the line's end (presenter walkthrough, 2026-12-07). `shown` is the
/// button's time as [`crate::time::clock`] writes it; any other detail is unchanged.
pub fn beside_show<'a>(detail: &'a str, shown: &str) -> &'a str {
    detail
        .strip_prefix("at ")
        .and_then(|rest| rest.strip_prefix(shown))
        .and_then(|rest| rest.strip_prefix(": "))
        .unwrap_or(detail)
}

/// A release held IN_PROGRESS by its rolling bounds, for presenter mode's one line: the reason
/// first ("blocked since 0:02:00: with desiredCount 5, maximumPercent 100 allows 5 tasks and …"),
/// as the goal's sentence already says COMPLETED was wanted. The reason was past the line's end,
/// after "the deployment of orders was IN_PROGRESS; the goal is COMPLETED", and it is the whole
/// of lesson 9 (instructor walkthrough, 2026-12-07). Any other detail is unchanged.
pub fn blocked_first(detail: &str) -> String {
    let marker = format!(" ({}", super::measure::BLOCKED_BY_BOUNDS);
    let reason = detail.split_once(&marker).and_then(|(_, rest)| {
        let (since, rest) = rest.split_once(", log event #")?;
        let (_, why) = rest.split_once(": ")?;
        Some((since, why.strip_suffix(')').unwrap_or(why)))
    });
    match reason {
        Some((since, why)) => format!("blocked since {since}: {why}"),
        None => detail.to_string(),
    }
}

#[cfg(test)]
mod seen_first_tests {
    use super::{beside_show, blocked_first, seen_first};

    #[test]
    fn a_blocked_release_says_why_first() {
        let detail = "the deployment of orders was IN_PROGRESS; the goal is COMPLETED (blocked by its deployment configuration from 0:02:00, log event #1: with desiredCount 5, maximumPercent 100 allows 5 tasks and minimumHealthyPercent 100 keeps 5 healthy, so no task could start before an old one stopped, nor stop before a new one started)";
        assert_eq!(
            blocked_first(detail),
            "blocked since 0:02:00: with desiredCount 5, maximumPercent 100 allows 5 tasks and minimumHealthyPercent 100 keeps 5 healthy, so no task could start before an old one stopped, nor stop before a new one started"
        );
        let plain = "the deployment of orders was IN_PROGRESS; the goal is COMPLETED";
        assert_eq!(blocked_first(plain), plain);
    }

    #[test]
    fn the_time_a_show_button_gives_is_not_said_again() {
        let detail =
            "at 0:02:00: only 0 running tasks of cache on r5.large instances; the goal is ≥ 3";
        assert_eq!(
            beside_show(detail, "0:02:00"),
            "only 0 running tasks of cache on r5.large instances; the goal is ≥ 3"
        );
        // Another time, or a detail that does not start with one, stays whole.
        assert_eq!(beside_show(detail, "0:02:01"), detail);
        assert_eq!(beside_show(detail, "0:02"), detail);
        let advice = "service reports did stop 3 task(s) as unhealthy before their start-up finished, first at 0:02:22 (log event #20)";
        assert_eq!(beside_show(advice, "0:02:22"), advice);
    }

    #[test]
    fn the_value_comes_first_and_a_window_the_sentence_names_goes() {
        let detail = "from 0:01:00 to 0:15:00: the sum of HTTPCode_Target_5XX_Count for web was 8,597; the goal is ≤ 500";
        assert_eq!(
            seen_first(
                detail,
                "From 0:01:00 to 0:15:00, at most 500 target 5XX responses"
            ),
            "the sum of HTTPCode_Target_5XX_Count for web was 8,597; the goal is ≤ 500"
        );
        assert_eq!(
            seen_first(detail, "Few customers see an error"),
            "the sum of HTTPCode_Target_5XX_Count for web was 8,597; the goal is ≤ 500, from 0:01:00 to 0:15:00"
        );
        assert_eq!(
            seen_first(
                "until 0:04:55: the cost per hour was $0.25; the goal is ≤ $0.08",
                "Before the rush (until 0:04:55), the run costs at most $0.08 per hour"
            ),
            "the cost per hour was $0.25; the goal is ≤ $0.08"
        );
    }

    #[test]
    fn other_details_are_unchanged() {
        for d in [
            "at 0:02:00: only 0 running tasks of api; the goal is ≥ 2",
            "service reports did stop 3 task(s) as unhealthy before their start-up finished, first at 0:02:22 (log event #20)",
            "from the start: something",
        ] {
            assert_eq!(seen_first(d, "any"), d);
        }
    }
}
