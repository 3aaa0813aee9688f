//! Property tests: no input makes the importer panic, and whenever it produces a file, that
//! file passes validation. Inputs are arbitrary text, text built from report-like pieces,
//! and seed 002 with lines deleted, shuffled, duplicated, or tabs and spaces swapped.

use std::path::Path;
use std::sync::LazyLock;

use inspection_core::validate::validate_inspection;
use inspection_tools::import::{import, Options};
use proptest::prelude::*;

static SEED: LazyLock<Vec<String>> = LazyLock::new(|| {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import-fixtures/peel-2018-19-gwent.txt");
    std::fs::read_to_string(path)
        .expect("fixture")
        .lines()
        .map(str::to_string)
        .collect()
});

fn options() -> Options {
    Options {
        id: "prop-test".into(),
        force: "force".into(),
        source_file: "input.txt".into(),
    }
}

/// Imports and, when a file comes out, checks it validates.
fn check(text: &str) -> Result<(), TestCaseError> {
    if let Ok(i) = import(text, &options()) {
        let errors = validate_inspection("import", &i.inspection);
        prop_assert!(errors.is_empty(), "invalid output: {errors:?}");
        // The report renders without panicking too.
        let _ = i.report.render();
    }
    Ok(())
}

/// Pieces of report text that reach the importer's deeper paths.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("PEEL".to_string()),
        Just("Police effectiveness, efficiency and legitimacy 2018/19".to_string()),
        Just("Effectiveness".to_string()),
        Just("Legitimacy".to_string()),
        Just("Good".to_string()),
        Just("Requires improvement".to_string()),
        Just("Adequate".to_string()),
        Just("Investigating crime\t\t Good\t2018/19".to_string()),
        Just("\tEffectiveness\t Good\tLast inspected".to_string()),
        Just("Investigating crime".to_string()),
        Just("Treating the public fairly".to_string()),
        Just("Areas for improvement".to_string()),
        Just("Cause of concern".to_string()),
        Just("Recommendations".to_string()),
        Just("- The force should improve.".to_string()),
        Just(" - a sub-bullet; and".to_string()),
        Just("o sub".to_string()),
        Just("Force in context".to_string()),
        Just("\tGwent rate\tEngland and Wales rate".to_string()),
        Just("Crimes per 1,000 population\t12\t14".to_string()),
        Just("12 months ending 31 March 2019\t\t".to_string()),
        Just("**Likelihood of".to_string()),
        Just("4.9".to_string()),
        Just("This was an area for improvement from our last inspection, which the force has met.".to_string()),
        Just("These were:".to_string()),
        Just("In our 2017 legitimacy report, we recommended that all forces should:".to_string()),
        Just("This question was not subject to detailed inspection in 2018/19, and our judgment from the 2016 effectiveness inspection has been carried over.".to_string()),
        Just("HM Inspector's observations".to_string()),
        Just("Wendy Williams".to_string()),
        Just("HM Inspector of Constabulary".to_string()),
        Just("February 2020 | © HMICFRS 2020".to_string()),
        Just("Annex A".to_string()),
        Just("Contents".to_string()),
        Just(String::new()),
        "[ -~\t£©’é]{0,40}",
    ]
}

/// One edit of the seed's lines.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Swap(usize, usize),
    Duplicate(usize),
    TabsToSpaces(usize, usize),
    SpacesToTabs(usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let n = SEED.len();
    prop_oneof![
        (0..n, 1..40usize).prop_map(|(a, k)| Edit::Delete(a, k)),
        (0..n, 0..n).prop_map(|(a, b)| Edit::Swap(a, b)),
        (0..n).prop_map(Edit::Duplicate),
        (0..n, 1..5usize).prop_map(|(a, k)| Edit::TabsToSpaces(a, k)),
        (0..n).prop_map(Edit::SpacesToTabs),
        (0..n).prop_map(Edit::Truncate),
    ]
}

fn apply(lines: &mut Vec<String>, e: &Edit) {
    let len = lines.len();
    if len == 0 {
        return;
    }
    match *e {
        Edit::Delete(a, k) => {
            let a = a % len;
            lines.drain(a..(a + k).min(len));
        }
        Edit::Swap(a, b) => lines.swap(a % len, b % len),
        Edit::Duplicate(a) => {
            let l = lines[a % len].clone();
            lines.insert(a % len, l);
        }
        Edit::TabsToSpaces(a, k) => {
            let a = a % len;
            lines[a] = lines[a].replace('\t', &" ".repeat(k));
        }
        Edit::SpacesToTabs(a) => {
            let a = a % len;
            lines[a] = lines[a].replace(' ', "\t");
        }
        Edit::Truncate(a) => lines.truncate(a % len),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        check(&text)?;
    }

    #[test]
    fn arbitrary_bytes_as_lossy_text_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn report_like_text_never_panics(pieces in proptest::collection::vec(piece(), 0..60)) {
        check(&pieces.join("\n"))?;
    }
}

proptest! {
    // Each case imports the whole seed (about 60 ms in a debug build), so fewer cases.
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_seed_never_panics(edits in proptest::collection::vec(edit(), 1..8)) {
        let mut lines = SEED.clone();
        for e in &edits {
            apply(&mut lines, e);
        }
        check(&lines.join("\n"))?;
    }
}
