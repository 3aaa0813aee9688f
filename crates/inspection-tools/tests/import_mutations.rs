//! The importer on damaged and reworded copies of seed 002: lines shuffled inside a
//! section, tabs turned into spaces, the grades table or an AFI list removed, and the debris
//! real extractions carry. Each must give the right placements or the right errors.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use inspection_core::validate::validate_inspection;
use inspection_core::{FollowUpStatus, Grade, Inspection, Judgment};
use inspection_tools::import::{import, Imported, Options};

fn seed() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import-fixtures/peel-2018-19-gwent.txt");
    std::fs::read_to_string(path).expect("fixture")
}

fn options() -> Options {
    Options {
        id: "gwent-peel-2018-19".into(),
        force: "gwent".into(),
        source_file: "002_24091e2645e2466f.txt".into(),
    }
}

fn run(text: &str) -> Imported {
    let i = import(text, &options()).expect("imports");
    assert_eq!(validate_inspection("import", &i.inspection), vec![]);
    i
}

fn flat(js: &[Judgment]) -> Vec<&Judgment> {
    js.iter()
        .flat_map(|j| std::iter::once(j).chain(flat(&j.children)))
        .collect()
}

fn grades(ins: &Inspection) -> Vec<(String, Option<Grade>, Option<String>)> {
    flat(&ins.judgments)
        .into_iter()
        .map(|j| (j.id.clone(), j.grade, j.last_inspected.clone()))
        .collect()
}

fn afis(ins: &Inspection) -> BTreeSet<(String, String, Vec<String>)> {
    ins.areas_for_improvement
        .iter()
        .map(|a| (a.judgment.clone(), a.text.clone(), a.parts.clone()))
        .collect()
}

fn follow_ups(ins: &Inspection) -> Vec<(String, String, FollowUpStatus)> {
    let mut v: Vec<_> = ins
        .follow_ups
        .iter()
        .map(|f| (f.judgment.clone(), f.status_text.clone(), f.status))
        .collect();
    v.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    v
}

/// A small deterministic generator, so failures reproduce without a seed file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Question section headings of seed 002 and where each section ends.
const SECTIONS: [&str; 10] = [
    "Preventing crime and tackling anti-social behaviour",
    "Investigating crime",
    "Protecting vulnerable people",
    "Tackling serious and organised crime",
    "Armed policing",
    "Meeting current demands and using resources",
    "Planning for the future",
    "Treating the public fairly",
    "Ethical and lawful workforce behaviour",
    "Treating the workforce fairly",
];
const ENDS: [&str; 3] = ["Efficiency", "Legitimacy", "Annex A – About the data"];

/// Line ranges (heading excluded) of the question sections, after the contents.
fn section_ranges(lines: &[&str]) -> Vec<(usize, usize)> {
    let body_start = lines.iter().position(|l| *l == "Overall summary").unwrap();
    let heads: Vec<usize> = (body_start..lines.len())
        .filter(|&i| SECTIONS.contains(&lines[i]) || ENDS.contains(&lines[i]))
        .collect();
    heads
        .windows(2)
        .filter(|w| SECTIONS.contains(&lines[w[0]]))
        .map(|w| (w[0] + 1, w[1]))
        .collect()
}

/// Shuffles the paragraphs of every question section after its grade line. A paragraph
/// that introduces a list (an 'Areas for improvement' heading, or a sentence ending in ':')
/// moves together with its list, as a reader would expect of the same report.
fn shuffle_paragraphs(text: &str, rng: &mut Rng) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let mut cursor = 0;
    for (start, end) in section_ranges(&lines) {
        out.extend(lines[cursor..start].iter().map(|s| s.to_string()));
        // Paragraphs: runs of non-blank lines.
        let mut paras: Vec<Vec<&str>> = Vec::new();
        let mut cur = Vec::new();
        for l in &lines[start..end] {
            if l.trim().is_empty() {
                if !cur.is_empty() {
                    paras.push(std::mem::take(&mut cur));
                }
            } else {
                cur.push(*l);
            }
        }
        if !cur.is_empty() {
            paras.push(cur);
        }
        // Keep the grade line first (where there is one); glue intros to their lists.
        let keep = usize::from(
            paras
                .first()
                .is_some_and(|p| p.len() == 1 && p[0].len() < 25),
        );
        let mut units: Vec<Vec<&str>> = Vec::new();
        for p in paras.drain(keep..).collect::<Vec<_>>() {
            // A list split by a stray blank line stays one list.
            let glue = units.last().is_some_and(|u: &Vec<&str>| {
                let last = u.last().unwrap();
                (*last == "Areas for improvement" || last.ends_with(':') || last.starts_with("- "))
                    && p[0].starts_with("- ")
            });
            match units.last_mut() {
                Some(u) if glue => {
                    u.push("");
                    u.extend(p);
                }
                _ => units.push(p),
            }
        }
        rng.shuffle(&mut units);
        for p in paras.iter().take(keep).chain(units.iter()) {
            out.push(String::new());
            out.extend(p.iter().map(|s| s.to_string()));
        }
        out.push(String::new());
        cursor = end;
    }
    out.extend(lines[cursor..].iter().map(|s| s.to_string()));
    out.join("\n")
}

/// Shuffles the bullets of every 'Areas for improvement' list, sub-bullets kept with their
/// item.
fn shuffle_bullets(text: &str, rng: &mut Rng) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        out.push(lines[i].to_string());
        if lines[i] == "Areas for improvement" {
            i += 1;
            while i < lines.len() && lines[i].is_empty() {
                out.push(String::new());
                i += 1;
            }
            let mut items: Vec<Vec<&str>> = Vec::new();
            while i < lines.len() && (lines[i].starts_with("- ") || lines[i].starts_with(" - ")) {
                if lines[i].starts_with(" - ") {
                    items.last_mut().unwrap().push(lines[i]);
                } else {
                    items.push(vec![lines[i]]);
                }
                i += 1;
            }
            rng.shuffle(&mut items);
            out.extend(items.into_iter().flatten().map(str::to_string));
            continue;
        }
        i += 1;
    }
    out.join("\n")
}

/// The follow-up whose status sits in the paragraph after a quoted list: shuffling
/// paragraphs legitimately separates the two, so it is not expected to survive a shuffle.
const CROSS_PARAGRAPH: &str =
    "We found that the force has complied with some of this recommendation.";

#[test]
fn paragraphs_shuffled_inside_sections_give_the_same_placements() {
    let original = run(&seed()).inspection;
    let want_fu: Vec<_> = follow_ups(&original)
        .into_iter()
        .filter(|f| f.1 != CROSS_PARAGRAPH)
        .collect();
    for s in 1..=12u64 {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ s);
        let text = shuffle_paragraphs(&seed(), &mut rng);
        assert_ne!(text, seed(), "the shuffle changed something");
        let got = run(&text).inspection;
        assert_eq!(grades(&got), grades(&original), "shuffle {s}");
        assert_eq!(afis(&got), afis(&original), "shuffle {s}");
        let got_fu = follow_ups(&got);
        for f in &want_fu {
            assert!(got_fu.contains(f), "shuffle {s}: lost follow-up {f:?}");
        }
        // Whatever else is read, each status sentence stays under its own judgment.
        let all = follow_ups(&original);
        for f in &got_fu {
            let homes: Vec<&String> = all.iter().filter(|o| o.1 == f.1).map(|o| &o.0).collect();
            assert!(
                homes.is_empty() || homes.contains(&&f.0),
                "shuffle {s}: {f:?} moved to another judgment (was under {homes:?})"
            );
        }
    }
}

#[test]
fn bullets_shuffled_inside_lists_give_the_same_areas_for_improvement() {
    let original = run(&seed()).inspection;
    for s in 1..=8u64 {
        let text = shuffle_bullets(&seed(), &mut Rng(0x2545_f491_4f6c_dd1d ^ s));
        let got = run(&text).inspection;
        assert_eq!(afis(&got), afis(&original), "shuffle {s}");
        let counter = got
            .areas_for_improvement
            .iter()
            .find(|a| a.text.ends_with("counter-corruption unit:"))
            .expect("the AFI with parts");
        assert_eq!(counter.parts.len(), 2);
    }
}

#[test]
fn tabs_as_runs_of_spaces_change_nothing() {
    let original = run(&seed());
    let got = run(&seed().replace('\t', "    "));
    assert_eq!(grades(&got.inspection), grades(&original.inspection));
    assert_eq!(afis(&got.inspection), afis(&original.inspection));
    assert_eq!(
        follow_ups(&got.inspection),
        follow_ups(&original.inspection)
    );
    assert_eq!(
        got.inspection.figures.len(),
        original.inspection.figures.len(),
        "{}",
        got.report.render()
    );
    assert_eq!(got.inspection.figures, original.inspection.figures);
}

#[test]
fn tabs_as_single_spaces_keep_grades_and_report_the_lost_tables() {
    let original = run(&seed());
    let got = run(&seed().replace('\t', " "));
    // The grades table is read by pattern, so it survives; AFIs and follow-ups do not
    // depend on cells at all.
    assert_eq!(grades(&got.inspection), grades(&original.inspection));
    assert_eq!(afis(&got.inspection), afis(&original.inspection));
    assert_eq!(
        follow_ups(&got.inspection),
        follow_ups(&original.inspection)
    );
    // Tables whose columns can no longer be told apart are reported, not guessed.
    let report = got.report.render();
    assert!(
        report.contains(
            "could not place: line 105: 'Police Officer 1308 1330 -2%' looks like a table row"
        ),
        "{report}"
    );
    assert!(got.inspection.figures.len() < original.inspection.figures.len());
    assert_eq!(got.report.essential().count(), 0);
}

/// Seed 002 without its 'Overall summary' table rows.
fn without_grades_table() -> String {
    let text = seed();
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| *l == "Overall summary").unwrap() + 1;
    let end = lines
        .iter()
        .position(|l| l.starts_with("How does the force compare"))
        .unwrap();
    let mut out: Vec<&str> = lines[..start].to_vec();
    out.extend(&lines[end..]);
    out.join("\n")
}

#[test]
fn without_the_grades_table_judgments_come_from_the_sections_and_it_is_essential() {
    let got = run(&without_grades_table());
    let essential: Vec<_> = got.report.essential().map(|p| p.message.clone()).collect();
    assert_eq!(essential.len(), 1, "{essential:?}");
    assert!(essential[0].starts_with("no grades table found"));
    let ins = &got.inspection;
    // Pillar grades come from the grade under each pillar question; question grades from
    // the grade under each section heading, named as the headings name them.
    let g: Vec<_> = flat(&ins.judgments)
        .iter()
        .map(|j| (j.id.as_str(), j.grade, j.last_inspected.is_some()))
        .collect();
    assert!(g.contains(&("legitimacy", Some(Grade::RequiresImprovement), false)));
    assert!(g.contains(&(
        "treating-the-public-fairly",
        Some(Grade::RequiresImprovement),
        false
    )));
    assert!(g.contains(&("investigating-crime", Some(Grade::Good), false)));
    // 'Armed policing' has no grade line of its own, so without the table it is not found.
    assert!(!g.iter().any(|(id, ..)| id.contains("armed")));
    // Every AFI is still placed, under the section it sits in.
    assert_eq!(ins.areas_for_improvement.len(), 11);
    let public: Vec<_> = ins
        .areas_for_improvement
        .iter()
        .filter(|a| a.judgment == "treating-the-public-fairly")
        .collect();
    assert_eq!(public.len(), 3);
}

#[test]
fn strict_fails_without_the_grades_table() {
    let path = std::env::temp_dir().join(format!("import-no-table-{}.txt", std::process::id()));
    std::fs::write(&path, without_grades_table()).unwrap();
    let base = [
        path.to_str().unwrap(),
        "--id",
        "gwent-peel-2018-19",
        "--force",
        "gwent",
    ];
    let lax = Command::new(env!("CARGO_BIN_EXE_import"))
        .args(base)
        .output()
        .unwrap();
    let mut strict_args = base.to_vec();
    strict_args.push("--strict");
    let strict = Command::new(env!("CARGO_BIN_EXE_import"))
        .args(&strict_args)
        .output()
        .unwrap();
    std::fs::remove_file(&path).ok();
    assert_eq!(lax.status.code(), Some(0));
    assert!(
        !lax.stdout.is_empty(),
        "without --strict the file is still written"
    );
    assert_eq!(strict.status.code(), Some(1));
    let err = String::from_utf8_lossy(&strict.stderr);
    assert!(
        err.contains("could not place: no grades table found"),
        "{err}"
    );
    assert!(err.contains("[essential]"), "{err}");
}

#[test]
fn a_missing_afi_list_under_a_requires_improvement_question_is_essential() {
    let text = seed();
    // Drop the three bullets (and heading) of 'Treating the public fairly'.
    let start = text
        .find("Areas for improvement\n\n- The force should ensure that appropriate")
        .unwrap();
    let end = text[start..]
        .find("We set out our detailed findings")
        .unwrap()
        + start;
    let cut = format!("{}{}", &text[..start], &text[end..]);
    let got = run(&cut);
    let essential: Vec<_> = got.report.essential().map(|p| p.message.clone()).collect();
    assert_eq!(
        essential,
        ["'Fair treatment of the public' is graded below good in this inspection but no 'Areas for improvement' list or cause of concern was placed under it"]
    );
    assert_eq!(got.inspection.areas_for_improvement.len(), 8);
}

#[test]
fn an_afi_heading_with_nothing_under_it_is_reported_with_its_line() {
    let text = seed().replacen(
        "- The force needs to ensure that public expectations form part of future planning.\n",
        "",
        1,
    );
    let got = run(&text);
    let p: Vec<_> = got.report.essential().collect();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].line, 601);
    assert_eq!(
        p[0].message,
        "'Areas for improvement' heading with no list after it"
    );
}

#[test]
fn extraction_debris_is_tolerated() {
    let original = run(&seed()).inspection;
    let mut text = seed()
        // Curly quotes, as web pages have them.
        .replace('\'', "\u{2019}")
        // Windows line ends.
        .replace('\n', "\r\n")
        // Stray blank lines around every list item.
        .replace("\r\n- ", "\r\n\r\n- ")
        // Headings worded as other reports of the year word them.
        .replacen("Areas for improvement", "Area for improvement:", 1)
        .replace(
            "HM Inspector\u{2019}s observations",
            "HM Inspector’s Observations",
        );
    // A page break (page number and running footer) in the middle of an AFI.
    let cut = "to ensure that they can reliably identify these groups, collect intelligence and ";
    text = text.replacen(
        cut,
        &format!("{cut}\r\n\r\n\u{c}17\r\n\r\nFebruary 2020 | © HMICFRS 2020\r\n\r\nPage 17 of 52\r\n\r\n"),
        1,
    );
    let got = run(&text).inspection;
    assert_eq!(grades(&got), grades(&original));
    assert_eq!(afis(&got), afis(&original));
    assert_eq!(follow_ups(&got), follow_ups(&original));
    assert_eq!(got.observations, original.observations);
}

#[test]
fn causes_of_concern_and_five_point_grades() {
    let text = "\
PEEL

Police effectiveness, efficiency and legitimacy 2021/22

An inspection of Example Police

Overall summary

Preventing crime\tAdequate\t2021/22
Investigating crime\tInadequate\t2021/22

Investigating crime

Inadequate

The force is inadequate at investigating crime.

Cause of concern

The force does not supervise investigations well enough.

Recommendations

To address this cause of concern, we recommend that within six months the force should:

• make sure supervisors review every investigation;
o including those over the telephone; and
• audit the results.

Areas for improvement

• The force should record its decisions.

Preventing crime

Adequate

The force is adequate at preventing crime. The force should have done more. We noted that the force has not met our 2019 recommendation on patrols.

March 2022 | © HMICFRS 2022
";
    let got = run(text);
    let ins = &got.inspection;
    assert_eq!(ins.scale, inspection_core::GradeScale::FivePoint);
    assert_eq!(ins.period, "2021/22");
    assert_eq!(ins.published.as_ref().unwrap().date, "2022-03");
    assert_eq!(ins.judgments.len(), 2);
    assert_eq!(ins.judgments[0].level, inspection_core::JudgmentLevel::Area);
    let c = &ins.causes_of_concern[0];
    assert_eq!(c.judgment, "investigating-crime");
    assert_eq!(
        c.text,
        "The force does not supervise investigations well enough."
    );
    assert_eq!(
        c.recommendations,
        [
            "make sure supervisors review every investigation; including those over the telephone; and",
            "audit the results."
        ]
    );
    assert_eq!(
        ins.areas_for_improvement[0].text,
        "The force should record its decisions."
    );
    assert_eq!(ins.follow_ups.len(), 1);
    assert_eq!(ins.follow_ups[0].status, FollowUpStatus::NotMet);
    assert_eq!(ins.follow_ups[0].judgment, "preventing-crime");
    assert_eq!(got.report.essential().count(), 0, "{}", got.report.render());
}

#[test]
fn text_that_is_not_a_report_gives_a_reason_not_a_file() {
    for text in ["", "\n\n\t\n", "hello world", "%PDF-1.7 binary junk"] {
        let err = import(text, &options()).expect_err(text);
        assert!(
            err.0.starts_with("no title") || err.0.starts_with("no inspection period"),
            "{err}"
        );
    }
}
