//! CSV downloads: RFC 4180, with a byte-order mark for Excel (see [`crate::export`] for why).

use crate::grade::Grade;
use crate::model::*;
use crate::view::{Card, ImprovementRow, SourceInfo};

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use crate::test_data::{bundled, state};
    use crate::view::{filter_rows, grade_cards, improvement_rows};

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
}
