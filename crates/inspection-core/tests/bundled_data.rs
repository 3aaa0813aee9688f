//! The bundled data (`public/data`) against the facts of its sources (`shared/seeds`), so that a
//! regression in the data is caught natively, without a browser.
//!
//! The seed texts live beside the repository (`../shared/seeds`, or `$INSPECTION_SEEDS`); the
//! checks that read them fail, naming the directory, when it is missing: a check of data text
//! against its source never passes without the source. Everything else is asserted from facts
//! hard-coded here, as the sources state them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use inspection_core::validate::{load_inspection, load_manifest};
use inspection_core::{
    counts, find_judgment, FollowUpStatus, Grade, GradeScale, Inspection, Judgment, JudgmentLevel,
    Manifest, Programme, Unit,
};

const PEEL_2018_19: &str = "gwent-peel-2018-19";
const PEEL_2021_22: &str = "gwent-peel-2021-22";
const PEEL_2016: &str = "gwent-peel-2016-legitimacy";
const RELATIONSHIPS_2012: &str = "gwent-2012-police-relationships";

/// The five source texts, as listed in `shared/seeds/README.md`.
const SEED_FILES: [&str; 5] = [
    "000_bc4418732b16aac9.txt",
    "001_372da92697c02934.txt",
    "002_24091e2645e2466f.txt",
    "003_bfd4fe0b560dfffc.txt",
    "004_67051e2d9ab8ffe7.txt",
];

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn manifest() -> Manifest {
    load_manifest("data/index.json", &read(data_dir().join("index.json")))
        .unwrap_or_else(|errors| panic!("data/index.json does not load: {errors:#?}"))
}

fn inspection(id: &str) -> Inspection {
    let name = format!("{id}.json");
    let ins = load_inspection(&format!("data/{name}"), &read(data_dir().join(&name)))
        .unwrap_or_else(|errors| panic!("data/{name} does not load: {errors:#?}"));
    assert_eq!(ins.id, id);
    ins
}

fn judgment<'a>(ins: &'a Inspection, id: &str) -> &'a Judgment {
    find_judgment(ins, id).unwrap_or_else(|| panic!("{}: no judgment {id:?}", ins.id))
}

/// The seeds directory: `$INSPECTION_SEEDS`, else `../shared/seeds` beside the repository.
/// Panics with what to do when it is missing, so no check against the sources passes unread.
fn seeds_dir() -> PathBuf {
    let dir = std::env::var_os("INSPECTION_SEEDS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds"),
        PathBuf::from,
    );
    assert!(
        dir.is_dir(),
        "the source texts are required: {} is not a directory. Put the project's shared/ folder \
         beside the repository (shared/seeds), or set INSPECTION_SEEDS to the seeds directory",
        dir.display()
    );
    dir
}

/// A seed text with the PDF-extraction link marks `[text](#)` replaced by `text`, as the data
/// records it (see the note `note-link-marks`).
fn seed_text(dir: &std::path::Path, file: &str) -> String {
    strip_link_marks(&read(dir.join(file)))
}

fn strip_link_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) if after[close..].starts_with("](#)") && !after[..close].contains('[') => {
                out.push_str(&after[..close]);
                rest = &after[close + "](#)".len()..];
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn link_marks_are_stripped() {
    assert_eq!(
        strip_link_marks("good at [anti-social behaviour](#). [a] b [c](#)"),
        "good at anti-social behaviour. [a] b c"
    );
}

#[test]
fn manifest_lists_the_four_inspections_and_agrees_with_them() {
    let m = manifest();
    assert!(!m.synthetic, "the bundled data is real, not synthetic");
    assert_eq!(m.forces.len(), 1);
    assert_eq!(
        (m.forces[0].id.as_str(), m.forces[0].name.as_str()),
        ("gwent", "Gwent Police")
    );
    let ids: Vec<&str> = m.inspections.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [PEEL_2021_22, PEEL_2018_19, PEEL_2016, RELATIONSHIPS_2012],
        "newest first"
    );
    for e in &m.inspections {
        assert_eq!(e.file, format!("{}.json", e.id));
        let ins = inspection(&e.id);
        assert!(!ins.synthetic);
        assert_eq!(e.counts, counts(&ins), "{}", e.id);
        assert_eq!(e.scale, ins.scale, "{}", e.id);
        assert_eq!(e.title, ins.title, "{}", e.id);
    }
}

/// A question row of the 'Overall summary' table: id, grade, last inspected.
type Row = (&'static str, Grade, &'static str);

#[test]
fn peel_2018_19_pillars_and_questions_match_the_overall_summary_table() {
    let ins = inspection(PEEL_2018_19);
    assert_eq!(ins.scale, GradeScale::FourPoint);
    assert_eq!(ins.programme, Programme::Peel);
    assert_eq!(ins.period, "2018/19");
    assert_eq!(
        ins.published.as_ref().map(|p| p.date.as_str()),
        Some("2020-02"),
        "report footer: February 2020"
    );

    // (pillar, grade, [(question, grade, last inspected)]) as the 'Overall summary' table gives.
    let table: [(&str, Grade, &[Row]); 3] = [
        (
            "effectiveness",
            Grade::Good,
            &[
                (
                    "preventing-crime-and-tackling-anti-social-behaviour",
                    Grade::Good,
                    "2016",
                ),
                ("investigating-crime", Grade::Good, "2018/19"),
                ("protecting-vulnerable-people", Grade::Good, "2018/19"),
                (
                    "tackling-serious-and-organised-crime",
                    Grade::Good,
                    "2018/19",
                ),
                ("armed-response-capability", Grade::Ungraded, "2018/19"),
            ],
        ),
        (
            "efficiency",
            Grade::Good,
            &[
                (
                    "meeting-current-demands-and-using-resources",
                    Grade::Good,
                    "2016",
                ),
                ("planning-for-the-future", Grade::Good, "2018/19"),
            ],
        ),
        (
            "legitimacy",
            Grade::RequiresImprovement,
            &[
                (
                    "fair-treatment-of-the-public",
                    Grade::RequiresImprovement,
                    "2018/19",
                ),
                (
                    "ethical-and-lawful-workforce-behaviour",
                    Grade::RequiresImprovement,
                    "2018/19",
                ),
                ("fair-treatment-of-the-workforce", Grade::Good, "2017"),
            ],
        ),
    ];
    assert_eq!(ins.judgments.len(), 3);
    for (pillar, (id, grade, questions)) in ins.judgments.iter().zip(table) {
        assert_eq!(pillar.id, id);
        assert_eq!(pillar.level, JudgmentLevel::Pillar, "{id}");
        assert_eq!(pillar.grade, Some(grade), "{id}");
        let got: Vec<(&str, Option<Grade>, Option<&str>)> = pillar
            .children
            .iter()
            .map(|q| {
                assert_eq!(q.level, JudgmentLevel::Question, "{}", q.id);
                assert!(q.children.is_empty(), "{}", q.id);
                (q.id.as_str(), q.grade, q.last_inspected.as_deref())
            })
            .collect();
        let want: Vec<(&str, Option<Grade>, Option<&str>)> = questions
            .iter()
            .map(|&(q, g, year)| (q, Some(g), Some(year)))
            .collect();
        assert_eq!(got, want, "questions of {id}");
    }
    let sizes: Vec<usize> = ins.judgments.iter().map(|p| p.children.len()).collect();
    assert_eq!(sizes, [5, 2, 3]);
}

#[test]
fn peel_2018_19_armed_response_is_ungraded() {
    let ins = inspection(PEEL_2018_19);
    let armed = judgment(&ins, "armed-response-capability");
    assert_eq!(armed.name, "Armed response capability");
    assert_eq!(armed.grade, Some(Grade::Ungraded));
    assert!(armed.carried_over.is_none());
    assert!(
        !ins.areas_for_improvement
            .iter()
            .any(|a| a.judgment == armed.id),
        "the armed policing section lists no areas for improvement"
    );
}

#[test]
fn peel_2018_19_has_exactly_eleven_areas_for_improvement() {
    let ins = inspection(PEEL_2018_19);
    assert_eq!(ins.areas_for_improvement.len(), 11);
    assert!(ins.causes_of_concern.is_empty(), "the report lists none");
    let mut per_question: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &ins.areas_for_improvement {
        let j = judgment(&ins, &a.judgment);
        assert_eq!(
            j.level,
            JudgmentLevel::Question,
            "{} sits under a question",
            a.id
        );
        *per_question.entry(a.judgment.as_str()).or_default() += 1;
    }
    assert_eq!(
        per_question,
        BTreeMap::from([
            ("investigating-crime", 1),
            ("tackling-serious-and-organised-crime", 2),
            ("planning-for-the-future", 1),
            ("fair-treatment-of-the-public", 3),
            ("ethical-and-lawful-workforce-behaviour", 4),
        ])
    );
    let ccu = ins
        .areas_for_improvement
        .iter()
        .find(|a| a.id == "afi-counter-corruption-unit")
        .expect("counter-corruption unit area");
    assert_eq!(
        ccu.text,
        "The force should ensure that its counter-corruption unit:"
    );
    assert_eq!(ccu.parts.len(), 2, "two sub-bullets, one area");
}

#[test]
fn peel_2018_19_area_for_improvement_texts_are_verbatim_in_seed_002() {
    let dir = seeds_dir();
    let seed = seed_text(&dir, "002_24091e2645e2466f.txt");
    let ins = inspection(PEEL_2018_19);
    assert_eq!(ins.areas_for_improvement.len(), 11);
    for a in &ins.areas_for_improvement {
        assert!(
            seed.contains(&a.text),
            "{}: text not in seed 002: {:?}",
            a.id,
            a.text
        );
        for part in &a.parts {
            assert!(
                seed.contains(part.as_str()),
                "{}: part not in seed 002: {part:?}",
                a.id
            );
        }
    }
    for j in ins.judgments.iter().flat_map(|p| &p.children) {
        if let Some(c) = &j.carried_over {
            assert!(seed.contains(&c.statement), "{}: {:?}", j.id, c.statement);
        }
    }
}

#[test]
fn peel_2018_19_three_carried_over_judgments_and_their_origins() {
    let ins = inspection(PEEL_2018_19);
    let carried: Vec<(&str, &str, &str, Option<&str>)> = ins
        .judgments
        .iter()
        .flat_map(|p| &p.children)
        .filter_map(|q| {
            let c = q.carried_over.as_ref()?;
            Some((
                q.id.as_str(),
                c.from.as_str(),
                c.year.as_str(),
                q.last_inspected.as_deref(),
            ))
        })
        .collect();
    assert_eq!(
        carried,
        [
            (
                "preventing-crime-and-tackling-anti-social-behaviour",
                "2016 effectiveness inspection",
                "2016",
                Some("2016"),
            ),
            // The table says 2016, the text says 2017: both recorded, and a note says so.
            (
                "meeting-current-demands-and-using-resources",
                "2017 efficiency inspection",
                "2017",
                Some("2016"),
            ),
            (
                "fair-treatment-of-the-workforce",
                "2017 legitimacy inspection",
                "2017",
                Some("2017"),
            ),
        ]
    );
    for (id, from, _, _) in &carried {
        let statement = &judgment(&ins, id).carried_over.as_ref().unwrap().statement;
        assert_eq!(
            *statement,
            format!(
                "This question was not subject to detailed inspection in 2018/19, and our \
                 judgment from the {from} has been carried over."
            )
        );
    }
    assert!(
        ins.notes.iter().any(|n| n
            .about
            .iter()
            .any(|a| a == "meeting-current-demands-and-using-resources")
            && n.text.contains("2016")
            && n.text.contains("2017")),
        "the table/text disagreement on meeting current demands is recorded as a note"
    );
}

#[test]
fn peel_2018_19_figure_999_calls() {
    let ins = inspection(PEEL_2018_19);
    let fig = ins
        .figures
        .iter()
        .find(|f| f.name == "999 calls per 1,000 population")
        .expect("999 calls figure");
    assert_eq!(fig.unit, Unit::Per1000);
    assert_eq!(fig.value, 139.0);
    assert_eq!(fig.value_label, "Gwent rate");
    assert_eq!(fig.period, "12 months ending 31 March 2019");
    let comparators: Vec<(&str, f64)> = fig
        .comparators
        .iter()
        .map(|c| (c.label.as_str(), c.value))
        .collect();
    assert_eq!(comparators, [("England and Wales rate", 175.0)]);
}

#[test]
fn vetting_follow_up_thread_runs_from_2016_to_2018_19() {
    let old = inspection(PEEL_2016);
    let new = inspection(PEEL_2018_19);
    let afi_2016 = old
        .areas_for_improvement
        .iter()
        .find(|a| a.id == "afi-vetting-guidelines")
        .expect("2016 vetting area for improvement");
    assert_eq!(afi_2016.judgment, "ethical-and-lawful-workforce-behaviour");
    assert_eq!(
        afi_2016.text,
        "The force should ensure it complies with all aspects of the current national guidelines for vetting."
    );

    let follow_ups: Vec<_> = new
        .follow_ups
        .iter()
        .filter(|f| {
            f.refers_to
                .as_ref()
                .is_some_and(|r| r.inspection == PEEL_2016 && r.item == afi_2016.id)
        })
        .collect();
    assert_eq!(
        follow_ups.len(),
        1,
        "one 2018/19 follow-up of the 2016 vetting area"
    );
    let fu = follow_ups[0];
    assert_eq!(fu.status, FollowUpStatus::NotMet);
    assert_eq!(fu.judgment, "ethical-and-lawful-workforce-behaviour");
    let next = fu.continued_by.as_deref().expect("carried forward");
    assert_eq!(next, "afi-vetting-clearance");
    let afi_2018 = new
        .areas_for_improvement
        .iter()
        .find(|a| a.id == next)
        .expect("continued_by names a 2018/19 area for improvement");
    assert_eq!(afi_2018.judgment, "ethical-and-lawful-workforce-behaviour");
    assert!(afi_2018.text.contains("vetting clearance"));
}

#[test]
fn peel_2021_22_eight_areas_on_the_five_point_scale() {
    let ins = inspection(PEEL_2021_22);
    assert_eq!(ins.scale, GradeScale::FivePoint);
    assert_eq!(ins.period, "2021/22");
    let got: BTreeMap<&str, Option<Grade>> = ins
        .judgments
        .iter()
        .map(|j| {
            assert_eq!(j.level, JudgmentLevel::Area, "{}", j.id);
            assert!(j.children.is_empty(), "{}", j.id);
            (j.id.as_str(), j.grade)
        })
        .collect();
    assert_eq!(ins.judgments.len(), 8);
    assert_eq!(
        got,
        BTreeMap::from([
            ("preventing-crime", Some(Grade::Good)),
            ("managing-offenders", Some(Grade::Good)),
            ("treatment-of-the-public", Some(Grade::Adequate)),
            ("developing-a-positive-workplace", Some(Grade::Adequate)),
            ("good-use-of-resources", Some(Grade::Adequate)),
            ("investigating-crime", Some(Grade::RequiresImprovement)),
            (
                "protecting-vulnerable-people",
                Some(Grade::RequiresImprovement)
            ),
            ("responding-to-the-public", Some(Grade::Inadequate)),
        ])
    );
    let adequate = ins
        .judgments
        .iter()
        .filter(|j| j.grade == Some(Grade::Adequate))
        .count();
    assert_eq!(adequate, 3, "'adequate' in three areas");
    assert_eq!(
        judgment(&ins, "responding-to-the-public").grade,
        Some(Grade::Inadequate)
    );
}

#[test]
fn peel_2016_legitimacy_pillar_is_good_with_two_areas_for_improvement() {
    let ins = inspection(PEEL_2016);
    assert_eq!(ins.scale, GradeScale::FourPoint);
    assert_eq!(ins.judgments.len(), 1);
    let pillar = &ins.judgments[0];
    assert_eq!(
        (pillar.id.as_str(), pillar.level, pillar.grade),
        ("legitimacy", JudgmentLevel::Pillar, Some(Grade::Good))
    );
    assert_eq!(pillar.children.len(), 3);
    assert!(
        pillar.children.iter().all(|q| q.grade.is_none()),
        "the sources give no question grades for 2016; they must not be guessed"
    );
    let afis: Vec<(&str, &str)> = ins
        .areas_for_improvement
        .iter()
        .map(|a| (a.judgment.as_str(), a.text.as_str()))
        .collect();
    assert_eq!(
        afis,
        [
            (
                "ethical-and-lawful-workforce-behaviour",
                "The force should ensure it complies with all aspects of the current national guidelines for vetting."
            ),
            (
                "fair-treatment-of-the-workforce",
                "The force should improve how it manages individual performance."
            ),
        ]
    );
    let seed = seed_text(&seeds_dir(), "001_372da92697c02934.txt");
    for (_, text) in afis {
        assert!(seed.contains(text), "not in seed 001: {text:?}");
    }
}

#[test]
fn relationships_2012_is_ungraded() {
    let ins = inspection(RELATIONSHIPS_2012);
    assert_eq!(ins.scale, GradeScale::None);
    assert_eq!(ins.programme, Programme::Thematic);
    assert!(ins.judgments.is_empty());
    assert!(ins.areas_for_improvement.is_empty());
    assert!(ins.causes_of_concern.is_empty());
    assert!(
        !ins.findings.is_empty(),
        "an ungraded inspection consists of findings"
    );
}

/// Every `source` an item names, with where it was found.
fn source_refs(ins: &Inspection) -> Vec<(String, String)> {
    fn judgments(js: &[Judgment], path: &str, out: &mut Vec<(String, String)>) {
        for j in js {
            out.push((format!("{path} {}", j.id), j.source.clone()));
            judgments(&j.children, path, out);
        }
    }
    let mut out = Vec::new();
    judgments(&ins.judgments, "judgment", &mut out);
    let mut add = |kind: &str, id: &str, source: &str| {
        out.push((format!("{kind} {id}"), source.to_string()));
    };
    for x in &ins.areas_for_improvement {
        add("area for improvement", &x.id, &x.source);
    }
    for x in &ins.causes_of_concern {
        add("cause of concern", &x.id, &x.source);
    }
    for x in &ins.follow_ups {
        add("follow-up", &x.id, &x.source);
    }
    for x in &ins.findings {
        add("finding", &x.id, &x.source);
    }
    for x in &ins.quotes {
        add("quote", &x.id, &x.source);
    }
    for x in &ins.figures {
        add("figure", &x.id, &x.source);
    }
    for x in &ins.notes {
        for s in &x.sources {
            add("note", &x.id, s);
        }
    }
    if let Some(p) = &ins.published {
        add("published", "date", &p.source);
    }
    if let Some(o) = &ins.observations {
        add("observations", "", &o.source);
    }
    out
}

#[test]
fn every_item_source_resolves_to_a_seed_file() {
    let expected_files: [(&str, &[&str]); 4] = [
        (
            PEEL_2016,
            &["000_bc4418732b16aac9.txt", "001_372da92697c02934.txt"],
        ),
        (PEEL_2018_19, &["002_24091e2645e2466f.txt"]),
        (PEEL_2021_22, &["003_bfd4fe0b560dfffc.txt"]),
        (RELATIONSHIPS_2012, &["004_67051e2d9ab8ffe7.txt"]),
    ];
    let mut used = BTreeSet::new();
    for (id, files) in expected_files {
        let ins = inspection(id);
        let by_id: BTreeMap<&str, &str> = ins
            .sources
            .iter()
            .map(|s| (s.id.as_str(), s.file.as_str()))
            .collect();
        let mut cited = BTreeSet::new();
        for (item, source) in source_refs(&ins) {
            let file = by_id
                .get(source.as_str())
                .unwrap_or_else(|| panic!("{id}: {item} names unknown source {source:?}"));
            cited.insert(*file);
        }
        let listed: BTreeSet<&str> = by_id.values().copied().collect();
        assert_eq!(
            listed,
            files.iter().copied().collect(),
            "{id}: source files"
        );
        assert_eq!(cited, listed, "{id}: every source is cited by some item");
        for file in listed {
            assert!(SEED_FILES.contains(&file), "{id}: {file} is not a seed");
            used.insert(file.to_string());
        }
    }
    let all: BTreeSet<String> = SEED_FILES.iter().map(|f| f.to_string()).collect();
    assert_eq!(used, all, "every seed is used");

    let dir = seeds_dir();
    let readme = read(dir.join("README.md"));
    for file in SEED_FILES {
        assert!(dir.join(file).is_file(), "seed {file} missing");
        assert!(readme.contains(file), "seeds README does not list {file}");
    }
}
