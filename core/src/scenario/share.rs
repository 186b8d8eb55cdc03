//! The URL share codec: a whole scenario (JSON text) packed into the link's `#` fragment.
//!
//! Format: `v1.` followed by base64url without padding (RFC 4648 §5) of the raw DEFLATE
//! (RFC 1951, no zlib header) of the UTF-8 JSON text. The page puts it after `#`, so a link
//! reads `https://…/#v1.…`. The fragment never reaches a server, so the scenario stays private
//! to whoever holds the link.
//!
//! This is the one place where untrusted text from a URL enters the simulator, so [`decode`]
//! never panics, checks the link length before decoding anything, and inflates with a hard
//! output limit (unlike Mermaid Live's `#pako:` links, which inflate without one). A link
//! carries no checksum: a damaged link may still unpack to text, which the scenario parser then
//! rejects with its own message.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::{DecodeError, Engine as _};
use miniz_oxide::deflate::{compress_to_vec, CompressionLevel};
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

/// The prefix of the current link format; a later incompatible format would use `v2.`.
pub const VERSION_PREFIX: &str = "v1.";

/// The longest link text (after `#`, including `v1.`) that [`decode`] accepts: 64 KiB.
///
/// Why this value: RFC 9110 only asks browsers and servers to support URLs of at least 8,000
/// octets, chat apps cut links somewhere between 2,000 and 40,000 characters, and Chromium
/// displays 32 KB in the address bar while accepting about 2 MB. A realistic 40-service
/// scenario (about 32 KB of JSON) encodes to about 2,000 characters, so 64 KiB leaves about 30×
/// headroom for real scenarios while refusing megabyte-sized junk before any base64 or inflate
/// work. Links over a few thousand characters may still be cut by some chat apps. It also
/// bounds the inflate input to 48 KiB, which at DEFLATE's best ratio (about 1,032:1) could
/// describe at most about 50 MB — and [`MAX_INFLATED_LEN`] stops far earlier than that.
pub const MAX_ENCODED_LEN: usize = 64 * 1024;

/// The largest scenario text, in bytes, that a link may unpack to: 1 MiB.
///
/// Why this value: DEFLATE can expand about 1,000:1, so a small link could otherwise unpack to
/// tens of megabytes (a "deflate bomb") and freeze the page. A 40-service scenario is about
/// 32 KB of JSON, so 1 MiB is about 30× a large realistic scenario, yet small enough to
/// allocate and parse instantly in a browser tab. Inflating stops as soon as it is exceeded.
pub const MAX_INFLATED_LEN: usize = 1024 * 1024;

/// The longest version tag (digits after `v`) recognised as "a link from another version".
///
/// Longer runs of digits are not a plausible version and are reported as a missing version, so
/// an error message never echoes a long piece of untrusted text.
const MAX_VERSION_DIGITS: usize = 6;

/// Why a share link could not be opened (or made); each message is meant for the page's user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing (or only `#` and whitespace) was given.
    Empty,
    /// The text has no `vN.` version prefix, so it is not a share link at all.
    MissingVersion,
    /// The link has a well-formed version prefix other than `v1.`, e.g. from a newer playground.
    UnknownVersion {
        /// The version tag found, without the dot, e.g. `"v2"`.
        found: String,
    },
    /// The link text is longer than [`MAX_ENCODED_LEN`]; nothing was decoded.
    TooLong {
        /// Length of the link text in bytes (characters, for a well-formed link).
        len: usize,
        /// The limit, [`MAX_ENCODED_LEN`].
        max: usize,
    },
    /// The text after `v1.` is not valid base64url (RFC 4648 §5, no padding).
    BadEncoding {
        /// 1-based character position in the link text, counted from the `v` of `v1.`, when
        /// one character is to blame; `None` when the text is cut off at an impossible length.
        position: Option<usize>,
        /// The offending character, when it is not a base64url character at all.
        found: Option<char>,
    },
    /// The bytes are not a complete DEFLATE stream (truncated or altered link).
    Corrupt,
    /// The scenario would unpack to more than `max` bytes ([`MAX_INFLATED_LEN`]).
    TooLarge {
        /// The limit in bytes, [`MAX_INFLATED_LEN`].
        max: usize,
    },
    /// The unpacked bytes are not UTF-8 text.
    NotUtf8,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str(
                "The share link is empty: there is no scenario after the '#'. \
                 Copy the whole link and try again.",
            ),
            Self::MissingVersion => write!(
                f,
                "This is not an ECS Playground share link: the part after '#' should start \
                 with \"{VERSION_PREFIX}\". Check that the whole link was copied."
            ),
            Self::UnknownVersion { found } => write!(
                f,
                "This link was made by a newer version of ECS Playground (link format \
                 \"{found}\"), which this page cannot read. Reload the page to get the latest \
                 version, then open the link again."
            ),
            Self::TooLong { len, max } => write!(
                f,
                "The share link is too long: it has {len} characters, but at most {max} are \
                 allowed. Make the scenario smaller (fewer services or task definitions) and \
                 share it again."
            ),
            Self::BadEncoding {
                position: Some(position),
                found: Some(found),
            } => write!(
                f,
                "The share link is damaged: it contains {} at position {position}, which \
                 cannot appear in a share link. It was probably changed when it was copied; \
                 copy the whole link again.",
                describe_char(*found)
            ),
            Self::BadEncoding {
                position: Some(position),
                found: None,
            } => write!(
                f,
                "The share link is damaged at position {position}: it was probably cut off or \
                 changed when it was copied. Copy the whole link again."
            ),
            Self::BadEncoding { position: None, .. } => f.write_str(
                "The share link is damaged: it looks cut off. Copy the whole link again.",
            ),
            Self::Corrupt => f.write_str(
                "The share link is damaged: the scenario inside it could not be unpacked. Part \
                 of it was probably lost or changed when it was copied; copy the whole link \
                 again.",
            ),
            Self::TooLarge { max } => write!(
                f,
                "The scenario in this link is too large: it is bigger than {}, the most ECS \
                 Playground opens from a link.",
                describe_bytes(*max)
            ),
            Self::NotUtf8 => f.write_str(
                "The share link is damaged: the scenario inside it is not readable text. Copy \
                 the whole link again.",
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// Packs scenario JSON text into link text `v1.…` (without `#`), at the best compression.
///
/// Always succeeds; use [`try_encode`] or [`encoded_len_ok`] to learn whether the result is
/// short enough for [`decode`] to accept.
pub fn encode(json: &str) -> String {
    let level = u8::from(CompressionLevel::UberCompression);
    let deflated = compress_to_vec(json.as_bytes(), level);
    let mut out = String::with_capacity(VERSION_PREFIX.len() + deflated.len().div_ceil(3) * 4);
    out.push_str(VERSION_PREFIX);
    URL_SAFE_NO_PAD.encode_string(&deflated, &mut out);
    out
}

/// The whole URL fragment for a scenario, `#v1.…`, ready to assign to `location.hash`.
pub fn fragment_for(json: &str) -> String {
    let mut out = String::from("#");
    out.push_str(&encode(json));
    out
}

/// Whether link text from [`encode`] is short enough for [`decode`] to accept, so the page can
/// warn before the user copies a link that would not open.
pub fn encoded_len_ok(encoded: &str) -> bool {
    encoded.trim().trim_start_matches('#').len() <= MAX_ENCODED_LEN
}

/// Like [`encode`], but fails exactly when [`decode`] would refuse the result: the scenario is
/// over [`MAX_INFLATED_LEN`] (checked before compressing) or the link over [`MAX_ENCODED_LEN`].
pub fn try_encode(json: &str) -> Result<String, ShareError> {
    if json.len() > MAX_INFLATED_LEN {
        return Err(ShareError::TooLarge {
            max: MAX_INFLATED_LEN,
        });
    }
    let encoded = encode(json);
    if encoded.len() > MAX_ENCODED_LEN {
        return Err(ShareError::TooLong {
            len: encoded.len(),
            max: MAX_ENCODED_LEN,
        });
    }
    Ok(encoded)
}

/// Unpacks link text back into the scenario JSON text.
///
/// Accepts the fragment with or without its leading `#` (or a whole pasted URL: everything up
/// to the first `#` is ignored) and ignores surrounding whitespace. Work is bounded by the
/// caps: the link length is checked before base64 decoding, and inflating stops once the output
/// passes [`MAX_INFLATED_LEN`]. Does not check that the text is a valid scenario.
pub fn decode(fragment: &str) -> Result<String, ShareError> {
    let text = fragment.trim();
    let text = match text.find('#') {
        Some(hash) => text.get(hash + 1..).unwrap_or_default().trim(),
        None => text,
    };
    if text.is_empty() {
        return Err(ShareError::Empty);
    }
    let payload = strip_version(text)?;
    if text.len() > MAX_ENCODED_LEN {
        return Err(ShareError::TooLong {
            len: text.len(),
            max: MAX_ENCODED_LEN,
        });
    }
    let deflated = decode_base64(payload)?;
    let bytes = inflate(&deflated)?;
    String::from_utf8(bytes).map_err(|_| ShareError::NotUtf8)
}

/// Returns the text after `v1.`, or says which version (or none) the link claims.
fn strip_version(text: &str) -> Result<&str, ShareError> {
    if let Some(payload) = text.strip_prefix(VERSION_PREFIX) {
        return Ok(payload);
    }
    let Some(after_v) = text.strip_prefix('v') else {
        return Err(ShareError::MissingVersion);
    };
    let digits = after_v
        .bytes()
        .take(MAX_VERSION_DIGITS + 1)
        .take_while(u8::is_ascii_digit)
        .count();
    let dot_follows = after_v.as_bytes().get(digits) == Some(&b'.');
    match after_v.get(..digits) {
        Some(version) if (1..=MAX_VERSION_DIGITS).contains(&digits) && dot_follows => {
            Err(ShareError::UnknownVersion {
                found: format!("v{version}"),
            })
        }
        _ => Err(ShareError::MissingVersion),
    }
}

/// Decodes the base64url payload, naming the first character that is to blame if any.
fn decode_base64(payload: &str) -> Result<Vec<u8>, ShareError> {
    // Positions are 1-based in the link text, which starts with the version prefix.
    let position_of = |offset: usize| Some(VERSION_PREFIX.len() + offset + 1);
    // Scan for foreign characters first: base64's own error gives a byte offset and byte, but
    // this yields the whole character. Everything before the first foreign byte is ASCII, so
    // the byte offset is also the character offset.
    if let Some(offset) = payload.bytes().position(|b| !is_base64url(b)) {
        return Err(ShareError::BadEncoding {
            position: position_of(offset),
            found: payload.get(offset..).and_then(|rest| rest.chars().next()),
        });
    }
    URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|error| match error {
            DecodeError::InvalidByte(offset, _) | DecodeError::InvalidLastSymbol { offset, .. } => {
                ShareError::BadEncoding {
                    position: position_of(offset),
                    found: None,
                }
            }
            DecodeError::InvalidLength(_) | DecodeError::InvalidPadding => {
                ShareError::BadEncoding {
                    position: None,
                    found: None,
                }
            }
        })
}

/// Whether `byte` belongs to the base64url alphabet (RFC 4648 §5).
fn is_base64url(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_'
}

/// Inflates raw DEFLATE bytes, refusing output over [`MAX_INFLATED_LEN`] without allocating more.
fn inflate(deflated: &[u8]) -> Result<Vec<u8>, ShareError> {
    let too_large = ShareError::TooLarge {
        max: MAX_INFLATED_LEN,
    };
    // One byte of slack, so output of exactly the cap is accepted and anything longer is caught
    // either by the library (`HasMoreOutput`) or by the length check below.
    match decompress_to_vec_with_limit(deflated, MAX_INFLATED_LEN + 1) {
        Ok(bytes) if bytes.len() > MAX_INFLATED_LEN => Err(too_large),
        Ok(bytes) => Ok(bytes),
        Err(error) if error.status == TINFLStatus::HasMoreOutput => Err(too_large),
        Err(_) => Err(ShareError::Corrupt),
    }
}

/// Names a character for a message, spelling out the invisible ones users cannot see.
fn describe_char(c: char) -> String {
    match c {
        ' ' => "a space".to_string(),
        '\n' | '\r' => "a line break".to_string(),
        '\t' => "a tab".to_string(),
        c if c.is_whitespace() || c.is_control() => format!("the invisible character {c:?}"),
        c => format!("the character \"{c}\""),
    }
}

/// Writes a byte count the way people read it: `1 MiB`, `64 KiB`, or plain bytes.
fn describe_bytes(bytes: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * 1024;
    if bytes >= MIB && bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes % KIB == 0 {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::time::{Duration, Instant};

    /// A link's payload is plain ASCII, so positions and lengths can be counted in bytes.
    const LINK_ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// An ECS-like scenario with `services` services, each with its own task definition, in the
    /// shape a user would share: names and values repeat across services, as in real clusters.
    fn scenario_json(services: usize) -> String {
        let registry = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
        let health = "curl -f http://localhost:8080/health || exit 1";
        let task_definitions: Vec<serde_json::Value> = (0..services)
            .map(|i| {
                serde_json::json!({
                    "family": format!("svc-{i:02}"),
                    "networkMode": "awsvpc",
                    "requiresCompatibilities": ["FARGATE"],
                    "cpu": "256",
                    "memory": "512",
                    "containerDefinitions": [{
                        "name": "app",
                        "image": format!("{registry}/svc-{i:02}:1.{}", i % 7),
                        "essential": true,
                        "portMappings": [{ "containerPort": 8080 + (i % 3), "protocol": "tcp" }],
                        "healthCheck": {
                            "command": ["CMD-SHELL", health],
                            "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 10
                        },
                        "environment": [{ "name": "LOG_LEVEL", "value": "info" }]
                    }]
                })
            })
            .collect();
        let svcs: Vec<serde_json::Value> = (0..services)
            .map(|i| {
                serde_json::json!({
                    "serviceName": format!("svc-{i:02}"),
                    "taskDefinition": format!("svc-{i:02}:1"),
                    "desiredCount": 1 + i % 4,
                    "launchType": "FARGATE",
                    "deploymentConfiguration": {
                        "maximumPercent": 200, "minimumHealthyPercent": 100,
                        "deploymentCircuitBreaker": { "enable": true, "rollback": true }
                    },
                    "loadBalancers": [{
                        "targetGroupArn": format!("tg-svc-{i:02}"),
                        "containerName": "app",
                        "containerPort": 8080 + (i % 3)
                    }]
                })
            })
            .collect();
        serde_json::json!({
            "version": 1,
            "cluster": {
                "clusterName": "playground",
                "capacityProviders": ["FARGATE", "FARGATE_SPOT"]
            },
            "taskDefinitions": task_definitions,
            "services": svcs,
            "seed": 42
        })
        .to_string()
    }

    /// Link text for arbitrary bytes, for cases `encode` cannot produce from a `&str`.
    fn link_for_bytes(bytes: &[u8], level: u8) -> String {
        format!(
            "{VERSION_PREFIX}{}",
            URL_SAFE_NO_PAD.encode(compress_to_vec(bytes, level))
        )
    }

    /// Deterministic text that deflate cannot shrink much (a linear congruential generator).
    fn incompressible_text(len: usize) -> String {
        let alphabet = LINK_ALPHABET.as_bytes();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                char::from(alphabet[(state >> 58) as usize])
            })
            .collect()
    }

    #[test]
    fn forty_service_scenario_round_trips_in_a_short_link() {
        let json = scenario_json(40);
        assert!(
            json.len() > 20_000,
            "the scenario should be realistically big"
        );
        let link = encode(&json);
        assert!(link.starts_with("v1."));
        assert!(
            link.len() < 2_500,
            "40 services took {} characters",
            link.len()
        );
        assert!(link.len() * 20 < MAX_ENCODED_LEN);
        assert!(link[VERSION_PREFIX.len()..].bytes().all(is_base64url));
        assert_eq!(decode(&link).as_deref(), Ok(json.as_str()));
        assert_eq!(try_encode(&json), Ok(link.clone()));
        assert!(encoded_len_ok(&link));
    }

    #[test]
    fn encoding_is_deterministic_and_fragment_adds_only_the_hash() {
        let json = scenario_json(3);
        assert_eq!(encode(&json), encode(&json));
        assert_eq!(fragment_for(&json), format!("#{}", encode(&json)));
        assert_eq!(decode(&fragment_for(&json)).as_deref(), Ok(json.as_str()));
    }

    #[test]
    fn odd_but_valid_texts_round_trip() {
        for json in [
            "",
            "{}",
            "{\"serviceName\":\"café ☕ 服务 🚀\"}",
            "\u{0}\u{7f}\u{feff}",
            &"#v1. ".repeat(1000),
        ] {
            assert_eq!(decode(&encode(json)).as_deref(), Ok(json), "for {json:?}");
        }
    }

    #[test]
    fn leading_hash_surrounding_whitespace_and_whole_urls_are_accepted() {
        let json = scenario_json(2);
        let link = encode(&json);
        for text in [
            link.clone(),
            format!("#{link}"),
            format!("  \n#{link}\t\r\n"),
            format!("# {link} "),
            format!("https://example.com/ecs-playground/#{link}"),
            format!(" https://example.com/?q=1#{link}\n"),
        ] {
            assert_eq!(decode(&text).as_deref(), Ok(json.as_str()), "for {text:?}");
        }
    }

    #[test]
    fn nothing_to_decode_is_empty() {
        for text in ["", "   ", "#", " #\n", "\t# \t", "https://example.com/#"] {
            assert_eq!(decode(text), Err(ShareError::Empty), "for {text:?}");
        }
    }

    #[test]
    fn text_without_a_version_prefix_is_missing_version() {
        for text in [
            "abc",
            "code/N4IgZg",
            "pako:eNqrVkrLz1eyUlA",
            "1.abc",
            "v.abc",
            "vv1.abc",
            "V1.abc",
            "v1abc",
            "v1",
            "v",
            "v-1.abc",
            "v1234567.abc",
            " v 1.abc",
        ] {
            assert_eq!(
                decode(text),
                Err(ShareError::MissingVersion),
                "for {text:?}"
            );
        }
    }

    #[test]
    fn other_versions_are_named_and_blamed_on_a_newer_playground() {
        for (text, found) in [
            ("v2.abc", "v2"),
            ("#v10.", "v10"),
            ("v0.AAAA", "v0"),
            ("v01.AAAA", "v01"),
            ("v123456.x", "v123456"),
        ] {
            let error = decode(text);
            assert_eq!(
                error,
                Err(ShareError::UnknownVersion {
                    found: found.to_string()
                }),
                "for {text:?}"
            );
        }
        let message = ShareError::UnknownVersion {
            found: "v2".to_string(),
        }
        .to_string();
        assert!(message.contains("newer version"), "{message}");
        assert!(message.contains("\"v2\""), "{message}");
    }

    #[test]
    fn over_long_links_are_refused_before_base64_decoding() {
        // Every character is invalid base64, so only the length check can explain `TooLong`.
        let junk = format!("{VERSION_PREFIX}{}", "*".repeat(MAX_ENCODED_LEN));
        assert_eq!(
            decode(&junk),
            Err(ShareError::TooLong {
                len: MAX_ENCODED_LEN + VERSION_PREFIX.len(),
                max: MAX_ENCODED_LEN
            })
        );
        assert!(!encoded_len_ok(&junk));
        // Exactly at the cap passes the length check and fails later, on the content.
        let at_cap = format!(
            "{VERSION_PREFIX}{}",
            "*".repeat(MAX_ENCODED_LEN - VERSION_PREFIX.len())
        );
        assert!(encoded_len_ok(&at_cap));
        assert!(matches!(
            decode(&at_cap),
            Err(ShareError::BadEncoding { .. })
        ));
        // Whitespace and `#` around the link do not count towards its length.
        assert!(encoded_len_ok(&format!("  #{at_cap}\n")));
    }

    #[test]
    fn foreign_characters_are_reported_with_their_position() {
        let cases = [
            ("v1.ab cd", 6, ' '),
            ("#v1.abc=", 7, '='),
            ("v1.é", 4, 'é'),
            ("v1.AAAA+AAA", 8, '+'),
            ("v1.AAAA/AAA", 8, '/'),
            ("v1.AA%3D", 6, '%'),
            ("v1.AAAA\nAAAA", 8, '\n'),
        ];
        for (text, position, found) in cases {
            assert_eq!(
                decode(text),
                Err(ShareError::BadEncoding {
                    position: Some(position),
                    found: Some(found)
                }),
                "for {text:?}"
            );
        }
        let message = ShareError::BadEncoding {
            position: Some(6),
            found: Some(' '),
        }
        .to_string();
        assert!(message.contains("a space at position 6"), "{message}");
    }

    #[test]
    fn impossible_base64_lengths_and_endings_are_bad_encoding() {
        // One symbol cannot hold a whole byte: the link was cut off.
        assert_eq!(
            decode("v1.AAAAA"),
            Err(ShareError::BadEncoding {
                position: None,
                found: None
            })
        );
        // "AB" leaves non-zero spare bits in "B", the 2nd payload character.
        assert_eq!(
            decode("v1.AB"),
            Err(ShareError::BadEncoding {
                position: Some(5),
                found: None
            })
        );
    }

    #[test]
    fn undecompressible_payloads_are_corrupt() {
        // No payload at all, a reserved block type (0xFF bytes), and a stored block whose length
        // check fails.
        for text in ["v1.", "v1.____", "v1.AQAAAAA"] {
            assert_eq!(decode(text), Err(ShareError::Corrupt), "for {text:?}");
        }
    }

    #[test]
    fn inflated_size_is_capped_exactly() {
        let at_cap = "a".repeat(MAX_INFLATED_LEN);
        let link = encode(&at_cap);
        assert!(link.len() < 4_096, "1 MiB of one letter compresses well");
        assert_eq!(decode(&link).map(|text| text.len()), Ok(MAX_INFLATED_LEN));
        assert!(try_encode(&at_cap).is_ok());

        let over = "a".repeat(MAX_INFLATED_LEN + 1);
        let too_large = ShareError::TooLarge {
            max: MAX_INFLATED_LEN,
        };
        assert_eq!(decode(&encode(&over)), Err(too_large.clone()));
        assert_eq!(try_encode(&over), Err(too_large));
    }

    #[test]
    fn try_encode_refuses_links_decode_would_refuse() {
        let text = incompressible_text(120_000);
        let link = encode(&text);
        assert!(link.len() > MAX_ENCODED_LEN);
        assert!(!encoded_len_ok(&link));
        assert_eq!(
            try_encode(&text),
            Err(ShareError::TooLong {
                len: link.len(),
                max: MAX_ENCODED_LEN
            })
        );
        assert_eq!(
            decode(&link),
            Err(ShareError::TooLong {
                len: link.len(),
                max: MAX_ENCODED_LEN
            })
        );
    }

    #[test]
    fn deflate_bomb_is_refused_quickly_with_bounded_output() {
        // 40 MB of zeros is about the largest bomb that fits under the link-length cap.
        let bomb_len = 40 << 20;
        let deflated = compress_to_vec(&vec![0; bomb_len], 10);
        let link = format!("{VERSION_PREFIX}{}", URL_SAFE_NO_PAD.encode(&deflated));
        assert!(link.len() <= MAX_ENCODED_LEN, "bomb link is {}", link.len());

        let started = Instant::now();
        assert_eq!(
            decode(&link),
            Err(ShareError::TooLarge {
                max: MAX_INFLATED_LEN
            })
        );
        assert!(started.elapsed() < Duration::from_secs(5));

        // The limit API that `inflate` relies on stops growing its buffer at the limit, so
        // decoding the bomb never holds more than 1 MiB (+1 byte) of output.
        let error = decompress_to_vec_with_limit(&deflated, MAX_INFLATED_LEN + 1)
            .expect_err("the bomb is over the limit");
        assert_eq!(error.status, TINFLStatus::HasMoreOutput);
        assert!(error.output.len() <= MAX_INFLATED_LEN + 1);
    }

    #[test]
    fn a_50_mb_bomb_does_not_even_fit_in_a_link() {
        let deflated = compress_to_vec(&vec![0; 50 << 20], 10);
        let link = format!("{VERSION_PREFIX}{}", URL_SAFE_NO_PAD.encode(&deflated));
        assert!(matches!(decode(&link), Err(ShareError::TooLong { .. })));
    }

    #[test]
    fn scenario_text_must_be_utf8() {
        for bytes in [&b"\xff\xfe"[..], b"{\"a\":\"\xc3\"}", b"\xed\xa0\x80"] {
            assert_eq!(
                decode(&link_for_bytes(bytes, 9)),
                Err(ShareError::NotUtf8),
                "for {bytes:?}"
            );
        }
    }

    #[test]
    fn every_cut_off_link_is_refused() {
        let link = fragment_for(&scenario_json(5));
        for end in 0..link.len() {
            let cut = &link[..end];
            assert!(decode(cut).is_err(), "prefix of length {end} decoded");
        }
    }

    #[test]
    fn every_error_has_a_plain_message() {
        let errors = [
            ShareError::Empty,
            ShareError::MissingVersion,
            ShareError::UnknownVersion {
                found: "v2".to_string(),
            },
            ShareError::TooLong {
                len: 70_000,
                max: MAX_ENCODED_LEN,
            },
            ShareError::BadEncoding {
                position: Some(9),
                found: Some('%'),
            },
            ShareError::BadEncoding {
                position: Some(9),
                found: None,
            },
            ShareError::BadEncoding {
                position: None,
                found: None,
            },
            ShareError::Corrupt,
            ShareError::TooLarge {
                max: MAX_INFLATED_LEN,
            },
            ShareError::NotUtf8,
        ];
        for error in &errors {
            let message = error.to_string();
            assert!(message.ends_with('.'), "{message}");
            assert!(!message.contains("Some("), "{message}");
            assert!(!message.contains("None"), "{message}");
            let as_dyn: &dyn std::error::Error = error;
            assert_eq!(as_dyn.to_string(), message);
        }
        assert!(errors[1].to_string().contains("\"v1.\""));
        assert!(errors[3].to_string().contains("70000 characters"));
        assert!(errors[3].to_string().contains("65536"));
        assert!(errors[4].to_string().contains("\"%\" at position 9"));
        assert!(errors[8].to_string().contains("1 MiB"));
    }

    #[test]
    fn byte_counts_read_naturally() {
        assert_eq!(describe_bytes(1024 * 1024), "1 MiB");
        assert_eq!(describe_bytes(64 * 1024), "64 KiB");
        assert_eq!(describe_bytes(1000), "1000 bytes");
        assert_eq!(describe_bytes(1024 * 1024 + 1), "1048577 bytes");
    }

    proptest! {
        #[test]
        fn any_text_round_trips(json in any::<String>()) {
            prop_assert_eq!(decode(&encode(&json)), Ok(json));
        }

        #[test]
        fn arbitrary_text_never_panics(text in any::<String>()) {
            if let Ok(json) = decode(&text) {
                prop_assert!(json.len() <= MAX_INFLATED_LEN);
            }
        }

        #[test]
        fn link_shaped_text_never_panics(
            text in "[# \n]{0,2}v[0-9]{0,2}\\.?[A-Za-z0-9_=+/%-]{0,300}[ \n]{0,2}"
        ) {
            if let Ok(json) = decode(&text) {
                prop_assert!(json.len() <= MAX_INFLATED_LEN);
            }
        }

        #[test]
        fn mutated_links_never_panic(
            edits in proptest::collection::vec((any::<usize>(), 0u8..3, any::<char>()), 1..6)
        ) {
            let json = scenario_json(4);
            let mut link: Vec<char> = fragment_for(&json).chars().collect();
            for (at, kind, c) in edits {
                let at = at % (link.len() + 1);
                match kind {
                    0 if at < link.len() => link[at] = c,
                    1 if at < link.len() => {
                        link.remove(at);
                    }
                    _ => link.insert(at, c),
                }
            }
            let mutated: String = link.into_iter().collect();
            match decode(&mutated) {
                // Raw deflate has no checksum, so a few edits still unpack; the scenario
                // parser is what rejects them.
                Ok(text) => prop_assert!(text.len() <= MAX_INFLATED_LEN),
                Err(error) => prop_assert!(!error.to_string().is_empty()),
            }
        }

        #[test]
        fn link_alphabet_substitutions_never_panic(
            edits in proptest::collection::vec((any::<usize>(), 0usize..64), 1..4)
        ) {
            let link = encode(&scenario_json(4));
            let mut bytes = link.into_bytes();
            for (at, symbol) in edits {
                let at = VERSION_PREFIX.len() + at % (bytes.len() - VERSION_PREFIX.len());
                bytes[at] = LINK_ALPHABET.as_bytes()[symbol];
            }
            let mutated = String::from_utf8(bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
            if let Ok(text) = decode(&mutated) {
                prop_assert!(text.len() <= MAX_INFLATED_LEN);
            }
        }
    }
}
