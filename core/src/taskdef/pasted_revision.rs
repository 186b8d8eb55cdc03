//! The revision number inside pasted `describe-task-definition` output, which registering does
//! not keep. RegisterTaskDefinition takes no `revision`: `revision` and `taskDefinitionArn` are
//! read-only fields of the output, and ECS gives each registration the family's next number
//! (<https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html>:
//! "The first task definition that's registered into a family is given a revision number of 1.
//! Any task definition that's registered after that is given a sequential revision number.").
//! The task definition tab dropped the pasted `revision: 8` without a word, and the pasted
//! `hello_world:8` came out as `hello_world:1` (an engineer's walkthrough, 2026-12-05): this
//! says which field is ignored and what the tab's button gives instead.

use serde_json::Value;

/// What the tab's button does with the pasted definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// RegisterTaskDefinition into the family: the family's next revision.
    NextRevision,
    /// RegisterTaskDefinition of a family the scenario does not have: its revision 1.
    NewFamily,
    /// In a lesson the edit goes into the revision the lesson runs, which keeps its number.
    InPlace,
    /// `ecs-sim validate` of the definition alone: in ECS the family's next revision in the
    /// account, here a new family's revision 1 (the CLI said "a new family starts at revision
    /// 1" of output from an account that has the family: review, 2026-12-06).
    Alone,
}

/// The revision a describe output names and the field that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastedRevision {
    /// The JSON path of that field (`taskDefinition.revision`, or the ARN's when the output
    /// has no `revision`).
    pub path: String,
    /// The revision number in the paste.
    pub revision: u64,
}

/// The revision `describe-task-definition` output (`{"taskDefinition": {…}}`) names: its
/// `revision`, else the number after the last `:` of its `taskDefinitionArn`. `None` for the
/// RegisterTaskDefinition shape, where a `revision` is already refused as an unknown parameter.
pub fn pasted_revision(definition: &Value) -> Option<PastedRevision> {
    let inner = definition.get("taskDefinition")?;
    if let Some(revision) = inner.get("revision").and_then(Value::as_u64) {
        return Some(PastedRevision {
            path: "taskDefinition.revision".into(),
            revision,
        });
    }
    let arn = inner.get("taskDefinitionArn").and_then(Value::as_str)?;
    let revision = arn.rsplit_once(':')?.1.parse().ok()?;
    Some(PastedRevision {
        path: "taskDefinition.taskDefinitionArn".into(),
        revision,
    })
}

/// A plain sentence when the pasted output names a revision other than `family:number`, the one
/// the tab's button gives (`outcome`); `None` when the paste names none or the same one.
pub fn revision_note(
    definition: &Value,
    family: &str,
    number: u32,
    outcome: Outcome,
) -> Option<String> {
    let pasted = pasted_revision(definition)?;
    if pasted.revision == u64::from(number) {
        return None;
    }
    let gives = match outcome {
        Outcome::NextRevision => {
            "RegisterTaskDefinition ignores it and gives the family's next revision"
        }
        Outcome::NewFamily => {
            "RegisterTaskDefinition ignores it, and a new family starts at revision 1"
        }
        Outcome::InPlace => {
            "in a lesson the edit goes into the revision the lesson runs, which keeps its number"
        }
        Outcome::Alone => {
            "RegisterTaskDefinition ignores it and gives the family's next revision in the account; validated alone here, as a new family"
        }
    };
    Some(format!(
        "Revision {} in the pasted output ({}) is read-only: {gives}: {family}:{number}.",
        pasted.revision, pasted.path
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// `aws ecs describe-task-definition --task-definition hello_world:8`, cut down.
    fn hello_world_8() -> Value {
        json!({
            "taskDefinition": {
                "taskDefinitionArn": "arn:aws:ecs:us-east-1:012345678910:task-definition/hello_world:8",
                "family": "hello_world",
                "revision": 8,
                "status": "ACTIVE",
                "registeredAt": "2026-12-01T10:00:00.000Z",
                "containerDefinitions": [{ "name": "wordpress", "image": "wordpress", "memory": 500 }]
            },
            "tags": []
        })
    }

    #[test]
    fn a_pasted_revision_8_is_named_with_its_field_and_the_revision_register_gives() {
        // RegisterTaskDefinition: revisions are sequential per family, the input has no revision.
        let note = revision_note(&hello_world_8(), "hello_world", 2, Outcome::NextRevision);
        assert_eq!(
            note.as_deref(),
            Some("Revision 8 in the pasted output (taskDefinition.revision) is read-only: RegisterTaskDefinition ignores it and gives the family's next revision: hello_world:2.")
        );
        let new = revision_note(&hello_world_8(), "hello_world", 1, Outcome::NewFamily).unwrap();
        assert!(
            new.contains("a new family starts at revision 1: hello_world:1"),
            "{new}"
        );
        let lesson = revision_note(&hello_world_8(), "hello_world", 1, Outcome::InPlace).unwrap();
        assert!(
            lesson.contains("keeps its number: hello_world:1"),
            "{lesson}"
        );
    }

    #[test]
    fn nothing_is_said_when_the_numbers_agree_or_the_paste_names_no_revision() {
        assert_eq!(
            revision_note(&hello_world_8(), "hello_world", 8, Outcome::NextRevision),
            None
        );
        let register_shape = json!({ "family": "hello_world", "containerDefinitions": [] });
        assert_eq!(pasted_revision(&register_shape), None);
        assert_eq!(pasted_revision(&json!({ "taskDefinition": {} })), None);
        assert_eq!(pasted_revision(&json!({ "taskDefinition": 3 })), None);
    }

    #[test]
    fn without_revision_the_arn_names_it() {
        let mut d = hello_world_8();
        if let Some(o) = d["taskDefinition"].as_object_mut() {
            o.shift_remove("revision");
        }
        assert_eq!(
            pasted_revision(&d),
            Some(PastedRevision {
                path: "taskDefinition.taskDefinitionArn".into(),
                revision: 8
            })
        );
        d["taskDefinition"]["taskDefinitionArn"] = json!("not-an-arn");
        assert_eq!(pasted_revision(&d), None);
    }
}
