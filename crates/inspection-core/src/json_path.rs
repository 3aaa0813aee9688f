//! The JSON path of a serde_json error, found from the error's line and column.
//!
//! Natively, [`crate::validate::parse`] tracks the path with `serde_path_to_error`. That crate
//! wraps every `Deserialize` impl of the model, which cost the browser bundle 66 KB of wasm
//! (14 KB brotli; BENCHMARKS.md), so the browser parses untracked and, only when parsing
//! fails, rebuilds the same path by scanning the text up to where serde_json stopped. The
//! notation and the choices (which errors name the key or index, which only the container)
//! follow `serde_path_to_error` exactly; `tests` check the two agree on every fixture and on
//! thousands of random corruptions of the bundled files.

use serde_json::error::Category;

/// What the scanner was doing inside one container (or at the top level).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// After `{` or a comma in an object.
    ExpectKey,
    /// Inside a key string.
    InKey,
    /// After a key, before its colon.
    AfterKey,
    /// After a colon, `[`, a comma in an array, or at the start of the document.
    ExpectValue,
    /// Inside a string, number or literal value.
    InValue,
    /// After a whole value.
    AfterValue,
}

/// One open container, or the document itself (`object == None`).
#[derive(Debug)]
struct Level {
    object: Option<bool>,
    /// The decoded current key, in an object.
    key: String,
    /// The current element, in an array.
    index: usize,
    phase: Phase,
}

impl Level {
    fn new(object: Option<bool>) -> Self {
        let phase = if object == Some(true) {
            Phase::ExpectKey
        } else {
            Phase::ExpectValue
        };
        Level {
            object,
            key: String::new(),
            index: 0,
            phase,
        }
    }

    fn push_segment(&self, path: &mut String) {
        match self.object {
            Some(true) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&self.key);
            }
            Some(false) => path.push_str(&format!("[{}]", self.index)),
            None => {}
        }
    }
}

/// A byte scanner over a JSON text that may be malformed from some point on.
struct Scanner<'a> {
    text: &'a str,
    stack: Vec<Level>,
    /// Start of the string being scanned, and whether the last byte was a backslash.
    string_start: usize,
    /// Bytes of an escape still to come: 5 right after the backslash, 4..1 in a `\u` escape.
    escape_left: u8,
    /// Start of the value being scanned.
    token_start: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            text,
            stack: vec![Level::new(None)],
            string_start: usize::MAX,
            escape_left: 0,
            token_start: 0,
        }
    }

    fn top(&mut self) -> &mut Level {
        self.stack
            .last_mut()
            .expect("the document level is never popped")
    }

    /// A value ended: the container it was in is now after a value.
    fn value_done(&mut self) {
        self.top().phase = Phase::AfterValue;
    }

    fn feed(&mut self, i: usize, b: u8) {
        let phase = self.top().phase;
        match phase {
            Phase::InKey | Phase::InValue if self.string_start != usize::MAX => {
                if self.escape_left == 5 {
                    // serde_json reads the four bytes of a `\u` escape as one, valid or not.
                    self.escape_left = if b == b'u' { 4 } else { 0 };
                } else if self.escape_left > 0 {
                    self.escape_left -= 1;
                } else if b == b'\\' {
                    self.escape_left = 5;
                } else if b == b'"' {
                    if phase == Phase::InKey {
                        let raw = &self.text[self.string_start..=i];
                        // serde_path_to_error records the decoded key.
                        let key = serde_json::from_str::<String>(raw)
                            .unwrap_or_else(|_| raw[1..raw.len() - 1].to_string());
                        let top = self.top();
                        top.key = key;
                        top.phase = Phase::AfterKey;
                    } else {
                        self.value_done();
                    }
                    self.string_start = usize::MAX;
                }
            }
            // A number or literal runs until a byte that cannot be part of one, which is then
            // read as usual.
            Phase::InValue if !is_token_byte(b) => {
                self.value_done();
                self.feed(i, b);
            }
            Phase::InValue => {}
            _ if b.is_ascii_whitespace() => {}
            Phase::ExpectKey if b == b'"' => {
                self.string_start = i;
                self.top().phase = Phase::InKey;
            }
            Phase::AfterKey if b == b':' => self.top().phase = Phase::ExpectValue,
            Phase::ExpectValue if b == b'{' || b == b'[' => {
                self.top().phase = Phase::InValue;
                self.stack.push(Level::new(Some(b == b'{')));
            }
            Phase::ExpectValue if b == b']' && self.top().object == Some(false) => self.close(),
            Phase::ExpectValue => {
                self.top().phase = Phase::InValue;
                self.string_start = if b == b'"' { i } else { usize::MAX };
                self.token_start = i;
            }
            Phase::ExpectKey | Phase::AfterValue if matches!(b, b'}' | b']') => self.close(),
            Phase::AfterValue if b == b',' => {
                let top = self.top();
                match top.object {
                    Some(true) => top.phase = Phase::ExpectKey,
                    Some(false) => {
                        top.index += 1;
                        top.phase = Phase::ExpectValue;
                    }
                    None => {}
                }
            }
            // Anything else is the syntax error itself, which the caller stops before.
            _ => {}
        }
    }

    fn close(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
            self.value_done();
        }
    }

    /// The path of the innermost container, plus its current key or index when `inner`.
    fn path(&self, inner: bool) -> String {
        let mut path = String::new();
        let last = self.stack.len() - 1;
        for level in &self.stack[..last] {
            level.push_segment(&mut path);
        }
        if inner {
            self.stack[last].push_segment(&mut path);
        }
        path
    }
}

/// Whether `b` can continue a number or literal token.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')
}

/// Where `err` happened in `text`, as `serde_path_to_error` would name it (without its `?`
/// for an unnamed position). Key and index are included when the failing code was reading
/// that member's value; syntax between members names only the container.
pub fn path_at(text: &str, err: &serde_json::Error) -> String {
    let bytes = text.as_bytes();
    let line_start = if err.line() <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(err.line() - 2)
            .map_or(bytes.len(), |(i, _)| i + 1)
    };
    let offset = (line_start + err.column()).min(bytes.len());
    let mut scanner = Scanner::new(text);
    let data = err.classify() == Category::Data;
    // A syntax error is detected at its offending byte: scan up to it and look at it.
    let (end, offending) = match err.classify() {
        Category::Data => (offset, None),
        Category::Eof => (bytes.len(), None),
        _ => (
            offset.saturating_sub(1),
            offset.checked_sub(1).map(|i| bytes[i]),
        ),
    };
    for (i, b) in bytes[..end].iter().enumerate() {
        scanner.feed(i, *b);
    }
    // A whole number or literal followed by a stray byte, or by the end of the file, failed
    // after the value, not in it; a digit after a whole number is the number's own error (`01`).
    let top = &scanner.stack[scanner.stack.len() - 1];
    if top.phase == Phase::InValue && scanner.string_start == usize::MAX {
        let token = &text[scanner.token_start..end];
        let literal = matches!(token, "true" | "false" | "null");
        let number = serde_json::from_str::<serde_json::Number>(token).is_ok();
        if literal || (number && !offending.is_some_and(|b| b.is_ascii_digit())) {
            scanner.value_done();
        }
    }
    let level = scanner
        .stack
        .last()
        .expect("the document level is never popped");
    let inner = match (level.phase, level.object) {
        // A data error is raised by the code reading a member: a wrong type, an unknown
        // variant or field, or (after its closing bracket) a missing field of that member.
        (Phase::ExpectValue | Phase::InValue | Phase::AfterValue, _) if data => true,
        // Right after a key, only a key error names it; an unknown variant written as
        // `{"variant": …}` names the enum's own place.
        (Phase::AfterKey, _) if data => {
            let message = err.to_string();
            message.starts_with("unknown field") || message.starts_with("duplicate field")
        }
        (Phase::InValue, _) => true,
        // After a colon the member's value is being read, even at the end of the file.
        (Phase::ExpectValue, Some(true)) => true,
        // In an array serde_json first looks for the next element itself: `]`, or the end of
        // the file, fail there; anything else fails inside the element.
        (Phase::ExpectValue, Some(false)) => offending.is_some_and(|b| b != b']'),
        _ => false,
    };
    scanner.path(inner)
}

#[cfg(test)]
mod tests {
    use super::path_at;
    use crate::model::{Inspection, Manifest};
    use proptest::prelude::*;
    use serde::de::DeserializeOwned;
    use std::path::{Path, PathBuf};

    /// Both paths for one text, or `None` when it parses.
    fn both<T: DeserializeOwned>(text: &str) -> Option<(String, String, String)> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let (tracked, _) = crate::validate::deserialize_tracked::<T>(de, text).err()?;
        let de = &mut serde_json::Deserializer::from_str(text);
        let Err(err) = T::deserialize(de) else {
            panic!("the tracked parse failed, the plain one did not");
        };
        let line_start: usize = text
            .split('\n')
            .take(err.line() - 1)
            .map(|l| l.len() + 1)
            .sum();
        let at = (line_start + err.column()).min(text.len());
        let from = text.floor_char_boundary(at.saturating_sub(50));
        let to = text.ceil_char_boundary((at + 10).min(text.len()));
        let context = format!("{err} :: {:?}", &text[from..to]);
        Some((tracked, path_at(text, &err), context))
    }

    fn check(name: &str, text: &str) -> Result<(), TestCaseError> {
        let paths = if name.ends_with("index.json") {
            both::<Manifest>(text)
        } else {
            both::<Inspection>(text)
        };
        if let Some((tracked, found, context)) = paths {
            // Both spellings of the top level become "(top level)" in a DataError.
            let tracked = if tracked == "." {
                String::new()
            } else {
                tracked
            };
            prop_assert_eq!(&tracked, &found, "{} :: {}", name, context);
        }
        Ok(())
    }

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    /// Every JSON file of the bundled data and of the `check` fixtures, with its name.
    fn corpus() -> Vec<(String, String)> {
        let mut files = Vec::new();
        let fixtures = root().join("crates/inspection-tools/tests/fixtures");
        let mut dirs = vec![root().join("public/data")];
        for entry in std::fs::read_dir(&fixtures).expect("fixtures dir") {
            dirs.push(entry.expect("fixture").path());
        }
        for dir in dirs.into_iter().filter(|d| d.is_dir()) {
            for entry in std::fs::read_dir(&dir).expect("data dir") {
                let path = entry.expect("file").path();
                if path.extension().is_some_and(|e| e == "json") {
                    if let Ok(text) = String::from_utf8(std::fs::read(&path).expect("read")) {
                        files.push((path.display().to_string(), text));
                    }
                }
            }
        }
        assert!(files.len() > 80, "fixtures not found: {}", files.len());
        files
    }

    #[test]
    fn agrees_with_serde_path_to_error_on_every_fixture() {
        let mut failing = 0;
        for (name, text) in corpus() {
            check(&name, &text).unwrap();
            failing += usize::from(both::<Inspection>(&text).is_some());
        }
        assert!(
            failing > 40,
            "too few failing fixtures to prove much: {failing}"
        );
    }

    #[test]
    fn agrees_on_hand_picked_cases() {
        let cases = [
            r#"{"a": 1"#,
            r#"{"a": "#,
            r#"{"a""#,
            r#"{"#,
            r#"["#,
            r#"[1,"#,
            r#"{"schema_version": 1, "forces": [1, ]}"#,
            r#"{"schema_version": 1, "forces": [, 1]}"#,
            r#"{"schema_version": 1, "forces": [ {} 2]}"#,
            r#"{"schema_version": 1,}"#,
            r#"{"schema_version": 1 "forces": []}"#,
            r#"{"schema_version": NaN}"#,
            r#"{"schema_version": -Infinity}"#,
            r#"{"schema_version": 1e999}"#,
            r#"{"schema_version": tru}"#,
            r#"{"schema_version": "1"}"#,
            r#"{"schema_version": {"x": 1}}"#,
            r#"{"schema_version": [1]}"#,
            r#"{"forces": [{"id": "a\u0062", "name": 3}]}"#,
            r#"{"forces": [{"id": "x", "id": "y"}]}"#,
            r#"{"for\u0063es": [{"bogus": 1}]}"#,
            r#"{"forces": [{}]}"#,
            "{\"forces\": [\"a\u{1}b\"]}",
            "{\"fo\u{1}rces\": []}",
            r#"{"forces": ["\x"]}"#,
            r#"[]"#,
            r#""text""#,
            r#"{"a": [[[[[[{"b": [1, 2, {"c": nul}]}]]]]]]}"#,
        ];
        for text in cases {
            check("index.json", text).unwrap();
            check("inspection.json", text).unwrap();
        }
        let deep = format!("{{\"inspections\": {}", "[".repeat(200));
        check("index.json", &deep).unwrap();
    }

    /// Bytes that break JSON in interesting ways when dropped into a valid file.
    const BREAKERS: &[&str] = &[
        ",", "]", "}", "[", "{", "\"", ":", "null", "1", "-", "\"x\"", "NaN", "\\", "\u{1}", " ",
        "tru", "1e999", "{}", "[]", "\"\"",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]
        #[test]
        fn agrees_on_random_corruptions(
            file in any::<prop::sample::Index>(),
            at in any::<prop::sample::Index>(),
            len in 0usize..12,
            breaker in prop::sample::select(BREAKERS),
            truncate in any::<bool>(),
        ) {
            let files = corpus_cached();
            let (name, text) = &files[file.index(files.len())];
            if text.is_empty() {
                return Ok(());
            }
            let at = at.index(text.len());
            let end = (at + len).min(text.len());
            if !text.is_char_boundary(at) || !text.is_char_boundary(end) {
                return Ok(());
            }
            let mutated = if truncate {
                text[..at].to_string()
            } else {
                format!("{}{}{}", &text[..at], breaker, &text[end..])
            };
            check(name, &mutated)?;
        }
    }

    fn corpus_cached() -> &'static [(String, String)] {
        static CORPUS: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
        CORPUS.get_or_init(corpus)
    }
}
