//! The improvements list: a row for every area for improvement, cause of concern and
//! earlier item, each with its thread of follow-ups across inspections.

use std::collections::HashMap;

use super::order::{newest_first, period_start_year};
use super::source::SourceInfo;
use crate::grade::Grade;
use crate::model::*;
use crate::search::fold;
use crate::vocab::{AfiStatus, RowKind};

/// One step in an item's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadStep {
    /// Key of the row this step points at, when that row is in the list.
    pub row_key: Option<String>,
    pub inspection_title: String,
    pub period: String,
    /// What the step says: a status phrase, or the text of the linked item.
    pub text: String,
    pub status: Option<AfiStatus>,
    pub relation: Relation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// A later report's statement on this item.
    FollowedUp,
    /// A newer area for improvement that carries this one forward.
    ContinuedBy,
    /// The earlier item this one carries forward.
    Continues,
}

/// A row of the improvements list.
#[derive(Debug, Clone, PartialEq)]
pub struct ImprovementRow {
    /// Unique and stable: `<inspection id>/<item id>`. Also the element id anchor.
    pub key: String,
    pub kind: RowKind,
    pub text: String,
    pub parts: Vec<String>,
    pub recommendations: Vec<String>,
    pub inspection_id: String,
    pub inspection_title: String,
    pub period: String,
    pub judgment_id: String,
    pub judgment_name: String,
    pub pillar_id: Option<String>,
    pub pillar_name: Option<String>,
    /// Grade of the area it sits under (its pillar's when the area's own is not stated).
    pub area_grade: Option<Grade>,
    pub status: AfiStatus,
    /// Where an earlier item came from, as the report says.
    pub origin: Option<String>,
    pub thread: Vec<ThreadStep>,
    pub source: SourceInfo,
    /// Folded text the search runs over.
    pub haystack: String,
}

fn key(inspection: &str, item: &str) -> String {
    format!("{inspection}/{item}")
}

/// Parent pillar of a judgment, if it sits inside one.
fn parent_of<'a>(ins: &'a Inspection, id: &str) -> Option<&'a Judgment> {
    ins.judgments
        .iter()
        .find(|p| p.children.iter().any(|c| c.id == id))
}

struct Area {
    id: String,
    name: String,
    pillar_id: Option<String>,
    pillar_name: Option<String>,
    grade: Option<Grade>,
}

fn area(ins: &Inspection, judgment: &str) -> Area {
    let j = crate::model::find_judgment(ins, judgment);
    let parent = parent_of(ins, judgment);
    Area {
        id: judgment.to_string(),
        name: j.map_or_else(|| judgment.to_string(), |j| j.name.clone()),
        pillar_id: parent.map(|p| p.id.clone()),
        pillar_name: parent.map(|p| p.name.clone()),
        grade: j.and_then(|j| j.grade).or(parent.and_then(|p| p.grade)),
    }
}

/// Builds every row of the improvements list from the loaded inspections, newest first.
pub fn improvement_rows(
    manifest: &Manifest,
    loaded: &HashMap<String, Inspection>,
) -> Vec<ImprovementRow> {
    let mut threads = Threads::new(manifest, loaded);
    let mut rows = Vec::new();
    for entry in newest_first(manifest) {
        let Some(ins) = loaded.get(&entry.id) else {
            continue;
        };
        threads.push_rows(ins, &mut rows);
    }
    for row in &mut rows {
        row.haystack = haystack(row);
    }
    rows
}

/// The links between items of different inspections, gathered before any row is built.
struct Threads<'a> {
    /// Later follow-ups of each item, by the key of the item they refer to.
    follow_ups_of: HashMap<String, Vec<(&'a Inspection, &'a FollowUp)>>,
    /// What each AFI continues, by the AFI's key.
    continues: HashMap<String, Vec<ThreadStep>>,
}

impl<'a> Threads<'a> {
    fn new(manifest: &Manifest, loaded: &'a HashMap<String, Inspection>) -> Threads<'a> {
        let mut follow_ups_of: HashMap<String, Vec<(&Inspection, &FollowUp)>> = HashMap::new();
        for ins in loaded.values() {
            for f in &ins.follow_ups {
                if let Some(r) = &f.refers_to {
                    follow_ups_of
                        .entry(key(&r.inspection, &r.item))
                        .or_default()
                        .push((ins, f));
                }
            }
        }
        let mut continues: HashMap<String, Vec<ThreadStep>> = HashMap::new();
        for ins in loaded.values() {
            for f in &ins.follow_ups {
                if let Some(next) = &f.continued_by {
                    continues
                        .entry(key(&ins.id, next))
                        .or_default()
                        .push(continues_step(manifest, loaded, ins, f));
                }
            }
        }
        Threads {
            follow_ups_of,
            continues,
        }
    }

    /// The rows of one inspection: its causes of concern, its areas for improvement, then
    /// the earlier items it follows up that are not in the data themselves.
    fn push_rows(&mut self, ins: &Inspection, rows: &mut Vec<ImprovementRow>) {
        for c in &ins.causes_of_concern {
            let kind = RowKind::CauseOfConcern;
            let mut row = base_row(ins, kind, &c.id, &c.judgment, &c.text, &c.source);
            row.recommendations = c.recommendations.clone();
            let mut status = AfiStatus::Open;
            row.thread = self.follow_up_steps(&row.key, &mut status);
            row.status = status;
            rows.push(row);
        }
        for a in &ins.areas_for_improvement {
            let kind = RowKind::AreaForImprovement;
            let mut row = base_row(ins, kind, &a.id, &a.judgment, &a.text, &a.source);
            row.parts = a.parts.clone();
            let mut status = AfiStatus::Open;
            let mut thread = self.continues.remove(&row.key).unwrap_or_default();
            thread.extend(self.follow_up_steps(&row.key, &mut status));
            row.thread = thread;
            row.status = status;
            rows.push(row);
        }
        for f in ins.follow_ups.iter().filter(|f| f.refers_to.is_none()) {
            rows.push(earlier_row(ins, f));
        }
    }

    /// The later reports' statements on the row at `row_key`, oldest first; `status` becomes
    /// what the newest of them says.
    fn follow_up_steps(&self, row_key: &str, status: &mut AfiStatus) -> Vec<ThreadStep> {
        let mut steps = Vec::new();
        let mut later: Vec<&(&Inspection, &FollowUp)> = self
            .follow_ups_of
            .get(row_key)
            .map(|v| v.iter().collect())
            .unwrap_or_default();
        crate::sort::sort_by_key(&mut later, |(ins, _)| period_start_year(&ins.period));
        for (ins, f) in later {
            *status = AfiStatus::from_follow_up(f.status);
            steps.push(followed_up_step(ins, f));
            if let Some(next) = &f.continued_by {
                steps.push(continued_by_step(ins, next));
            }
        }
        steps
    }
}

/// The title and period of the inspection `id` as the manifest lists it.
fn title_of(manifest: &Manifest, id: &str) -> (String, String) {
    manifest
        .inspections
        .iter()
        .find(|e| e.id == id)
        .map(|e| (e.title.clone(), e.period.clone()))
        .unwrap_or_else(|| (id.to_string(), String::new()))
}

fn afi_text(ins: &Inspection, id: &str) -> String {
    ins.areas_for_improvement
        .iter()
        .find(|a| a.id == id)
        .map(|a| a.text.clone())
        .unwrap_or_default()
}

/// The statement `f` of the later report `ins` on an item.
fn followed_up_step(ins: &Inspection, f: &FollowUp) -> ThreadStep {
    ThreadStep {
        row_key: None,
        inspection_title: ins.title.clone(),
        period: ins.period.clone(),
        text: f.status_text.clone(),
        status: Some(AfiStatus::from_follow_up(f.status)),
        relation: Relation::FollowedUp,
    }
}

/// The area for improvement `next` of `ins`, which carries an item forward.
fn continued_by_step(ins: &Inspection, next: &str) -> ThreadStep {
    ThreadStep {
        row_key: Some(key(&ins.id, next)),
        inspection_title: ins.title.clone(),
        period: ins.period.clone(),
        text: afi_text(ins, next),
        status: None,
        relation: Relation::ContinuedBy,
    }
}

/// The earlier item that the follow-up `f` of `ins` says one of its areas for improvement
/// continues.
fn continues_step(
    manifest: &Manifest,
    loaded: &HashMap<String, Inspection>,
    ins: &Inspection,
    f: &FollowUp,
) -> ThreadStep {
    let (row_key, inspection_title, period, text) = match &f.refers_to {
        Some(r) => {
            let (t, p) = title_of(manifest, &r.inspection);
            let text = loaded
                .get(&r.inspection)
                .and_then(|i| i.areas_for_improvement.iter().find(|a| a.id == r.item))
                .map_or_else(|| f.text.clone(), |a| a.text.clone());
            (key(&r.inspection, &r.item), t, p, text)
        }
        None => (
            key(&ins.id, &f.id),
            f.origin.clone(),
            String::new(),
            f.text.clone(),
        ),
    };
    ThreadStep {
        row_key: Some(row_key),
        inspection_title,
        period,
        text,
        status: Some(AfiStatus::from_follow_up(f.status)),
        relation: Relation::Continues,
    }
}

/// A row of `ins` with what every kind of row has; the caller fills in the rest.
fn base_row(
    ins: &Inspection,
    kind: RowKind,
    item: &str,
    judgment: &str,
    text: &str,
    source: &str,
) -> ImprovementRow {
    let a = area(ins, judgment);
    ImprovementRow {
        key: key(&ins.id, item),
        kind,
        text: text.to_string(),
        parts: Vec::new(),
        recommendations: Vec::new(),
        inspection_id: ins.id.clone(),
        inspection_title: ins.title.clone(),
        period: ins.period.clone(),
        judgment_id: a.id,
        judgment_name: a.name,
        pillar_id: a.pillar_id,
        pillar_name: a.pillar_name,
        area_grade: a.grade,
        status: AfiStatus::Open,
        origin: None,
        thread: Vec::new(),
        source: SourceInfo::of(ins, source),
        haystack: String::new(),
    }
}

/// The row of an earlier item known only from the follow-up `f` of `ins`.
fn earlier_row(ins: &Inspection, f: &FollowUp) -> ImprovementRow {
    let kind = match f.subject {
        FollowUpSubject::AreaForImprovement => RowKind::EarlierAreaForImprovement,
        FollowUpSubject::Recommendation => RowKind::EarlierRecommendation,
    };
    let mut row = base_row(ins, kind, &f.id, &f.judgment, &f.text, &f.source);
    row.status = AfiStatus::from_follow_up(f.status);
    row.origin = Some(f.origin.clone());
    row.thread.push(followed_up_step(ins, f));
    if let Some(next) = &f.continued_by {
        row.thread.push(continued_by_step(ins, next));
    }
    row
}

/// The folded text the search runs over: everything the row shows.
fn haystack(row: &ImprovementRow) -> String {
    fold(&format!(
        "{} {} {} {} {} {} {}",
        row.text,
        row.parts.join(" "),
        row.recommendations.join(" "),
        row.judgment_name,
        row.pillar_name.as_deref().unwrap_or(""),
        row.origin.as_deref().unwrap_or(""),
        row.thread
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_data::{rows, state};
    use crate::view::filter_rows;

    #[test]
    fn every_afi_is_a_row_and_the_2018_19_ones_are_open() {
        let rows = rows();
        let afis: Vec<_> = rows
            .iter()
            .filter(|r| r.kind == RowKind::AreaForImprovement)
            .collect();
        assert_eq!(afis.len(), 13);
        let s = state(&[("inspection", "gwent-peel-2018-19")]);
        let in_2018: Vec<_> = filter_rows(&rows, &s)
            .into_iter()
            .filter(|r| r.kind == RowKind::AreaForImprovement)
            .collect();
        assert_eq!(in_2018.len(), 11);
        assert!(in_2018.iter().all(|r| r.status == AfiStatus::Open));
    }

    #[test]
    fn vetting_thread_links_2016_to_2018_19() {
        let rows = rows();
        let old = rows
            .iter()
            .find(|r| r.inspection_id == "gwent-peel-2016-legitimacy" && r.text.contains("vetting"))
            .unwrap();
        assert_eq!(old.status, AfiStatus::NotMet);
        assert!(old
            .thread
            .iter()
            .any(|t| t.relation == Relation::FollowedUp && t.period == "2018/19"));
        let next = old
            .thread
            .iter()
            .find(|t| t.relation == Relation::ContinuedBy)
            .unwrap();
        let next_key = next.row_key.clone().unwrap();
        let new = rows.iter().find(|r| r.key == next_key).unwrap();
        assert!(new.text.contains("lowest level of vetting clearance"));
        assert!(new
            .thread
            .iter()
            .any(|t| t.relation == Relation::Continues
                && t.row_key.as_deref() == Some(old.key.as_str())));
    }
}
