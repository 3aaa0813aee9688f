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

/// The cases tested below; every fixture directory must be one of them.
const CASES: &[&str] = &[
    "byte-order-mark",
    "dangling-afi-judgment",
    "deeply-nested-document",
    "deeply-nested-judgments",
    "duplicate-ids",
    "empty-file",
    "grade-off-scale",
    "html-error-page",
    "invalid-date",
    "invalid-utf8",
    "lineage-unknown-judgment",
    "manifest-disagrees",
    "manifest-id-disagrees",
    "missing-inspection-file",
    "missing-required-field",
    "refers-to-missing-inspection",
    "refers-to-missing-item",
    "schema-version",
    "trailing-characters",
    "truncated-json",
    "unknown-field",
    "unknown-grade",
    "unknown-source",
    "unsafe-manifest-path",
    "unsafe-url",
    "valid",
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
           \"javascript:alert(document.cookie)\"; expected an http:// or https:// URL",
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
           \"../testshire-2016.json\"; expected a relative path like \"peel-2018-19.json\" without \
           '..' or a scheme",
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
