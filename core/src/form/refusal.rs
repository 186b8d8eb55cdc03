//! A form refuses an edit with the first problem the concept's own rules find, in words that
//! name the field once.

use crate::problem::Problem;

/// The first problem as one refusal message for a form: the message alone when it begins with
/// the field's own name (and no list index is lost), else `path: message`, so the text always
/// names the JSON field.
pub fn refusal(problems: Vec<Problem>) -> Result<(), String> {
    let Some(p) = problems.into_iter().next() else {
        return Ok(());
    };
    let field = p.path.rsplit('.').next().unwrap_or_default();
    if !field.is_empty() && !p.path.contains('[') && p.message.starts_with(field) {
        Err(p.message)
    } else {
        Err(format!("{}: {}", p.path, p.message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusal_names_the_field_once() {
        assert_eq!(
            refusal(vec![Problem::new(
                "targetValue",
                "targetValue must be above 0"
            )]),
            Err("targetValue must be above 0".into())
        );
        assert_eq!(
            refusal(vec![Problem::new(
                "stepAdjustments[1]",
                "step ranges can't overlap"
            )]),
            Err("stepAdjustments[1]: step ranges can't overlap".into())
        );
        assert_eq!(refusal(Vec::new()), Ok(()));
    }
}
