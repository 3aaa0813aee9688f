//! Building the judgments from the outline and what each section said, recording where the
//! grades table and the sections disagree.

use inspection_core::{CarriedOver, Grade, Judgment, JudgmentLevel};

use super::body::CARRIED_OVER;
use super::builder::Builder;
use super::sections::{Outline, QuestionSlot};
use super::text;

impl Builder {
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
                self.grades_differ(slot, &id, line, a, b);
            }
        }
        self.heading_differs(slot, &id);
        let last_inspected = slot.row.as_ref().and_then(|r| r.last_inspected.clone());
        let carried = facts.carried_over.clone().map(|(c, line)| {
            self.carried_over_from(slot, &id, &c, line, last_inspected.as_deref());
            c
        });
        let summary = facts
            .summary
            .clone()
            .or_else(|| self.pillar_summary(slot, carried.as_ref()?));
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

    /// The grades table says `a`, the question's section (at `line`) says `b`.
    fn grades_differ(&mut self, slot: &QuestionSlot, id: &str, line: usize, a: Grade, b: Grade) {
        self.report.problem(line, format!("'{}': the section's grade ({}) differs from the grades table ({}); the table's grade is used and the difference recorded as a note", slot.name, b.label(), a.label()));
        self.note(
            &format!("note-grade-{id}"),
            format!(
                "'{}': the grades table says {}, the section heading says {}.",
                slot.name,
                a.label(),
                b.label()
            ),
            vec![id.to_string()],
        );
    }

    /// Notes a section headed otherwise than its row of the grades table, or a row with no
    /// section.
    fn heading_differs(&mut self, slot: &QuestionSlot, id: &str) {
        if let Some(heading) = &slot.heading {
            if heading.to_lowercase() != slot.name.to_lowercase() {
                self.note(
                    &format!("note-name-{id}"),
                    format!("Names vary within the report: '{}' (grades table) is headed '{}' in its section.", slot.name, heading),
                    vec![id.to_string()],
                );
            }
        } else if slot.row.is_some() {
            self.report.problem(0, format!("no section found for '{}': its areas for improvement and follow-ups, if any, are not placed", slot.name));
        }
    }

    /// Counts a carried-over statement (at `line`), and notes where the grades table's
    /// last-inspected year disagrees with it.
    fn carried_over_from(
        &mut self,
        slot: &QuestionSlot,
        id: &str,
        c: &CarriedOver,
        line: usize,
        last_inspected: Option<&str>,
    ) {
        self.report.carried_over += 1;
        if let Some(li) = last_inspected {
            if !li.starts_with(&c.year) {
                self.report.problem(line, format!("'{}': the grades table says last inspected {li}, the text says the judgment was carried over from the {}; both recorded, with a note", slot.name, c.from));
                self.note(
                    &format!("note-carried-over-{id}"),
                    format!("'{}': the grades table gives 'Last inspected' as {li}, but the text says: \"{}\"", slot.name, c.statement),
                    vec![id.to_string()],
                );
            }
        }
    }

    /// A carried-over question's own section holds only the carried-over statement; the
    /// pillar summary says the grade in a sentence before the same statement.
    fn pillar_summary(&self, slot: &QuestionSlot, carried: &CarriedOver) -> Option<String> {
        let pillar = slot.pillar?;
        let year = &carried.year;
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
    }

    pub(super) fn judgments(&mut self, o: &Outline) -> Vec<Judgment> {
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
    pub(super) fn check_essentials(&mut self, judgments: &[Judgment]) {
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
}
