//! Target 1: the share-link decoder (`scenario::share`), the one door for text from a URL.

use crate::gen::{byte_edit, document_bytes, edit_bytes, examples};
use ecs_sim::scenario::share::{decode, encode, try_encode, MAX_INFLATED_LEN};
use proptest::prelude::*;

/// Link text: raw strings, base64url junk after `v1.`, or a real link with byte edits.
fn link() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        2 => "(#|https://x/#)?v[0-9]{0,8}\\.[A-Za-z0-9_=+/-]{0,400}",
        4 => (document_bytes(examples()), prop::collection::vec(byte_edit(), 0..3)).prop_map(
            |(doc, edits)| {
                let link = encode(&String::from_utf8_lossy(&doc));
                String::from_utf8_lossy(&edit_bytes(link.as_bytes(), &edits)).into_owned()
            }
        ),
    ]
}

proptest! {
    #![proptest_config(crate::gen::config(500))]

    #[test]
    fn share_decode_never_panics_and_round_trips(text in link(), doc in document_bytes(examples())) {
        match decode(&text) {
            Ok(json) => prop_assert!(json.len() <= MAX_INFLATED_LEN),
            Err(e) => prop_assert!(!e.to_string().trim().is_empty()),
        }
        // Whatever a scenario's text, a link made of it opens to the same text (or is refused
        // before it is shared).
        let json = String::from_utf8_lossy(&doc).into_owned();
        if let Ok(link) = try_encode(&json) {
            prop_assert_eq!(decode(&link), Ok(json));
        }
    }
}
