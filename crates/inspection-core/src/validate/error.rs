//! The error every check reports, and how data appears inside its messages.

use std::fmt;

/// A problem with one data file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {path}: {message}")]
pub struct DataError {
    /// The file as the user knows it, e.g. `data/peel-2018-19.json`.
    pub file: String,
    /// JSON path inside the file, e.g. `judgments[2].children[0].grade`; `(top level)` for the
    /// document itself.
    pub path: String,
    /// What was wrong and what was expected.
    pub message: String,
}

impl DataError {
    pub fn new(file: &str, path: impl fmt::Display, message: impl Into<String>) -> Self {
        let path = path.to_string();
        let path = if path.is_empty() || path == "." {
            TOP.to_string()
        } else {
            path
        };
        DataError {
            file: file.to_string(),
            path,
            message: message.into(),
        }
    }
}

pub(super) const TOP: &str = "(top level)";

/// A string from the data as it appears in a message: quoted and escaped like Rust's `{:?}`,
/// shortened when long so that a hostile value cannot flood the message.
pub(super) fn show(s: &str) -> String {
    const KEEP: usize = 60;
    match s.char_indices().nth(KEEP + 20) {
        None => format!("{s:?}"),
        Some(_) => {
            let cut = s.char_indices().nth(KEEP).map_or(s.len(), |(i, _)| i);
            format!("{:?}… ({} characters)", &s[..cut], s.chars().count())
        }
    }
}

/// A value as JSON, for messages comparing what two files say.
pub(super) fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let text = serde_json::to_string(value).unwrap_or_else(|e| format!("(unprintable: {e})"));
    match text.char_indices().nth(200) {
        Some((cut, _)) => format!("{}… ({} characters)", &text[..cut], text.chars().count()),
        None => text,
    }
}
