//! The `check` command must reject bad data with a specific message: the file (as
//! `data-dir/file`), the JSON path, and what was expected.
//!
//! Each case is a directory under `tests/fixtures/`: a copy of the minimal valid base
//! (`fixtures/valid/`) with exactly one defect. The tests assert the complete list of errors,
//! each as the full `DataError` display string, so a vaguer message or an extra cascading error
//! is a test failure.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every error `check_dir` reports for a fixture, as displayed.
fn errors(case: &str) -> Vec<String> {
    let dir = fixtures().join(case);
    assert!(dir.is_dir(), "missing fixture directory {}", dir.display());
    inspection_tools::check_dir(&dir)
        .errors
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[track_caller]
fn assert_errors(case: &str, expected: &[&str]) {
    let got = errors(case);
    assert_eq!(got, expected, "\nfixture {case}: got\n{}\n", got.join("\n"));
}

/// The cases tested below; every fixture directory must be one of them. `valid` is the base;
/// every other entry is one bad-data case (one more, a 5 MiB field, is generated at test time).
const CASES: &[&str] = &[
    "area-in-pillar",
    "boolean-as-string",
    "byte-order-mark",
    "continued-by-unknown-afi",
    "dangling-afi-judgment",
    "deeply-nested-document",
    "deeply-nested-judgments",
    "duplicate-ids",
    "duplicate-inspection-id",
    "duplicate-key-id",
    "duplicate-key-manifest-file",
    "empty-file",
    "figure-value-as-string",
    "fractional-count",
    "grade-off-scale",
    "gzip-blob",
    "html-error-page",
    "id-double-hyphen",
    "id-empty",
    "id-too-long",
    "id-unicode",
    "id-uppercase",
    "id-with-space",
    "infinity-literal",
    "invalid-date",
    "invalid-utf8",
    "judgment-name-empty",
    "judgments-on-ungraded-scale",
    "lineage-unknown-inspection",
    "lineage-unknown-judgment",
    "manifest-absolute-path",
    "manifest-backslash-path",
    "manifest-disagrees",
    "manifest-duplicate-file",
    "manifest-id-disagrees",
    "manifest-path-not-json",
    "manifest-scale-disagrees",
    "manifest-scheme-path",
    "manifest-title-empty",
    "manifest-unknown-force",
    "missing-inspection-file",
    "missing-required-field",
    "nan-literal",
    "negative-count",
    "note-about-unknown-id",
    "null-array",
    "null-required-field",
    "number-as-id",
    "number-out-of-range",
    "question-in-question",
    "refers-to-missing-inspection",
    "refers-to-missing-item",
    "schema-version",
    "source-title-empty",
    "string-for-number",
    "terminal-escape-codes",
    "top-level-array",
    "top-level-boolean",
    "top-level-null",
    "top-level-number",
    "top-level-string",
    "trailing-characters",
    "trailing-comma",
    "truncated-json",
    "unknown-field",
    "unknown-grade",
    "unknown-level",
    "unknown-programme",
    "unknown-scale",
    "unknown-source",
    "unknown-status",
    "unknown-subject",
    "unknown-unit",
    "unsafe-manifest-path",
    "unsafe-url",
    "url-control-character",
    "url-data-scheme",
    "url-protocol-relative",
    "url-vbscript",
    "url-whitespace",
    "utf16-with-bom",
    "utf16-without-bom",
    "valid",
    "valid-welsh",
    "welsh-duplicate-key",
    "welsh-empty",
    "welsh-key-without-field",
    "welsh-manifest-unknown-id",
    "welsh-not-a-string",
    "welsh-title-disagrees",
    "welsh-unknown-field",
    "welsh-unknown-id",
    "whitespace-only",
    "wrong-type",
];

#[test]
fn every_fixture_directory_is_a_tested_case() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(fixtures())
        .expect("tests/fixtures exists")
        .map(|e| e.expect("readable entry"))
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let listed: BTreeSet<String> = CASES.iter().map(|c| c.to_string()).collect();
    assert_eq!(on_disk, listed);
}

#[test]
fn valid_base_passes() {
    let report = inspection_tools::check_dir(&fixtures().join("valid"));
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    assert_eq!(report.inspections.len(), 2);
    let manifest = report.manifest.expect("manifest loaded");
    assert!(manifest.synthetic, "fixtures must be marked synthetic");
    assert!(report.inspections.iter().all(|i| i.synthetic));
}

// --- Not JSON, or not the JSON we want -------------------------------------------------------

#[test]
fn empty_file() {
    assert_errors(
        "empty-file",
        &["empty-file/testshire-2018.json: (top level): file is empty; expected a JSON object"],
    );
}

#[test]
fn whitespace_only_file() {
    assert_errors(
        "whitespace-only",
        &["whitespace-only/testshire-2018.json: (top level): file is empty; expected a JSON object"],
    );
}

#[test]
fn truncated_json() {
    assert_errors(
        "truncated-json",
        &["truncated-json/testshire-2018.json: (top level): the file ends in the middle of the JSON \
           (EOF while parsing a value at line 25 column 0); expected a complete JSON document — \
           was the file truncated?"],
    );
}

#[test]
fn html_error_page_served_as_json() {
    assert_errors(
        "html-error-page",
        &[
            "html-error-page/testshire-2018.json: (top level): got HTML or XML (starts with '<'), \
           not JSON; expected a JSON object — is the server returning an error page?",
        ],
    );
}

#[test]
fn byte_order_mark() {
    assert_errors(
        "byte-order-mark",
        &["byte-order-mark/index.json: (top level): file starts with a byte-order mark (U+FEFF); \
           expected plain UTF-8 JSON without a BOM"],
    );
}

#[test]
fn invalid_utf8() {
    assert_errors(
        "invalid-utf8",
        &["invalid-utf8/testshire-2016.json: (top level): not valid UTF-8 (invalid utf-8 sequence \
           of 1 bytes from index 293); expected UTF-8 JSON"],
    );
}

#[test]
fn trailing_characters_after_the_document() {
    // The manifest written twice, as a bad merge or an appending script would leave it.
    assert_errors(
        "trailing-characters",
        &[
            "trailing-characters/index.json: (top level): more text after the end of the JSON \
           document (trailing characters at line 61 column 1); expected exactly one JSON object",
        ],
    );
}

#[test]
fn deeply_nested_document() {
    // 10,000 '[': rejected before parsing, so nothing recurses.
    let text =
        std::fs::read_to_string(fixtures().join("deeply-nested-document/testshire-2018.json"))
            .expect("fixture readable");
    assert_eq!(text, "[".repeat(10_000));
    assert_errors(
        "deeply-nested-document",
        &["deeply-nested-document/testshire-2018.json: (top level): got a JSON array (starts with \
           '['); expected a JSON object (starting with '{')"],
    );
}

#[test]
fn deeply_nested_judgments() {
    // 100 judgments nested through `children` (200 JSON levels): serde_json's recursion limit
    // (128) stops it with a clear error instead of a stack overflow.
    let path = format!("judgments[0]{}.children", ".children[0]".repeat(62));
    let expected = format!(
        "deeply-nested-judgments/testshire-2018.json: {path}: JSON nested too deeply (recursion \
         limit exceeded at line 26 column 4977); expected at most 128 levels of nested arrays and \
         objects"
    );
    assert_errors("deeply-nested-judgments", &[&expected]);
}

/// A directory under the system temp dir, removed again when dropped (also on failure).
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn five_megabyte_string_field() {
    // Generated here rather than committed: `valid/` with one area for improvement's text
    // replaced by 5 MiB. Rejected with its path and size; the message does not echo it.
    let root = TempDir(std::env::temp_dir().join(format!(
        "inspection-tools-check-fixtures-{}",
        std::process::id()
    )));
    let dir = root.0.join("huge-string-field");
    std::fs::create_dir_all(&dir).expect("temp dir");
    for name in ["index.json", "testshire-2016.json"] {
        std::fs::copy(fixtures().join("valid").join(name), dir.join(name)).expect("copy");
    }
    let base = std::fs::read_to_string(fixtures().join("valid/testshire-2018.json"))
        .expect("fixture readable");
    let short = "\"The force should ensure all staff have vetting clearance.\"";
    assert_eq!(base.matches(short).count(), 1);
    let prefix = "The force should ";
    let huge = format!("{prefix}{}", "x".repeat(5 * 1024 * 1024 - prefix.len()));
    let text = base.replace(short, &serde_json::to_string(&huge).expect("string"));
    assert!(text.len() > 5 * 1024 * 1024);
    std::fs::write(dir.join("testshire-2018.json"), text).expect("write fixture");

    let got: Vec<String> = inspection_tools::check_dir(&dir)
        .errors
        .iter()
        .map(ToString::to_string)
        .collect();
    let expected = format!(
        "huge-string-field/testshire-2018.json: areas_for_improvement[0].text: string is 5242880 \
         bytes long (starting \"{prefix}{}\"); expected at most 20000 bytes — is the file \
         corrupt?",
        "x".repeat(23)
    );
    assert_eq!(got, [expected]);
}

// --- Wrong shape -----------------------------------------------------------------------------

#[test]
fn wrong_type() {
    assert_errors(
        "wrong-type",
        &["wrong-type/testshire-2018.json: title: invalid type: integer `2018`, expected a string \
           at line 6 column 15"],
    );
}

#[test]
fn missing_required_field() {
    assert_errors(
        "missing-required-field",
        &["missing-required-field/testshire-2016.json: sources[0]: missing field `file` at line 15 \
           column 5"],
    );
}

#[test]
fn unknown_field() {
    assert_errors(
        "unknown-field",
        &[
            "unknown-field/testshire-2016.json: judgments[0].children[0].colour: unknown field \
           `colour`, expected one of `id`, `level`, `name`, `question`, `grade`, `last_inspected`, \
           `carried_over`, `summary`, `source`, `children` at line 29 column 18",
        ],
    );
}

#[test]
fn unknown_grade_slug() {
    assert_errors(
        "unknown-grade",
        &[
            "unknown-grade/testshire-2016.json: judgments[0].grade: unknown variant `excellent`, \
           expected one of `outstanding`, `good`, `adequate`, `requires-improvement`, \
           `inadequate`, `ungraded` at line 23 column 26",
        ],
    );
}

#[test]
fn unsupported_schema_version() {
    assert_errors(
        "schema-version",
        &["schema-version/index.json: schema_version: unsupported schema_version 2; expected 1"],
    );
}

// --- Valid JSON, wrong content ---------------------------------------------------------------

#[test]
fn grade_outside_the_scale() {
    assert_errors(
        "grade-off-scale",
        &["grade-off-scale/testshire-2016.json: judgments[0].grade: grade \"adequate\" is not on \
           this inspection's four-point scale; expected one of outstanding, good, \
           requires-improvement, inadequate, ungraded"],
    );
}

#[test]
fn duplicate_ids() {
    assert_errors(
        "duplicate-ids",
        &[
            "duplicate-ids/testshire-2018.json: areas_for_improvement[0].id: duplicate id \
           \"ethical-behaviour\"; already used at judgments[0].children[0]",
        ],
    );
}

#[test]
fn dangling_afi_judgment() {
    assert_errors(
        "dangling-afi-judgment",
        &["dangling-afi-judgment/testshire-2016.json: areas_for_improvement[0].judgment: unknown \
           judgment \"ethics\"; expected the id of a judgment in this file"],
    );
}

#[test]
fn unknown_source() {
    assert_errors(
        "unknown-source",
        &[
            "unknown-source/testshire-2016.json: judgments[0].children[0].source: unknown source \
           \"summary-2015\"; expected the id of an entry in sources",
        ],
    );
}

#[test]
fn invalid_date() {
    assert_errors(
        "invalid-date",
        &[
            "invalid-date/testshire-2018.json: sources[0].date: invalid date \"2020-02-30\"; \
           expected YYYY, YYYY-MM or YYYY-MM-DD",
        ],
    );
}

#[test]
fn unsafe_url_in_sources() {
    assert_errors(
        "unsafe-url",
        &[
            "unsafe-url/testshire-2018.json: sources[0].url: unsafe or malformed web address \
             \"javascript:alert(document.cookie)\": it uses the javascript: scheme; expected an \
             http:// or https:// URL",
        ],
    );
}

// --- Manifest and cross-file references ------------------------------------------------------

#[test]
fn unsafe_manifest_file_path() {
    // Not read at all (so nothing outside the data directory is touched), and the follow-up
    // pointing at the skipped inspection does not add a second, misleading error.
    assert_errors(
        "unsafe-manifest-path",
        &[
            "unsafe-manifest-path/index.json: inspections[0].file: unsafe file path \
             \"../testshire-2016.json\": it contains '..'; expected a relative path like \
             \"peel-2018-19.json\" (letters, digits, '-', '_', '.' and '/'), ending in .json",
        ],
    );
}

#[test]
fn manifest_points_at_a_missing_file() {
    let dir = fixtures().join("missing-inspection-file");
    // The operating system's own wording, e.g. "No such file or directory (os error 2)".
    let os = std::fs::read(dir.join("testshire-2016-full.json")).expect_err("file is missing");
    let expected = format!(
        "missing-inspection-file/index.json: inspections[0].file: cannot read \
         \"testshire-2016-full.json\" ({os}); expected an inspection file there"
    );
    assert_errors("missing-inspection-file", &[&expected]);
}

#[test]
fn manifest_disagrees_with_file() {
    assert_errors(
        "manifest-disagrees",
        &[
            "manifest-disagrees/index.json: inspections[1].title: manifest says \"Testshire PEEL \
             2018/19\" but manifest-disagrees/testshire-2018.json says \"Testshire 2018/19\"; \
             expected them to agree",
            "manifest-disagrees/index.json: inspections[1].counts: manifest says \
             {\"judgments\":2,\"areas_for_improvement\":2,\"causes_of_concern\":0} but \
             manifest-disagrees/testshire-2018.json says \
             {\"judgments\":2,\"areas_for_improvement\":1,\"causes_of_concern\":0}; expected them \
             to agree",
        ],
    );
}

#[test]
fn manifest_id_disagrees_with_file() {
    assert_errors(
        "manifest-id-disagrees",
        &[
            "manifest-id-disagrees/index.json: inspections[0].id: manifest says \
           \"testshire-2016-legitimacy\" but manifest-id-disagrees/testshire-2016.json says \
           \"testshire-2016\"; expected them to agree",
        ],
    );
}

#[test]
fn follow_up_refers_to_a_missing_inspection() {
    assert_errors(
        "refers-to-missing-inspection",
        &["refers-to-missing-inspection/testshire-2018.json: follow_ups[0].refers_to.inspection: \
           unknown inspection \"testshire-2014\"; expected the id of an inspection in the \
           manifest"],
    );
}

#[test]
fn follow_up_refers_to_a_missing_item() {
    assert_errors(
        "refers-to-missing-item",
        &["refers-to-missing-item/testshire-2018.json: follow_ups[0].refers_to.item: unknown item \
           \"afi-vetting-guidelines\" in inspection \"testshire-2016\"; expected an area for \
           improvement or cause of concern there"],
    );
}

#[test]
fn lineage_step_points_at_an_unknown_judgment() {
    assert_errors(
        "lineage-unknown-judgment",
        &[
            "lineage-unknown-judgment/index.json: lineages[0].steps[1].judgment: unknown judgment \
           \"ethics\" in inspection \"testshire-2018\"; expected the id of a judgment in that \
           inspection's file",
        ],
    );
}

// --- Wrong JSON types and values ----------------------------------------------------------

#[test]
fn string_where_a_number_belongs() {
    assert_errors(
        "string-for-number",
        &[
            "string-for-number/testshire-2016.json: schema_version: invalid type: string \"1\", \
             expected a whole number from 0 to 4294967295 at line 2 column 23",
        ],
    );
}

#[test]
fn number_where_a_string_belongs() {
    assert_errors(
        "number-as-id",
        &[
            "number-as-id/index.json: inspections[0].id: invalid type: integer `2016`, expected a \
             string at line 12 column 16",
        ],
    );
}

#[test]
fn string_where_a_boolean_belongs() {
    assert_errors(
        "boolean-as-string",
        &[
            "boolean-as-string/index.json: synthetic: invalid type: string \"yes\", expected true or \
             false at line 3 column 20",
        ],
    );
}

#[test]
fn null_for_a_required_string() {
    assert_errors(
        "null-required-field",
        &[
            "null-required-field/testshire-2018.json: title: invalid type: null, expected a string \
             at line 6 column 15",
        ],
    );
}

#[test]
fn null_for_a_required_array() {
    assert_errors(
        "null-array",
        &[
            "null-array/testshire-2016.json: sources: invalid type: null, expected a JSON array at \
             line 10 column 17",
        ],
    );
}

#[test]
fn negative_count() {
    assert_errors(
        "negative-count",
        &[
            "negative-count/index.json: inspections[0].counts.judgments: invalid value: integer \
             `-1`, expected a whole number from 0 to 4294967295 at line 20 column 23",
        ],
    );
}

#[test]
fn fractional_count() {
    assert_errors(
        "fractional-count",
        &[
            "fractional-count/index.json: inspections[1].counts.areas_for_improvement: invalid type: \
             floating point `1.5`, expected a whole number from 0 to 4294967295 at line 36 column 36",
        ],
    );
}

#[test]
fn figure_value_as_a_string() {
    assert_errors(
        "figure-value-as-string",
        &[
            "figure-value-as-string/testshire-2018.json: figures[0].value: invalid type: string \
             \"52.5\", expected a number at line 73 column 21",
        ],
    );
}

#[test]
fn nan_literal() {
    // JavaScript's `NaN`, as `JSON.stringify` never writes it but hand-edited files do.
    assert_errors(
        "nan-literal",
        &[
            "nan-literal/testshire-2018.json: figures[0].value: found NaN (expected value at line 73 \
             column 16), which JSON does not allow; expected a finite number",
        ],
    );
}

#[test]
fn infinity_literal() {
    assert_errors(
        "infinity-literal",
        &[
            "infinity-literal/testshire-2018.json: figures[0].comparators[0].value: found -Infinity \
             (invalid number at line 78 column 21), which JSON does not allow; expected a finite \
             number",
        ],
    );
}

#[test]
fn number_out_of_range() {
    // `1e999` overflows f64; serde_json refuses it rather than reading infinity.
    assert_errors(
        "number-out-of-range",
        &[
            "number-out-of-range/testshire-2018.json: figures[0].value: number out of range at line \
             73 column 20; expected a number of at most about 1.8e308",
        ],
    );
}

#[test]
fn trailing_comma() {
    assert_errors(
        "trailing-comma",
        &[
            "trailing-comma/index.json: lineages[0].steps: trailing comma at line 57 column 7; \
             expected another value after the comma, or no comma before the closing bracket (JSON \
             allows no trailing commas)",
        ],
    );
}

// --- Duplicate keys -----------------------------------------------------------------------

#[test]
fn duplicate_id_key_in_an_object() {
    // serde_json's `Value` would keep the last copy; the typed structs reject the duplicate, so a
    // file cannot say two things about its own id.
    assert_errors(
        "duplicate-key-id",
        &[
            "duplicate-key-id/testshire-2018.json: id: duplicate field `id` at line 5 column 6; \
             expected each key at most once in an object (parsers disagree on which copy wins)",
        ],
    );
}

#[test]
fn duplicate_file_key_in_a_manifest_entry() {
    // The second copy points outside the data directory: rejected before any file is read.
    assert_errors(
        "duplicate-key-manifest-file",
        &[
            "duplicate-key-manifest-file/index.json: inspections[0].file: duplicate field `file` at \
             line 18 column 12; expected each key at most once in an object (parsers disagree on \
             which copy wins)",
        ],
    );
}

// --- Ids and required text ----------------------------------------------------------------

#[test]
fn id_with_uppercase() {
    assert_errors(
        "id-uppercase",
        &[
            "id-uppercase/testshire-2016.json: judgments[0].id: invalid id \"Legitimacy\": it \
             contains the uppercase letter 'L'; expected lowercase letters a-z, digits and single \
             hyphens, at most 80 characters",
        ],
    );
}

#[test]
fn id_with_a_space() {
    assert_errors(
        "id-with-space",
        &[
            "id-with-space/testshire-2018.json: follow_ups[0].id: invalid id \"fu vetting\": it \
             contains a space; expected lowercase letters a-z, digits and single hyphens, at most 80 \
             characters",
        ],
    );
}

#[test]
fn id_with_non_ascii_letters() {
    assert_errors(
        "id-unicode",
        &[
            "id-unicode/testshire-2018.json: judgments[0].id: invalid id \"légitimité\": it contains \
             'é'; expected lowercase letters a-z, digits and single hyphens, at most 80 characters",
        ],
    );
}

#[test]
fn empty_id() {
    assert_errors(
        "id-empty",
        &[
            "id-empty/testshire-2018.json: follow_ups[0].id: invalid id \"\": it is empty; expected \
             lowercase letters a-z, digits and single hyphens, at most 80 characters",
        ],
    );
}

#[test]
fn very_long_id_is_shortened_in_the_message() {
    assert_errors(
        "id-too-long",
        &[
            "id-too-long/testshire-2016.json: judgments[0].id: invalid id \
             \"legitimacy-legitimacy-legitimacy-legitimacy-legitimacy-legit\"… (336 characters): it \
             is 336 characters long; expected lowercase letters a-z, digits and single hyphens, at \
             most 80 characters",
        ],
    );
}

#[test]
fn id_with_a_double_hyphen() {
    // The viewer joins inspection and item ids with `--` in element ids.
    assert_errors(
        "id-double-hyphen",
        &[
            "id-double-hyphen/testshire-2018.json: follow_ups[0].id: invalid id \"fu--vetting\": it \
             contains a double hyphen; expected lowercase letters a-z, digits and single hyphens, at \
             most 80 characters",
        ],
    );
}

#[test]
fn empty_title_in_the_manifest() {
    assert_errors(
        "manifest-title-empty",
        &[
            "manifest-title-empty/index.json: inspections[1].title: must not be empty; expected the \
             inspection's title",
        ],
    );
}

#[test]
fn blank_judgment_name() {
    assert_errors(
        "judgment-name-empty",
        &[
            "judgment-name-empty/testshire-2016.json: judgments[0].name: must not be empty; expected \
             the judgment's name as the report gives it",
        ],
    );
}

#[test]
fn empty_source_title() {
    assert_errors(
        "source-title-empty",
        &[
            "source-title-empty/testshire-2018.json: sources[0].title: must not be empty; expected \
             the document's title",
        ],
    );
}

// --- Unknown enum values ------------------------------------------------------------------

#[test]
fn unknown_scale() {
    // The file does not load, so nothing else about it (the follow-up, the lineage step) is
    // reported on top.
    assert_errors(
        "unknown-scale",
        &[
            "unknown-scale/testshire-2018.json: scale: unknown variant `three-point`, expected one \
             of `four-point`, `five-point`, `none` at line 14 column 24",
        ],
    );
}

#[test]
fn unknown_programme_wrong_case() {
    assert_errors(
        "unknown-programme",
        &[
            "unknown-programme/testshire-2016.json: programme: unknown variant `PEEL`, expected \
             `peel` or `thematic` at line 7 column 21",
        ],
    );
}

#[test]
fn unknown_judgment_level() {
    assert_errors(
        "unknown-level",
        &[
            "unknown-level/testshire-2016.json: judgments[0].children[0].level: unknown variant \
             `sub-question`, expected one of `pillar`, `question`, `area` at line 28 column 33",
        ],
    );
}

#[test]
fn unknown_figure_unit() {
    assert_errors(
        "unknown-unit",
        &[
            "unknown-unit/testshire-2018.json: figures[0].unit: unknown variant `per-100k`, expected \
             one of `per1000`, `percent`, `gbp`, `fte`, `count`, `ratio` at line 72 column 24",
        ],
    );
}

#[test]
fn unknown_follow_up_status() {
    assert_errors(
        "unknown-status",
        &[
            "unknown-status/testshire-2018.json: follow_ups[0].status: unknown variant \
             `partially-met`, expected one of `met`, `in-progress`, `not-met`, `unknown` at line 58 \
             column 31",
        ],
    );
}

#[test]
fn unknown_follow_up_subject() {
    assert_errors(
        "unknown-subject",
        &[
            "unknown-subject/testshire-2018.json: follow_ups[0].subject: unknown variant \
             `recommendations`, expected `area-for-improvement` or `recommendation` at line 54 \
             column 34",
        ],
    );
}

// --- Judgment structure -------------------------------------------------------------------

#[test]
fn question_nested_in_a_question() {
    assert_errors(
        "question-in-question",
        &[
            "question-in-question/testshire-2016.json: judgments[0].children[0].children[0].level: a \
             judgment of level \"question\" cannot sit inside one of level \"question\"; expected \
             only \"question\" judgments inside a \"pillar\", and nothing inside a question or area",
        ],
    );
}

#[test]
fn area_nested_in_a_pillar() {
    assert_errors(
        "area-in-pillar",
        &[
            "area-in-pillar/testshire-2016.json: judgments[0].children[0].level: a judgment of level \
             \"area\" cannot sit inside one of level \"pillar\"; expected only \"question\" \
             judgments inside a \"pillar\", and nothing inside a question or area",
        ],
    );
}

#[test]
fn judgments_on_an_ungraded_inspection() {
    // One error for the judgments, not one more per graded judgment.
    assert_errors(
        "judgments-on-ungraded-scale",
        &[
            "judgments-on-ungraded-scale/testshire-2016.json: judgments: this inspection's scale is \
             \"none\" (ungraded); expected no judgments",
        ],
    );
}

// --- Web addresses that must never become links -------------------------------------------

#[test]
fn data_url() {
    assert_errors(
        "url-data-scheme",
        &[
            "url-data-scheme/testshire-2018.json: sources[0].url: unsafe or malformed web address \
             \"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\": it uses the data: \
             scheme; expected an http:// or https:// URL",
        ],
    );
}

#[test]
fn vbscript_url_in_mixed_case() {
    assert_errors(
        "url-vbscript",
        &[
            "url-vbscript/testshire-2018.json: sources[0].url: unsafe or malformed web address \
             \"VBScript:MsgBox(1)\": it uses the vbscript: scheme; expected an http:// or https:// \
             URL",
        ],
    );
}

#[test]
fn protocol_relative_url() {
    assert_errors(
        "url-protocol-relative",
        &[
            "url-protocol-relative/testshire-2018.json: sources[0].url: unsafe or malformed web \
             address \"//evil.example/testshire-2018\": it is protocol-relative (starts with '//'); \
             expected an http:// or https:// URL",
        ],
    );
}

#[test]
fn url_with_whitespace() {
    assert_errors(
        "url-whitespace",
        &[
            "url-whitespace/testshire-2018.json: sources[0].url: unsafe or malformed web address \
             \"https://example.org/testshire 2018\": it contains whitespace; expected an http:// or \
             https:// URL",
        ],
    );
}

#[test]
fn url_with_a_control_character() {
    assert_errors(
        "url-control-character",
        &[
            "url-control-character/testshire-2018.json: sources[0].url: unsafe or malformed web \
             address \"https://example.org/\\u{1b}testshire-2018\": it contains the control \
             character U+001B; expected an http:// or https:// URL",
        ],
    );
}

// --- Manifest -----------------------------------------------------------------------------

#[test]
fn manifest_file_absolute_path() {
    assert_errors(
        "manifest-absolute-path",
        &[
            "manifest-absolute-path/index.json: inspections[0].file: unsafe file path \
             \"/etc/testshire-2016.json\": it is an absolute path; expected a relative path like \
             \"peel-2018-19.json\" (letters, digits, '-', '_', '.' and '/'), ending in .json",
        ],
    );
}

#[test]
fn manifest_file_with_backslashes() {
    assert_errors(
        "manifest-backslash-path",
        &[
            "manifest-backslash-path/index.json: inspections[0].file: unsafe file path \
             \"data\\\\testshire-2016.json\": it contains a backslash; expected a relative path like \
             \"peel-2018-19.json\" (letters, digits, '-', '_', '.' and '/'), ending in .json",
        ],
    );
}

#[test]
fn manifest_file_with_a_scheme() {
    assert_errors(
        "manifest-scheme-path",
        &[
            "manifest-scheme-path/index.json: inspections[0].file: unsafe file path \
             \"https://evil.example/testshire-2016.json\": it contains ':' (a scheme or drive); \
             expected a relative path like \"peel-2018-19.json\" (letters, digits, '-', '_', '.' and \
             '/'), ending in .json",
        ],
    );
}

#[test]
fn manifest_file_not_json() {
    assert_errors(
        "manifest-path-not-json",
        &[
            "manifest-path-not-json/index.json: inspections[0].file: unsafe file path \
             \"testshire-2016.txt\": it does not end in .json; expected a relative path like \
             \"peel-2018-19.json\" (letters, digits, '-', '_', '.' and '/'), ending in .json",
        ],
    );
}

#[test]
fn manifest_lists_a_file_twice() {
    assert_errors(
        "manifest-duplicate-file",
        &[
            "manifest-duplicate-file/index.json: inspections[1].file: file \"testshire-2016.json\" \
             is already listed at inspections[0].file; expected each inspection file to be listed \
             once",
        ],
    );
}

#[test]
fn manifest_entry_with_an_unknown_force() {
    assert_errors(
        "manifest-unknown-force",
        &[
            "manifest-unknown-force/index.json: inspections[1].force: unknown force \
             \"testshire-police\"; expected the id of an entry in forces",
        ],
    );
}

#[test]
fn manifest_scale_disagrees_with_file() {
    assert_errors(
        "manifest-scale-disagrees",
        &[
            "manifest-scale-disagrees/index.json: inspections[1].scale: manifest says \"five-point\" \
             but manifest-scale-disagrees/testshire-2018.json says \"four-point\"; expected them to \
             agree",
        ],
    );
}

#[test]
fn lineage_step_names_an_unknown_inspection() {
    assert_errors(
        "lineage-unknown-inspection",
        &[
            "lineage-unknown-inspection/index.json: lineages[0].steps[1].inspection: unknown \
             inspection \"testshire-2019\"; expected the id of an entry in inspections",
        ],
    );
}

#[test]
fn two_listed_files_hold_the_same_inspection() {
    assert_errors(
        "duplicate-inspection-id",
        &[
            "duplicate-inspection-id/testshire-2018.json: id: duplicate inspection id \
             \"testshire-2016\"; already used by duplicate-inspection-id/testshire-2016.json; \
             expected each listed file to hold a different inspection",
        ],
    );
}

// --- References inside a file -------------------------------------------------------------

#[test]
fn follow_up_continued_by_an_unknown_area() {
    assert_errors(
        "continued-by-unknown-afi",
        &[
            "continued-by-unknown-afi/testshire-2018.json: follow_ups[0].continued_by: unknown area \
             for improvement \"afi-vetting-clearance-2\"; expected the id of an entry in \
             areas_for_improvement",
        ],
    );
}

#[test]
fn note_about_an_unknown_item() {
    assert_errors(
        "note-about-unknown-id",
        &[
            "note-about-unknown-id/testshire-2018.json: notes[0].about[1]: unknown item \
             \"afi-vetting\"; expected the id of an item in this file",
        ],
    );
}

// --- Not a JSON object, or not text -------------------------------------------------------

#[test]
fn document_is_a_string() {
    assert_errors(
        "top-level-string",
        &[
            "top-level-string/testshire-2018.json: (top level): got a JSON string; expected a JSON \
             object (starting with '{')",
        ],
    );
}

#[test]
fn document_is_a_number() {
    assert_errors(
        "top-level-number",
        &[
            "top-level-number/testshire-2018.json: (top level): got a JSON number; expected a JSON \
             object (starting with '{')",
        ],
    );
}

#[test]
fn document_is_null() {
    assert_errors(
        "top-level-null",
        &[
            "top-level-null/index.json: (top level): got JSON null; expected a JSON object (starting \
             with '{')",
        ],
    );
}

#[test]
fn document_is_a_boolean() {
    assert_errors(
        "top-level-boolean",
        &[
            "top-level-boolean/testshire-2016.json: (top level): got a JSON boolean; expected a JSON \
             object (starting with '{')",
        ],
    );
}

#[test]
fn document_is_an_array() {
    // The manifest wrapped in `[ ]`.
    assert_errors(
        "top-level-array",
        &[
            "top-level-array/index.json: (top level): got a JSON array (starts with '['); expected a \
             JSON object (starting with '{')",
        ],
    );
}

#[test]
fn utf16_with_byte_order_mark() {
    // Rejected while decoding, before any JSON parsing (byte 0 is 0xFF).
    assert_errors(
        "utf16-with-bom",
        &[
            "utf16-with-bom/testshire-2018.json: (top level): not valid UTF-8 (invalid utf-8 \
             sequence of 1 bytes from index 0); expected UTF-8 JSON",
        ],
    );
}

#[test]
fn utf16_without_byte_order_mark() {
    // ASCII text in UTF-16LE is valid UTF-8 with a NUL after every character.
    assert_errors(
        "utf16-without-bom",
        &[
            "utf16-without-bom/testshire-2016.json: (top level): file contains a NUL character \
             (U+0000) at byte 1; expected UTF-8 JSON text — is the file UTF-16 or binary?",
        ],
    );
}

#[test]
fn gzip_compressed_file() {
    // Served compressed without `Content-Encoding` (gzip starts 0x1F 0x8B).
    assert_errors(
        "gzip-blob",
        &[
            "gzip-blob/testshire-2016.json: (top level): not valid UTF-8 (invalid utf-8 sequence of \
             1 bytes from index 1); expected UTF-8 JSON",
        ],
    );
}

#[test]
fn terminal_colour_codes_around_the_json() {
    assert_errors(
        "terminal-escape-codes",
        &[
            "terminal-escape-codes/testshire-2018.json: (top level): got control character U+001B \
             where the JSON should start; expected a JSON object — is the file binary, compressed or \
             captured terminal output?",
        ],
    );
}

// --- Welsh text (`cy` tables) ----------------------------------------------------------------

#[test]
fn valid_welsh_passes() {
    // The base with Welsh for some of its text (and not for the rest): the data set the browser
    // tests use for Welsh data text (end2end/tests/i18n.spec.js).
    let report = inspection_tools::check_dir(&fixtures().join("valid-welsh"));
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    let manifest = report.manifest.expect("manifest loaded");
    assert!(manifest.synthetic && report.inspections.iter().all(|i| i.synthetic));
    assert_eq!(
        manifest.cy.get("testshire", "name"),
        Some("Heddlu Sir Brawf")
    );
    let ins = report
        .inspections
        .iter()
        .find(|i| i.id == "testshire-2018")
        .expect("2018 loaded");
    assert_eq!(ins.cy.get("legitimacy", "name"), Some("Cyfreithlondeb"));
    assert_eq!(ins.cy.get("ethical-behaviour", "name"), None);
}

#[test]
fn welsh_text_must_not_be_empty() {
    assert_errors(
        "welsh-empty",
        &[
            "welsh-empty/testshire-2018.json: cy[\"afi-vetting-clearance.text\"]: must not be \
           empty; expected the Welsh of the English text there (leave the entry out to show the \
           English)",
        ],
    );
}

#[test]
fn welsh_for_an_unknown_item() {
    assert_errors(
        "welsh-unknown-id",
        &[
            "welsh-unknown-id/testshire-2018.json: cy[\"afi-vetting-clearence.text\"]: unknown id \
           \"afi-vetting-clearence\"; expected \"<id>.<field>\" with the id of this inspection or \
           of an item in this file, e.g. \"testshire-2018.title\"",
        ],
    );
}

#[test]
fn welsh_for_a_field_the_item_does_not_have() {
    assert_errors(
        "welsh-unknown-field",
        &[
            "welsh-unknown-field/testshire-2018.json: cy[\"legitimacy.question\"]: no English \
           text there to translate; expected one of \"legitimacy\"'s text fields: name",
        ],
    );
}

#[test]
fn welsh_key_without_a_field() {
    assert_errors(
        "welsh-key-without-field",
        &[
            "welsh-key-without-field/testshire-2018.json: cy[\"legitimacy\"]: no English text \
           there to translate; expected one of \"legitimacy\"'s text fields: name",
        ],
    );
}

#[test]
fn welsh_text_must_be_a_string() {
    assert_errors(
        "welsh-not-a-string",
        &[
            "welsh-not-a-string/testshire-2018.json: cy[\"legitimacy.name\"]: invalid type: \
           sequence, expected a string at line 69 column 23",
        ],
    );
}

#[test]
fn welsh_key_given_twice() {
    assert_errors(
        "welsh-duplicate-key",
        &[
            "welsh-duplicate-key/testshire-2018.json: cy[\"legitimacy.name\"]: duplicate field \
           `legitimacy.name` at line 70 column 21; expected each key at most once in an object \
           (parsers disagree on which copy wins)",
        ],
    );
}

#[test]
fn welsh_in_the_manifest_for_an_unknown_id() {
    assert_errors(
        "welsh-manifest-unknown-id",
        &[
            "welsh-manifest-unknown-id/index.json: cy[\"testshire-2017.title\"]: unknown id \
           \"testshire-2017\"; expected \"<id>.<field>\" with the id of a force, inspection or \
           lineage in this manifest, e.g. \"testshire.name\"",
        ],
    );
}

#[test]
fn welsh_title_in_manifest_and_file_disagree() {
    assert_errors(
        "welsh-title-disagrees",
        &[
            "welsh-title-disagrees/index.json: cy[\"testshire-2018.title\"]: manifest says \
           \"Sir Brawf 2018/19\" but welsh-title-disagrees/testshire-2018.json says \
           \"Sir Brawf 2018–19\"; expected the same Welsh title in both (or in neither)",
        ],
    );
}

// --- The real binary -------------------------------------------------------------------------

#[test]
fn check_binary_fails_on_bad_data() {
    let out = Command::new(env!("CARGO_BIN_EXE_check"))
        .arg(fixtures().join("unknown-source"))
        .output()
        .expect("check runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr:\n{stderr}");
    assert!(
        stderr.contains(
            "error: unknown-source/testshire-2016.json: judgments[0].children[0].source: unknown \
             source \"summary-2015\"; expected the id of an entry in sources\n"
        ),
        "stderr:\n{stderr}"
    );
    assert!(
        stderr.contains("check: 1 error(s) in "),
        "stderr:\n{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn check_binary_passes_bundled_data() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    let out = Command::new(env!("CARGO_BIN_EXE_check"))
        .arg(&dir)
        .output()
        .expect("check runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "stderr:\n{stderr}");
    assert!(stderr.is_empty(), "stderr:\n{stderr}");
    assert!(
        stdout.contains("OK — 4 inspection file(s), 7 lineage(s)"),
        "stdout:\n{stdout}"
    );
}
