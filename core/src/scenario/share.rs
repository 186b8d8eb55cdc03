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
/// scenario encodes to under 2,000 characters, so 64 KiB leaves more than 30× headroom for
/// real scenarios while refusing megabyte-sized junk before any base64 or inflate work. It also
/// bounds the inflate input to 48 KiB, which at DEFLATE's best ratio (about 1,032:1) could
/// describe at most about 50 MB — and [`MAX_INFLATED_LEN`] stops far earlier than that.
pub const MAX_ENCODED_LEN: usize = 64 * 1024;

/// The largest scenario text, in bytes, that a link may unpack to: 1 MiB.
///
/// Why this value: DEFLATE can expand about 1,000:1, so a small link could otherwise unpack to
/// tens of megabytes (a "deflate bomb") and freeze the page. A 40-service scenario is about
/// 30 KB of JSON, so 1 MiB is over 30× a large realistic scenario, yet small enough to
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
                "This link was made by a different, probably newer, version of ECS Playground \
                 (link format \"{found}\"), which this page cannot read. Reload the page to get \
                 the latest version, then open the link again."
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
