//! serde's type words in plain ones. A shape error of a scenario or lesson names Rust's types
//! (`invalid type: string "6", expected u32`); an engineer pasting a service definition reads
//! "u32" as noise (walkthrough 2026-12-04). The messages keep serde's structure (what was found,
//! what was expected) with the types said as a user of the AWS CLI would say them.

/// Rust's number types as a user reads them (each matched as a whole word: `expected u8` at the
/// end of the message or before a comma, so `u8` does not match `u32`).
const TYPES: [(&str, &str); 12] = [
    ("usize", "a whole number of 0 or more"),
    ("u64", "a whole number of 0 or more"),
    ("u32", "a whole number from 0 to 4294967295"),
    ("u16", "a whole number from 0 to 65535"),
    ("u8", "a whole number from 0 to 255"),
    ("isize", "a whole number"),
    ("i64", "a whole number"),
    ("i32", "a whole number from -2147483648 to 2147483647"),
    ("i16", "a whole number from -32768 to 32767"),
    ("i8", "a whole number from -128 to 127"),
    ("f64", "a number"),
    ("f32", "a number"),
];

/// `message` with serde's type names said in plain words, and a hint when a number was written
/// as a string (`"6"` where a number is expected: write it without quotes).
pub fn in_plain_words(message: &str) -> String {
    if let Some(m) = super::not_simulated::explained(message) {
        return m;
    }
    let mut out = message.replace("expected a boolean", "expected true or false");
    let mut expected = None;
    for (rust, plain) in TYPES {
        let from = format!("expected {rust}");
        if out.ends_with(&from) || out.contains(&format!("{from},")) {
            out = out.replace(&from, &format!("expected {plain}"));
            expected = Some(rust);
        }
    }
    // serde writes a number it refused as "integer `-1`" or "floating point `1.5`".
    for kind in ["integer", "floating point"] {
        let prefix = format!("{kind} `");
        if let Some(start) = out.find(&prefix) {
            if let Some(len) = out[start + prefix.len()..].find('`') {
                let value = out[start + prefix.len()..start + prefix.len() + len].to_string();
                out.replace_range(start..start + prefix.len() + len + 1, &value);
            }
        }
    }
    // A negative number for an unsigned field: its upper bound (4294967295 for a percent field)
    // is noise; that it cannot be negative is the point (student walkthrough, a minimum healthy
    // percent of -10).
    if let (Some(rust), true) = (expected, out.starts_with("invalid value: -")) {
        if rust.starts_with('u') {
            if let Some((_, plain)) = TYPES.iter().find(|(r, _)| *r == rust) {
                out = out.replace(plain, "a whole number of 0 or more");
            }
        }
    }
    if let (Some(rust), Some(quoted)) = (expected, string_found(message)) {
        if fits(rust, quoted) {
            out.push_str(&format!(" (write it without quotes: {quoted})"));
        }
    }
    out
}

/// Whether `quoted`, written without its quotes, is a value of the Rust type `rust`: only then
/// is "write it without quotes" advice that works ("-1" for a u32, "NaN", "1e3" are not).
fn fits(rust: &str, quoted: &str) -> bool {
    let digits = !quoted.is_empty() && quoted.bytes().all(|b| b.is_ascii_digit());
    match rust {
        "u8" => quoted.parse::<u8>().is_ok() && digits,
        "u16" => quoted.parse::<u16>().is_ok() && digits,
        "u32" => quoted.parse::<u32>().is_ok() && digits,
        "u64" | "usize" => quoted.parse::<u64>().is_ok() && digits,
        "f64" | "f32" => {
            quoted.parse::<f64>().is_ok_and(f64::is_finite)
                && quoted
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        }
        _ => quoted.parse::<i64>().is_ok(),
    }
}

/// `a, b or c`: the choices a message offers (`predefinedMetricType must be …`, the memory a
/// Fargate cpu takes).
pub fn or_list<S: AsRef<str>>(items: &[S]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} or {}", rest.join(", "), last.as_ref())
        }
        Some((last, _)) => last.as_ref().to_string(),
        None => String::new(),
    }
}

/// The string serde found, in `invalid type: string "6", expected …`.
fn string_found(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("invalid type: string \"")?;
    Some(&rest[..rest.find("\", expected")?])
}

#[cfg(test)]
mod tests {
    use super::in_plain_words;

    #[test]
    fn rust_types_are_said_in_plain_words() {
        assert_eq!(
            in_plain_words("invalid type: string \"6\", expected u32"),
            "invalid type: string \"6\", expected a whole number from 0 to 4294967295 (write it without quotes: 6)"
        );
        assert_eq!(
            in_plain_words("invalid value: integer `-1`, expected u32"),
            "invalid value: -1, expected a whole number of 0 or more"
        );
        assert_eq!(
            in_plain_words("invalid type: floating point `1.5`, expected u8"),
            "invalid type: 1.5, expected a whole number from 0 to 255"
        );
        assert_eq!(
            in_plain_words("invalid type: string \"six\", expected u64"),
            "invalid type: string \"six\", expected a whole number of 0 or more"
        );
        assert_eq!(
            in_plain_words("invalid type: integer `1`, expected a boolean"),
            "invalid type: 1, expected true or false"
        );
        // No advice that would still fail: a negative count, NaN, an exponent, too large.
        for quoted in ["-1", "NaN", "1e3", "4294967296", "1.5"] {
            let message = format!("invalid type: string \"{quoted}\", expected u32");
            assert!(
                !in_plain_words(&message).contains("without quotes"),
                "{quoted}"
            );
        }
        assert!(in_plain_words("invalid type: string \"-2\", expected i64")
            .ends_with("(write it without quotes: -2)"));
        assert_eq!(super::or_list(&["a", "b", "c"]), "a, b or c");
        assert_eq!(super::or_list(&["a"]), "a");
        assert_eq!(super::or_list::<&str>(&[]), "");
        // Messages without Rust's types stay as they are.
        let unknown = "unknown field `desired`, expected one of `serviceName`, `desiredCount`";
        assert_eq!(in_plain_words(unknown), unknown);
    }
}
