//! The report's outline: which blocks belong to which pillar or question.
//!
//! A pillar section starts at a heading that is a pillar's name. A question section starts
//! at a heading that names a question of the grades table (allowing for the report's
//! variant wordings), or at any heading directly followed by a grade. Everything up to the
//! next such heading belongs to it; the annex ends the report.

use super::front::is_observations_heading;
use super::grades::{grade_word, Row, Table};
use super::names;
use super::text::Block;

/// PEEL's pillars, used to find pillar headings when the grades table is missing.
const PILLARS: [&str; 3] = ["Effectiveness", "Efficiency", "Legitimacy"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Title page, contents, introduction, overall summary.
    Front,
    Pillar(usize),
    Question(usize),
    Observations,
    Annex,
}

/// A run of blocks: `blocks[start]` is the heading (except for the front), up to `end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone)]
pub struct PillarSlot {
    pub name: String,
    pub row: Option<Row>,
    pub heading_line: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct QuestionSlot {
    /// The table's name, or the heading's where the table has no row for it.
    pub name: String,
    /// The section heading as written, where the section was found.
    pub heading: Option<String>,
    pub heading_line: Option<usize>,
    pub pillar: Option<usize>,
    pub row: Option<Row>,
}

#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub sections: Vec<Section>,
    pub pillars: Vec<PillarSlot>,
    pub questions: Vec<QuestionSlot>,
    /// Headings with a grade that match no question of the table: (line, heading).
    pub unmatched: Vec<(usize, String)>,
}

pub fn is_annex(text: &str) -> bool {
    let t = text.to_lowercase();
    t.starts_with("annex") || t.starts_with("appendix")
}

/// Is `blocks[i]` directly followed by a line that is only a grade?
pub fn graded_next(blocks: &[Block], i: usize) -> bool {
    blocks
        .get(i + 1)
        .is_some_and(|b| b.is_single_line() && !b.has_cells() && grade_word(&b.text()).is_some())
}

impl Outline {
    fn from_table(table: Option<&Table>) -> Outline {
        let mut o = Outline::default();
        let Some(t) = table else { return o };
        for q in &t.loose {
            o.questions.push(QuestionSlot {
                name: q.name.clone(),
                heading: None,
                heading_line: None,
                pillar: None,
                row: Some(q.clone()),
            });
        }
        for (p, pillar) in t.pillars.iter().enumerate() {
            o.pillars.push(PillarSlot {
                name: pillar.row.name.clone(),
                row: Some(pillar.row.clone()),
                heading_line: None,
            });
            for q in &pillar.questions {
                o.questions.push(QuestionSlot {
                    name: q.name.clone(),
                    heading: None,
                    heading_line: None,
                    pillar: Some(p),
                    row: Some(q.clone()),
                });
            }
        }
        o
    }

    fn pillar_for(&mut self, text: &str, line: usize, fallback: bool) -> Option<usize> {
        if let Some(p) = self
            .pillars
            .iter()
            .position(|p| p.heading_line.is_none() && p.name.eq_ignore_ascii_case(text))
        {
            self.pillars[p].heading_line = Some(line);
            return Some(p);
        }
        let name = PILLARS.iter().find(|n| n.eq_ignore_ascii_case(text))?;
        if !fallback || self.pillars.iter().any(|p| p.name == *name) {
            return None;
        }
        self.pillars.push(PillarSlot {
            name: name.to_string(),
            row: None,
            heading_line: Some(line),
        });
        Some(self.pillars.len() - 1)
    }

    fn question_for(
        &mut self,
        text: &str,
        graded: bool,
        pillar: Option<usize>,
        line: usize,
        have_table: bool,
    ) -> Option<usize> {
        let free = |q: &QuestionSlot| q.heading.is_none();
        let found = self
            .questions
            .iter()
            .position(|q| free(q) && names::same(&q.name, text))
            .or_else(|| {
                graded
                    .then(|| {
                        self.questions
                            .iter()
                            .position(|q| free(q) && names::similar(&q.name, text))
                    })
                    .flatten()
            });
        let q = match found {
            Some(q) => q,
            None if graded => {
                if have_table {
                    self.unmatched.push((line, text.to_string()));
                }
                self.questions.push(QuestionSlot {
                    name: text.to_string(),
                    heading: None,
                    heading_line: None,
                    pillar,
                    row: None,
                });
                self.questions.len() - 1
            }
            None => return None,
        };
        self.questions[q].heading = Some(text.to_string());
        self.questions[q].heading_line = Some(line);
        Some(q)
    }
}

/// Cuts the blocks into sections.
pub fn outline(blocks: &[Block], table: Option<&Table>) -> Outline {
    let mut o = Outline::from_table(table);
    let mut sections = vec![Section {
        kind: Kind::Front,
        start: 0,
        end: blocks.len(),
    }];
    let mut pillar = None;
    for (i, b) in blocks.iter().enumerate() {
        if sections.last().is_some_and(|s| s.kind == Kind::Annex) {
            break;
        }
        if !b.is_heading_like() {
            continue;
        }
        let t = b.text();
        let line = b.first_no();
        let kind = if is_annex(&t) {
            Some(Kind::Annex)
        } else if is_observations_heading(&t) {
            Some(Kind::Observations)
        } else if let Some(p) = o.pillar_for(&t, line, table.is_none()) {
            pillar = Some(p);
            Some(Kind::Pillar(p))
        } else if t.ends_with('?') {
            None
        } else {
            o.question_for(&t, graded_next(blocks, i), pillar, line, table.is_some())
                .map(Kind::Question)
        };
        if let Some(kind) = kind {
            if let Some(last) = sections.last_mut() {
                last.end = i;
            }
            sections.push(Section {
                kind,
                start: i,
                end: blocks.len(),
            });
        }
    }
    o.sections = sections;
    o
}
