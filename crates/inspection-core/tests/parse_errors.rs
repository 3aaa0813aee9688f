//! Messages of `validate::parse` and the loaders for input that is not the expected JSON. The
//! browser shows these as they are, so each must say what was expected.

use inspection_core::validate::{load_inspection, load_manifest, parse};

fn manifest_error(text: &str) -> String {
    let errors = load_manifest("data/index.json", text).expect_err("must be rejected");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors[0].to_string()
}

#[test]
fn ten_thousand_open_brackets_give_a_clear_error_not_a_stack_overflow() {
    let text = "[".repeat(10_000);
    // Through the generic parser, which accepts any JSON value: serde_json's recursion limit.
    let err = parse::<serde_json::Value>("data/x.json", &text).expect_err("too deep");
    // The path names the 127 arrays opened before the limit (128 levels) was reached.
    assert_eq!(
        err.to_string(),
        format!(
            "data/x.json: {}: JSON nested too deeply (recursion limit exceeded at line 1 column \
             128); expected at most 128 levels of nested arrays and objects",
            "[0]".repeat(127)
        )
    );
    // Through the loaders: a data file must be an object, so it is rejected at once.
    assert_eq!(
        manifest_error(&text),
        "data/index.json: (top level): got a JSON array (starts with '['); expected a JSON \
         object (starting with '{')"
    );
}

#[test]
fn deep_nesting_under_an_unknown_field_stops_at_the_field() {
    let depth = 10_000;
    let text = format!(
        "{{\"schema_version\":1,\"forces\":[],\"inspections\":[],\"lineages\":[{}]}}",
        "{\"a\":".repeat(depth)
    );
    let err = manifest_error(&text);
    assert!(
        err.starts_with("data/index.json: lineages[0].a: unknown field `a`, expected one of"),
        "{err}"
    );
}

#[test]
fn a_struct_written_as_an_array_is_not_a_data_file() {
    // serde alone would read `[1, [], []]` as a Manifest (fields by position).
    assert_eq!(
        manifest_error("[1, [], []]"),
        "data/index.json: (top level): got a JSON array (starts with '['); expected a JSON \
         object (starting with '{')"
    );
    assert_eq!(
        manifest_error("null"),
        "data/index.json: (top level): got JSON null; expected a JSON object (starting with '{')"
    );
    assert_eq!(
        manifest_error("\"index\""),
        "data/index.json: (top level): got a JSON string; expected a JSON object (starting with \
         '{')"
    );
}

#[test]
fn text_after_the_document_is_rejected() {
    assert_eq!(
        manifest_error("{\"schema_version\":1,\"forces\":[],\"inspections\":[]} {}"),
        "data/index.json: (top level): more text after the end of the JSON document (trailing \
         characters at line 1 column 51); expected exactly one JSON object"
    );
    // Trailing whitespace is fine.
    assert!(load_manifest(
        "data/index.json",
        "{\"schema_version\":1,\"forces\":[],\"inspections\":[]}\n\n"
    )
    .is_ok());
}

#[test]
fn truncated_documents_say_so_and_keep_the_known_path() {
    assert_eq!(
        manifest_error("{\"schema_version\":1,\"forces\":[{\"id\":\"gwent\","),
        "data/index.json: forces[0]: the file ends in the middle of the JSON (EOF while parsing \
         a value at line 1 column 44); expected a complete JSON document — was the file \
         truncated?"
    );
    assert_eq!(
        manifest_error("{"),
        "data/index.json: (top level): the file ends in the middle of the JSON (EOF while \
         parsing an object at line 1 column 1); expected a complete JSON document — was the \
         file truncated?"
    );
}

#[test]
fn inspection_loader_applies_the_same_checks() {
    let errors = load_inspection("data/a.json", "\u{feff}{}").expect_err("BOM");
    assert_eq!(
        errors[0].to_string(),
        "data/a.json: (top level): file starts with a byte-order mark (U+FEFF); expected plain \
         UTF-8 JSON without a BOM"
    );
    let errors = load_inspection("data/a.json", "[]").expect_err("array");
    assert_eq!(
        errors[0].to_string(),
        "data/a.json: (top level): got a JSON array (starts with '['); expected a JSON object \
         (starting with '{')"
    );
}
