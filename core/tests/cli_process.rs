//! The `ecs-sim` binary itself: standard input for `-`, and a real oversize file refused
//! (the library's contract is in `cli.rs`; this checks the thin shell wires it up).

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_ecs-sim");

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the ecs-sim binary starts");
    // The binary may exit before reading everything (that is the point of the cap).
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    let out = child.wait_with_output().expect("it exits");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn dash_is_standard_input_and_a_bom_is_accepted() {
    let text = format!("\u{feff}{}", ecs_sim::scenario::DEFAULT_SCENARIO_JSON);
    let (code, stdout, stderr) = run(&["validate", "-"], text.as_bytes());
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("valid: scenario"), "{stdout}");
}

#[test]
fn a_file_of_the_cap_plus_two_bytes_is_refused() {
    let path = std::env::temp_dir().join(format!("ecs-sim-oversize-{}.json", std::process::id()));
    std::fs::write(&path, vec![b' '; ecs_sim::cli::MAX_INPUT_BYTES + 2]).expect("temp file");
    let (code, stdout, stderr) = run(&["validate", path.to_str().expect("utf-8 path")], b"");
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("is larger than 1048576 bytes"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn dev_zero_is_refused_without_reading_it_all() {
    let (code, _, stderr) = run(&["validate", "/dev/zero"], b"");
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "error: /dev/zero is larger than 1048576 bytes; at most 1048576 are read\n"
    );
}
