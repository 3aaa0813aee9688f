//! `import`: turns the plain text of a PEEL report (as extracted from the PDF or web page)
//! into an inspection file in the published schema, with a report of what it placed and
//! what it could not.
//!
//! The importer never guesses silently. Anything it reads by interpretation rather than
//! plainly (a status phrase such as "This has been addressed.", a carried-over year that
//! disagrees with the table) is recorded as a note in the file and listed in the report;
//! anything it recognises as structure but cannot place is listed with its line number.
//! Its output always passes [`inspection_core::validate::validate_inspection`]: where it
//! cannot produce such a file (no title, no period) it says why instead.
//!
//! The work is split by what is read: [`text`] cleans the extraction into lines and blocks,
//! [`grades`] reads the summary table, [`sections`] finds the pillar and question sections,
//! [`lists`] reads bulleted lists, [`followups`] the statements on earlier findings,
//! [`figures`] the 'Force in context' tables and [`front`] the title page, footer and HM
//! Inspector's observations.
//!
//! The import itself fills a `builder` section by section (`body` reads a section's
//! body), then builds the judgments (`judgments`) and gives the file with its `report`,
//! or why none could be made.

mod body;
mod builder;
pub mod figures;
pub mod followups;
pub mod front;
pub mod grades;
pub mod ids;
mod judgments;
pub mod lists;
pub mod names;
mod options;
mod report;
pub mod sections;
pub mod text;

use inspection_core::{Inspection, ManifestEntry};

use builder::Builder;
pub use options::Options;
pub use report::{Fatal, Imported, Problem, Report};
use text::Line;

/// The manifest entry that lists an imported inspection (for `index.json`).
pub fn manifest_entry(ins: &Inspection, file: &str) -> ManifestEntry {
    ManifestEntry::for_inspection(ins, file)
}

/// Imports one report's text.
pub fn import(input: &str, options: &Options) -> Result<Imported, Fatal> {
    check_options(options)?;
    let lines = text::clean_lines(input);
    let mut b = Builder::new(options);
    let contents = find_contents(&lines);
    if let Some((a, z)) = contents {
        b.report.skipped.push(format!("lines {a}–{z} (contents)"));
    }
    let in_contents = |no: usize| contents.is_some_and(|(a, z)| (a..=z).contains(&no));
    let table = grades::find(&lines, &in_contents);
    let in_table = |no: usize| {
        table
            .as_ref()
            .is_some_and(|t| (t.first_line..=t.last_line).contains(&no))
    };
    let kept: Vec<Line> = lines
        .iter()
        .filter(|l| !in_contents(l.no) && !in_table(l.no))
        .cloned()
        .collect();
    let blocks = text::blocks(&kept);

    b.front_matter(&blocks, &lines, input)?;
    match &table {
        Some(t) => b.report.placed.push(format!(
            "grades table (lines {}–{})",
            t.first_line, t.last_line
        )),
        None => b.report.essential_problem(
            0,
            "no grades table found (expected rows such as 'Investigating crime  Good  2018/19'); judgments are taken from the section headings and their grades, without last-inspected years",
        ),
    }
    let outline = sections::outline(&blocks, table.as_ref());
    b.judgment_slots(&outline);
    for section in &outline.sections {
        b.section(&blocks, section, &outline);
    }
    b.finish(&outline)
}

fn check_options(o: &Options) -> Result<(), Fatal> {
    use inspection_core::validate::is_valid_id;
    for (what, v) in [("inspection id", &o.id), ("force id", &o.force)] {
        if !is_valid_id(v) {
            return Err(Fatal(format!(
                "invalid {what} {v:?}: expected lowercase letters, digits and single hyphens"
            )));
        }
    }
    if o.source_file.trim().is_empty() {
        return Err(Fatal("no source file name given".into()));
    }
    Ok(())
}

/// The contents list: the "Contents" line and the entries after it that end in a page
/// number. Returns its first and last line numbers.
fn find_contents(lines: &[Line]) -> Option<(usize, usize)> {
    let start = lines.iter().position(|l| {
        let t = l.text.to_lowercase();
        t == "contents" || t == "table of contents"
    })?;
    let ends_in_page = |l: &Line| {
        l.text.rsplit_once(' ').is_some_and(|(_, n)| {
            !n.is_empty() && n.len() <= 3 && n.bytes().all(|c| c.is_ascii_digit())
        })
    };
    let mut last = lines[start].no;
    for l in &lines[start + 1..] {
        if l.is_blank() {
            continue;
        }
        if !ends_in_page(l) {
            break;
        }
        last = l.no;
    }
    Some((lines[start].no, last))
}
