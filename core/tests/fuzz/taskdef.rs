//! Target 3: task-definition reading and validation (`taskdef`), both input shapes.

use crate::gen::{assert_problems_have_paths, document_bytes, task_definitions};
use ecs_sim::taskdef::{self, parse_task_definition, task_definition_from_value, Shape};
use proptest::prelude::*;
use serde_json::Value;

/// A mutated task definition, sometimes wrapped as describe-task-definition output.
fn input() -> impl Strategy<Value = Vec<u8>> {
    (document_bytes(task_definitions()), any::<bool>()).prop_map(|(bytes, describe)| {
        if describe {
            let mut out = b"{\"taskDefinition\": ".to_vec();
            out.extend(bytes);
            out.extend(b", \"tags\": []}");
            out
        } else {
            bytes
        }
    })
}

proptest! {
    #![proptest_config(crate::gen::config(2_000))]

    #[test]
    fn task_definitions_never_panic_and_problems_have_paths(bytes in input()) {
        let text = String::from_utf8_lossy(&bytes);
        // The text entry point (the editor's) never panics.
        let _ = parse_task_definition(&text);
        let Ok(value) = serde_json::from_str::<Value>(&text) else { return Ok(()) };
        let is_object = value.is_object();
        match task_definition_from_value(value) {
            Err(problems) => {
                if is_object {
                    assert_problems_have_paths(&problems, "task_definition_from_value");
                }
            }
            Ok((td, shape)) => {
                let problems = taskdef::validate(&td);
                if !problems.is_empty() {
                    assert_problems_have_paths(&problems, "validate");
                } else {
                    // A valid definition's own serialization reads back the same.
                    let again = serde_json::to_value(&td).expect("serializes");
                    let (back, back_shape) = task_definition_from_value(again)
                        .map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
                    prop_assert_eq!(back_shape, Shape::Register);
                    prop_assert_eq!(&back, &td);
                    prop_assert!(taskdef::validate(&back).is_empty());
                    let _ = shape;
                }
            }
        }
    }
}
