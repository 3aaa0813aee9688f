//! Downloads of the current filtered view, generated in the browser: CSV for spreadsheets and
//! JSON in the published schema. Natively tested, including that a JSON export passes the same
//! validation as `check`.
//!
//! CSV follows RFC 4180: fields holding a comma, a double quote, CR or LF are quoted and their
//! quotes doubled; records end in CRLF; the first record is the header. The text is UTF-8 and
//! starts with a byte-order mark: RFC 4180 does not need one, but without it Excel reads UTF-8
//! as the local code page and garbles the curly quotes and dashes the reports use. Column
//! values are in English (the data's language) whatever the interface language.
//!
//! JSON is one inspection file in the published schema (`schema/inspection.schema.json`),
//! holding only what the view shows, and valid on its own: items that refer to things left out
//! of the export (another inspection's item, an area for improvement filtered away) lose that
//! reference, and notes about left-out items are dropped. [`manifest_for`] gives the manifest
//! that lists it, so `check` can validate a directory holding the two.

use std::collections::HashSet;

use crate::grade::Grade;
use crate::model::*;
use crate::view::{Card, ImprovementRow, SourceInfo};
use crate::welsh::Welsh;

/// Prepended to every CSV download (see the module docs for why).
pub const BOM: char = '\u{FEFF}';

/// One CSV field, quoted only where RFC 4180 requires it.
pub fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// A whole CSV document: BOM, header record, then one record per row, each ending in CRLF.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    out.push(BOM);
    let mut record = |fields: &mut dyn Iterator<Item = &str>| {
        let line: Vec<String> = fields.map(csv_field).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    };
    record(&mut header.iter().copied());
    for row in rows {
        record(&mut row.iter().map(String::as_str));
    }
    out
}

/// Columns of the improvements CSV, one row per item in the list.
pub const IMPROVEMENT_COLUMNS: [&str; 15] = [
    "inspection",
    "item",
    "inspection_title",
    "period",
    "kind",
    "pillar",
    "area",
    "area_grade",
    "status",
    "text",
    "details",
    "origin",
    "source",
    "source_file",
    "date",
];

/// Columns of the grades CSV, one row per pillar or area card and per question shown in it.
pub const GRADE_COLUMNS: [&str; 14] = [
    "inspection",
    "judgment",
    "inspection_title",
    "period",
    "level",
    "pillar",
    "area",
    "grade",
    "last_inspected",
    "carried_over_from",
    "text",
    "source",
    "source_file",
    "date",
];

fn grade_label(g: Option<Grade>) -> String {
    g.map_or_else(|| "Not stated".to_string(), |g| g.label().to_string())
}

fn level_label(level: JudgmentLevel) -> &'static str {
    match level {
        JudgmentLevel::Pillar => "pillar",
        JudgmentLevel::Question => "question",
        JudgmentLevel::Area => "area",
    }
}

/// The improvements list as CSV. `details` holds an item's parts or recommendations, one per
/// line.
pub fn improvements_csv<'a>(rows: impl IntoIterator<Item = &'a ImprovementRow>) -> String {
    let records: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| {
            let details = if r.parts.is_empty() {
                &r.recommendations
            } else {
                &r.parts
            };
            let item = r.key.split_once('/').map_or("", |(_, item)| item);
            vec![
                r.inspection_id.clone(),
                item.to_string(),
                r.inspection_title.clone(),
                r.period.clone(),
                r.kind.label().to_string(),
                r.pillar_name.clone().unwrap_or_default(),
                r.judgment_name.clone(),
                r.area_grade
                    .map(|g| g.label().to_string())
                    .unwrap_or_default(),
                r.status.label().to_string(),
                r.text.clone(),
                details.join("\n"),
                r.origin.clone().unwrap_or_default(),
                r.source.title.clone(),
                r.source.file.clone(),
                r.source.date.clone().unwrap_or_default(),
            ]
        })
        .collect();
    csv(&IMPROVEMENT_COLUMNS, &records)
}

/// The grade cards shown as CSV: each card, then the question rows shown in it.
pub fn grades_csv(ins: &Inspection, cards: &[Card]) -> String {
    let record = |j: &Judgment, pillar: Option<&Judgment>| {
        let source = SourceInfo::of(ins, &j.source);
        vec![
            ins.id.clone(),
            j.id.clone(),
            ins.title.clone(),
            ins.period.clone(),
            level_label(j.level).to_string(),
            pillar.map(|p| p.name.clone()).unwrap_or_default(),
            j.name.clone(),
            grade_label(j.grade),
            j.last_inspected.clone().unwrap_or_default(),
            j.carried_over
                .as_ref()
                .map(|c| c.from.clone())
                .unwrap_or_default(),
            j.summary.clone().unwrap_or_default(),
            source.title,
            source.file,
            source.date.unwrap_or_default(),
        ]
    };
    let mut records = Vec::new();
    for card in cards {
        records.push(record(&card.judgment, None));
        for row in &card.rows {
            records.push(record(row, Some(&card.judgment)));
        }
    }
    csv(&GRADE_COLUMNS, &records)
}

/// A copy of `ins` holding only the judgments in `keep_judgments` (a kept question brings its
/// pillar) and the items `keep_item` accepts, with dangling references cut so the file
/// validates on its own.
fn subset(
    ins: &Inspection,
    keep_judgments: &HashSet<&str>,
    keep_item: &dyn Fn(&str) -> bool,
) -> Inspection {
    let judgments: Vec<Judgment> = ins
        .judgments
        .iter()
        .filter_map(|top| {
            let children: Vec<Judgment> = top
                .children
                .iter()
                .filter(|c| keep_judgments.contains(c.id.as_str()))
                .cloned()
                .collect();
            (keep_judgments.contains(top.id.as_str()) || !children.is_empty()).then(|| Judgment {
                children,
                ..top.clone()
            })
        })
        .collect();
    let mut kept = Inspection {
        judgments,
        areas_for_improvement: Vec::new(),
        causes_of_concern: Vec::new(),
        follow_ups: Vec::new(),
        findings: Vec::new(),
        quotes: Vec::new(),
        figures: Vec::new(),
        most_similar_forces: Vec::new(),
        observations: None,
        notes: Vec::new(),
        ..ins.clone()
    };
    let judgment_ok = |id: &str| crate::model::find_judgment(&kept, id).is_some();
    let afis: Vec<AreaForImprovement> = ins
        .areas_for_improvement
        .iter()
        .filter(|a| keep_item(&a.id) && judgment_ok(&a.judgment))
        .cloned()
        .collect();
    let causes: Vec<CauseOfConcern> = ins
        .causes_of_concern
        .iter()
        .filter(|c| keep_item(&c.id) && judgment_ok(&c.judgment))
        .cloned()
        .collect();
    let findings: Vec<Finding> = ins
        .findings
        .iter()
        .filter(|f| keep_item(&f.id) && f.judgment.as_deref().is_some_and(judgment_ok))
        .cloned()
        .collect();
    let follow_ups: Vec<FollowUp> = ins
        .follow_ups
        .iter()
        .filter(|f| keep_item(&f.id) && judgment_ok(&f.judgment))
        .map(|f| {
            let mut f = f.clone();
            // Another file's item is not in this one; an AFI left out is not either.
            f.refers_to = f.refers_to.filter(|r| {
                r.inspection == ins.id
                    && (afis.iter().any(|a| a.id == r.item)
                        || causes.iter().any(|c| c.id == r.item))
            });
            f.continued_by = f
                .continued_by
                .filter(|next| afis.iter().any(|a| &a.id == next));
            f
        })
        .collect();
    kept.areas_for_improvement = afis;
    kept.causes_of_concern = causes;
    kept.follow_ups = follow_ups;
    kept.findings = findings;
    let ids: HashSet<String> = all_ids(&kept);
    kept.notes = ins
        .notes
        .iter()
        // Notes on the whole inspection (about nothing in particular) stay.
        .filter(|n| n.about.iter().all(|a| ids.contains(a)))
        .cloned()
        .collect();
    // Welsh only for the text that is left.
    let mut cy = Welsh::default();
    crate::welsh::each_text(&mut kept, &mut |key, _| {
        if let Some(welsh) = ins.cy.text(&key) {
            cy.insert(key, welsh.to_string());
        }
    });
    kept.cy = cy;
    kept
}

fn all_ids(ins: &Inspection) -> HashSet<String> {
    fn walk(js: &[Judgment], out: &mut HashSet<String>) {
        for j in js {
            out.insert(j.id.clone());
            walk(&j.children, out);
        }
    }
    let mut out = HashSet::new();
    walk(&ins.judgments, &mut out);
    out.extend(ins.areas_for_improvement.iter().map(|x| x.id.clone()));
    out.extend(ins.causes_of_concern.iter().map(|x| x.id.clone()));
    out.extend(ins.follow_ups.iter().map(|x| x.id.clone()));
    out.extend(ins.findings.iter().map(|x| x.id.clone()));
    out
}

/// The grades view as an inspection file: the cards and question rows shown, with the areas
/// for improvement, causes of concern, follow-ups and findings under them.
pub fn grades_json(ins: &Inspection, cards: &[Card]) -> Inspection {
    let keep: HashSet<&str> = cards
        .iter()
        .flat_map(|c| std::iter::once(&c.judgment).chain(&c.rows))
        .map(|j| j.id.as_str())
        .collect();
    let mut out = subset(ins, &keep, &|_| true);
    if ins.judgments.is_empty() {
        // An ungraded inspection's grades view shows its key findings instead of cards.
        out.findings = ins.findings.clone();
    }
    out
}

/// The improvements list, for one inspection, as an inspection file: the areas for
/// improvement, causes of concern and earlier items shown, with the judgments they sit under.
pub fn improvements_json<'a>(
    ins: &Inspection,
    rows: impl IntoIterator<Item = &'a ImprovementRow>,
) -> Inspection {
    let prefix = format!("{}/", ins.id);
    let shown: Vec<&ImprovementRow> = rows
        .into_iter()
        .filter(|r| r.inspection_id == ins.id)
        .collect();
    let items: HashSet<&str> = shown
        .iter()
        .filter_map(|r| r.key.strip_prefix(prefix.as_str()))
        .collect();
    let judgments: HashSet<&str> = shown.iter().map(|r| r.judgment_id.as_str()).collect();
    subset(ins, &judgments, &|id| items.contains(id))
}

/// The JSON text of an export: pretty, UTF-8, no byte-order mark (the loader rejects one).
pub fn to_json(ins: &Inspection) -> String {
    let mut text = serde_json::to_string_pretty(ins).expect("the model always serialises");
    text.push('\n');
    text
}

/// A manifest listing only `ins` (as `file`), for validating an export with `check`.
pub fn manifest_for(ins: &Inspection, forces: &[Force], file: &str) -> Manifest {
    let mut manifest = Manifest {
        schema_version: SCHEMA_VERSION,
        synthetic: ins.synthetic,
        forces: forces
            .iter()
            .filter(|f| f.id == ins.force)
            .cloned()
            .collect(),
        inspections: vec![ManifestEntry::for_inspection(ins, file)],
        lineages: Vec::new(),
        cy: Welsh::default(),
    };
    // The Welsh title, which the manifest and the file must agree on.
    let title = crate::welsh::key(&ins.id, "title");
    if let Some(welsh) = ins.cy.text(&title) {
        manifest.cy.insert(title, welsh.to_string());
    }
    manifest
}

/// Download name: `<force>-<view>-<period>.<ext>`, e.g. `gwent-improvements-2018-19.csv`, or
/// `…-all.csv` when the list spans every inspection. Only `a-z0-9-` reach the name.
pub fn file_name(force: &str, view: &str, period: Option<&str>, ext: &str) -> String {
    let slug = |s: &str| {
        let mut out = String::new();
        for c in s.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_alphanumeric() {
                out.push(c);
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        out.trim_end_matches('-').to_string()
    };
    let period = period.map_or_else(|| "all".to_string(), slug);
    format!("{}-{}-{}.{}", slug(force), slug(view), period, ext)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::UrlState;
    use crate::validate::{load_inspection, load_manifest, validate_dataset, validate_manifest};
    use crate::view::{filter_rows, grade_cards, improvement_rows};
    use std::collections::HashMap;
    use std::sync::Arc;

    use crate::test_data::bundled;

    fn state(pairs: &[(&str, &str)]) -> UrlState {
        UrlState::from_pairs(pairs.iter().copied())
    }

    /// What `check` does to a directory holding the export and its manifest.
    fn assert_checks(export: &Inspection, forces: &[Force]) {
        let file = "export.json";
        let text = to_json(export);
        let ins = load_inspection(file, &text).unwrap_or_else(|e| panic!("{e:?}"));
        let manifest = manifest_for(&ins, forces, file);
        let manifest_text = serde_json::to_string(&manifest).unwrap();
        let manifest = load_manifest("index.json", &manifest_text).unwrap();
        assert_eq!(validate_manifest("index.json", &manifest), vec![]);
        let mut all = HashMap::new();
        all.insert(ins.id.clone(), (file.to_string(), ins));
        assert_eq!(validate_dataset("index.json", &manifest, &all), vec![]);
    }

    /// A tiny RFC 4180 reader, to check the writer round-trips.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix(BOM).unwrap();
        let mut rows = vec![];
        let mut row = vec![];
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CR without LF");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(
            field.is_empty() && row.is_empty(),
            "last record ends in CRLF"
        );
        rows
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("plain text"), "plain text");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("cr\r"), "\"cr\r\"");
        assert_eq!(csv_field("Gwent’s — é"), "Gwent’s — é");
        let doc = csv(&["a", "b"], &[vec!["1,2".into(), "x\"y\r\nz".into()]]);
        assert_eq!(doc, "\u{feff}a,b\r\n\"1,2\",\"x\"\"y\r\nz\"\r\n");
        assert_eq!(
            parse_csv(&doc),
            vec![vec!["a", "b"], vec!["1,2", "x\"y\r\nz"]]
        );
    }

    #[test]
    fn improvements_csv_round_trips_the_filtered_rows() {
        let (m, l) = bundled();
        let rows: Vec<Arc<ImprovementRow>> =
            improvement_rows(&m, &l).into_iter().map(Arc::new).collect();
        let shown = filter_rows(
            &rows,
            &state(&[
                ("inspection", "gwent-peel-2018-19"),
                ("pillar", "legitimacy"),
            ]),
        );
        assert!(shown.len() > 3);
        let parsed = parse_csv(&improvements_csv(shown.iter().map(|r| &**r)));
        assert_eq!(parsed[0], IMPROVEMENT_COLUMNS);
        assert_eq!(parsed.len(), shown.len() + 1);
        for (record, row) in parsed[1..].iter().zip(&shown) {
            assert_eq!(record.len(), IMPROVEMENT_COLUMNS.len());
            assert_eq!(format!("{}/{}", record[0], record[1]), row.key);
            assert_eq!(record[9], row.text);
            assert_eq!(record[13], row.source.file);
            assert_eq!(record[14], "2020-02");
        }
        // Parts travel in one field, a line each.
        assert!(parsed.iter().any(|r| r[10].contains('\n')));
    }

    #[test]
    fn grades_csv_lists_cards_and_question_rows() {
        let (_, l) = bundled();
        let ins = &l["gwent-peel-2018-19"];
        let (cards, _) = grade_cards(ins, &state(&[("pillar", "legitimacy")]));
        let parsed = parse_csv(&grades_csv(ins, &cards));
        assert_eq!(parsed[0], GRADE_COLUMNS);
        let areas: Vec<(&str, &str)> = parsed[1..]
            .iter()
            .map(|r| (r[6].as_str(), r[7].as_str()))
            .collect();
        assert_eq!(
            areas,
            vec![
                ("Legitimacy", "Requires improvement"),
                ("Fair treatment of the public", "Requires improvement"),
                (
                    "Ethical and lawful workforce behaviour",
                    "Requires improvement"
                ),
                ("Fair treatment of the workforce", "Good"),
            ]
        );
        assert_eq!(parsed[4][9], "2017 legitimacy inspection");
        assert_eq!(parsed[4][1], "fair-treatment-of-the-workforce");
    }

    #[test]
    fn grades_json_is_a_valid_inspection_holding_what_is_shown() {
        let (m, l) = bundled();
        for (id, ins) in &l {
            for filter in [
                state(&[]),
                state(&[("grade", "requires-improvement")]),
                state(&[("pillar", "investigating-crime")]),
                state(&[("q", "vetting")]),
            ] {
                let (cards, _) = grade_cards(ins, &filter);
                let out = grades_json(ins, &cards);
                assert_checks(&out, &m.forces);
                let shown: usize = cards.iter().map(|c| 1 + c.rows.len()).sum();
                assert_eq!(
                    crate::model::counts(&out).judgments as usize,
                    shown,
                    "{id} {filter:?}"
                );
            }
        }
        let ins = &l["gwent-peel-2018-19"];
        let (cards, _) = grade_cards(ins, &state(&[("grade", "requires-improvement")]));
        let out = grades_json(ins, &cards);
        assert_eq!(out.judgments.len(), 1);
        assert_eq!(out.judgments[0].children.len(), 2);
        assert!(out
            .areas_for_improvement
            .iter()
            .all(|a| a.judgment != "fair-treatment-of-the-workforce"));
    }

    #[test]
    fn improvements_json_is_a_valid_inspection_per_inspection() {
        let (m, l) = bundled();
        let rows: Vec<Arc<ImprovementRow>> =
            improvement_rows(&m, &l).into_iter().map(Arc::new).collect();
        for filter in [
            state(&[]),
            state(&[("status", "open")]),
            state(&[("pillar", "legitimacy"), ("q", "vetting")]),
        ] {
            let shown = filter_rows(&rows, &filter);
            for ins in l.values() {
                let out = improvements_json(ins, shown.iter().map(|r| &**r));
                assert_checks(&out, &m.forces);
                let n = shown.iter().filter(|r| r.inspection_id == ins.id).count();
                let items = out.areas_for_improvement.len()
                    + out.causes_of_concern.len()
                    + out.follow_ups.len();
                assert_eq!(items, n, "{} {filter:?}", ins.id);
            }
        }
    }

    #[test]
    fn welsh_travels_with_the_text_it_translates() {
        let (m, l) = bundled();
        let mut ins = l["gwent-peel-2018-19"].clone();
        let (kept, dropped) = ("legitimacy", "effectiveness");
        let title = crate::welsh::key(&ins.id, "title");
        for (k, v) in [
            (title.clone(), "Arolygiad (prawf)"),
            (crate::welsh::key(kept, "name"), "Cyfreithlondeb"),
            (crate::welsh::key(dropped, "name"), "Effeithiolrwydd"),
        ] {
            ins.cy.insert(k, v.to_string());
        }
        assert_eq!(crate::validate::validate_inspection("x", &ins), vec![]);
        let (cards, _) = grade_cards(&ins, &state(&[("pillar", kept)]));
        let out = grades_json(&ins, &cards);
        assert_checks(&out, &m.forces);
        let keys: Vec<&str> = out.cy.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, vec![title.as_str(), "legitimacy.name"]);
        // The manifest for the export carries the Welsh title too, as validation requires.
        let manifest = manifest_for(&out, &m.forces, "export.json");
        assert_eq!(manifest.cy.text(&title), Some("Arolygiad (prawf)"));
    }

    #[test]
    fn file_names_are_safe_slugs() {
        assert_eq!(
            file_name("gwent", "improvements", Some("2018/19"), "csv"),
            "gwent-improvements-2018-19.csv"
        );
        assert_eq!(
            file_name("gwent", "improvements", None, "json"),
            "gwent-improvements-all.json"
        );
        assert_eq!(
            file_name("Dyfed-Powys", "grades", Some("2016"), "csv"),
            "dyfed-powys-grades-2016.csv"
        );
        let odd = file_name("../x", "a b", Some("2018/19 (draft)"), "csv");
        assert_eq!(odd, "x-a-b-2018-19-draft.csv");
    }
}
