//! Field documentation: for each JSON object the engine reads, its keys with a sentence or two
//! in this project's words (what the key does, its default, its bounds), the values it accepts
//! when they are a fixed set, and the AWS page that defines it. Each concept writes the tables
//! of its own keys (`<concept>/field_docs.rs`); `scenario::field_docs` gathers them into the
//! schema the editor completes and documents from. Pure data, so it is tested natively.

/// One key of a JSON object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldDoc {
    /// The key as written in JSON.
    pub key: &'static str,
    /// What it does, its default and bounds, in one or two sentences.
    pub doc: &'static str,
    /// The values it accepts when they are a fixed set (empty otherwise).
    pub values: &'static [&'static str],
    /// The AWS API Reference or Developer Guide page (or this project's README for simulator keys).
    pub url: &'static str,
    /// The context (a [`Context::name`]) of its value: an object, or each object of an array.
    pub child: Option<&'static str>,
    /// The value is an object of free keys (an image reference, say) each holding a `child`.
    pub keyed: bool,
    /// Of `values`, those a task definition requiring FARGATE may use (`None`: all of them).
    /// Completion offers the others last and marked, so the editor does not suggest a value
    /// that registration would refuse.
    pub fargate: Option<&'static [&'static str]>,
}

impl FieldDoc {
    /// A key with its documentation and page.
    pub const fn new(key: &'static str, doc: &'static str, url: &'static str) -> Self {
        FieldDoc {
            key,
            doc,
            values: &[],
            url,
            child: None,
            keyed: false,
            fargate: None,
        }
    }

    /// The same key, accepting only `values`.
    pub const fn values(self, values: &'static [&'static str]) -> Self {
        FieldDoc { values, ..self }
    }

    /// The same key, of whose `values` a Fargate task definition may use only `allowed`.
    pub const fn fargate(self, allowed: &'static [&'static str]) -> Self {
        FieldDoc {
            fargate: Some(allowed),
            ..self
        }
    }

    /// The same key, whose value (or each item of its array) is an object of context `child`.
    pub const fn child(self, child: &'static str) -> Self {
        FieldDoc {
            child: Some(child),
            ..self
        }
    }

    /// The same key, whose value maps free keys to objects of context `child`.
    pub const fn keyed(self, child: &'static str) -> Self {
        FieldDoc {
            child: Some(child),
            keyed: true,
            ..self
        }
    }
}

/// The keys of one JSON object shape (a task definition, a container definition …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    /// The name `child` refers to, e.g. `containerDefinition`.
    pub name: &'static str,
    /// Its keys.
    pub fields: &'static [FieldDoc],
}
