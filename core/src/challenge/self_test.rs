//! Whether a challenge is worth sharing, as `ecs-sim check --self-test` decides it: its start
//! must fail (else a student passes without changing anything) and its hidden solution, when it
//! has one, must pass. The builder shows the verdict before the teacher shares; a walkthrough
//! shared a challenge whose start already met its only goal, and the student's first Check
//! passed (2026-12-04).

use super::Report;

/// The verdict on a challenge's own start and solution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelfTest {
    /// The start fails (these goals' sentences are the ones it misses) and the solution, if
    /// any, passes.
    Fine {
        /// The goals the start misses.
        missed: Vec<String>,
        /// The goals the start already meets: right for a goal a fix must keep (five healthy
        /// tasks throughout a release), but such a goal tells no fix apart on its own, and an
        /// instructor who meant it as the test got no sign (walkthrough, 2026-12-06: "at most 0
        /// unable-to-place events from 0:05:00" was met by the start, which logs it once at 0:00).
        met: Vec<String>,
        /// Whether a solution was checked (and passed).
        solution: bool,
    },
    /// The start already meets every goal.
    StartPasses,
    /// The start could not be run (its first problem).
    StartRefused(String),
    /// The solution misses these goals (their sentences).
    SolutionFails(Vec<String>),
    /// The solution could not be run (its first problem).
    SolutionRefused(String),
}

/// The verdict from the check of the start and, when the challenge has one, of its solution.
pub fn self_test(start: &Report, solution: Option<&Report>) -> SelfTest {
    if let Some(p) = start.problems.first() {
        return SelfTest::StartRefused(problem_words(&p.path, &p.message));
    }
    if start.passed {
        return SelfTest::StartPasses;
    }
    if let Some(s) = solution {
        if let Some(p) = s.problems.first() {
            return SelfTest::SolutionRefused(problem_words(&p.path, &p.message));
        }
        if !s.passed {
            return SelfTest::SolutionFails(sentences(s, false));
        }
    }
    SelfTest::Fine {
        missed: sentences(start, false),
        met: sentences(start, true),
        solution: solution.is_some(),
    }
}

/// The sentences of the goals `r` met (`met`) or missed.
fn sentences(r: &Report, met: bool) -> Vec<String> {
    r.goals
        .iter()
        .filter(|g| g.met() == met)
        .map(|g| g.sentence.clone())
        .collect()
}

fn problem_words(path: &str, message: &str) -> String {
    if path.is_empty() {
        message.to_string()
    } else {
        format!("{path}: {message}")
    }
}

impl SelfTest {
    /// The challenge is fit to share.
    pub fn passes(&self) -> bool {
        matches!(self, SelfTest::Fine { .. })
    }

    /// One or two sentences for the teacher.
    pub fn words(&self) -> String {
        match self {
            SelfTest::Fine {
                missed,
                met,
                solution,
            } => {
                let start = match missed.as_slice() {
                    [one] => format!("the start misses its goal ({one})"),
                    more => format!("the start misses {} of its goals", more.len()),
                };
                let solution = if *solution {
                    "the hidden solution passes"
                } else {
                    "no hidden solution is given"
                };
                let met = match met.as_slice() {
                    [] => String::new(),
                    [one] => format!(" The start already meets one goal ({one}): right for what a fix must keep, but it tells no fix apart on its own."),
                    more => format!(" The start already meets {} goals: right for what a fix must keep, but they tell no fix apart on their own.", more.len()),
                };
                format!("Self-test: {start}, and {solution}.{met}")
            }
            SelfTest::StartPasses => "The start already meets every goal: a student passes \
                 without changing anything. Make a goal harder, or the start worse, before you \
                 share it."
                .into(),
            SelfTest::StartRefused(p) => format!("The start cannot be checked: {p}"),
            SelfTest::SolutionFails(missed) => format!(
                "The hidden solution does not pass: it misses {}.",
                match missed.as_slice() {
                    [one] => one.clone(),
                    more => format!("{} goals", more.len()),
                }
            ),
            SelfTest::SolutionRefused(p) => format!("The hidden solution cannot be checked: {p}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::challenge::{check, course, Challenge};

    fn lesson() -> Challenge {
        let l = course::lesson("fargate-task-size").expect("the first lesson");
        Challenge::parse(l.json).expect("the lesson parses")
    }

    fn solution_text(c: &Challenge) -> String {
        crate::form::to_text(&c.solution().expect("the lesson has a solution"))
    }

    #[test]
    fn a_course_lesson_is_fit_to_share() {
        let c = lesson();
        let start = check(&c, &c.start_text());
        let solution = check(&c, &solution_text(&c));
        let verdict = self_test(&start, Some(&solution));
        assert!(verdict.passes(), "{verdict:?}");
        assert!(verdict.words().contains("the hidden solution passes"));
        let verdict = self_test(&start, None);
        assert!(verdict.passes());
        assert!(verdict.words().contains("no hidden solution"));
    }

    #[test]
    fn the_goals_the_start_already_meets_are_named() {
        // Lesson 9 keeps five healthy tasks (met by its start) while the release must complete.
        let l = course::lesson("rolling-update-bounds").expect("lesson 9");
        let c = Challenge::parse(l.json).expect("the lesson parses");
        let start = check(&c, &c.start_text());
        let verdict = self_test(&start, None);
        assert!(verdict.passes(), "{verdict:?}");
        let words = verdict.words();
        assert!(
            words.contains("The start already meets one goal (At least 5 healthy tasks"),
            "{words}"
        );
        // Lesson 1's start no longer meets its cost bound: the bound `needs` the running goal,
        // which the crash loop fails (it read "1 of 2 goals met" before any fix).
        let c = lesson();
        let words = self_test(&check(&c, &c.start_text()), None).words();
        assert!(!words.contains("already meets"), "{words}");
        // A start that meets none says nothing of it.
        let none = SelfTest::Fine {
            missed: vec!["a".into(), "b".into()],
            met: Vec::new(),
            solution: false,
        };
        assert!(!none.words().contains("already meets"), "{}", none.words());
    }

    #[test]
    fn a_start_that_already_passes_is_not_fit_to_share() {
        // The walkthrough's challenge: its start met its only goal, so Check passed at once.
        let c = lesson();
        let passing = check(&c, &solution_text(&c));
        assert!(passing.passed);
        let verdict = self_test(&passing, None);
        assert_eq!(verdict, SelfTest::StartPasses);
        assert!(!verdict.passes());
        assert!(verdict.words().contains("without changing anything"));
    }

    #[test]
    fn a_solution_that_fails_is_not_fit_to_share() {
        let c = lesson();
        let start = check(&c, &c.start_text());
        let verdict = self_test(&start, Some(&start));
        assert!(
            matches!(&verdict, SelfTest::SolutionFails(m) if !m.is_empty()),
            "{verdict:?}"
        );
        assert!(!verdict.passes());
        let refused = check(&c, "{");
        assert!(!refused.problems.is_empty());
        assert!(matches!(
            self_test(&refused, None),
            SelfTest::StartRefused(_)
        ));
        assert!(matches!(
            self_test(&start, Some(&refused)),
            SelfTest::SolutionRefused(_)
        ));
    }
}
