//! Property-based fuzzing of the loaders, as part of the normal test run: whatever the input,
//! `load_manifest` and `load_inspection` return `Ok` or errors that name the file, the JSON
//! path and the problem — they never panic. (`fuzz/` holds coverage-guided targets for longer
//! runs with cargo-fuzz.)
//!
//! Structured mutations start from the bundled data (`public/data`), so they reach the
//! validation behind the parser: a deleted key, a value replaced by any JSON value, a
//! duplicated array element, or the file cut short at any byte.

use std::path::PathBuf;
use std::sync::OnceLock;

use inspection_core::validate::{load_inspection, load_manifest, DataError};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

const FILE: &str = "data/fuzz.json";

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 384,
        // A failure is reported with its minimal input; no regression files are written.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Every error must say where and what.
fn check_errors(errors: &[DataError]) -> Result<(), TestCaseError> {
    prop_assert!(!errors.is_empty(), "Err with no errors");
    for e in errors {
        prop_assert!(!e.file.is_empty(), "no file: {e:?}");
        prop_assert!(!e.path.is_empty(), "no path: {e:?}");
        prop_assert!(!e.message.is_empty(), "no message: {e:?}");
        prop_assert!(
            e.message.len() < 25_000,
            "message too long: {} bytes",
            e.message.len()
        );
    }
    Ok(())
}

/// Runs both loaders on `text`; a panic fails the property.
fn load_both(text: &str) -> Result<(), TestCaseError> {
    if let Err(errors) = load_manifest(FILE, text) {
        check_errors(&errors)?;
    }
    if let Err(errors) = load_inspection(FILE, text) {
        check_errors(&errors)?;
    }
    Ok(())
}

/// The bundled data files: (name, parsed JSON, is it the manifest).
fn bundled() -> &'static [(String, Value, bool)] {
    static FILES: OnceLock<Vec<(String, Value, bool)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
        let mut files: Vec<(String, Value, bool)> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .map(|entry| entry.expect("directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&p).expect("bundled file readable");
                let value = serde_json::from_str(&text).expect("bundled file is JSON");
                let manifest = name == "index.json";
                (name, value, manifest)
            })
            .collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        assert!(
            files.len() >= 2,
            "expected the manifest and inspection files"
        );
        files
    })
}

/// Loads mutated bundled JSON with the loader for its kind of file.
fn load_as(manifest: bool, text: &str) -> Result<(), TestCaseError> {
    let result = if manifest {
        load_manifest(FILE, text).map(|_| ())
    } else {
        load_inspection(FILE, text).map(|_| ())
    };
    match result {
        Ok(()) => Ok(()),
        Err(errors) => check_errors(&errors),
    }
}

/// JSON Pointers to every value below the root, in document order.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let p = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.push(p.clone());
                pointers(v, p, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                pointers(v, p, out);
            }
        }
        _ => {}
    }
}

fn all_pointers(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    pointers(value, String::new(), &mut out);
    out
}

/// Splits a pointer into its parent's pointer and the last token.
fn parent_of(pointer: &str) -> (&str, String) {
    let (parent, last) = pointer.rsplit_once('/').expect("pointer below the root");
    (parent, last.replace("~1", "/").replace("~0", "~"))
}

/// Strings that mean something to the validation, besides arbitrary ones.
fn interesting_string() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9-]{0,12}",
        "\\PC{0,16}",
        prop::sample::select(vec![
            "",
            " ",
            "four-point",
            "five-point",
            "none",
            "peel",
            "pillar",
            "question",
            "area",
            "good",
            "adequate",
            "met",
            "javascript:alert(1)",
            "//evil.example",
            "../index.json",
            "/etc/passwd",
            "a--b",
            "2020-02-30",
            "\u{feff}",
            "\u{0}",
            "NaN",
        ])
        .prop_map(String::from),
    ]
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u32>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from), // NaN and infinities become null
        interesting_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(interesting_string(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Text built from JSON tokens, which reaches further into the parser than random bytes.
fn json_ish_text() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\n",
        "\"",
        "\"id\"",
        "\"schema_version\"",
        "1",
        "-",
        "0",
        "1e999",
        "2.5",
        "NaN",
        "-Infinity",
        "null",
        "true",
        "\"\\u0000\"",
        "\\",
        "\"forces\"",
        "\"inspections\"",
        "\"judgments\"",
        "\"sources\"",
        "<",
        "\u{feff}",
        "é",
    ]);
    prop::collection::vec(token, 0..64).prop_map(|tokens| tokens.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        // Decoded the way the browser decodes a response.
        load_both(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        load_both(&text)?;
    }

    #[test]
    fn json_like_token_soup_never_panics(text in json_ish_text()) {
        load_both(&text)?;
    }

    #[test]
    fn deleting_a_key_never_panics(file in any::<Index>(), at in any::<Index>()) {
        let (_, original, manifest) = file.get(bundled());
        let mut value = original.clone();
        let keys: Vec<String> = all_pointers(&value)
            .into_iter()
            .filter(|p| {
                let (parent, _) = parent_of(p);
                value.pointer(parent).is_some_and(Value::is_object)
            })
            .collect();
        let (parent, key) = parent_of(at.get::<String>(&keys));
        value
            .pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .expect("parent is an object")
            .remove(&key);
        load_as(*manifest, &serde_json::to_string_pretty(&value).unwrap())?;
    }

    #[test]
    fn replacing_a_value_never_panics(
        file in any::<Index>(),
        at in any::<Index>(),
        replacement in json_value(),
    ) {
        let (_, original, manifest) = file.get(bundled());
        let mut value = original.clone();
        let targets = all_pointers(&value);
        *value.pointer_mut(at.get::<String>(&targets)).expect("pointer resolves") = replacement;
        load_as(*manifest, &serde_json::to_string_pretty(&value).unwrap())?;
    }

    #[test]
    fn duplicating_an_array_element_never_panics(
        file in any::<Index>(),
        at in any::<Index>(),
        element in any::<Index>(),
    ) {
        let (_, original, manifest) = file.get(bundled());
        let mut value = original.clone();
        let arrays: Vec<String> = all_pointers(&value)
            .into_iter()
            .filter(|p| value.pointer(p).and_then(Value::as_array).is_some_and(|a| !a.is_empty()))
            .collect();
        prop_assume!(!arrays.is_empty());
        let items = value
            .pointer_mut(at.get::<String>(&arrays))
            .and_then(Value::as_array_mut)
            .expect("pointer names an array");
        let i = element.index(items.len());
        items.insert(i, items[i].clone());
        load_as(*manifest, &serde_json::to_string_pretty(&value).unwrap())?;
    }

    #[test]
    fn truncating_at_any_byte_never_panics(file in any::<Index>(), at in any::<Index>()) {
        let (_, original, manifest) = file.get(bundled());
        let text = serde_json::to_string_pretty(original).unwrap();
        let mut cut = at.index(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let result = if *manifest {
            load_manifest(FILE, &text[..cut]).map(|_| ())
        } else {
            load_inspection(FILE, &text[..cut]).map(|_| ())
        };
        // Only whitespace can be cut from a valid file without breaking it.
        let errors = result.expect_err("a truncated file must be rejected");
        check_errors(&errors)?;
    }
}

#[test]
fn the_unmutated_bundled_files_load() {
    for (name, value, manifest) in bundled() {
        let text = serde_json::to_string_pretty(value).unwrap();
        let ok = if *manifest {
            load_manifest(name, &text).is_ok()
        } else {
            load_inspection(name, &text).is_ok()
        };
        assert!(
            ok,
            "{name} does not load after a round trip through serde_json"
        );
    }
}
