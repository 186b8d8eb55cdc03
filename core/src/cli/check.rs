//! `ecs-sim check CHALLENGE [SOLUTION…] [--json] [--code CODE] [--self-test]`: grading.
//!
//! CHALLENGE is a challenge file, a file holding a challenge link (`#c1.…`), or `lesson:<id>`
//! for a lesson of the built-in course. Each SOLUTION is a scenario file or a file holding a
//! scenario share link (`#v1.…`). With no SOLUTION the starting scenario is checked. Exit 0
//! only when every solution passes; 1 when one fails (or a code does not match); 2 when an
//! input cannot be read. A SOLUTION that cannot be read is reported (`error:` on stderr, and
//! under `unreadable` with `--json`) and the others are still graded: one empty hand-in stopped
//! a whole class's grading (instructor walkthrough).

use super::read::{read_input, read_input_capped, Input};
use super::{echo, read::display_name, Output};
use crate::challenge::{self, code, course, Challenge, GoalState, Report};
use crate::time::clock;

/// Runs the command.
pub fn check(args: &[String], input: &impl Input) -> Output {
    let mut json = false;
    let mut self_test = false;
    let mut want_code = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--self-test" => self_test = true,
            "--code" => match it.next().and_then(|c| code::normalise(c)) {
                Some(c) => want_code = Some(c),
                None => {
                    return Output::usage("--code takes a completion code like ECS-1A2B3-C4D5E")
                }
            },
            f if !f.starts_with("--") || f == "-" => files.push(f.to_string()),
            other => return Output::usage(&format!("unexpected argument '{other}'")),
        }
    }
    let Some((challenge_file, solutions)) = files.split_first() else {
        return Output::usage(
            "check needs a CHALLENGE (a file, a challenge link in a file, or lesson:<id>)",
        );
    };
    if want_code.is_some() && solutions.len() != 1 {
        return Output::usage("--code checks one SOLUTION: give exactly one");
    }
    if self_test && !solutions.is_empty() {
        return Output::usage(
            "--self-test checks the challenge's own start and solution; give no SOLUTION",
        );
    }
    let challenge = match load_challenge(challenge_file, input) {
        Ok(c) => c,
        Err(out) => return out,
    };
    let mut rows: Vec<(String, Report)> = Vec::new();
    // Solutions that could not be read: (file, the `error:` line's text).
    let mut unreadable: Vec<(String, String)> = Vec::new();
    if self_test {
        rows.push((
            "(start)".into(),
            challenge::check(&challenge, &challenge.start_text()),
        ));
        match challenge.solution() {
            Some(s) => rows.push((
                "(solution)".into(),
                challenge::check(&challenge, &crate::form::to_text(&s)),
            )),
            None => return Output::usage("--self-test needs a challenge with a solution"),
        }
    } else if solutions.is_empty() {
        rows.push((
            "(start)".into(),
            challenge::check(&challenge, &challenge.start_text()),
        ));
    } else {
        for file in solutions {
            let text = match read_input(file, input) {
                Ok(t) => t,
                Err(out) => {
                    let line = out.stderr.trim_end().trim_start_matches("error: ");
                    unreadable.push((file.clone(), line.to_string()));
                    continue;
                }
            };
            let text = match scenario_text(&text) {
                Ok(t) => t,
                Err(message) => {
                    unreadable.push((
                        file.clone(),
                        format!("{}: {}", display_name(file), echo::message(&message)),
                    ));
                    continue;
                }
            };
            rows.push((file.clone(), challenge::check(&challenge, &text)));
        }
    }
    let stderr: String = unreadable
        .iter()
        .map(|(_, line)| format!("error: {line}\n"))
        .collect();
    if rows.is_empty() {
        return Output {
            stdout: String::new(),
            stderr,
            code: 2,
        };
    }
    let code_ok = want_code
        .as_ref()
        .map(|want| rows[0].1.completion_code.as_deref() == Some(want.as_str()));
    let ok = if self_test {
        challenge::self_test::self_test(&rows[0].1, Some(&rows[1].1)).passes()
    } else {
        rows.iter().all(|(_, r)| r.passed) && code_ok != Some(false)
    };
    let stdout = if json {
        json_report(&challenge, &rows, code_ok, &unreadable)
    } else {
        text_report(&challenge, &rows, code_ok, self_test)
    };
    let code = if !unreadable.is_empty() {
        2
    } else if ok {
        0
    } else {
        1
    };
    Output {
        stdout,
        stderr,
        code,
    }
}

fn load_challenge(file: &str, input: &impl Input) -> Result<Challenge, Output> {
    let fail = |message: String| Output {
        stdout: String::new(),
        stderr: message,
        code: 2,
    };
    let text = if let Some(id) = file.strip_prefix("lesson:") {
        match course::lesson(id) {
            Some(l) => l.json.to_string(),
            None => {
                return Err(fail(format!(
                    "error: there is no lesson '{}'; the lessons are: {}\n",
                    echo::value(id),
                    course::LESSONS
                        .iter()
                        .map(|l| l.id)
                        .collect::<Vec<_>>()
                        .join(", ")
                )))
            }
        }
    } else {
        let raw = read_input_capped(file, input, challenge::document::MAX_CHALLENGE_BYTES)?;
        if raw.trim_start().starts_with('{') {
            raw
        } else {
            challenge::link::decode(&raw).map_err(|e| {
                fail(format!(
                    "error: {}: not a challenge file or link: {}\n",
                    display_name(file),
                    echo::message(&e.to_string())
                ))
            })?
        }
    };
    Challenge::parse(&text).map_err(|e| match e {
        challenge::ChallengeError::Invalid(problems) => Output {
            stdout: super::problem_lines(&problems),
            stderr: format!("error: {}: not a valid challenge\n", display_name(file)),
            code: 2,
        },
        other => fail(format!(
            "error: {}: {}\n",
            display_name(file),
            echo::message(&other.to_string())
        )),
    })
}

/// A solution file's scenario text: the JSON itself, or the scenario inside a share link.
fn scenario_text(text: &str) -> Result<String, String> {
    if text.trim_start().starts_with('{') {
        Ok(text.to_string())
    } else {
        crate::scenario::share::decode(text)
            .map_err(|e| format!("not a scenario file or link: {e}"))
    }
}

fn text_report(
    challenge: &Challenge,
    rows: &[(String, Report)],
    code_ok: Option<bool>,
    self_test: bool,
) -> String {
    let mut out = format!(
        "challenge {} version {}: {} ({} goals, {} of virtual time)\n",
        echo::value(&challenge.doc.id),
        challenge.fingerprint(),
        echo::line(&challenge.doc.title),
        challenge.doc.goals.len(),
        clock(challenge.horizon_ms)
    );
    for (file, r) in rows {
        out.push_str(&format!("\n== {}\n", display_name(file)));
        for p in &r.problems {
            out.push_str(&format!(
                "  refused  {}: {}\n",
                if p.path.is_empty() {
                    "(root)".into()
                } else {
                    echo::value(&p.path)
                },
                echo::message(&p.message)
            ));
        }
        for g in &r.goals {
            let (mark, detail) = match &g.state {
                GoalState::Met { .. } => ("met    ", String::new()),
                GoalState::Failed { detail, .. } => {
                    ("FAILED ", format!(" — {}", echo::message(detail)))
                }
                GoalState::Pending => ("pending", String::new()),
            };
            out.push_str(&format!(
                "  {mark}  {}: {}{detail}\n",
                echo::value(&g.id),
                echo::line(&g.sentence)
            ));
        }
        out.push_str(&format!(
            "  result: {} ({} of {} goals met){}\n",
            if r.passed { "PASS" } else { "FAIL" },
            r.met(),
            challenge.doc.goals.len(),
            r.completion_code
                .as_ref()
                .map(|c| format!("; completion code {c}"))
                .unwrap_or_default()
        ));
    }
    if rows.len() > 1 {
        let width = rows
            .iter()
            .map(|(f, _)| display_name(f).chars().count())
            .max()
            .unwrap_or(8)
            .max(8);
        out.push_str(&format!("\n{:<width$}  goals  result  code\n", "solution"));
        for (file, r) in rows {
            out.push_str(&format!(
                "{:<width$}  {:>5}  {:<6}  {}\n",
                display_name(file),
                format!("{}/{}", r.met(), challenge.doc.goals.len()),
                if r.passed { "PASS" } else { "FAIL" },
                r.completion_code.as_deref().unwrap_or("-")
            ));
        }
    }
    if self_test {
        let start_fails = !rows[0].1.passed && rows[0].1.problems.is_empty();
        out.push_str(&format!(
            "\nself-test: the start {}; the solution {}\n",
            if start_fails {
                "fails a goal (good)"
            } else {
                "does NOT fail any goal"
            },
            if rows[1].1.passed {
                "passes every goal (good)"
            } else {
                "does NOT pass"
            }
        ));
    }
    match code_ok {
        Some(true) => out.push_str("\ncode: matches this solution of this challenge\n"),
        Some(false) => out.push_str("\ncode: does NOT match (a different solution, a different challenge, or not passing)\n"),
        None => {}
    }
    out
}

fn json_report(
    challenge: &Challenge,
    rows: &[(String, Report)],
    code_ok: Option<bool>,
    unreadable: &[(String, String)],
) -> String {
    let mut doc = serde_json::json!({
        "challenge": challenge.doc.id,
        "version": challenge.fingerprint(),
        "title": challenge.doc.title,
        "goals": challenge.doc.goals.len(),
        "solutions": rows.iter().map(|(file, r)| {
            let mut v = serde_json::to_value(r).unwrap_or_default();
            v["file"] = serde_json::Value::String(file.clone());
            v
        }).collect::<Vec<_>>(),
    });
    if let Some(ok) = code_ok {
        doc["codeMatches"] = serde_json::Value::Bool(ok);
    }
    if !unreadable.is_empty() {
        doc["unreadable"] = unreadable
            .iter()
            .map(|(file, error)| serde_json::json!({ "file": file, "error": error }))
            .collect();
    }
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
