//! Parsing and validation of data files. Every error names the file, the JSON path and what
//! was expected, so both the `check` command and the browser can show it as is.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::de::DeserializeOwned;

use crate::model::{Inspection, Judgment, JudgmentLevel, Manifest, SCHEMA_VERSION};
use crate::welsh::Welsh;

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

const TOP: &str = "(top level)";

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

/// A string from the data as it appears in a message: quoted and escaped like Rust's `{:?}`,
/// shortened when long so that a hostile value cannot flood the message.
fn show(s: &str) -> String {
    const KEEP: usize = 60;
    match s.char_indices().nth(KEEP + 20) {
        None => format!("{s:?}"),
        Some(_) => {
            let cut = s.char_indices().nth(KEEP).map_or(s.len(), |(i, _)| i);
            format!("{:?}… ({} characters)", &s[..cut], s.chars().count())
        }
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
fn parse_object<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, DataError> {
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

/// Parses and validates a manifest on its own.
pub fn load_manifest(file: &str, text: &str) -> Result<Manifest, Vec<DataError>> {
    let manifest: Manifest = parse_object(file, text).map_err(|e| vec![e])?;
    let errors = validate_manifest(file, &manifest);
    if errors.is_empty() {
        Ok(manifest)
    } else {
        Err(errors)
    }
}

/// Parses and validates one inspection file on its own.
pub fn load_inspection(file: &str, text: &str) -> Result<Inspection, Vec<DataError>> {
    let inspection: Inspection = parse_object(file, text).map_err(|e| vec![e])?;
    let errors = validate_inspection(file, &inspection);
    if errors.is_empty() {
        Ok(inspection)
    } else {
        Err(errors)
    }
}

fn check_version(file: &str, version: u32, errors: &mut Vec<DataError>) {
    if version != SCHEMA_VERSION {
        errors.push(DataError::new(
            file,
            "schema_version",
            format!("unsupported schema_version {version}; expected {SCHEMA_VERSION}"),
        ));
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day.
pub fn is_valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let num = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => num(y, 4).is_some(),
        [y, m] => num(y, 4).is_some() && num(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [y, m, d] => {
            let (Some(y), Some(m), Some(d)) = (num(y, 4), num(m, 2), num(d, 2)) else {
                return false;
            };
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&d)
        }
        _ => false,
    }
}

/// Ids are used in URLs and element ids: lowercase ASCII letters, digits and single hyphens
/// (the viewer joins an inspection id and an item id with `--` in element ids, so a double
/// hyphen inside an id could make two items collide).
pub fn is_valid_id(id: &str) -> bool {
    id_problem(id).is_none()
}

/// Why `id` is not a valid id, if it is not.
fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("it is empty".into());
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Some(match c {
            'A'..='Z' => format!("it contains the uppercase letter {c:?}"),
            ' ' => "it contains a space".into(),
            c if c.is_whitespace() || c.is_control() => {
                format!("it contains the character U+{:04X}", c as u32)
            }
            c => format!("it contains {c:?}"),
        });
    }
    if id.len() > 80 {
        Some(format!("it is {} characters long", id.len()))
    } else if id.starts_with('-') || id.ends_with('-') {
        Some("it starts or ends with a hyphen".into())
    } else if id.contains("--") {
        Some("it contains a double hyphen".into())
    } else {
        None
    }
}

/// Only plain web links may ever become `href`s.
pub fn is_safe_url(url: &str) -> bool {
    url_problem(url).is_none()
}

/// Why `url` may not become a link, if it may not.
fn url_problem(url: &str) -> Option<String> {
    if let Some(c) = url.chars().find(|c| c.is_control()) {
        return Some(format!(
            "it contains the control character U+{:04X}",
            c as u32
        ));
    }
    if url.chars().any(char::is_whitespace) {
        return Some("it contains whitespace".into());
    }
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return (lower.len() <= "https://".len()).then(|| "it names no host".into());
    }
    if url.starts_with("//") {
        return Some("it is protocol-relative (starts with '//')".into());
    }
    let scheme = url.split_once(':').map(|(s, _)| s).filter(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    Some(match scheme {
        Some(scheme) => format!("it uses the {}: scheme", scheme.to_ascii_lowercase()),
        None => "it is not an absolute web address".into(),
    })
}

fn expected_grades(scale: crate::grade::GradeScale) -> String {
    let slugs: Vec<&str> = scale.grades().iter().map(|g| g.slug()).collect();
    if slugs.is_empty() {
        "no grades at all".into()
    } else {
        format!("one of {}", slugs.join(", "))
    }
}

const ID_RULE: &str =
    "expected lowercase letters a-z, digits and single hyphens, at most 80 characters";

/// Collects every id in the file with its JSON path, so duplicates can name both places.
struct Ids {
    seen: HashMap<String, String>,
}

impl Ids {
    fn add(&mut self, file: &str, id: &str, path: String, errors: &mut Vec<DataError>) {
        if let Some(problem) = id_problem(id) {
            errors.push(DataError::new(
                file,
                format!("{path}.id"),
                format!("invalid id {}: {problem}; {ID_RULE}", show(id)),
            ));
        }
        if let Some(first) = self.seen.get(id) {
            errors.push(DataError::new(
                file,
                format!("{path}.id"),
                format!("duplicate id {}; already used at {first}", show(id)),
            ));
        } else {
            self.seen.insert(id.to_string(), path);
        }
    }
}

/// Semantic checks on one inspection file: ids, references within the file, grades on scale.
pub fn validate_inspection(file: &str, ins: &Inspection) -> Vec<DataError> {
    let mut errors = Vec::new();
    check_version(file, ins.schema_version, &mut errors);
    if let Some(problem) = id_problem(&ins.id) {
        errors.push(DataError::new(
            file,
            "id",
            format!(
                "invalid inspection id {}: {problem}; {ID_RULE}",
                show(&ins.id)
            ),
        ));
    }
    for (field, value, what) in [
        ("title", &ins.title, "the inspection's title"),
        (
            "period",
            &ins.period,
            "the inspection period, e.g. \"2018/19\"",
        ),
        ("force", &ins.force, "the id of the inspected force"),
    ] {
        check_filled(file, field.into(), value, what, &mut errors);
    }
    if ins.sources.is_empty() {
        errors.push(DataError::new(
            file,
            "sources",
            "no sources; expected at least one source document",
        ));
    }

    let mut ids = Ids {
        seen: HashMap::new(),
    };
    let source_ids: HashSet<&str> = ins.sources.iter().map(|s| s.id.as_str()).collect();
    let check_source = |path: String, source: &str, errors: &mut Vec<DataError>| {
        if !source_ids.contains(source) {
            errors.push(DataError::new(
                file,
                path,
                format!(
                    "unknown source {}; expected the id of an entry in sources",
                    show(source)
                ),
            ));
        }
    };

    for (i, s) in ins.sources.iter().enumerate() {
        ids.add(file, &s.id, format!("sources[{i}]"), &mut errors);
        check_filled(
            file,
            format!("sources[{i}].title"),
            &s.title,
            "the document's title",
            &mut errors,
        );
        if let Some(url) = &s.url {
            if let Some(problem) = url_problem(url) {
                errors.push(DataError::new(
                    file,
                    format!("sources[{i}].url"),
                    format!(
                        "unsafe or malformed web address {}: {problem}; expected an http:// or https:// URL",
                        show(url)
                    ),
                ));
            }
        }
        if let Some(date) = &s.date {
            check_date(file, format!("sources[{i}].date"), date, &mut errors);
        }
        if s.file.trim().is_empty() {
            errors.push(DataError::new(
                file,
                format!("sources[{i}].file"),
                "must name the source text file",
            ));
        }
    }
    if let Some(p) = &ins.published {
        check_date(file, "published.date".into(), &p.date, &mut errors);
        check_source("published.source".into(), &p.source, &mut errors);
    }

    if ins.scale == crate::grade::GradeScale::None && !ins.judgments.is_empty() {
        errors.push(DataError::new(
            file,
            "judgments",
            "this inspection's scale is \"none\" (ungraded); expected no judgments",
        ));
    }
    let mut judgment_ids = HashSet::new();
    for (i, j) in ins.judgments.iter().enumerate() {
        walk_judgment(
            file,
            ins,
            j,
            format!("judgments[{i}]"),
            None,
            &mut ids,
            &mut judgment_ids,
            &check_source,
            &mut errors,
        );
    }
    let check_judgment = |path: String, id: &str, errors: &mut Vec<DataError>| {
        if !judgment_ids.contains(id) {
            errors.push(DataError::new(
                file,
                path,
                format!(
                    "unknown judgment {}; expected the id of a judgment in this file",
                    show(id)
                ),
            ));
        }
    };

    let mut afi_ids = HashSet::new();
    for (i, a) in ins.areas_for_improvement.iter().enumerate() {
        let p = format!("areas_for_improvement[{i}]");
        ids.add(file, &a.id, p.clone(), &mut errors);
        afi_ids.insert(a.id.as_str());
        check_judgment(format!("{p}.judgment"), &a.judgment, &mut errors);
        check_source(format!("{p}.source"), &a.source, &mut errors);
        check_text(file, format!("{p}.text"), &a.text, &mut errors);
    }
    for (i, c) in ins.causes_of_concern.iter().enumerate() {
        let p = format!("causes_of_concern[{i}]");
        ids.add(file, &c.id, p.clone(), &mut errors);
        check_judgment(format!("{p}.judgment"), &c.judgment, &mut errors);
        check_source(format!("{p}.source"), &c.source, &mut errors);
        check_text(file, format!("{p}.text"), &c.text, &mut errors);
    }
    for (i, f) in ins.follow_ups.iter().enumerate() {
        let p = format!("follow_ups[{i}]");
        ids.add(file, &f.id, p.clone(), &mut errors);
        check_judgment(format!("{p}.judgment"), &f.judgment, &mut errors);
        check_source(format!("{p}.source"), &f.source, &mut errors);
        check_text(file, format!("{p}.text"), &f.text, &mut errors);
        if let Some(next) = &f.continued_by {
            if !afi_ids.contains(next.as_str()) {
                errors.push(DataError::new(
                    file,
                    format!("{p}.continued_by"),
                    format!("unknown area for improvement {}; expected the id of an entry in areas_for_improvement", show(next)),
                ));
            }
        }
    }
    for (i, f) in ins.findings.iter().enumerate() {
        let p = format!("findings[{i}]");
        ids.add(file, &f.id, p.clone(), &mut errors);
        if let Some(j) = &f.judgment {
            check_judgment(format!("{p}.judgment"), j, &mut errors);
        }
        check_source(format!("{p}.source"), &f.source, &mut errors);
        check_text(file, format!("{p}.text"), &f.text, &mut errors);
    }
    for (i, q) in ins.quotes.iter().enumerate() {
        let p = format!("quotes[{i}]");
        ids.add(file, &q.id, p.clone(), &mut errors);
        check_source(format!("{p}.source"), &q.source, &mut errors);
        check_text(file, format!("{p}.text"), &q.text, &mut errors);
    }
    for (i, f) in ins.figures.iter().enumerate() {
        let p = format!("figures[{i}]");
        ids.add(file, &f.id, p.clone(), &mut errors);
        check_source(format!("{p}.source"), &f.source, &mut errors);
        if !f.value.is_finite() {
            errors.push(DataError::new(
                file,
                format!("{p}.value"),
                "expected a finite number",
            ));
        }
    }
    if let Some(o) = &ins.observations {
        check_source("observations.source".into(), &o.source, &mut errors);
    }
    let known = all_ids(ins);
    for (i, n) in ins.notes.iter().enumerate() {
        let p = format!("notes[{i}]");
        ids.add(file, &n.id, p.clone(), &mut errors);
        for (k, s) in n.sources.iter().enumerate() {
            check_source(format!("{p}.sources[{k}]"), s, &mut errors);
        }
        for (k, about) in n.about.iter().enumerate() {
            if !known.contains(about.as_str()) {
                errors.push(DataError::new(
                    file,
                    format!("{p}.about[{k}]"),
                    format!(
                        "unknown item {}; expected the id of an item in this file",
                        show(about)
                    ),
                ));
            }
        }
    }
    if !ins.cy.is_empty() {
        check_welsh(
            file,
            &ins.cy,
            &crate::welsh::inspection_keys(ins),
            "this inspection or of an item in this file",
            &mut errors,
        );
    }
    errors
}

/// Every entry of a `cy` table must name an English text of the file (by the key of its id
/// and field) and hold some Welsh.
fn check_welsh(file: &str, cy: &Welsh, keys: &[String], ids: &str, errors: &mut Vec<DataError>) {
    for (key, welsh) in cy.iter() {
        let message = match keys.iter().filter(|k| *k == key).count() {
            1 if welsh.trim().is_empty() => "must not be empty; expected the Welsh of the \
                 English text there (leave the entry out to show the English)"
                .to_string(),
            1 => continue,
            0 => {
                // The fields the key's id does have, if it is an id here at all.
                let id = key.split_once('.').map_or(key, |(id, _)| id);
                let fields: Vec<&str> = keys
                    .iter()
                    .filter_map(|k| k.strip_prefix(id)?.strip_prefix('.'))
                    .collect();
                if fields.is_empty() {
                    format!(
                        "unknown id {}; expected \"<id>.<field>\" with the id of {ids}, e.g. {}",
                        show(id),
                        show(keys.first().map_or("", String::as_str))
                    )
                } else {
                    format!(
                        "no English text there to translate; expected one of {}'s text \
                         fields: {}",
                        show(id),
                        fields.join(", ")
                    )
                }
            }
            _ => "ambiguous: both the inspection and an item have this id; expected item ids \
                 that differ from the inspection's id"
                .to_string(),
        };
        errors.push(DataError::new(file, format!("cy[{}]", show(key)), message));
    }
}

fn all_ids(ins: &Inspection) -> HashSet<&str> {
    let mut out = HashSet::new();
    fn judgments<'a>(js: &'a [Judgment], out: &mut HashSet<&'a str>) {
        for j in js {
            out.insert(j.id.as_str());
            judgments(&j.children, out);
        }
    }
    judgments(&ins.judgments, &mut out);
    out.extend(ins.areas_for_improvement.iter().map(|x| x.id.as_str()));
    out.extend(ins.causes_of_concern.iter().map(|x| x.id.as_str()));
    out.extend(ins.follow_ups.iter().map(|x| x.id.as_str()));
    out.extend(ins.findings.iter().map(|x| x.id.as_str()));
    out.extend(ins.quotes.iter().map(|x| x.id.as_str()));
    out.extend(ins.figures.iter().map(|x| x.id.as_str()));
    out.extend(ins.notes.iter().map(|x| x.id.as_str()));
    out.extend(ins.sources.iter().map(|x| x.id.as_str()));
    out
}

fn check_date(file: &str, path: String, date: &str, errors: &mut Vec<DataError>) {
    if !is_valid_date(date) {
        errors.push(DataError::new(
            file,
            path,
            format!(
                "invalid date {}; expected YYYY, YYYY-MM or YYYY-MM-DD",
                show(date)
            ),
        ));
    }
}

/// A required name or label that must hold something.
fn check_filled(file: &str, path: String, value: &str, what: &str, errors: &mut Vec<DataError>) {
    if value.trim().is_empty() {
        errors.push(DataError::new(
            file,
            path,
            format!("must not be empty; expected {what}"),
        ));
    }
}

fn check_text(file: &str, path: String, text: &str, errors: &mut Vec<DataError>) {
    if text.trim().is_empty() {
        errors.push(DataError::new(
            file,
            path,
            "must not be empty; expected the verbatim text",
        ));
    }
}

#[allow(clippy::too_many_arguments)]
fn walk_judgment<'a>(
    file: &str,
    ins: &Inspection,
    j: &'a Judgment,
    path: String,
    parent: Option<JudgmentLevel>,
    ids: &mut Ids,
    judgment_ids: &mut HashSet<&'a str>,
    check_source: &dyn Fn(String, &str, &mut Vec<DataError>),
    errors: &mut Vec<DataError>,
) {
    ids.add(file, &j.id, path.clone(), errors);
    judgment_ids.insert(j.id.as_str());
    check_filled(
        file,
        format!("{path}.name"),
        &j.name,
        "the judgment's name as the report gives it",
        errors,
    );
    check_source(format!("{path}.source"), &j.source, errors);
    // On an ungraded inspection the judgments themselves are already reported.
    let graded = ins.scale != crate::grade::GradeScale::None;
    if let Some(grade) = j.grade.filter(|g| graded && !ins.scale.allows(*g)) {
        errors.push(DataError::new(
            file,
            format!("{path}.grade"),
            format!(
                "grade {:?} is not on this inspection's {} scale; expected {}",
                grade.slug(),
                ins.scale.slug(),
                expected_grades(ins.scale)
            ),
        ));
    }
    let nesting_ok = matches!(
        (parent, j.level),
        (None, _) | (Some(JudgmentLevel::Pillar), JudgmentLevel::Question)
    );
    if !nesting_ok {
        errors.push(DataError::new(
            file,
            format!("{path}.level"),
            format!(
                "a judgment of level {} cannot sit inside one of level {}; expected only \
                 \"question\" judgments inside a \"pillar\", and nothing inside a question or area",
                json(&j.level),
                json(&parent.expect("nesting is only wrong under a parent"))
            ),
        ));
    }
    for (i, child) in j.children.iter().enumerate() {
        walk_judgment(
            file,
            ins,
            child,
            format!("{path}.children[{i}]"),
            Some(j.level),
            ids,
            judgment_ids,
            check_source,
            errors,
        );
    }
}

/// Semantic checks on the manifest alone.
pub fn validate_manifest(file: &str, m: &Manifest) -> Vec<DataError> {
    let mut errors = Vec::new();
    check_version(file, m.schema_version, &mut errors);
    let mut ids = Ids {
        seen: HashMap::new(),
    };
    let forces: HashSet<&str> = m.forces.iter().map(|f| f.id.as_str()).collect();
    for (i, f) in m.forces.iter().enumerate() {
        ids.add(file, &f.id, format!("forces[{i}]"), &mut errors);
        check_filled(
            file,
            format!("forces[{i}].name"),
            &f.name,
            "the force's name",
            &mut errors,
        );
    }
    let mut files = HashMap::new();
    for (i, e) in m.inspections.iter().enumerate() {
        let p = format!("inspections[{i}]");
        ids.add(file, &e.id, p.clone(), &mut errors);
        check_filled(
            file,
            format!("{p}.title"),
            &e.title,
            "the inspection's title",
            &mut errors,
        );
        if !forces.contains(e.force.as_str()) {
            errors.push(DataError::new(
                file,
                format!("{p}.force"),
                format!(
                    "unknown force {}; expected the id of an entry in forces",
                    show(&e.force)
                ),
            ));
        }
        if let Some(d) = &e.date {
            check_date(file, format!("{p}.date"), d, &mut errors);
        }
        if let Some(problem) = path_problem(&e.file) {
            errors.push(DataError::new(
                file,
                format!("{p}.file"),
                format!(
                    "unsafe file path {}: {problem}; expected a relative path like \
                     \"peel-2018-19.json\" (letters, digits, '-', '_', '.' and '/'), ending in .json",
                    show(&e.file)
                ),
            ));
        }
        if let Some(first) = files.insert(e.file.as_str(), i) {
            errors.push(DataError::new(
                file,
                format!("{p}.file"),
                format!(
                    "file {} is already listed at inspections[{first}].file; expected each \
                     inspection file to be listed once",
                    show(&e.file)
                ),
            ));
        }
    }
    for (i, l) in m.lineages.iter().enumerate() {
        ids.add(file, &l.id, format!("lineages[{i}]"), &mut errors);
        check_filled(
            file,
            format!("lineages[{i}].name"),
            &l.name,
            "a name for the assessed area",
            &mut errors,
        );
        if !forces.contains(l.force.as_str()) {
            errors.push(DataError::new(
                file,
                format!("lineages[{i}].force"),
                format!(
                    "unknown force {}; expected the id of an entry in forces",
                    show(&l.force)
                ),
            ));
        }
        for (k, s) in l.steps.iter().enumerate() {
            if !m.inspections.iter().any(|e| e.id == s.inspection) {
                errors.push(DataError::new(
                    file,
                    format!("lineages[{i}].steps[{k}].inspection"),
                    format!(
                        "unknown inspection {}; expected the id of an entry in inspections",
                        show(&s.inspection)
                    ),
                ));
            }
        }
    }
    if !m.cy.is_empty() {
        check_welsh(
            file,
            &m.cy,
            &crate::welsh::manifest_keys(m),
            "a force, inspection or lineage in this manifest",
            &mut errors,
        );
    }
    errors
}

/// A value as JSON, for messages comparing what two files say.
fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let text = serde_json::to_string(value).unwrap_or_else(|e| format!("(unprintable: {e})"));
    match text.char_indices().nth(200) {
        Some((cut, _)) => format!("{}… ({} characters)", &text[..cut], text.chars().count()),
        None => text,
    }
}

/// Manifest file paths are fetched relative to the manifest: no schemes, no escaping upwards.
pub fn is_safe_relative_path(path: &str) -> bool {
    path_problem(path).is_none()
}

/// Why `path` may not be fetched, if it may not.
fn path_problem(path: &str) -> Option<String> {
    Some(if path.is_empty() {
        "it is empty".into()
    } else if path.starts_with('/') {
        "it is an absolute path".into()
    } else if path.contains('\\') {
        "it contains a backslash".into()
    } else if path.contains(':') {
        "it contains ':' (a scheme or drive)".into()
    } else if path.contains("..") {
        "it contains '..'".into()
    } else if let Some(c) = path
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/')))
    {
        match c {
            ' ' => "it contains a space".into(),
            c if c.is_whitespace() || c.is_control() => {
                format!("it contains the character U+{:04X}", c as u32)
            }
            c => format!("it contains {c:?}"),
        }
    } else if !path.ends_with(".json") {
        "it does not end in .json".into()
    } else {
        return None;
    })
}

/// Checks that an inspection file agrees with its manifest entry and that cross-file
/// references resolve. `inspections` holds every inspection that loaded, by id.
pub fn validate_dataset(
    manifest_file: &str,
    manifest: &Manifest,
    inspections: &HashMap<String, (String, Inspection)>,
) -> Vec<DataError> {
    let mut errors = Vec::new();
    for (i, e) in manifest.inspections.iter().enumerate() {
        let p = format!("inspections[{i}]");
        // Found by the file the entry names (labels are that path, possibly under a directory),
        // so that a file whose id differs from the entry's is still compared and the id
        // mismatch reported; by id alone where no label names the file.
        let listed_file = format!("/{}", e.file);
        let names_file = |label: &str| label == e.file || label.ends_with(&listed_file);
        let found = match inspections.get(&e.id) {
            Some(hit) if names_file(&hit.0) => Some(hit),
            by_id => inspections
                .values()
                .filter(|(label, _)| names_file(label))
                .min_by_key(|(label, _)| label.len())
                .or(by_id),
        };
        let Some((file, ins)) = found else {
            continue; // the file did not load; its errors are already reported
        };
        let mut mismatch = |field: &str, in_manifest: String, in_file: String| {
            if in_manifest != in_file {
                errors.push(DataError::new(
                    manifest_file,
                    format!("{p}.{field}"),
                    format!("manifest says {in_manifest} but {file} says {in_file}; expected them to agree"),
                ));
            }
        };
        // Shown as JSON values, as the user wrote them ("four-point", null, {"judgments": 2, …}).
        mismatch("id", json(&e.id), json(&ins.id));
        mismatch("force", json(&e.force), json(&ins.force));
        mismatch("title", json(&e.title), json(&ins.title));
        mismatch("period", json(&e.period), json(&ins.period));
        mismatch("programme", json(&e.programme), json(&ins.programme));
        mismatch("scale", json(&e.scale), json(&ins.scale));
        mismatch(
            "date",
            json(&e.date),
            json(&ins.published.as_ref().map(|p| &p.date)),
        );
        mismatch("counts", json(&e.counts), json(&crate::model::counts(ins)));
        let title = crate::welsh::key(&e.id, "title");
        let (in_manifest, in_file) = (manifest.cy.text(&title), ins.cy.text(&title));
        if in_manifest != in_file {
            errors.push(DataError::new(
                manifest_file,
                format!("cy[{}]", show(&title)),
                format!(
                    "manifest says {} but {file} says {}; expected the same Welsh title in both \
                     (or in neither)",
                    json(&in_manifest),
                    json(&in_file)
                ),
            ));
        }
    }
    for (file, ins) in inspections.values() {
        for (i, f) in ins.follow_ups.iter().enumerate() {
            let Some(r) = &f.refers_to else { continue };
            let p = format!("follow_ups[{i}].refers_to");
            let listed = manifest.inspections.iter().any(|e| e.id == r.inspection);
            match inspections.get(&r.inspection) {
                // Listed but did not load: its own errors are already reported.
                None if listed => {}
                None => errors.push(DataError::new(
                    file,
                    format!("{p}.inspection"),
                    format!(
                        "unknown inspection {}; expected the id of an inspection in the manifest",
                        show(&r.inspection)
                    ),
                )),
                Some((_, target)) => {
                    let exists = target.areas_for_improvement.iter().any(|a| a.id == r.item)
                        || target.causes_of_concern.iter().any(|c| c.id == r.item);
                    if !exists {
                        errors.push(DataError::new(
                            file,
                            format!("{p}.item"),
                            format!(
                                "unknown item {} in inspection {}; expected an area for improvement or cause of concern there",
                                show(&r.item), show(&r.inspection)
                            ),
                        ));
                    }
                }
            }
        }
    }
    for (i, l) in manifest.lineages.iter().enumerate() {
        for (k, s) in l.steps.iter().enumerate() {
            if let Some((_, ins)) = inspections.get(&s.inspection) {
                if crate::model::find_judgment(ins, &s.judgment).is_none() {
                    errors.push(DataError::new(
                        manifest_file,
                        format!("lineages[{i}].steps[{k}].judgment"),
                        format!(
                            "unknown judgment {} in inspection {}; expected the id of a judgment in that inspection's file",
                            show(&s.judgment), show(&s.inspection)
                        ),
                    ));
                }
            }
        }
    }
    errors
}
