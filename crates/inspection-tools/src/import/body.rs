//! Reading the body of a pillar's or question's section: its grade, question wording,
//! summary, areas for improvement, causes of concern, carried-over statement and follow-ups.

use std::sync::LazyLock;

use inspection_core::{AreaForImprovement, CarriedOver, CauseOfConcern, FollowUp};
use regex::Regex;

use super::builder::{Builder, SectionFacts};
use super::figures::short;
use super::followups::{self, Unit};
use super::text::{self, Block};
use super::{figures, grades, lists};

pub(super) static CARRIED_OVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bjudgments? from (?:the|our) (((?:19|20)\d\d)(?:/\d\d)? \w+ inspection) (?:has|have) been carried (?:over|forward)|\bcarried (?:over|forward) (?:our|the) judgments? from (?:the|our) (((?:19|20)\d\d)(?:/\d\d)? \w+ inspection)")
        .expect("valid regex")
});

/// Sentences that open the detailed findings, after which no summary is taken.
fn is_findings_marker(text: &str) -> bool {
    text.to_lowercase()
        .starts_with("we set out our detailed findings")
}

impl Builder {
    /// Reads a pillar's or question's section body: its grade, question wording, summary,
    /// areas for improvement, causes of concern, follow-ups and figures.
    pub(super) fn judgment_body(
        &mut self,
        body: &[Block],
        judgment: &str,
        group: &str,
    ) -> SectionFacts {
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
}
