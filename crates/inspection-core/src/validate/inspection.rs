//! Semantic checks on one inspection file: ids, references within the file, grades on scale.

use std::collections::HashSet;

use super::checks::Checks;
use super::error::{json, show, DataError};
use super::rules::{id_problem, url_problem, ID_RULE};
use crate::grade::GradeScale;
use crate::model::{Inspection, Judgment, JudgmentLevel};

/// Semantic checks on one inspection file: ids, references within the file, grades on scale.
pub fn validate_inspection(file: &str, ins: &Inspection) -> Vec<DataError> {
    let mut check = InspectionCheck {
        checks: Checks::new(file),
        ins,
        sources: ins.sources.iter().map(|s| s.id.as_str()).collect(),
        judgments: HashSet::new(),
    };
    check.head();
    check.sources();
    check.judgments();
    check.improvements();
    check.evidence();
    check.notes();
    if !ins.cy.is_empty() {
        check.checks.welsh(
            &ins.cy,
            &crate::welsh::inspection_keys(ins),
            "this inspection or of an item in this file",
        );
    }
    check.checks.finish()
}

/// The checker of one inspection file.
struct InspectionCheck<'a> {
    checks: Checks<'a>,
    ins: &'a Inspection,
    /// Ids of the file's sources, which every `source` must name.
    sources: HashSet<&'a str>,
    /// Ids of the file's judgments at any depth, known once [`Self::judgments`] has run.
    judgments: HashSet<&'a str>,
}

impl<'a> InspectionCheck<'a> {
    /// The `source` at `path` names one of the file's sources.
    fn source(&mut self, path: String, source: &str) {
        if !self.sources.contains(source) {
            self.checks.error(
                path,
                format!(
                    "unknown source {}; expected the id of an entry in sources",
                    show(source)
                ),
            );
        }
    }

    /// The `judgment` at `path` names one of the file's judgments.
    fn judgment_ref(&mut self, path: String, id: &str) {
        if !self.judgments.contains(id) {
            self.checks.error(
                path,
                format!(
                    "unknown judgment {}; expected the id of a judgment in this file",
                    show(id)
                ),
            );
        }
    }

    /// The file's own fields.
    fn head(&mut self) {
        let ins = self.ins;
        self.checks.version(ins.schema_version);
        if let Some(problem) = id_problem(&ins.id) {
            self.checks.error(
                "id",
                format!(
                    "invalid inspection id {}: {problem}; {ID_RULE}",
                    show(&ins.id)
                ),
            );
        }
        for (field, value, what) in [
            ("title", &ins.title, "the inspection's title"),
            (
                "period",
                &ins.period,
                "the inspection period, e.g. \"2018/19\"",
            ),
            ("force", &ins.force, "the id of the inspected force"),
        ] {
            self.checks.filled(field, value, what);
        }
        if ins.sources.is_empty() {
            self.checks.error(
                "sources",
                "no sources; expected at least one source document",
            );
        }
    }

    /// The source documents, and the publication date that rests on one of them.
    fn sources(&mut self) {
        let ins = self.ins;
        for (i, s) in ins.sources.iter().enumerate() {
            self.checks.id(&s.id, format!("sources[{i}]"));
            self.checks.filled(
                format!("sources[{i}].title"),
                &s.title,
                "the document's title",
            );
            if let Some(url) = &s.url {
                if let Some(problem) = url_problem(url) {
                    self.checks.error(
                        format!("sources[{i}].url"),
                        format!(
                            "unsafe or malformed web address {}: {problem}; expected an http:// or https:// URL",
                            show(url)
                        ),
                    );
                }
            }
            if let Some(date) = &s.date {
                self.checks.date(format!("sources[{i}].date"), date);
            }
            if s.file.trim().is_empty() {
                self.checks.error(
                    format!("sources[{i}].file"),
                    "must name the source text file",
                );
            }
        }
        if let Some(p) = &ins.published {
            self.checks.date("published.date", &p.date);
            self.source("published.source".into(), &p.source);
        }
    }

    /// Every judgment, at any depth.
    fn judgments(&mut self) {
        let ins = self.ins;
        if ins.scale == GradeScale::None && !ins.judgments.is_empty() {
            self.checks.error(
                "judgments",
                "this inspection's scale is \"none\" (ungraded); expected no judgments",
            );
        }
        for (i, j) in ins.judgments.iter().enumerate() {
            self.judgment(j, format!("judgments[{i}]"), None);
        }
    }

    /// One judgment at `path` inside one of level `parent`, and the judgments inside it.
    fn judgment(&mut self, j: &'a Judgment, path: String, parent: Option<JudgmentLevel>) {
        self.checks.id(&j.id, path.clone());
        self.judgments.insert(j.id.as_str());
        self.checks.filled(
            format!("{path}.name"),
            &j.name,
            "the judgment's name as the report gives it",
        );
        self.source(format!("{path}.source"), &j.source);
        // On an ungraded inspection the judgments themselves are already reported.
        let scale = self.ins.scale;
        let graded = scale != GradeScale::None;
        if let Some(grade) = j.grade.filter(|g| graded && !scale.allows(*g)) {
            self.checks.error(
                format!("{path}.grade"),
                format!(
                    "grade {:?} is not on this inspection's {} scale; expected {}",
                    grade.slug(),
                    scale.slug(),
                    expected_grades(scale)
                ),
            );
        }
        let nesting_ok = matches!(
            (parent, j.level),
            (None, _) | (Some(JudgmentLevel::Pillar), JudgmentLevel::Question)
        );
        if !nesting_ok {
            self.checks.error(
                format!("{path}.level"),
                format!(
                    "a judgment of level {} cannot sit inside one of level {}; expected only \
                     \"question\" judgments inside a \"pillar\", and nothing inside a question or area",
                    json(&j.level),
                    json(&parent.expect("nesting is only wrong under a parent"))
                ),
            );
        }
        for (i, child) in j.children.iter().enumerate() {
            self.judgment(child, format!("{path}.children[{i}]"), Some(j.level));
        }
    }

    /// Areas for improvement, causes of concern and the follow-ups of earlier ones.
    fn improvements(&mut self) {
        let ins = self.ins;
        let mut afi_ids = HashSet::new();
        for (i, a) in ins.areas_for_improvement.iter().enumerate() {
            let p = format!("areas_for_improvement[{i}]");
            self.checks.id(&a.id, p.clone());
            afi_ids.insert(a.id.as_str());
            self.judgment_ref(format!("{p}.judgment"), &a.judgment);
            self.source(format!("{p}.source"), &a.source);
            self.checks.text(format!("{p}.text"), &a.text);
        }
        for (i, c) in ins.causes_of_concern.iter().enumerate() {
            let p = format!("causes_of_concern[{i}]");
            self.checks.id(&c.id, p.clone());
            self.judgment_ref(format!("{p}.judgment"), &c.judgment);
            self.source(format!("{p}.source"), &c.source);
            self.checks.text(format!("{p}.text"), &c.text);
        }
        for (i, f) in ins.follow_ups.iter().enumerate() {
            let p = format!("follow_ups[{i}]");
            self.checks.id(&f.id, p.clone());
            self.judgment_ref(format!("{p}.judgment"), &f.judgment);
            self.source(format!("{p}.source"), &f.source);
            self.checks.text(format!("{p}.text"), &f.text);
            if let Some(next) = &f.continued_by {
                if !afi_ids.contains(next.as_str()) {
                    self.checks.error(
                        format!("{p}.continued_by"),
                        format!("unknown area for improvement {}; expected the id of an entry in areas_for_improvement", show(next)),
                    );
                }
            }
        }
    }

    /// Findings, quotes, figures and the inspector's observations.
    fn evidence(&mut self) {
        let ins = self.ins;
        for (i, f) in ins.findings.iter().enumerate() {
            let p = format!("findings[{i}]");
            self.checks.id(&f.id, p.clone());
            if let Some(j) = &f.judgment {
                self.judgment_ref(format!("{p}.judgment"), j);
            }
            self.source(format!("{p}.source"), &f.source);
            self.checks.text(format!("{p}.text"), &f.text);
        }
        for (i, q) in ins.quotes.iter().enumerate() {
            let p = format!("quotes[{i}]");
            self.checks.id(&q.id, p.clone());
            self.source(format!("{p}.source"), &q.source);
            self.checks.text(format!("{p}.text"), &q.text);
        }
        for (i, f) in ins.figures.iter().enumerate() {
            let p = format!("figures[{i}]");
            self.checks.id(&f.id, p.clone());
            self.source(format!("{p}.source"), &f.source);
            if !f.value.is_finite() {
                self.checks
                    .error(format!("{p}.value"), "expected a finite number");
            }
        }
        if let Some(o) = &ins.observations {
            self.source("observations.source".into(), &o.source);
        }
    }

    /// Notes on the sources, and the items they are about.
    fn notes(&mut self) {
        let ins = self.ins;
        let known = all_ids(ins);
        for (i, n) in ins.notes.iter().enumerate() {
            let p = format!("notes[{i}]");
            self.checks.id(&n.id, p.clone());
            for (k, s) in n.sources.iter().enumerate() {
                self.source(format!("{p}.sources[{k}]"), s);
            }
            for (k, about) in n.about.iter().enumerate() {
                if !known.contains(about.as_str()) {
                    self.checks.error(
                        format!("{p}.about[{k}]"),
                        format!(
                            "unknown item {}; expected the id of an item in this file",
                            show(about)
                        ),
                    );
                }
            }
        }
    }
}

fn expected_grades(scale: GradeScale) -> String {
    let slugs: Vec<&str> = scale.grades().iter().map(|g| g.slug()).collect();
    if slugs.is_empty() {
        "no grades at all".into()
    } else {
        format!("one of {}", slugs.join(", "))
    }
}

fn all_ids(ins: &Inspection) -> HashSet<&str> {
    let mut out = HashSet::new();
    fn judgments<'a>(js: &'a [Judgment], out: &mut HashSet<&'a str>) {
        for j in js {
            out.insert(j.id.as_str());
            judgments(&j.children, out);
        }
    }
    judgments(&ins.judgments, &mut out);
    out.extend(ins.areas_for_improvement.iter().map(|x| x.id.as_str()));
    out.extend(ins.causes_of_concern.iter().map(|x| x.id.as_str()));
    out.extend(ins.follow_ups.iter().map(|x| x.id.as_str()));
    out.extend(ins.findings.iter().map(|x| x.id.as_str()));
    out.extend(ins.quotes.iter().map(|x| x.id.as_str()));
    out.extend(ins.figures.iter().map(|x| x.id.as_str()));
    out.extend(ins.notes.iter().map(|x| x.id.as_str()));
    out.extend(ins.sources.iter().map(|x| x.id.as_str()));
    out
}
