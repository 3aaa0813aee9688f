//! The 'Overall summary' grades table and grade words.
//!
//! The table is found by its rows, not by its heading (reports word the heading
//! differently), and rows are read by pattern — name, grade, year — so that it makes no
//! difference whether the extraction separated the cells with tabs, runs of spaces or single
//! spaces.

use std::sync::LazyLock;

use inspection_core::Grade;
use regex::Regex;

use super::text::Line;

const GRADE: &str =
    r"(outstanding|good|adequate|requires improvement|inadequate|ungraded|not graded)";

static PILLAR_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(effectiveness|efficiency|legitimacy)\s+{GRADE}(?:\s+last inspected)?$"
    ))
    .expect("valid regex")
});

static QUESTION_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(.+?)\s+{GRADE}\s+((?:19|20)\d\d(?:/\d\d)?)$"
    ))
    .expect("valid regex")
});

/// A grade word as the report prints it.
pub fn grade_word(text: &str) -> Option<Grade> {
    match text.trim().trim_end_matches('.').to_lowercase().as_str() {
        "outstanding" => Some(Grade::Outstanding),
        "good" => Some(Grade::Good),
        "adequate" => Some(Grade::Adequate),
        "requires improvement" => Some(Grade::RequiresImprovement),
        "inadequate" => Some(Grade::Inadequate),
        "ungraded" | "not graded" => Some(Grade::Ungraded),
        _ => None,
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    pub grade: Grade,
    pub last_inspected: Option<String>,
    pub line: usize,
}

/// A pillar row with the question rows under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pillar {
    pub row: Row,
    pub questions: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub pillars: Vec<Pillar>,
    /// Question rows before any pillar row (frameworks without pillars).
    pub loose: Vec<Row>,
    /// Line numbers the table occupies.
    pub first_line: usize,
    pub last_line: usize,
}

fn pillar_row(line: &Line) -> Option<Row> {
    let c = PILLAR_ROW.captures(&line.text)?;
    Some(Row {
        name: title_case(&c[1]),
        grade: grade_word(&c[2])?,
        last_inspected: None,
        line: line.no,
    })
}

fn question_row(line: &Line) -> Option<Row> {
    let c = QUESTION_ROW.captures(&line.text)?;
    let name = c[1].trim();
    if name.len() > 120 || name.ends_with(['.', ':']) || name.to_lowercase() == "last inspected" {
        return None;
    }
    Some(Row {
        name: name.to_string(),
        grade: grade_word(&c[2])?,
        last_inspected: Some(c[3].to_string()),
        line: line.no,
    })
}

fn title_case(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Finds the first run of at least two table rows (blank lines and a 'Last inspected'
/// header may sit between them). Lines in `skip` (the contents) are not considered.
pub fn find(lines: &[Line], skip: &dyn Fn(usize) -> bool) -> Option<Table> {
    let is_row = |l: &Line| pillar_row(l).is_some() || question_row(l).is_some();
    let start = lines.iter().position(|l| !skip(l.no) && is_row(l))?;
    let mut table = Table {
        first_line: lines[start].no,
        ..Table::default()
    };
    let mut rows = 0;
    for line in &lines[start..] {
        if line.is_blank() || line.text.eq_ignore_ascii_case("last inspected") {
            continue;
        }
        if let Some(row) = pillar_row(line) {
            table.pillars.push(Pillar {
                row,
                questions: Vec::new(),
            });
        } else if let Some(row) = question_row(line) {
            match table.pillars.last_mut() {
                Some(p) => p.questions.push(row),
                None => table.loose.push(row),
            }
        } else {
            break;
        }
        rows += 1;
        table.last_line = line.no;
    }
    (rows >= 2).then_some(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::clean_lines;

    #[test]
    fn reads_rows_whatever_the_separators() {
        for sep in ["\t", "    ", " "] {
            let text = format!(
                "Overall summary\n\n{sep}Effectiveness{sep} Good{sep}Last inspected\nInvestigating crime{sep}{sep} Good{sep}2018/19\n\nLegitimacy{sep}Requires improvement\nFair treatment of the public{sep}Requires improvement{sep}2017\nNext heading\n"
            );
            let lines = clean_lines(&text);
            let t = find(&lines, &|_| false).expect("table found");
            assert_eq!(t.pillars.len(), 2, "sep {sep:?}");
            assert_eq!(t.pillars[0].questions[0].name, "Investigating crime");
            assert_eq!(t.pillars[1].row.grade, Grade::RequiresImprovement);
            assert_eq!(
                t.pillars[1].questions[0].last_inspected.as_deref(),
                Some("2017")
            );
        }
    }
}
