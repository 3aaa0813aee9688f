//! Parse diagnostics: a data file that is not the JSON it should be gets a message naming
//! what was found, where, and what was expected, instead of serde's bare one.

use serde::de::DeserializeOwned;

use super::error::{show, DataError, TOP};

/// Parses JSON into `T`, turning every failure into a specific [`DataError`].
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, DataError> {
    if let Some(message) = sniff(text) {
        return Err(DataError::new(file, TOP, message));
    }
    if let Some(err) = oversized_string(file, text) {
        return Err(err);
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    let value = deserialize_tracked(&mut *de, text).map_err(|(mut path, err)| {
        // A `cy` key holds dots of its own; `cy.a.b` would read as nested objects.
        if let Some(key) = path.strip_prefix("cy.") {
            path = format!("cy[{}]", show(key));
        }
        DataError::new(file, path, explain(err, text))
    })?;
    // Only whitespace may follow the document (serde_json::from_str checks this; a bare
    // Deserializer does not until asked).
    de.end()
        .map_err(|err| DataError::new(file, TOP, explain(err, text)))?;
    Ok(value)
}

/// Deserializes `T`; on failure gives the JSON path where it failed, in serde_path_to_error's
/// notation, with the key named for a duplicate key.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn deserialize_tracked<T: DeserializeOwned>(
    de: &mut serde_json::Deserializer<serde_json::de::StrRead<'_>>,
    _text: &str,
) -> Result<T, (String, serde_json::Error)> {
    serde_path_to_error::deserialize(de).map_err(|err| {
        let mut path = known_path(&err.path().to_string()).to_string();
        let err = err.into_inner();
        // serde's path stops at the object holding a duplicate key; name the key too.
        if let Some(key) = err
            .to_string()
            .strip_prefix("duplicate field `")
            .and_then(|rest| rest.split_once('`'))
            .map(|(key, _)| key)
        {
            path = match path.as_str() {
                "" | "." => key.to_string(),
                _ => format!("{path}.{key}"),
            };
        }
        (path, err)
    })
}

/// The browser's version of the above: the same paths (see [`crate::json_path`]) without
/// serde_path_to_error's code size.
#[cfg(target_arch = "wasm32")]
fn deserialize_tracked<T: DeserializeOwned>(
    de: &mut serde_json::Deserializer<serde_json::de::StrRead<'_>>,
    text: &str,
) -> Result<T, (String, serde_json::Error)> {
    T::deserialize(de).map_err(|err| (crate::json_path::path_at(text, &err), err))
}

/// The longest string (value or key) a data file may hold, in bytes. The longest in the
/// bundled data is under 1 kB; a multi-megabyte field is a corrupt or hostile file, and
/// echoing it in an error message (or rendering it) would be worse than useless.
const MAX_STRING_BYTES: usize = 20_000;

/// Finds a string longer than [`MAX_STRING_BYTES`] and names its JSON path. A cheap scan of
/// the raw text comes first, so ordinary files are never parsed twice.
fn oversized_string(file: &str, text: &str) -> Option<DataError> {
    if !has_long_string_token(text) {
        return None;
    }
    // Syntax errors are left to the typed parse, which reports them with their position.
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let mut path = String::new();
    let (what, len, start) = find_long_string(&value, &mut path)?;
    Some(DataError::new(
        file,
        &path,
        format!(
            "{what} is {len} bytes long (starting {}); expected at most {MAX_STRING_BYTES} bytes \
             — is the file corrupt?",
            show(start)
        ),
    ))
}

/// Whether the raw text holds a string token (quotes and escapes included) over the limit.
fn has_long_string_token(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < bytes.len() && bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        if i.min(bytes.len()) - start > MAX_STRING_BYTES {
            return true;
        }
        i += 1;
    }
    false
}

/// The first string over the limit, depth first: what it is, its length and its first
/// characters. `path` is left pointing at it, in serde_path_to_error's notation.
fn find_long_string<'a>(
    value: &'a serde_json::Value,
    path: &mut String,
) -> Option<(&'static str, usize, &'a str)> {
    let start = |s: &'a str| &s[..s.char_indices().nth(40).map_or(s.len(), |(i, _)| i)];
    match value {
        serde_json::Value::String(s) if s.len() > MAX_STRING_BYTES => {
            Some(("string", s.len(), start(s)))
        }
        serde_json::Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            let found = find_long_string(item, path);
            if found.is_none() {
                path.truncate(len);
            }
            found
        }),
        serde_json::Value::Object(map) => map.iter().find_map(|(key, item)| {
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            if key.len() > MAX_STRING_BYTES {
                path.push_str(start(key));
                path.push('…');
                return Some(("key", key.len(), start(key)));
            }
            path.push_str(key);
            let found = find_long_string(item, path);
            if found.is_none() {
                path.truncate(len);
            }
            found
        }),
        _ => None,
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// serde_path_to_error writes `?` for a position it could not name (e.g. between a comma and
/// the next key); the part of the path before it is still right.
fn known_path(path: &str) -> &str {
    match path.strip_suffix('?') {
        Some(rest) => rest.strip_suffix('.').unwrap_or(rest),
        None => path,
    }
}

/// Adds what was expected to the serde_json messages that do not say it themselves.
fn explain(err: serde_json::Error, text: &str) -> String {
    let raw = err.to_string();
    if err.is_eof() {
        format!("the file ends in the middle of the JSON ({raw}); expected a complete JSON document — was the file truncated?")
    } else if raw.starts_with("recursion limit exceeded") {
        format!("JSON nested too deeply ({raw}); expected at most 128 levels of nested arrays and objects")
    } else if raw.starts_with("trailing characters") {
        format!("more text after the end of the JSON document ({raw}); expected exactly one JSON object")
    } else if raw.starts_with("duplicate field") {
        format!("{raw}; expected each key at most once in an object (parsers disagree on which copy wins)")
    } else if raw.starts_with("trailing comma") {
        format!("{raw}; expected another value after the comma, or no comma before the closing bracket (JSON allows no trailing commas)")
    } else if raw.starts_with("expected value") || raw.starts_with("invalid number") {
        let token = token_at(text, err.line(), err.column());
        let non_finite = ["nan", "infinity", "inf"].contains(
            &token
                .trim_start_matches(['-', '+'])
                .to_ascii_lowercase()
                .as_str(),
        );
        if non_finite {
            format!("found {token} ({raw}), which JSON does not allow; expected a finite number")
        } else if raw.starts_with("invalid number") {
            format!(
                "found {} ({raw}); expected a JSON number such as 12, -3.5 or 1e6",
                show(&token)
            )
        } else if token.is_empty() {
            format!(
                "no value ({raw}); expected a string, number, object, array, true, false or null"
            )
        } else {
            format!("found {} where a value belongs ({raw}); expected a string, number, object, array, true, false or null", show(&token))
        }
    } else if raw.starts_with("number out of range") {
        format!("{raw}; expected a number of at most about 1.8e308")
    } else {
        plain_types(raw)
    }
}

/// The word (up to a delimiter) at serde_json's 1-based line and column, for messages.
fn token_at(text: &str, line: usize, column: usize) -> String {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return String::new();
    };
    let mut from = column.saturating_sub(1);
    // serde_json points past the sign of a number it could not read (`-Infinity`).
    if from > 0 && matches!(line_text.as_bytes().get(from - 1), Some(b'-' | b'+')) {
        from -= 1;
    }
    let Some(rest) = line_text.get(from..).or_else(|| {
        // The column may point inside a multi-byte character; step back to its start.
        (0..from).rev().find_map(|i| line_text.get(i..))
    }) else {
        return String::new();
    };
    rest.chars()
        .take_while(|c| !c.is_whitespace() && !",:[]{}\"".contains(*c))
        .take(40)
        .collect()
}

/// serde names Rust types in its messages (`u32`, `f64`, `a sequence`, `struct Source`); the
/// people reading these know JSON.
fn plain_types(raw: String) -> String {
    let Some(at) = raw.find(", expected ") else {
        return raw;
    };
    let (head, tail) = raw.split_at(at + ", expected ".len());
    let (expected, position) = match tail.find(" at line ") {
        Some(i) => tail.split_at(i),
        None => (tail, ""),
    };
    let plain = match expected {
        "u32" => "a whole number from 0 to 4294967295".to_string(),
        "f64" => "a number".to_string(),
        "a sequence" => "a JSON array".to_string(),
        "a boolean" => "true or false".to_string(),
        other => match other.strip_prefix("struct ") {
            Some(name) => format!("a JSON object ({name})"),
            None => return raw,
        },
    };
    format!("{head}{plain}{position}")
}

/// The data files are always JSON objects. serde would also accept a struct written as an
/// array of its field values, and would then report a confusing error deep inside it.
pub(super) fn parse_object<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, DataError> {
    if sniff(text).is_none() {
        let trimmed = text.trim_start();
        let first = trimmed.chars().next().unwrap_or(' ');
        if first != '{' {
            let got = if trimmed.starts_with("null") {
                "JSON null".to_string()
            } else if trimmed.starts_with("true") || trimmed.starts_with("false") {
                "a JSON boolean".to_string()
            } else {
                match first {
                    '[' => "a JSON array (starts with '[')".to_string(),
                    '"' => "a JSON string".to_string(),
                    '-' | '0'..='9' => "a JSON number".to_string(),
                    c => format!("text starting with {c:?}"),
                }
            };
            return Err(DataError::new(
                file,
                TOP,
                format!("got {got}; expected a JSON object (starting with '{{')"),
            ));
        }
    }
    parse(file, text)
}

/// Recognises inputs that are not JSON at all, where serde's message would only say "expected
/// value at line 1 column 1".
fn sniff(text: &str) -> Option<String> {
    if text.starts_with('\u{feff}') {
        return Some(
            "file starts with a byte-order mark (U+FEFF); expected plain UTF-8 JSON without a BOM"
                .into(),
        );
    }
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Some("file is empty; expected a JSON object".into());
    }
    if let Some(at) = text.find('\0') {
        return Some(format!(
            "file contains a NUL character (U+0000) at byte {at}; expected UTF-8 JSON text — is \
             the file UTF-16 or binary?"
        ));
    }
    let first = trimmed.chars().next().unwrap_or(' ');
    if first == '\u{fffd}' {
        return Some("file starts with bytes that are not UTF-8 (decoded as U+FFFD); expected UTF-8 JSON text — is the file UTF-16, compressed or binary?".into());
    }
    if first.is_control() {
        return Some(format!(
            "got control character U+{:04X} where the JSON should start; expected a JSON object \
             — is the file binary, compressed or captured terminal output?",
            first as u32
        ));
    }
    if first == '<' {
        return Some("got HTML or XML (starts with '<'), not JSON; expected a JSON object — is the server returning an error page?".into());
    }
    None
}
