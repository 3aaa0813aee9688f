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

pub mod figures;
pub mod followups;
pub mod front;
pub mod grades;
pub mod ids;
pub mod lists;
pub mod names;
pub mod sections;
pub mod text;

use std::fmt;
use std::sync::LazyLock;

use inspection_core::{
    AreaForImprovement, CarriedOver, CauseOfConcern, Comparator, Figure, FollowUp, Grade,
    GradeScale, Inspection, Judgment, JudgmentLevel, ManifestEntry, Note, Observations, Programme,
    Published, Source, SCHEMA_VERSION,
};
use regex::Regex;

use figures::short;
use followups::Unit;
use sections::{Kind, Outline, Section};
use text::{Block, Line};

/// What the caller knows that the text does not say.
#[derive(Debug, Clone)]
pub struct Options {
    /// Id of the inspection, e.g. "gwent-peel-2018-19".
    pub id: String,
    /// Id of the force in the manifest, e.g. "gwent".
    pub force: String,
    /// File name of the source text, recorded in `sources[0].file`.
    pub source_file: String,
}

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

    fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            line,
            end_line: None,
            message: message.into(),
            essential: false,
        });
    }

    fn essential_problem(&mut self, line: usize, message: impl Into<String>) {
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

/// The manifest entry that lists an imported inspection (for `index.json`).
pub fn manifest_entry(ins: &Inspection, file: &str) -> ManifestEntry {
    ManifestEntry::for_inspection(ins, file)
}

static CARRIED_OVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bjudgments? from (?:the|our) (((?:19|20)\d\d)(?:/\d\d)? \w+ inspection) (?:has|have) been carried (?:over|forward)|\bcarried (?:over|forward) (?:our|the) judgments? from (?:the|our) (((?:19|20)\d\d)(?:/\d\d)? \w+ inspection)")
        .expect("valid regex")
});

/// Sentences that open the detailed findings, after which no summary is taken.
fn is_findings_marker(text: &str) -> bool {
    text.to_lowercase()
        .starts_with("we set out our detailed findings")
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

/// Ids of the judgment slots, by outline index.
#[derive(Default)]
struct Slots {
    pillar_ids: Vec<String>,
    question_ids: Vec<String>,
}

/// What one pillar or question section said, gathered before the judgments are built.
#[derive(Default, Clone)]
struct SectionFacts {
    question: Option<String>,
    grade: Option<(Grade, usize)>,
    summary: Option<String>,
    carried_over: Option<(CarriedOver, usize)>,
    /// Paragraphs of the section (for carried-over summaries in pillar sections).
    paragraphs: Vec<String>,
    afis: usize,
    causes: usize,
}

struct Builder {
    options: Options,
    ids: ids::Ids,
    report: Report,
    source_id: String,
    title: String,
    period: String,
    programme: Programme,
    publisher: &'static str,
    published: Option<Published>,
    slots: Slots,
    pillar_facts: Vec<SectionFacts>,
    question_facts: Vec<SectionFacts>,
    afis: Vec<AreaForImprovement>,
    causes: Vec<CauseOfConcern>,
    follow_ups: Vec<FollowUp>,
    figures: Vec<Figure>,
    msg: Vec<String>,
    observations: Option<Observations>,
    notes: Vec<Note>,
}

impl Builder {
    fn new(options: &Options) -> Builder {
        Builder {
            options: options.clone(),
            ids: ids::Ids::default(),
            report: Report::default(),
            source_id: String::new(),
            title: String::new(),
            period: String::new(),
            programme: Programme::Peel,
            publisher: "HMICFRS",
            published: None,
            slots: Slots::default(),
            pillar_facts: Vec::new(),
            question_facts: Vec::new(),
            afis: Vec::new(),
            causes: Vec::new(),
            follow_ups: Vec::new(),
            figures: Vec::new(),
            msg: Vec::new(),
            observations: None,
            notes: Vec::new(),
        }
    }

    fn front_matter(&mut self, blocks: &[Block], lines: &[Line], input: &str) -> Result<(), Fatal> {
        let (title, line) = front::title(blocks).ok_or_else(|| {
            Fatal("no title found: expected the report's title lines at the top of the text".into())
        })?;
        let period = front::period(&title).ok_or_else(|| {
            Fatal(format!(
                "no inspection period (such as 2018/19) in the title {:?} (line {line})",
                short(&title)
            ))
        })?;
        self.report
            .placed
            .push(format!("title \"{title}\" (line {line}), period {period}"));
        self.source_id = self.ids.claim(&format!("report-{}", ids::slug(&period)));
        self.programme = if title.to_lowercase().contains("peel")
            || title
                .to_lowercase()
                .contains("effectiveness, efficiency and legitimacy")
        {
            Programme::Peel
        } else {
            Programme::Thematic
        };
        self.publisher = front::publisher(input);
        match front::published(lines) {
            Some((date, basis, no)) => {
                self.report.placed.push(format!(
                    "publication date {date} from the footer (line {no})"
                ));
                self.published = Some(Published {
                    date,
                    basis,
                    source: self.source_id.clone(),
                });
            }
            None => self.report.problem(
                0,
                "no publication date: expected a footer such as 'February 2020 | © HMICFRS 2020'",
            ),
        }
        self.title = title;
        self.period = period;
        Ok(())
    }

    /// Claims ids for every pillar and question the outline knows, table order first.
    fn judgment_slots(&mut self, o: &Outline) {
        for p in &o.pillars {
            let id = self.ids.claim(&ids::slug(&p.name));
            self.slots.pillar_ids.push(id);
        }
        for q in &o.questions {
            let id = self.ids.claim(&ids::slug(&q.name));
            self.slots.question_ids.push(id);
        }
        self.pillar_facts = vec![SectionFacts::default(); o.pillars.len()];
        self.question_facts = vec![SectionFacts::default(); o.questions.len()];
        for (line, heading) in &o.unmatched {
            self.report.problem(
                *line,
                format!("section '{heading}' has a grade but no row in the grades table; added as a question without a last-inspected year"),
            );
        }
    }

    fn section(&mut self, blocks: &[Block], s: &Section, o: &Outline) {
        let body_start = if s.kind == Kind::Front {
            0
        } else {
            s.start + 1
        };
        let body = &blocks[body_start.min(s.end)..s.end];
        match s.kind {
            Kind::Front => self.front_section(body),
            Kind::Pillar(p) => {
                let name = o.pillars[p].name.clone();
                let id = self.slots.pillar_ids[p].clone();
                let facts = self.judgment_body(body, &id, &format!("{name} – Force in context"));
                self.pillar_facts[p] = facts;
            }
            Kind::Question(q) => {
                let id = self.slots.question_ids[q].clone();
                let group = o.questions[q]
                    .pillar
                    .map(|p| format!("{} – Force in context", o.pillars[p].name))
                    .unwrap_or_else(|| "Force in context".to_string());
                let facts = self.judgment_body(body, &id, &group);
                self.question_facts[q] = facts;
            }
            Kind::Observations => self.observations_section(body, blocks.get(s.start)),
            Kind::Annex => {
                let (a, z) = (
                    blocks[s.start].first_no(),
                    blocks[..s.end].last().map_or(0, Block::last_no),
                );
                self.report.skipped.push(format!("lines {a}–{z} (annex)"));
            }
        }
    }

    fn front_section(&mut self, body: &[Block]) {
        if let Some((forces, line)) = front::most_similar_forces(body) {
            self.report.placed.push(format!(
                "{} most similar forces (line {line})",
                forces.len()
            ));
            self.msg = forces;
        }
        let mut k = 0;
        while k < body.len() {
            let b = &body[k];
            let t = b.text();
            if figures::is_heading(&t) {
                k = self.figure_region(body, k, "Force in context");
                continue;
            }
            if lists::is_afi_heading(&t) || lists::is_cause_heading(&t) {
                self.report.essential_problem(
                    b.first_no(),
                    format!("'{t}' before any pillar or question section: no judgment to place it under"),
                );
            } else if b.has_cells() {
                self.unread_table(b);
            }
            k += 1;
        }
    }

    /// Tabbed rows that belong to no table the importer reads.
    fn unread_table(&mut self, b: &Block) {
        let first: Vec<&str> = b.lines[0]
            .cells
            .iter()
            .map(String::as_str)
            .filter(|c| !c.is_empty())
            .collect();
        self.report.problems.push(Problem {
            line: b.first_no(),
            end_line: Some(b.last_no()),
            message: format!(
                "table '{}' is not one the importer reads",
                short(&first.join(" | "))
            ),
            essential: false,
        });
    }

    /// Reads a 'Force in context' region starting at the heading `body[k]`; returns the
    /// index after it. The region ends at the next heading that is a question (ending in
    /// '?'), a new 'Force in context', or a prose paragraph.
    fn figure_region(&mut self, body: &[Block], k: usize, default_group: &str) -> usize {
        let mut end = k + 1;
        while end < body.len() {
            let b = &body[end];
            let t = b.text();
            let prose = !b.has_cells() && b.lines.iter().any(|l| l.text.chars().count() > 150);
            if t.ends_with('?') || figures::is_heading(&t) || prose || lists::is_afi_heading(&t) {
                break;
            }
            end += 1;
        }
        let (drafts, unplaced) = figures::read(&body[k + 1..end], default_group);
        for u in unplaced {
            self.report.problem(u.line, u.what);
        }
        for d in drafts {
            let Some(period) = d.period.clone() else {
                self.report.problem(
                    d.line,
                    format!(
                        "figure '{}' has no period (no period row, line or date)",
                        d.name
                    ),
                );
                continue;
            };
            let id = self.ids.claim(&ids::slug(&d.name));
            self.figures.push(Figure {
                id,
                group: Some(d.group),
                name: d.name,
                unit: d.unit,
                value: d.value,
                value_label: d.value_label,
                comparators: d
                    .comparators
                    .into_iter()
                    .map(|(label, value, unit)| Comparator {
                        label,
                        value,
                        unit: (unit != d.unit).then_some(unit),
                    })
                    .collect(),
                period,
                source: self.source_id.clone(),
            });
        }
        end
    }

    /// Reads a pillar's or question's section body: its grade, question wording, summary,
    /// areas for improvement, causes of concern, follow-ups and figures.
    fn judgment_body(&mut self, body: &[Block], judgment: &str, group: &str) -> SectionFacts {
        let mut facts = SectionFacts::default();
        let mut units = Vec::new();
        // The summary is the first paragraph after the grade (and after a 'Summary'
        // heading), before the detailed findings.
        let mut summary_open = true;
        let mut k = 0;
        while k < body.len() {
            let b = &body[k];
            let t = b.text();
            if figures::is_heading(&t) {
                k = self.figure_region(body, k, group);
                continue;
            }
            if lists::is_afi_heading(&t) {
                summary_open = false;
                k = self.afi_list(body, k, judgment, &mut facts);
                continue;
            }
            if lists::is_cause_heading(&t) {
                summary_open = false;
                let (cause, next) = lists::read_cause(body, k);
                self.add_cause(cause, judgment, &mut facts);
                k = next;
                continue;
            }
            if lists::starts_list(b) {
                let (items, next) = lists::read_list(body, k);
                units.push(Unit::List { items });
                k = next;
                continue;
            }
            k += 1;
            if b.has_cells() {
                self.unread_table(b);
            } else if b.is_number_only() {
                // A page number left between paragraphs.
            } else if b.is_single_line() && grades::grade_word(&t).is_some() {
                if facts.grade.is_none() {
                    facts.grade = grades::grade_word(&t).map(|g| (g, b.first_no()));
                }
            } else if t.ends_with('?') && b.is_heading_like() {
                facts.question.get_or_insert(t);
            } else if b.is_heading_like() {
                // A sub-heading ('Summary', 'Investigation quality'): nothing to place.
            } else {
                if is_findings_marker(&t) {
                    summary_open = false;
                }
                self.carried_over(&t, b.first_no(), &mut facts);
                let is_statement = facts
                    .carried_over
                    .as_ref()
                    .is_some_and(|(c, l)| *l == b.first_no() && t.contains(&c.statement));
                let mentions = t.to_lowercase().contains("area for improvement")
                    || t.to_lowercase().contains("areas for improvement");
                if summary_open && facts.summary.is_none() && !is_statement && !mentions {
                    facts.summary = Some(t.clone());
                }
                facts.paragraphs.push(t.clone());
                units.push(Unit::Para {
                    sentences: text::sentences(&t),
                    line: b.first_no(),
                });
            }
        }
        if facts.grade.is_none() {
            // Ungraded sections (e.g. 'Armed policing') open with context, not a summary.
            facts.summary = None;
        }
        self.add_follow_ups(&units, judgment);
        facts
    }

    fn afi_list(
        &mut self,
        body: &[Block],
        k: usize,
        judgment: &str,
        facts: &mut SectionFacts,
    ) -> usize {
        let heading_line = body[k].first_no();
        let (mut items, mut next) = lists::read_list(body, k + 1);
        if items.is_empty() {
            (items, next) = lists::read_paragraph_list(body, k + 1);
        }
        if items.is_empty() {
            self.report.essential_problem(
                heading_line,
                "'Areas for improvement' heading with no list after it",
            );
            return k + 1;
        }
        self.report.afi_lists += 1;
        for item in items {
            if item.text.trim().is_empty() {
                self.report.problem(item.line, "empty area for improvement");
                continue;
            }
            // Numbered within the judgment, across all of its lists.
            let id = self
                .ids
                .claim(&format!("afi-{judgment}-{}", facts.afis + 1));
            self.afis.push(AreaForImprovement {
                id,
                judgment: judgment.to_string(),
                text: item.text,
                parts: item.parts,
                source: self.source_id.clone(),
            });
            facts.afis += 1;
        }
        next
    }

    fn add_cause(&mut self, cause: lists::Cause, judgment: &str, facts: &mut SectionFacts) {
        if cause.text.trim().is_empty() {
            self.report.essential_problem(
                cause.line,
                "'Cause of concern' heading with no statement after it",
            );
            return;
        }
        if cause.recommendations.is_empty() {
            self.report.problem(
                cause.line,
                "cause of concern without recommendations (none found after it)",
            );
        }
        let id = self
            .ids
            .claim(&format!("coc-{judgment}-{}", facts.causes + 1));
        self.causes.push(CauseOfConcern {
            id,
            judgment: judgment.to_string(),
            text: cause.text,
            recommendations: cause.recommendations,
            source: self.source_id.clone(),
        });
        facts.causes += 1;
    }

    fn carried_over(&mut self, paragraph: &str, line: usize, facts: &mut SectionFacts) {
        if facts.carried_over.is_some() {
            return;
        }
        for sentence in text::sentences(paragraph) {
            if let Some(c) = CARRIED_OVER.captures(&sentence) {
                let (from, year) = match (c.get(1), c.get(2)) {
                    (Some(f), Some(y)) => (f.as_str(), y.as_str()),
                    _ => (&c[3], &c[4]),
                };
                facts.carried_over = Some((
                    CarriedOver {
                        from: from.to_string(),
                        year: year.to_string(),
                        statement: sentence.clone(),
                    },
                    line,
                ));
                return;
            }
        }
    }

    fn add_follow_ups(&mut self, units: &[Unit], judgment: &str) {
        for (n, d) in followups::find(units).into_iter().enumerate() {
            let id = self.ids.claim(&format!("fu-{judgment}-{}", n + 1));
            if d.unread {
                self.report.problem(
                    d.line,
                    format!(
                        "no status found for the earlier item \"{}\"; recorded as unknown",
                        short(&d.status_text)
                    ),
                );
            }
            if d.interpreted {
                let what = format!(
                    "\"{}\" read as {}",
                    short(&d.status_text),
                    serde_json::to_string(&d.status)
                        .unwrap_or_default()
                        .trim_matches('"')
                );
                self.report.interpreted.push((d.line, what.clone()));
                self.note(
                    &format!("note-status-{id}"),
                    format!("Status mapping (importer): {what}; the report does not say plainly whether the item was met."),
                    vec![id.clone()],
                );
            }
            self.follow_ups.push(FollowUp {
                id,
                subject: d.subject,
                text: d.text,
                origin: d.origin,
                status_text: d.status_text,
                status: d.status,
                judgment: judgment.to_string(),
                refers_to: None,
                continued_by: None,
                source: self.source_id.clone(),
            });
        }
    }

    fn observations_section(&mut self, body: &[Block], heading: Option<&Block>) {
        let line = heading.map_or(0, Block::first_no);
        let o = front::observations(body);
        if o.paragraphs.is_empty() {
            self.report.problem(
                line,
                "HM Inspector's observations heading with no paragraphs",
            );
            return;
        }
        let (author, role) = match (o.author, o.role) {
            (Some(a), Some(r)) => (a, r),
            _ => {
                self.report.problem(
                    line,
                    "HM Inspector's observations: no signature (name and role) found; author recorded as 'not named in the text'",
                );
                ("not named in the text".into(), "HM Inspector".into())
            }
        };
        self.report.observation_paragraphs = Some(o.paragraphs.len());
        self.observations = Some(Observations {
            author,
            role,
            paragraphs: o.paragraphs,
            source: self.source_id.clone(),
        });
    }

    fn note(&mut self, id: &str, text: String, about: Vec<String>) {
        let id = self.ids.claim(id);
        self.report.notes.push(text.clone());
        self.notes.push(Note {
            id,
            text,
            about,
            sources: vec![self.source_id.clone()],
        });
    }

    /// Builds one question's judgment, recording disagreements between the table and the
    /// section as notes.
    fn question_judgment(&mut self, o: &Outline, q: usize, level: JudgmentLevel) -> Judgment {
        let slot = &o.questions[q];
        let id = self.slots.question_ids[q].clone();
        let facts = self.question_facts[q].clone();
        let table_grade = slot.row.as_ref().map(|r| r.grade);
        let text_grade = facts.grade.map(|g| g.0);
        if let (Some(a), Some(b)) = (table_grade, text_grade) {
            if a != b {
                let line = facts.grade.map_or(0, |g| g.1);
                self.report.problem(line, format!("'{}': the section's grade ({}) differs from the grades table ({}); the table's grade is used and the difference recorded as a note", slot.name, b.label(), a.label()));
                self.note(
                    &format!("note-grade-{id}"),
                    format!(
                        "'{}': the grades table says {}, the section heading says {}.",
                        slot.name,
                        a.label(),
                        b.label()
                    ),
                    vec![id.clone()],
                );
            }
        }
        if let Some(heading) = &slot.heading {
            if heading.to_lowercase() != slot.name.to_lowercase() {
                self.note(
                    &format!("note-name-{id}"),
                    format!("Names vary within the report: '{}' (grades table) is headed '{}' in its section.", slot.name, heading),
                    vec![id.clone()],
                );
            }
        } else if slot.row.is_some() {
            self.report.problem(0, format!("no section found for '{}': its areas for improvement and follow-ups, if any, are not placed", slot.name));
        }
        let last_inspected = slot.row.as_ref().and_then(|r| r.last_inspected.clone());
        let carried = facts.carried_over.clone().map(|(c, line)| {
            self.report.carried_over += 1;
            if let Some(li) = &last_inspected {
                if !li.starts_with(&c.year) {
                    self.report.problem(line, format!("'{}': the grades table says last inspected {li}, the text says the judgment was carried over from the {}; both recorded, with a note", slot.name, c.from));
                    self.note(
                        &format!("note-carried-over-{id}"),
                        format!("'{}': the grades table gives 'Last inspected' as {li}, but the text says: \"{}\"", slot.name, c.statement),
                        vec![id.clone()],
                    );
                }
            }
            c
        });
        let summary = facts.summary.clone().or_else(|| {
            // A carried-over question's own section holds only the carried-over statement;
            // the pillar summary says the grade in a sentence before the same statement.
            let pillar = slot.pillar?;
            let year = &carried.as_ref()?.year;
            self.pillar_facts[pillar]
                .paragraphs
                .iter()
                .find(|p| CARRIED_OVER.is_match(p) && p.contains(year.as_str()))
                .map(|p| {
                    text::sentences(p)
                        .into_iter()
                        .filter(|s| {
                            !CARRIED_OVER.is_match(s)
                                && !s.contains("not subject to detailed inspection")
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .filter(|s| !s.is_empty())
        });
        Judgment {
            id,
            level,
            name: slot.name.clone(),
            question: None,
            grade: table_grade.or(text_grade),
            last_inspected,
            carried_over: carried,
            summary,
            source: self.source_id.clone(),
            children: Vec::new(),
        }
    }

    fn judgments(&mut self, o: &Outline) -> Vec<Judgment> {
        let mut pillars: Vec<Judgment> = Vec::new();
        for (p, slot) in o.pillars.iter().enumerate() {
            let facts = self.pillar_facts[p].clone();
            let grade = slot
                .row
                .as_ref()
                .map(|r| r.grade)
                .or(facts.grade.map(|g| g.0));
            if slot.heading_line.is_none() {
                self.report
                    .problem(0, format!("no section found for the {} pillar", slot.name));
            }
            pillars.push(Judgment {
                id: self.slots.pillar_ids[p].clone(),
                level: JudgmentLevel::Pillar,
                name: slot.name.clone(),
                question: facts.question,
                grade,
                last_inspected: None,
                carried_over: None,
                summary: facts.summary,
                source: self.source_id.clone(),
                children: Vec::new(),
            });
        }
        let mut top = Vec::new();
        let loose_level = if o.pillars.is_empty() {
            JudgmentLevel::Area
        } else {
            JudgmentLevel::Question
        };
        for q in 0..o.questions.len() {
            match o.questions[q].pillar {
                Some(p) => {
                    let j = self.question_judgment(o, q, JudgmentLevel::Question);
                    pillars[p].children.push(j);
                }
                None => top.push(self.question_judgment(o, q, loose_level)),
            }
        }
        self.report.pillars = pillars.len();
        self.report.questions = o.questions.len();
        top.extend(pillars);
        top
    }

    /// Checks what `--strict` requires: an AFI list, and one for every question that the
    /// report grades below good in this inspection.
    fn check_essentials(&mut self, judgments: &[Judgment]) {
        if self.afis.is_empty() && self.report.afi_lists == 0 {
            self.report
                .essential_problem(0, "no 'Areas for improvement' list found");
        }
        let all = judgments
            .iter()
            .flat_map(|j| std::iter::once(j).chain(j.children.iter()));
        let mut missing = Vec::new();
        for j in all {
            let below_good = matches!(
                j.grade,
                Some(Grade::RequiresImprovement | Grade::Inadequate)
            );
            let this_period = j.last_inspected.as_deref().is_none_or(|y| y == self.period);
            let has = |id: &str| {
                self.afis.iter().any(|a| a.judgment == id)
                    || self.causes.iter().any(|c| c.judgment == id)
            };
            if j.level != JudgmentLevel::Pillar && below_good && this_period && !has(&j.id) {
                missing.push(j.name.clone());
            }
        }
        for name in missing {
            self.report.essential_problem(0, format!("'{name}' is graded below good in this inspection but no 'Areas for improvement' list or cause of concern was placed under it"));
        }
    }

    fn finish(mut self, o: &Outline) -> Result<Imported, Fatal> {
        let judgments = self.judgments(o);
        self.check_essentials(&judgments);
        let scale = if judgments.is_empty() && self.programme == Programme::Thematic {
            GradeScale::None
        } else if judgments
            .iter()
            .flat_map(|j| std::iter::once(j).chain(j.children.iter()))
            .any(|j| j.grade == Some(Grade::Adequate))
        {
            GradeScale::FivePoint
        } else {
            GradeScale::FourPoint
        };
        self.report.afis = self.afis.len();
        self.report.causes = self.causes.len();
        self.report.follow_ups = self.follow_ups.len();
        self.report.figures = self.figures.len();
        self.report.most_similar_forces = self.msg.len();
        let inspection = Inspection {
            schema_version: SCHEMA_VERSION,
            synthetic: false,
            id: self.options.id.clone(),
            force: self.options.force.clone(),
            title: self.title.clone(),
            programme: self.programme,
            period: self.period.clone(),
            published: self.published.clone(),
            scale,
            sources: vec![Source {
                id: self.source_id.clone(),
                title: self.title.clone(),
                publisher: self.publisher.to_string(),
                file: self.options.source_file.clone(),
                date: self.published.as_ref().map(|p| p.date.clone()),
                url: None,
            }],
            judgments,
            areas_for_improvement: self.afis,
            causes_of_concern: self.causes,
            follow_ups: self.follow_ups,
            findings: Vec::new(),
            quotes: Vec::new(),
            figures: self.figures,
            most_similar_forces: self.msg,
            observations: self.observations,
            notes: self.notes,
            cy: Default::default(),
        };
        let errors = inspection_core::validate::validate_inspection("import", &inspection);
        if let Some(e) = errors.first() {
            return Err(Fatal(format!(
                "internal error: the imported data does not validate ({e}); please report this with the input"
            )));
        }
        Ok(Imported {
            inspection,
            report: self.report,
        })
    }
}
