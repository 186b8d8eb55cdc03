//! A scenario's `name` and `description` read from its text, for what the page and the menus
//! show about a scenario (the top bar, the description strip, the Examples menu, the restore
//! banner) without resolving it. One parse serves both.

/// What a scenario says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heading {
    /// Its `name`, when the text is JSON with a string `name`.
    pub name: Option<String>,
    /// Its `description`, likewise.
    pub description: Option<String>,
}

/// Reads the heading of scenario text; the fields are `None` for text that is not JSON or lacks
/// them (an invalid scenario still shows the name it has).
pub fn heading(text: &str) -> Heading {
    let Ok(doc) = serde_json::from_str::<serde_json::Value>(text) else {
        return Heading::default();
    };
    let field = |key: &str| doc.get(key).and_then(|v| v.as_str()).map(str::to_string);
    Heading {
        name: field("name"),
        description: field("description"),
    }
}

/// The file name *Download JSON* gives a scenario: its name in lowercase letters, digits and
/// `-` (at most 60 characters), then `.json`; `scenario.json` without a usable name. Every
/// download was `scenario.json`, so a class's hand-ins overwrote each other (instructor
/// walkthrough).
pub fn download_file_name(name: Option<&str>) -> String {
    let slug = slug(name.unwrap_or(""), 60);
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "scenario.json".to_string()
    } else {
        format!("{slug}.json")
    }
}

/// `text`'s ASCII letters and digits in lowercase, each run of anything else one `-` (none at
/// either end), cut to `max` characters; empty when it has no letter or digit. A file name from
/// a scenario's name, a challenge id from its title.
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_download_is_named_after_the_scenario() {
        assert_eq!(
            download_file_name(Some("Lesson 4: Fargate Spot, base and weight")),
            "lesson-4-fargate-spot-base-and-weight.json"
        );
        assert_eq!(download_file_name(Some("<b>7</b> ../x")), "b-7-b-x.json");
        assert_eq!(download_file_name(Some("…")), "scenario.json");
        assert_eq!(download_file_name(None), "scenario.json");
        assert!(download_file_name(Some(&"a".repeat(500))).len() <= 65);
    }

    #[test]
    fn name_and_description_come_from_the_text_and_anything_else_is_none() {
        let h = heading(r#"{"name": "Web", "description": "Two zones", "version": 1}"#);
        assert_eq!(
            (h.name.as_deref(), h.description.as_deref()),
            (Some("Web"), Some("Two zones"))
        );
        assert_eq!(heading(r#"{"name": 7}"#), Heading::default());
        assert_eq!(heading("{ not json"), Heading::default());
        assert_eq!(heading(r#"{"name": ""}"#).name.as_deref(), Some(""));
    }
}
