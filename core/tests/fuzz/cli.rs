//! The command line over the same inputs: one problem is one line, nothing raw reaches the
//! terminal, and nothing printed is longer than the documented cut.

use crate::gen::{document_bytes, examples, task_definitions};
use ecs_sim::cli::{echo, main, Input};
use proptest::prelude::*;
use std::io::{self, Read};

struct Bytes(Vec<u8>);

impl Input for Bytes {
    fn open(&self, _: &str) -> io::Result<Box<dyn Read + '_>> {
        Ok(Box::new(self.0.as_slice()))
    }
    fn stdin(&self) -> Box<dyn Read + '_> {
        Box::new(self.0.as_slice())
    }
}

proptest! {
    #![proptest_config(crate::gen::config(1_000))]

    #[test]
    fn validate_prints_one_clean_line_per_problem(
        bytes in prop_oneof![document_bytes(examples()), document_bytes(task_definitions())],
        bom in any::<bool>(),
    ) {
        let mut input = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        input.extend(bytes);
        let out = main(&["validate".to_string(), "-".to_string()], &Bytes(input));
        prop_assert!((0..=2).contains(&out.code));
        for line in out.stdout.lines().chain(out.stderr.lines()) {
            prop_assert!(!line.chars().any(|c| c.is_control()), "{:?}", line);
            prop_assert!(line.chars().count() <= 2 * echo::MAX_LINE_CHARS + 2 * echo::MAX_ECHO_CHARS, "{} chars", line.len());
        }
        match out.code {
            // One `valid:` line, then best-practice findings, one `warning:` line each.
            0 => {
                prop_assert!(out.stdout.starts_with("valid: "), "{:?}", out.stdout);
                for line in out.stdout.lines().skip(1) {
                    prop_assert!(line.starts_with("warning: "), "{:?}", line);
                }
            }
            1 => {
                prop_assert!(out.stderr.is_empty());
                for line in out.stdout.lines() {
                    prop_assert!(line.starts_with("error: "), "{:?}", line);
                    prop_assert!(line.split_once(": ").is_some_and(|(_, rest)| rest.contains(": ")));
                }
            }
            _ => {
                prop_assert!(out.stdout.is_empty());
                prop_assert_eq!(out.stderr.lines().count(), 1);
                prop_assert!(out.stderr.starts_with("error: <stdin>"), "{:?}", out.stderr);
            }
        }
    }
}
