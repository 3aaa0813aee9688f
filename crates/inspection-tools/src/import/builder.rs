//! The builder an import fills as it reads: what the front matter and each section said,
//! and the items placed so far, until [`Builder::finish`] makes the inspection file of them.
//! Reading a section's body is in [`super::body`]; building the judgments in
//! [`super::judgments`].

use inspection_core::{
    AreaForImprovement, CarriedOver, CauseOfConcern, Comparator, Figure, FollowUp, Grade,
    GradeScale, Inspection, Note, Observations, Programme, Published, Source, SCHEMA_VERSION,
};

use super::figures::short;
use super::options::Options;
use super::report::{Fatal, Imported, Problem, Report};
use super::sections::{Kind, Outline, Section};
use super::text::{Block, Line};
use super::{figures, front, ids, lists};

/// Ids of the judgment slots, by outline index.
#[derive(Default)]
pub(super) struct Slots {
    pub(super) pillar_ids: Vec<String>,
    pub(super) question_ids: Vec<String>,
}

/// What one pillar or question section said, gathered before the judgments are built.
#[derive(Default, Clone)]
pub(super) struct SectionFacts {
    pub(super) question: Option<String>,
    pub(super) grade: Option<(Grade, usize)>,
    pub(super) summary: Option<String>,
    pub(super) carried_over: Option<(CarriedOver, usize)>,
    /// Paragraphs of the section (for carried-over summaries in pillar sections).
    pub(super) paragraphs: Vec<String>,
    pub(super) afis: usize,
    pub(super) causes: usize,
}

pub(super) struct Builder {
    pub(super) options: Options,
    pub(super) ids: ids::Ids,
    pub(super) report: Report,
    pub(super) source_id: String,
    pub(super) title: String,
    pub(super) period: String,
    pub(super) programme: Programme,
    pub(super) publisher: &'static str,
    pub(super) published: Option<Published>,
    pub(super) slots: Slots,
    pub(super) pillar_facts: Vec<SectionFacts>,
    pub(super) question_facts: Vec<SectionFacts>,
    pub(super) afis: Vec<AreaForImprovement>,
    pub(super) causes: Vec<CauseOfConcern>,
    pub(super) follow_ups: Vec<FollowUp>,
    pub(super) figures: Vec<Figure>,
    pub(super) msg: Vec<String>,
    pub(super) observations: Option<Observations>,
    pub(super) notes: Vec<Note>,
}

impl Builder {
    pub(super) fn new(options: &Options) -> Builder {
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

    pub(super) fn front_matter(
        &mut self,
        blocks: &[Block],
        lines: &[Line],
        input: &str,
    ) -> Result<(), Fatal> {
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
    pub(super) fn judgment_slots(&mut self, o: &Outline) {
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

    pub(super) fn section(&mut self, blocks: &[Block], s: &Section, o: &Outline) {
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
    pub(super) fn unread_table(&mut self, b: &Block) {
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
    pub(super) fn figure_region(&mut self, body: &[Block], k: usize, default_group: &str) -> usize {
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

    pub(super) fn note(&mut self, id: &str, text: String, about: Vec<String>) {
        let id = self.ids.claim(id);
        self.report.notes.push(text.clone());
        self.notes.push(Note {
            id,
            text,
            about,
            sources: vec![self.source_id.clone()],
        });
    }

    pub(super) fn finish(mut self, o: &Outline) -> Result<Imported, Fatal> {
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
