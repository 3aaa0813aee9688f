//! The account of an import: what was placed, read by interpretation, or could not be placed.

use std::fmt;

use inspection_core::Inspection;

/// A finished import: the inspection and the account of how it was read.
#[derive(Debug, Clone)]
pub struct Imported {
    pub inspection: Inspection,
    pub report: Report,
}

/// Why no inspection file could be made at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fatal(pub String);

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Fatal {}

/// Something the importer recognised but could not place, or found missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// First input line concerned (0 when the problem is an absence).
    pub line: usize,
    /// Last input line, when a range is concerned.
    pub end_line: Option<usize>,
    pub message: String,
    /// Missing something `--strict` requires: the grades table or an AFI list.
    pub essential: bool,
}

/// The account of an import, printed to stderr by the command.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// One line per kind of thing placed, e.g. `title "…" (line 3)`.
    pub placed: Vec<String>,
    /// Counts for the summary line.
    pub pillars: usize,
    pub questions: usize,
    pub afis: usize,
    pub afi_lists: usize,
    pub causes: usize,
    pub follow_ups: usize,
    pub carried_over: usize,
    pub figures: usize,
    pub most_similar_forces: usize,
    pub observation_paragraphs: Option<usize>,
    /// Readings that are interpretations (each also recorded as a note in the file).
    pub interpreted: Vec<(usize, String)>,
    /// Disagreements in the source recorded as notes.
    pub notes: Vec<String>,
    pub problems: Vec<Problem>,
    /// Parts of the text deliberately not imported, e.g. "lines 11–37 (contents)".
    pub skipped: Vec<String>,
}

impl Report {
    /// The problems that make `--strict` fail.
    pub fn essential(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.essential)
    }

    pub(super) fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            line,
            end_line: None,
            message: message.into(),
            essential: false,
        });
    }

    pub(super) fn essential_problem(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            line,
            end_line: None,
            message: message.into(),
            essential: true,
        });
    }

    /// The summary line: "placed: 3 pillars, 10 questions, …".
    pub fn summary(&self) -> String {
        let mut parts = vec![
            format!("{} pillars", self.pillars),
            format!("{} questions", self.questions),
            format!(
                "{} areas for improvement ({} lists)",
                self.afis, self.afi_lists
            ),
            format!("{} causes of concern", self.causes),
            format!("{} follow-ups", self.follow_ups),
            format!("{} carried-over statements", self.carried_over),
            format!("{} figures", self.figures),
            format!("{} most similar forces", self.most_similar_forces),
        ];
        parts.push(match self.observation_paragraphs {
            Some(n) => format!("observations ({n} paragraphs)"),
            None => "no observations".to_string(),
        });
        format!("placed: {}", parts.join(", "))
    }

    /// The whole report as printed.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for p in &self.placed {
            out.push_str(&format!("placed: {p}\n"));
        }
        out.push_str(&self.summary());
        out.push('\n');
        for (line, what) in &self.interpreted {
            out.push_str(&format!("interpreted: line {line}: {what}\n"));
        }
        for n in &self.notes {
            out.push_str(&format!("note: {n}\n"));
        }
        for p in &self.problems {
            let place = match (p.line, p.end_line) {
                (0, _) => String::new(),
                (a, Some(b)) if b > a => format!("lines {a}–{b}: "),
                (a, _) => format!("line {a}: "),
            };
            let tag = if p.essential { " [essential]" } else { "" };
            out.push_str(&format!("could not place: {place}{}{tag}\n", p.message));
        }
        for s in &self.skipped {
            out.push_str(&format!("skipped: {s}\n"));
        }
        out
    }
}
