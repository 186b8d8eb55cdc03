//! Reading the command line's input: a file or standard input (`-`), never more than the cap
//! plus one byte, as UTF-8 text with an optional byte order mark.

use super::{echo, Output};
use std::io::{self, Read};

/// Largest input accepted, in bytes: the scenario cap, which is also far above any task
/// definition. A larger input is refused after reading one byte more than this.
pub const MAX_INPUT_BYTES: usize = crate::scenario::MAX_SCENARIO_BYTES;

/// The FILE argument that means standard input.
pub const STDIN_ARG: &str = "-";

/// How standard input is named in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// Where the command line reads from; the binary gives the file system and the process's
/// standard input, tests give memory.
pub trait Input {
    /// Opens a file by the name given on the command line.
    fn open(&self, path: &str) -> io::Result<Box<dyn Read + '_>>;
    /// Standard input, read when the FILE argument is `-`.
    fn stdin(&self) -> Box<dyn Read + '_>;
}

/// The input's name as messages print it: `<stdin>` for `-`, else the file name, escaped.
pub fn display_name(file: &str) -> String {
    if file == STDIN_ARG {
        STDIN_NAME.to_string()
    } else {
        echo::value(file)
    }
}

/// Reads FILE (or standard input for `-`): at most [`MAX_INPUT_BYTES`] + 1 bytes are read, a
/// UTF-8 byte order mark is dropped, and anything that is not UTF-8 is refused (exit 2).
pub fn read_input(file: &str, input: &impl Input) -> Result<String, Output> {
    read_input_capped(file, input, MAX_INPUT_BYTES)
}

/// [`read_input`] with another cap (a challenge holds a whole scenario and its own texts).
pub fn read_input_capped(file: &str, input: &impl Input, max: usize) -> Result<String, Output> {
    let name = display_name(file);
    let fail = |message: String| Output {
        stdout: String::new(),
        stderr: format!("error: {message}\n"),
        code: 2,
    };
    let reader = if file == STDIN_ARG {
        input.stdin()
    } else {
        input.open(file).map_err(|e| {
            fail(format!(
                "cannot read {name}: {}",
                echo::message(&e.to_string())
            ))
        })?
    };
    let mut bytes = Vec::new();
    reader
        .take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            fail(format!(
                "cannot read {name}: {}",
                echo::message(&e.to_string())
            ))
        })?;
    if bytes.len() > max {
        return Err(fail(format!(
            "{name} is larger than {max} bytes; at most {max} are read"
        )));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    String::from_utf8(body.to_vec()).map_err(|e| {
        fail(format!(
            "{name} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to() + (bytes.len() - body.len())
        ))
    })
}
