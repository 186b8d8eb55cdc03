//! The command line contract (`ecs_sim::cli::main`), with an in-memory file system:
//! exit 0 valid / 1 invalid with `error: <path>: <message>` lines on stdout / 2 unreadable or
//! not JSON; `run` prints a summary and the trace hash, or one JSON document with `--json`.

use ecs_sim::cli::{echo, main, Input, Output, MAX_INPUT_BYTES};
use ecs_sim::scenario::DEFAULT_SCENARIO_JSON;
use ecs_sim::Sim;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::io::{self, Read};

/// Files and standard input in memory.
#[derive(Default)]
struct Memory {
    files: BTreeMap<String, Vec<u8>>,
    stdin: Vec<u8>,
}

impl Input for Memory {
    fn open(&self, path: &str) -> io::Result<Box<dyn Read + '_>> {
        self.files
            .get(path)
            .map(|b| Box::new(b.as_slice()) as Box<dyn Read>)
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "No such file or directory"))
    }

    fn stdin(&self) -> Box<dyn Read + '_> {
        Box::new(self.stdin.as_slice())
    }
}

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|a| a.to_string()).collect()
}

fn cli(a: &[&str], files: &[(&str, &str)]) -> Output {
    let memory = Memory {
        files: files
            .iter()
            .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
            .collect(),
        stdin: Vec::new(),
    };
    main(&args(a), &memory)
}

fn cli_stdin(a: &[&str], stdin: &[u8]) -> Output {
    let memory = Memory {
        stdin: stdin.to_vec(),
        ..Memory::default()
    };
    main(&args(a), &memory)
}

/// A register-task-definition input with two containers; `timeout` is the second one's
/// healthCheck timeout.
fn task_definition(timeout: u32) -> serde_json::Value {
    serde_json::json!({
        "family": "web",
        "networkMode": "bridge",
        "requiresCompatibilities": ["EC2"],
        "containerDefinitions": [
            { "name": "nginx", "image": "nginx:1.27", "memory": 256, "essential": true },
            {
                "name": "sidecar", "image": "busybox:1", "memory": 64, "essential": false,
                "healthCheck": {
                    "command": ["CMD-SHELL", "true"],
                    "interval": 30, "timeout": timeout, "retries": 3
                }
            }
        ]
    })
}

/// Every stdout line has the shape `error: <path>: <message>` with a non-empty path and message.
fn assert_problem_lines(out: &Output) {
    assert!(!out.stdout.is_empty(), "no problem lines");
    for line in out.stdout.lines() {
        let rest = line
            .strip_prefix("error: ")
            .unwrap_or_else(|| panic!("line without `error: `: {line:?}"));
        let (path, message) = rest
            .split_once(": ")
            .unwrap_or_else(|| panic!("line without `<path>: `: {line:?}"));
        assert!(
            !path.is_empty() && !path.contains(' '),
            "bad path in {line:?}"
        );
        assert!(!message.trim().is_empty(), "empty message in {line:?}");
    }
}

#[test]
fn valid_task_definition_exits_0() {
    let td = task_definition(5).to_string();
    let out = cli(&["validate", "td.json"], &[("td.json", &td)]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stdout.starts_with("valid: task definition web"),
        "{out:?}"
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn health_check_timeout_below_2_on_the_second_container_exits_1_with_its_path() {
    // API HealthCheck: timeout 2–60 seconds.
    let td = task_definition(1).to_string();
    let out = cli(&["validate", "td.json"], &[("td.json", &td)]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_problem_lines(&out);
    assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
    assert!(
        out.stdout
            .starts_with("error: containerDefinitions[1].healthCheck.timeout: "),
        "{}",
        out.stdout
    );
    assert!(out.stdout.ends_with('\n'));
}

#[test]
fn describe_task_definition_output_prefixes_paths_with_task_definition() {
    let mut inner = task_definition(61);
    // Read-only keys describe-task-definition adds are accepted.
    inner["taskDefinitionArn"] = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3".into();
    inner["revision"] = 3.into();
    inner["status"] = "ACTIVE".into();
    let doc = serde_json::json!({ "taskDefinition": inner, "tags": [] }).to_string();
    let out = cli(&["validate", "d.json"], &[("d.json", &doc)]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_problem_lines(&out);
    assert!(
        out.stdout
            .starts_with("error: taskDefinition.containerDefinitions[1].healthCheck.timeout: "),
        "{}",
        out.stdout
    );

    let mut ok = task_definition(5);
    ok["revision"] = 3.into();
    let doc = serde_json::json!({ "taskDefinition": ok }).to_string();
    let out = cli(&["validate", "d.json"], &[("d.json", &doc)]);
    assert_eq!(out.code, 0, "{out:?}");
    // The pasted revision is named on the valid line, with what registering gives instead
    // (the page's tab says the same; the CLI said nothing, engineer walkthrough 2026-12-06).
    let first = out.stdout.lines().next().unwrap_or_default();
    let family = ok["family"].as_str().unwrap_or_default().to_string();
    assert_eq!(
        first,
        format!("valid: task definition {family} — Revision 3 in the pasted output (taskDefinition.revision) is read-only: RegisterTaskDefinition ignores it and gives the family's next revision in the account; validated alone here, as a new family: {family}:1.")
    );
    // Revision 1, or the RegisterTaskDefinition shape: no note.
    ok["revision"] = 1.into();
    let doc = serde_json::json!({ "taskDefinition": ok }).to_string();
    let out = cli(&["validate", "d.json"], &[("d.json", &doc)]);
    assert_eq!(
        out.stdout.lines().next(),
        Some(format!("valid: task definition {family}").as_str())
    );
}

#[test]
fn json_syntax_error_exits_2_naming_line_and_column() {
    let text = "{\n  \"family\": \"web\",\n  oops\n}\n";
    let out = cli(&["validate", "bad.json"], &[("bad.json", text)]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stdout.is_empty());
    // `oops` starts at line 3, column 3.
    assert!(out.stderr.contains("bad.json:3:3:"), "{}", out.stderr);

    let run = cli(&["run", "bad.json", "--until", "10"], &[("bad.json", text)]);
    assert_eq!(run.code, 2, "{run:?}");
    // One format for every command.
    assert_eq!(run, out);
    assert_eq!(
        out.stderr,
        "error: bad.json:3:3: JSON syntax error: key must be a string\n"
    );
}

#[test]
fn unreadable_file_exits_2() {
    let out = cli(&["validate", "missing.json"], &[]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("missing.json"), "{}", out.stderr);

    let out = cli(&["run", "missing.json", "--until", "60"], &[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("missing.json"), "{}", out.stderr);
}

#[test]
fn scenario_problems_exit_1_with_paths_like_services_0_desired_count() {
    // A REPLICA service needs a desiredCount.
    let text = DEFAULT_SCENARIO_JSON.replacen("\"desiredCount\": 6,", "", 1);
    assert_ne!(text, DEFAULT_SCENARIO_JSON);
    for args in [
        &["validate", "s.json"][..],
        &["run", "s.json", "--until", "60"][..],
    ] {
        let out = cli(args, &[("s.json", &text)]);
        assert_eq!(out.code, 1, "{args:?}: {out:?}");
        assert_problem_lines(&out);
        assert!(
            out.stdout
                .lines()
                .any(|l| l.starts_with("error: services[0].desiredCount: ")),
            "{}",
            out.stdout
        );
    }

    // A wrong type is reported at its path too.
    let text =
        DEFAULT_SCENARIO_JSON.replacen("\"desiredCount\": 6", "\"desiredCount\": \"six\"", 1);
    let out = cli(&["validate", "s.json"], &[("s.json", &text)]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout.starts_with("error: services[0].desiredCount: "),
        "{}",
        out.stdout
    );

    // A task definition inside a scenario is reported from the scenario's root.
    let text = DEFAULT_SCENARIO_JSON.replacen("\"timeout\": 5", "\"timeout\": 1", 1);
    let out = cli(&["validate", "s.json"], &[("s.json", &text)]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout
            .starts_with("error: taskDefinitions[1].containerDefinitions[0].healthCheck.timeout: "),
        "{}",
        out.stdout
    );
}

#[test]
fn valid_scenario_exits_0() {
    let out = cli(
        &["validate", "s.json"],
        &[("s.json", DEFAULT_SCENARIO_JSON)],
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.starts_with("valid: scenario"), "{out:?}");
}

fn expected_hash(seconds: u64) -> String {
    let mut sim = Sim::from_json(DEFAULT_SCENARIO_JSON).unwrap();
    sim.run_until(seconds * 1000);
    sim.trace_hash()
}

#[test]
fn run_until_60_prints_the_log_a_summary_and_the_trace_hash() {
    let out = cli(
        &["run", "s.json", "--until", "60"],
        &[("s.json", DEFAULT_SCENARIO_JSON)],
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stderr.is_empty());
    assert!(
        out.stdout.contains("== Summary at 0:01:00"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("service web (REPLICA"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("service api (REPLICA"),
        "{}",
        out.stdout
    );
    let last = out.stdout.lines().last().unwrap();
    let hash = last
        .strip_prefix("trace hash: ")
        .unwrap_or_else(|| panic!("last line {last:?}"));
    assert_eq!(hash.len(), 16);
    assert!(hash.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(hash, expected_hash(60));
}

#[test]
fn run_json_prints_one_parseable_document_with_the_documented_fields() {
    let out = cli(
        &["run", "s.json", "--until", "60", "--json"],
        &[("s.json", DEFAULT_SCENARIO_JSON)],
    );
    assert_eq!(out.code, 0, "{out:?}");
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("stdout is JSON");
    assert_eq!(doc["traceHash"].as_str(), Some(expected_hash(60).as_str()));
    for key in ["events", "services", "instances", "tasks"] {
        assert!(doc[key].is_array(), "{key} is not an array");
    }
    // The default scenario: services web and api; three m5.large instances at start.
    let names: Vec<&str> = doc["services"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["serviceName"].as_str())
        .collect();
    assert_eq!(names, vec!["web", "api"]);
    assert_eq!(doc["instances"].as_array().unwrap().len(), 3);
    assert!(!doc["events"].as_array().unwrap().is_empty());
    // A short run drops nothing, and says so.
    assert_eq!(doc["eventsDropped"], 0);
    assert_eq!(doc["stoppedTasksOmitted"], 0);
}

#[test]
fn usage_errors_exit_2() {
    let files = [("s.json", DEFAULT_SCENARIO_JSON)];
    for args in [
        &["run", "s.json"][..],
        &["run", "s.json", "--until", "soon"][..],
        &["validate"][..],
        &["frobnicate"][..],
        &[][..],
    ] {
        let out = cli(args, &files);
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
        assert!(out.stderr.starts_with("error: "), "{args:?}: {out:?}");
    }
}

#[test]
fn run_json_metrics_adds_one_minute_series_with_name_dimension_and_datapoints() {
    let scenario = include_str!("../../tests/golden/traffic_step_doubles_cpu.json");
    let out = cli(
        &["run", "s.json", "--until", "120", "--json", "--metrics"],
        &[("s.json", scenario)],
    );
    assert_eq!(out.code, 0, "{out:?}");
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("stdout is JSON");
    let cpu = doc["metrics"]
        .as_array()
        .and_then(|m| m.iter().find(|s| s["name"] == "CPUUtilization"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        cpu["dimension"],
        serde_json::json!({ "ServiceName": "web" })
    );
    // 25 req/s per 1024-unit task at 10 ms each: 25% in both minutes.
    assert_eq!(
        cpu["datapoints"],
        serde_json::json!([{ "at": 60000, "value": 25.0 }, { "at": 120000, "value": 25.0 }])
    );
    // Without --metrics the document has no metrics key; --metrics needs --json.
    let plain = cli(
        &["run", "s.json", "--until", "60", "--json"],
        &[("s.json", scenario)],
    );
    let doc: serde_json::Value = serde_json::from_str(&plain.stdout).expect("stdout is JSON");
    assert!(doc.get("metrics").is_none());
    let bad = cli(
        &["run", "s.json", "--until", "60", "--metrics"],
        &[("s.json", scenario)],
    );
    assert_eq!(bad.code, 2);
}

// Hostile inputs (issue #10 "Reliability at the limits"): each is one regression test.

/// An endless stream of zeros (like `/dev/zero`) that counts what was read from it.
struct Zeros<'a>(&'a Cell<usize>);

impl Read for Zeros<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        buf.fill(0);
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
}

struct EndlessFile(Cell<usize>);

impl Input for EndlessFile {
    fn open(&self, _: &str) -> io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(Zeros(&self.0)))
    }

    fn stdin(&self) -> Box<dyn Read + '_> {
        Box::new(Zeros(&self.0))
    }
}

#[test]
fn an_endless_input_is_refused_after_reading_the_cap_plus_one_byte() {
    for command in [
        &["validate", "/dev/zero"][..],
        &["run", "/dev/zero", "--until", "1"],
    ] {
        for from_stdin in [false, true] {
            let mut a = command.to_vec();
            if from_stdin {
                a[1] = "-";
            }
            let input = EndlessFile(Cell::new(0));
            let out = main(&args(&a), &input);
            assert_eq!(out.code, 2, "{out:?}");
            assert_eq!(input.0.get(), MAX_INPUT_BYTES + 1, "{a:?}");
            let name = if from_stdin { "<stdin>" } else { "/dev/zero" };
            assert_eq!(
                out.stderr,
                format!("error: {name} is larger than 1048576 bytes; at most 1048576 are read\n")
            );
        }
    }
}

#[test]
fn a_file_one_byte_over_the_cap_is_refused_and_one_at_the_cap_is_read() {
    let at_cap = format!(
        "{}{}",
        DEFAULT_SCENARIO_JSON,
        " ".repeat(MAX_INPUT_BYTES - DEFAULT_SCENARIO_JSON.len())
    );
    assert_eq!(at_cap.len(), MAX_INPUT_BYTES);
    let out = cli(&["validate", "s.json"], &[("s.json", &at_cap)]);
    assert_eq!(out.code, 0, "{out:?}");
    let over = format!("{at_cap} ");
    let out = cli(&["validate", "s.json"], &[("s.json", &over)]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains("is larger than 1048576 bytes"),
        "{out:?}"
    );
}

#[test]
fn a_newline_in_a_key_gives_exactly_one_error_line() {
    let mut td = task_definition(5);
    td["fam\nerror: forged: yes\nvalid: task definition x"] = 1.into();
    let out = cli(&["validate", "td.json"], &[("td.json", &td.to_string())]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("fam\\nerror: forged: yes\\nvalid: task definition x"),
        "{}",
        out.stdout
    );
    // In a scenario too, where the key is part of the path.
    let mut doc: serde_json::Value = serde_json::from_str(DEFAULT_SCENARIO_JSON).unwrap();
    doc["services"][0]["x\ny"] = 1.into();
    for command in ["validate", "run"] {
        let out = cli(
            &[command, "s.json", "--until", "1"][..if command == "run" { 4 } else { 2 }],
            &[("s.json", &doc.to_string())],
        );
        assert_eq!(out.code, 1, "{out:?}");
        assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
        assert!(out.stdout.contains("x\\ny"), "{}", out.stdout);
    }
}

#[test]
fn escape_and_bell_are_escaped_in_errors_and_in_the_run_report() {
    let mut td = task_definition(5);
    td["\u{1b}[2J\u{7}"] = 1.into();
    let out = cli(&["validate", "td.json"], &[("td.json", &td.to_string())]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        !out.stdout.contains(['\u{1b}', '\u{7}']),
        "{:?}",
        out.stdout
    );
    assert!(out.stdout.contains("\\u{1b}[2J\\u{7}"), "{}", out.stdout);

    // A file name is user text too.
    let out = cli(&["validate", "a\u{1b}b\nc"], &[]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stderr.lines().count(), 1, "{:?}", out.stderr);
    assert!(out.stderr.contains("a\\u{1b}b\\nc"), "{:?}", out.stderr);

    // Every printed line of a run is free of control characters (the report is built from
    // names and event texts).
    let out = cli(
        &["run", "s.json", "--until", "120"],
        &[("s.json", DEFAULT_SCENARIO_JSON)],
    );
    assert_eq!(out.code, 0);
    assert!(
        !out.stdout.chars().any(|c| c.is_control() && c != '\n'),
        "{}",
        out.stdout
    );
    assert_eq!(echo::line("web\u{7}\nx"), "web\\u{7}\\nx");
}

#[test]
fn a_900_kb_value_is_cut_to_200_characters_and_marked() {
    let long = "x".repeat(900_000);
    // A long value, and a long unknown key.
    for (key, value) in [("networkMode", long.as_str()), (long.as_str(), "x")] {
        let mut td = task_definition(5);
        td[key] = value.into();
        let out = cli(&["validate", "td.json"], &[("td.json", &td.to_string())]);
        assert_eq!(out.code, 1, "{out:?}");
        assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
        assert!(out.stdout.len() < 2_000, "{}", out.stdout);
        assert!(
            out.stdout.contains(&format!("{}…", "x".repeat(200))),
            "{}",
            out.stdout
        );
        assert!(!out.stdout.contains(&"x".repeat(201)));
    }

    let mut doc: serde_json::Value = serde_json::from_str(DEFAULT_SCENARIO_JSON).unwrap();
    doc["services"][0]["taskDefinition"] = long.clone().into();
    let out = cli(
        &["run", "s.json", "--until", "1"],
        &[("s.json", &doc.to_string())],
    );
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stdout.len() < 2_000, "{}", out.stdout);
    assert_problem_lines(&out);
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let with_bom = format!("\u{feff}{DEFAULT_SCENARIO_JSON}");
    let out = cli(&["validate", "s.json"], &[("s.json", &with_bom)]);
    assert_eq!(out.code, 0, "{out:?}");
    let out = cli(
        &["run", "s.json", "--until", "60"],
        &[("s.json", &with_bom)],
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out
        .stdout
        .ends_with(&format!("trace hash: {}\n", expected_hash(60))));
    // Positions are counted after the mark, as an editor shows them.
    let out = cli(
        &["validate", "b.json"],
        &[("b.json", "\u{feff}{\n  oops\n}")],
    );
    assert!(
        out.stderr
            .starts_with("error: b.json:2:3: JSON syntax error"),
        "{out:?}"
    );
}

#[test]
fn input_that_is_not_utf8_exits_2_naming_the_offset() {
    let memory = Memory {
        files: [("x.json".to_string(), b"{\"a\": \"\xff\"}".to_vec())].into(),
        stdin: Vec::new(),
    };
    let out = main(&args(&["validate", "x.json"]), &memory);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: x.json is not UTF-8 text (invalid byte at offset 7)\n"
    );
}

#[test]
fn a_dash_reads_standard_input() {
    let td = task_definition(5).to_string();
    let out = cli_stdin(&["validate", "-", "--no-advice"], td.as_bytes());
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, "valid: task definition web\n");
    let out = cli_stdin(
        &["run", "-", "--until", "60"],
        DEFAULT_SCENARIO_JSON.as_bytes(),
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out
        .stdout
        .ends_with(&format!("trace hash: {}\n", expected_hash(60))));
    let out = cli_stdin(&["validate", "-"], b"{,}");
    assert_eq!(
        out.stderr,
        "error: <stdin>:1:2: JSON syntax error: key must be a string\n"
    );
}

#[test]
fn run_and_validate_print_the_same_syntax_error() {
    for text in [
        "",
        "{",
        "{\"version\": 1,}",
        "[1 2]",
        "{\"a\": \"\u{1}\"}",
        "nul",
    ] {
        let v = cli(&["validate", "f.json"], &[("f.json", text)]);
        let r = cli(&["run", "f.json", "--until", "1"], &[("f.json", text)]);
        assert_eq!(v.code, 2, "{text:?}: {v:?}");
        assert_eq!(v, r, "{text:?}");
        assert!(v.stderr.starts_with("error: f.json:"), "{v:?}");
        assert!(v.stderr.contains(": JSON syntax error: "), "{v:?}");
        assert_eq!(v.stderr.lines().count(), 1);
    }
}

#[test]
fn run_json_prints_tasks_services_and_run_task_calls_as_the_aws_cli_does() {
    // describe-tasks, describe-services and RunTask field names; times in ms of simulated time.
    let scenario = include_str!("../../tests/golden/run_task_timeline.json");
    let out = cli(
        &["run", "s.json", "--until", "120", "--json"],
        &[("s.json", scenario)],
    );
    assert_eq!(out.code, 0, "{out:?}");
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("stdout is JSON");
    // RunTask at 30 s: one task, one RESOURCE:MEMORY failure naming the container instance.
    let calls = doc["runTasks"].as_array().expect("runTasks");
    assert_eq!(calls.len(), 2);
    let first = &calls[0];
    assert_eq!(first["at"], 30_000);
    assert_eq!(first["taskDefinition"], "batch:1");
    assert_eq!(first["count"], 2);
    let task_arn = first["tasks"][0].as_str().expect("a task ARN");
    assert!(
        task_arn.starts_with("arn:aws:ecs:us-east-1:123456789012:task/default/"),
        "{task_arn}"
    );
    assert_eq!(task_arn.rsplit('/').next().map(str::len), Some(32));
    let failure = &first["failures"][0];
    assert_eq!(failure["reason"], "RESOURCE:MEMORY");
    let ci = doc["instances"][0]["containerInstanceId"]
        .as_str()
        .expect("id");
    assert_eq!(
        failure["arn"],
        format!("arn:aws:ecs:us-east-1:123456789012:container-instance/default/{ci}")
    );
    assert!(failure["detail"].as_str().is_some_and(|d| !d.is_empty()));
    // The task as describe-tasks prints it.
    let tasks = doc["tasks"].as_array().expect("tasks");
    assert_eq!(tasks.len(), 2);
    let t = tasks
        .iter()
        .find(|t| t["taskArn"] == task_arn)
        .expect("the RunTask task");
    assert_eq!(t["lastStatus"], "RUNNING");
    assert_eq!(t["desiredStatus"], "RUNNING");
    assert_eq!(t["healthStatus"], "UNKNOWN");
    assert_eq!(t["launchType"], "EC2");
    assert_eq!(t["group"], "family:batch");
    assert_eq!(t["cpu"], "256");
    assert_eq!(t["memory"], "5000");
    assert_eq!(t["availabilityZone"], doc["instances"][0]["zone"]);
    assert_eq!(
        t["containerInstanceArn"],
        format!("arn:aws:ecs:us-east-1:123456789012:container-instance/default/{ci}")
    );
    assert!(t["taskDefinitionArn"]
        .as_str()
        .is_some_and(|a| a.ends_with(":task-definition/batch:1")));
    // Created and its pull begun at the call; RUNNING after the 8 s default pull.
    assert_eq!(t["createdAt"], 30_000);
    assert_eq!(t["pullStartedAt"], 30_000);
    assert_eq!(t["startedAt"], 38_000);
    for absent in [
        "stoppingAt",
        "stoppedAt",
        "stopCode",
        "stoppedReason",
        "capacityProviderName",
    ] {
        assert!(t.get(absent).is_none(), "{absent} on a running task");
    }
    // No service in this scenario; the full task ID is in the event text.
    assert_eq!(doc["services"], serde_json::json!([]));
    let id = task_arn.rsplit('/').next().unwrap_or_default();
    assert!(doc["events"]
        .as_array()
        .expect("events")
        .iter()
        .any(|e| e["text"].as_str().is_some_and(|s| s.contains(id))));
}

#[test]
fn run_json_services_follow_describe_services() {
    let out = cli(
        &["run", "s.json", "--until", "90", "--json"],
        &[("s.json", DEFAULT_SCENARIO_JSON)],
    );
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("stdout is JSON");
    let web = &doc["services"][0];
    assert_eq!(web["serviceName"], "web");
    assert_eq!(
        web["serviceArn"],
        "arn:aws:ecs:us-east-1:123456789012:service/default/web"
    );
    assert_eq!(
        web["clusterArn"],
        "arn:aws:ecs:us-east-1:123456789012:cluster/default"
    );
    // launchType or capacityProviderStrategy, never both (API Service); no free-text field.
    assert!(web.get("launchType").is_some() != web.get("capacityProviderStrategy").is_some());
    assert!(web.get("launch").is_none());
    assert_eq!(web["desiredCount"], 6);
    assert_eq!(web["runningCount"], 6);
    assert_eq!(web["pendingCount"], 0);
    // The PRIMARY deployment with its own counts.
    let d = &web["deployments"][0];
    assert_eq!(d["status"], "PRIMARY");
    assert_eq!(
        (d["desiredCount"].clone(), d["runningCount"].clone()),
        (6.into(), 6.into())
    );
    // Events newest first, each { createdAt, message }, at most 100.
    let events = web["events"].as_array().expect("events");
    assert!(!events.is_empty() && events.len() <= 100);
    let times: Vec<u64> = events
        .iter()
        .filter_map(|e| e["createdAt"].as_u64())
        .collect();
    assert_eq!(times.len(), events.len());
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "{times:?}");
    assert!(events.iter().all(|e| e["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("(service web)"))));
}

// ---- ecs-sim check (grading against a challenge) ----

/// Lesson 1's reference solution and its starting scenario, as files a student hands in.
fn lesson_one_files() -> (String, String) {
    let lesson = ecs_sim::challenge::course::lesson("fargate-task-size").expect("lesson 1");
    let c = ecs_sim::challenge::Challenge::parse(lesson.json).expect("loads");
    let solution = ecs_sim::form::to_text(&c.solution().expect("has a solution"));
    (solution, c.start_text())
}

#[test]
fn check_prints_one_line_per_goal_and_fails_the_starting_scenario() {
    let out = cli(&["check", "lesson:fargate-task-size"], &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.contains(
        "  FAILED   two-running: At least 2 running tasks of api at all times from 0:02:00 to 0:15:00 — at 0:02:00: only 0 running tasks of api; the goal is ≥ 2"
    ), "{}", out.stdout);
    // The crash loop costs almost nothing, but the cost goal needs the running one.
    assert!(out.stdout.contains(
        "  FAILED   cost: The cost per hour is at most $0.04 at all times from 0:02:00 to 0:15:00 — met on its own, but counts only once goal 1 is met"
    ), "{}", out.stdout);
    assert!(out.stdout.contains("result: FAIL (0 of 2 goals met)"));
}

#[test]
fn check_grades_several_solutions_with_a_summary_table_and_codes() {
    let (good, start) = lesson_one_files();
    let out = cli(
        &[
            "check",
            "lesson:fargate-task-size",
            "alice.json",
            "bob.json",
        ],
        &[("alice.json", &good), ("bob.json", &start)],
    );
    assert_eq!(out.code, 1);
    let table = out
        .stdout
        .split("\nsolution ")
        .nth(1)
        .expect("a summary table");
    let alice = table.lines().find(|l| l.starts_with("alice.json")).unwrap();
    assert!(alice.contains("2/2  PASS    ECS-"), "{alice}");
    let bob = table.lines().find(|l| l.starts_with("bob.json")).unwrap();
    assert!(bob.contains("0/2  FAIL    -"), "{bob}");

    let out = cli(
        &["check", "lesson:fargate-task-size", "alice.json", "--json"],
        &[("alice.json", &good)],
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("one JSON document");
    assert_eq!(doc["challenge"], "fargate-task-size");
    assert_eq!(doc["solutions"][0]["file"], "alice.json");
    assert_eq!(doc["solutions"][0]["passed"], true);
    assert_eq!(doc["solutions"][0]["goals"][0]["state"], "met");
    let code = doc["solutions"][0]["completionCode"]
        .as_str()
        .unwrap()
        .to_string();

    // The teacher verifies the code the student handed in, against the student's solution.
    let ok = cli(
        &[
            "check",
            "lesson:fargate-task-size",
            "alice.json",
            "--code",
            &code.to_lowercase(),
        ],
        &[("alice.json", &good)],
    );
    assert_eq!(ok.code, 0);
    assert!(ok.stdout.contains("code: matches"));
    let wrong = cli(
        &[
            "check",
            "lesson:fargate-task-size",
            "bob.json",
            "--code",
            &code,
        ],
        &[("bob.json", &start)],
    );
    assert_eq!(wrong.code, 1);
    assert!(wrong.stdout.contains("code: does NOT match"));
}

#[test]
fn check_grades_the_readable_solutions_when_one_hand_in_is_not() {
    // An instructor's walkthrough: one empty hand-in made the whole run exit 2 with nothing
    // on stdout, so nobody was graded.
    let (good, _) = lesson_one_files();
    let out = cli(
        &[
            "check",
            "lesson:fargate-task-size",
            "alice.json",
            "empty.txt",
            "--json",
        ],
        &[("alice.json", &good), ("empty.txt", "")],
    );
    assert_eq!(out.code, 2, "an unreadable hand-in still says so");
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("one JSON document");
    assert_eq!(doc["solutions"][0]["file"], "alice.json");
    assert_eq!(doc["solutions"][0]["passed"], true);
    assert_eq!(doc["unreadable"][0]["file"], "empty.txt");
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(
        out.stderr.starts_with("error: empty.txt: "),
        "{}",
        out.stderr
    );
    // Nothing readable: nothing graded, exit 2.
    let none = cli(
        &["check", "lesson:fargate-task-size", "empty.txt"],
        &[("empty.txt", "")],
    );
    assert_eq!((none.code, none.stdout.as_str()), (2, ""));
}

#[test]
fn check_reads_share_links_for_the_challenge_and_the_solution() {
    let (good, _) = lesson_one_files();
    let lesson = ecs_sim::challenge::course::lesson("fargate-task-size").unwrap();
    let challenge_link = format!(
        "http://127.0.0.1:8080/#{}\n",
        ecs_sim::challenge::link::encode(lesson.json).unwrap()
    );
    let solution_link = ecs_sim::scenario::share::fragment_for(&good);
    let out = cli(
        &["check", "c.link", "s.link"],
        &[("c.link", &challenge_link), ("s.link", &solution_link)],
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out
        .stdout
        .contains("result: PASS (2 of 2 goals met); completion code ECS-"));
    // The header names the challenge's version, the lesson pane's for a shared challenge: a
    // link with easier goals under the same id and title reads another.
    let version = ecs_sim::challenge::Challenge::parse(lesson.json)
        .unwrap()
        .fingerprint();
    assert!(
        out.stdout
            .starts_with(&format!("challenge fargate-task-size version {version}: ")),
        "{}",
        out.stdout
    );
    let mut easier: serde_json::Value = serde_json::from_str(lesson.json).unwrap();
    easier["goals"][0]["atLeast"] = serde_json::json!(0);
    let easier_link = format!(
        "#{}",
        ecs_sim::challenge::link::encode(&easier.to_string()).unwrap()
    );
    let out = cli(
        &["check", "c.link", "s.link", "--json"],
        &[("c.link", &easier_link), ("s.link", &solution_link)],
    );
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("one JSON document");
    assert_eq!(doc["challenge"], "fargate-task-size");
    assert!(
        doc["version"]
            .as_str()
            .is_some_and(|v| v.len() == 8 && v != version),
        "{doc}"
    );
}

#[test]
fn check_self_test_and_refusals() {
    assert_eq!(
        cli(&["check", "lesson:fargate-task-size", "--self-test"], &[]).code,
        0
    );
    let out = cli(&["check", "lesson:no-such-lesson"], &[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("the lessons are: fargate-task-size"));
    let out = cli(&["check", "s.json"], &[("s.json", DEFAULT_SCENARIO_JSON)]);
    assert_eq!(out.code, 2);
    assert!(
        out.stdout.starts_with("error: kind: missing"),
        "{}",
        out.stdout
    );
    let lesson = ecs_sim::challenge::course::lesson("fargate-task-size").unwrap();
    let hostile = lesson
        .json
        .replace("\"title\": \"1.", "\"title\": \"\\u001b[2J1.");
    let out = cli(&["check", "c.json"], &[("c.json", &hostile)]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "error: title: a one-line title is needed\n");
    let out = cli(
        &["check", "c.json", "x.json"],
        &[("c.json", lesson.json), ("x.json", "#v9.abc")],
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("not a scenario file or link"));
    assert_eq!(cli(&["check"], &[]).code, 2);
    assert_eq!(
        cli(
            &["check", "lesson:fargate-task-size", "--code", "nope"],
            &[]
        )
        .code,
        2
    );
}
