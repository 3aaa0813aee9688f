//! What the views show, derived from the data: grade cards, the improvements list with its
//! follow-up threads, and the filters over both. Plain functions, natively tested.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::grade::Grade;
use crate::model::*;
use crate::search::{fold, Query};
use crate::url::UrlState;
pub use crate::vocab::{AfiStatus, RowKind};

/// First year of a period such as "2018/19" or "2016"; used to order inspections.
pub fn period_start_year(period: &str) -> Option<u32> {
    let digits: String = period.chars().take_while(|c| c.is_ascii_digit()).collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

/// Manifest entries, newest first (by period, then manifest order).
pub fn newest_first(manifest: &Manifest) -> Vec<&ManifestEntry> {
    let mut entries: Vec<&ManifestEntry> = manifest.inspections.iter().collect();
    crate::sort::sort_by_key(&mut entries, |e| {
        std::cmp::Reverse(period_start_year(&e.period).unwrap_or(0))
    });
    entries
}

/// The inspection a visitor must see as current: the newest in the data.
pub fn newest(manifest: &Manifest) -> Option<&ManifestEntry> {
    newest_first(manifest).into_iter().next()
}

/// The inspection the URL asks for, or the newest when it names none or an unknown one.
pub fn selected_inspection<'a>(
    manifest: &'a Manifest,
    state: &UrlState,
) -> Option<&'a ManifestEntry> {
    state
        .inspection
        .as_deref()
        .and_then(|id| manifest.inspections.iter().find(|e| e.id == id))
        .or_else(|| newest(manifest))
}

/// A source as shown beside an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    pub title: String,
    pub publisher: String,
    pub file: String,
    /// The source's own date, else the inspection's publication date.
    pub date: Option<String>,
    pub url: Option<String>,
}

impl SourceInfo {
    pub fn of(ins: &Inspection, id: &str) -> SourceInfo {
        let date_fallback = ins.published.as_ref().map(|p| p.date.clone());
        match ins.sources.iter().find(|s| s.id == id) {
            Some(s) => SourceInfo {
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                file: s.file.clone(),
                date: s.date.clone().or(date_fallback),
                // Defence in depth: validation already rejects other schemes.
                url: s.url.clone().filter(|u| crate::validate::is_safe_url(u)),
            },
            None => SourceInfo {
                title: format!("unknown source {id:?}"),
                publisher: String::new(),
                file: String::new(),
                date: date_fallback,
                url: None,
            },
        }
    }
}

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
    let order = newest_first(manifest);
    let title_of = |id: &str| {
        manifest
            .inspections
            .iter()
            .find(|e| e.id == id)
            .map(|e| (e.title.clone(), e.period.clone()))
            .unwrap_or_else(|| (id.to_string(), String::new()))
    };
    // Later follow-ups of each item, by the key of the item they refer to.
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
    // What each AFI continues, by the AFI's key.
    let mut continues: HashMap<String, Vec<ThreadStep>> = HashMap::new();
    for ins in loaded.values() {
        for f in &ins.follow_ups {
            let Some(next) = &f.continued_by else {
                continue;
            };
            let (row_key, title, period, text) = match &f.refers_to {
                Some(r) => {
                    let (t, p) = title_of(&r.inspection);
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
            continues
                .entry(key(&ins.id, next))
                .or_default()
                .push(ThreadStep {
                    row_key: Some(row_key),
                    inspection_title: title,
                    period,
                    text,
                    status: Some(AfiStatus::from_follow_up(f.status)),
                    relation: Relation::Continues,
                });
        }
    }
    let afi_text = |ins: &Inspection, id: &str| {
        ins.areas_for_improvement
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.text.clone())
            .unwrap_or_default()
    };
    let follow_up_steps = |row_key: &str, status: &mut AfiStatus| -> Vec<ThreadStep> {
        let mut steps = Vec::new();
        let mut later: Vec<&(&Inspection, &FollowUp)> = follow_ups_of
            .get(row_key)
            .map(|v| v.iter().collect())
            .unwrap_or_default();
        crate::sort::sort_by_key(&mut later, |(ins, _)| period_start_year(&ins.period));
        for (ins, f) in later {
            *status = AfiStatus::from_follow_up(f.status);
            steps.push(ThreadStep {
                row_key: None,
                inspection_title: ins.title.clone(),
                period: ins.period.clone(),
                text: f.status_text.clone(),
                status: Some(AfiStatus::from_follow_up(f.status)),
                relation: Relation::FollowedUp,
            });
            if let Some(next) = &f.continued_by {
                steps.push(ThreadStep {
                    row_key: Some(key(&ins.id, next)),
                    inspection_title: ins.title.clone(),
                    period: ins.period.clone(),
                    text: afi_text(ins, next),
                    status: None,
                    relation: Relation::ContinuedBy,
                });
            }
        }
        steps
    };

    let mut rows = Vec::new();
    for entry in order {
        let Some(ins) = loaded.get(&entry.id) else {
            continue;
        };
        let base = |kind: RowKind, item: &str, judgment: &str, text: &str, source: &str| {
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
        };
        for c in &ins.causes_of_concern {
            let mut row = base(
                RowKind::CauseOfConcern,
                &c.id,
                &c.judgment,
                &c.text,
                &c.source,
            );
            row.recommendations = c.recommendations.clone();
            let mut status = AfiStatus::Open;
            row.thread = follow_up_steps(&row.key, &mut status);
            row.status = status;
            rows.push(row);
        }
        for a in &ins.areas_for_improvement {
            let mut row = base(
                RowKind::AreaForImprovement,
                &a.id,
                &a.judgment,
                &a.text,
                &a.source,
            );
            row.parts = a.parts.clone();
            let mut status = AfiStatus::Open;
            let mut thread = continues.remove(&row.key).unwrap_or_default();
            thread.extend(follow_up_steps(&row.key, &mut status));
            row.thread = thread;
            row.status = status;
            rows.push(row);
        }
        for f in ins.follow_ups.iter().filter(|f| f.refers_to.is_none()) {
            let kind = match f.subject {
                FollowUpSubject::AreaForImprovement => RowKind::EarlierAreaForImprovement,
                FollowUpSubject::Recommendation => RowKind::EarlierRecommendation,
            };
            let mut row = base(kind, &f.id, &f.judgment, &f.text, &f.source);
            row.status = AfiStatus::from_follow_up(f.status);
            row.origin = Some(f.origin.clone());
            row.thread.push(ThreadStep {
                row_key: None,
                inspection_title: ins.title.clone(),
                period: ins.period.clone(),
                text: f.status_text.clone(),
                status: Some(row.status),
                relation: Relation::FollowedUp,
            });
            if let Some(next) = &f.continued_by {
                row.thread.push(ThreadStep {
                    row_key: Some(key(&ins.id, next)),
                    inspection_title: ins.title.clone(),
                    period: ins.period.clone(),
                    text: afi_text(ins, next),
                    status: None,
                    relation: Relation::ContinuedBy,
                });
            }
            rows.push(row);
        }
    }
    for row in &mut rows {
        row.haystack = fold(&format!(
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
        ));
    }
    rows
}

/// Whether a row or card sits under the chosen pillar/area.
fn in_pillar(pillar: Option<&str>, judgment: &str, parent: Option<&str>) -> bool {
    pillar.is_none_or(|p| p == judgment || parent == Some(p))
}

/// The filters of the improvements list, as read from the URL state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RowFilter {
    pub inspection: Option<String>,
    pub pillar: Option<String>,
    /// The grades chosen, one bit per grade (bit `g as u8`); none means any grade.
    pub grades: u8,
    /// The statuses chosen, one bit per status (bit `s as u8`); none means any status.
    pub statuses: u8,
    pub query: Query,
}

/// One bit per member, for a small `Copy` enum.
fn bits<T: Copy + Into<u8>>(set: impl IntoIterator<Item = T>) -> u8 {
    set.into_iter().fold(0, |bits, x| bits | 1 << x.into())
}

impl From<Grade> for u8 {
    fn from(g: Grade) -> u8 {
        g as u8
    }
}

impl From<AfiStatus> for u8 {
    fn from(s: AfiStatus) -> u8 {
        s as u8
    }
}

impl RowFilter {
    pub fn new(state: &UrlState) -> RowFilter {
        RowFilter {
            inspection: state.inspection.clone(),
            pillar: state.pillar.clone(),
            grades: bits(state.grades.iter().copied()),
            statuses: bits(state.statuses.iter().copied()),
            query: Query::new(&state.q),
        }
    }

    /// Whether the filters let `row` through.
    pub fn keeps(&self, r: &ImprovementRow) -> bool {
        self.inspection
            .as_deref()
            .is_none_or(|i| i == r.inspection_id)
            && in_pillar(
                self.pillar.as_deref(),
                &r.judgment_id,
                r.pillar_id.as_deref(),
            )
            && (self.grades == 0 || r.area_grade.is_some_and(|g| self.grades & bits([g]) != 0))
            && (self.statuses == 0 || self.statuses & bits([r.status]) != 0)
            && self.query.matches_folded(&r.haystack)
    }

    /// Whether every row this filter keeps is also kept by `broader`: the same choices, and a
    /// search that narrows its search.
    pub fn narrows(&self, broader: &RowFilter) -> bool {
        self.inspection == broader.inspection
            && self.pillar == broader.pillar
            && self.grades == broader.grades
            && self.statuses == broader.statuses
            && self.query.narrows(&broader.query)
    }
}

/// The rows `filter` keeps, in list order.
pub fn select_rows(rows: &[Arc<ImprovementRow>], filter: &RowFilter) -> Vec<Arc<ImprovementRow>> {
    rows.iter().filter(|r| filter.keeps(r)).cloned().collect()
}

/// The results of the last few filters, newest last, so that a search typed and then
/// deleted with Backspace finds its rows again instead of looking through every row, and
/// typing on looks only among the rows that the closest broader search kept.
#[derive(Default)]
pub struct RecentSelections(Vec<(RowFilter, Vec<Arc<ImprovementRow>>)>);

impl RecentSelections {
    /// How many results are kept: a word's worth of keystrokes.
    const KEEP: usize = 8;

    /// The rows of `rows` (the same rows on every call) that `filter` keeps, in list order.
    pub fn select(
        &mut self,
        rows: &[Arc<ImprovementRow>],
        filter: RowFilter,
    ) -> Vec<Arc<ImprovementRow>> {
        let kept = match self.0.iter().position(|(f, _)| *f == filter) {
            Some(at) => self.0.remove(at).1,
            None => {
                let from = self
                    .0
                    .iter()
                    .filter(|(f, _)| filter.narrows(f))
                    .map(|(_, kept)| kept.as_slice())
                    .min_by_key(|kept| kept.len())
                    .unwrap_or(rows);
                select_rows(from, &filter)
            }
        };
        if self.0.len() == Self::KEEP {
            self.0.remove(0);
        }
        self.0.push((filter, kept.clone()));
        kept
    }
}

/// Ids of the inspections `rows` come from, each once, in list order. `rows` come grouped
/// by inspection (as from [`improvement_rows`], filtered or not): each inspection's run of
/// rows is skipped by galloping to its end rather than walked row by row, which matters
/// when this runs on every keystroke over ten thousand rows.
pub fn inspection_ids(rows: &[Arc<ImprovementRow>]) -> Vec<&str> {
    let mut seen = HashSet::new();
    let mut out: Vec<&str> = Vec::new();
    let mut at = 0;
    while at < rows.len() {
        let id = rows[at].inspection_id.as_str();
        if seen.insert(id) {
            out.push(id);
        }
        // Gallop: the last row known to be in the run, and a step past it.
        let same = |i: usize| rows[i].inspection_id == id;
        let (mut lo, mut step) = (at, 1);
        while lo + step < rows.len() && same(lo + step) {
            lo += step;
            step *= 2;
        }
        let mut hi = (lo + step).min(rows.len());
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if same(mid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        at = hi;
    }
    out
}

/// The rows the filters let through, in list order.
pub fn filter_rows(rows: &[Arc<ImprovementRow>], state: &UrlState) -> Vec<Arc<ImprovementRow>> {
    select_rows(rows, &RowFilter::new(state))
}

/// A grade card: a pillar with its question rows, or an area on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub judgment: Judgment,
    /// The question rows the filters let through (all of them when none apply).
    pub rows: Vec<Judgment>,
    /// Areas for improvement under the card or any of its questions.
    pub afis: Vec<AreaForImprovement>,
    pub causes: Vec<CauseOfConcern>,
    pub follow_ups: Vec<FollowUp>,
    /// Key findings recorded under the card or its questions.
    pub findings: Vec<Finding>,
    /// Notes on the sources about the card or its questions.
    pub notes: Vec<Note>,
    pub source: SourceInfo,
}

impl Card {
    pub fn afi_count_for(&self, judgment: &str) -> usize {
        self.afis.iter().filter(|a| a.judgment == judgment).count()
    }
}

fn judgment_haystack(ins: &Inspection, j: &Judgment) -> String {
    let mut text = format!(
        "{} {} {}",
        j.name,
        j.question.as_deref().unwrap_or(""),
        j.summary.as_deref().unwrap_or("")
    );
    for a in ins
        .areas_for_improvement
        .iter()
        .filter(|a| a.judgment == j.id)
    {
        text.push(' ');
        text.push_str(&a.text);
        text.push(' ');
        text.push_str(&a.parts.join(" "));
    }
    for c in ins.causes_of_concern.iter().filter(|c| c.judgment == j.id) {
        text.push(' ');
        text.push_str(&c.text);
    }
    fold(&text)
}

/// The cards of an inspection that the filters let through, and how many there are in all.
/// The inspection and status filters do not apply here.
pub fn grade_cards(ins: &Inspection, state: &UrlState) -> (Vec<Card>, usize) {
    let query = Query::new(&state.q);
    let grade_ok =
        |g: Option<Grade>| state.grades.is_empty() || g.is_some_and(|g| state.grades.contains(&g));
    let mut cards = Vec::new();
    for top in &ins.judgments {
        let pillar = state.pillar.as_deref();
        let top_selected = pillar.is_none_or(|p| p == top.id);
        let top_text_ok = query.matches_folded(&judgment_haystack(ins, top));
        let rows: Vec<Judgment> = top
            .children
            .iter()
            .filter(|c| top_selected || pillar == Some(c.id.as_str()))
            .filter(|c| grade_ok(c.grade))
            .filter(|c| top_text_ok || query.matches_folded(&judgment_haystack(ins, c)))
            .cloned()
            .collect();
        let pillar_ok = in_pillar(pillar, &top.id, None) || !rows.is_empty();
        let grade_match = grade_ok(top.grade) || !rows.is_empty();
        let text_match = top_text_ok || !rows.is_empty();
        if !(pillar_ok && grade_match && text_match) {
            continue;
        }
        let ids: Vec<&str> = std::iter::once(top.id.as_str())
            .chain(top.children.iter().map(|c| c.id.as_str()))
            .collect();
        cards.push(Card {
            judgment: Judgment {
                children: Vec::new(),
                ..top.clone()
            },
            rows,
            afis: ins
                .areas_for_improvement
                .iter()
                .filter(|a| ids.contains(&a.judgment.as_str()))
                .cloned()
                .collect(),
            causes: ins
                .causes_of_concern
                .iter()
                .filter(|c| ids.contains(&c.judgment.as_str()))
                .cloned()
                .collect(),
            follow_ups: ins
                .follow_ups
                .iter()
                .filter(|f| ids.contains(&f.judgment.as_str()))
                .cloned()
                .collect(),
            findings: ins
                .findings
                .iter()
                .filter(|f| f.judgment.as_deref().is_some_and(|j| ids.contains(&j)))
                .cloned()
                .collect(),
            notes: ins
                .notes
                .iter()
                .filter(|n| n.about.iter().any(|a| ids.contains(&a.as_str())))
                .cloned()
                .collect(),
            source: SourceInfo::of(ins, &top.source),
        });
    }
    (cards, ins.judgments.len())
}

/// Options for the pillar/area filter: every top-level judgment and question across the
/// loaded inspections, by id, first name seen wins, in data order.
pub fn pillar_options(inspections: &[&Inspection]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |j: &Judgment, prefix: &str| {
        if !out.iter().any(|(id, _)| id == &j.id) {
            out.push((j.id.clone(), format!("{prefix}{}", j.name)));
        }
    };
    for ins in inspections {
        for top in &ins.judgments {
            push(top, "");
            for c in &top.children {
                push(c, "— ");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::View;
    use crate::validate::{load_inspection, load_manifest};

    fn bundled() -> (Manifest, HashMap<String, Inspection>) {
        let manifest = load_manifest(
            "index.json",
            include_str!("../../../public/data/index.json"),
        )
        .unwrap();
        let files = [
            include_str!("../../../public/data/gwent-peel-2021-22.json"),
            include_str!("../../../public/data/gwent-peel-2018-19.json"),
            include_str!("../../../public/data/gwent-peel-2016-legitimacy.json"),
            include_str!("../../../public/data/gwent-2012-police-relationships.json"),
        ];
        let loaded = files
            .iter()
            .map(|t| load_inspection("x", t).unwrap())
            .map(|i| (i.id.clone(), i))
            .collect();
        (manifest, loaded)
    }

    fn rows() -> Vec<Arc<ImprovementRow>> {
        let (m, l) = bundled();
        improvement_rows(&m, &l).into_iter().map(Arc::new).collect()
    }

    fn state(pairs: &[(&str, &str)]) -> UrlState {
        UrlState::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn newest_is_2021_22_whatever_the_manifest_order() {
        let (mut m, _) = bundled();
        m.inspections.reverse();
        assert_eq!(newest(&m).unwrap().id, "gwent-peel-2021-22");
        assert_eq!(
            selected_inspection(&m, &UrlState::default()).unwrap().id,
            "gwent-peel-2021-22"
        );
        let s = state(&[("inspection", "no-such-inspection")]);
        assert_eq!(
            selected_inspection(&m, &s).unwrap().id,
            "gwent-peel-2021-22"
        );
        let s = state(&[("inspection", "gwent-peel-2016-legitimacy")]);
        assert_eq!(
            selected_inspection(&m, &s).unwrap().id,
            "gwent-peel-2016-legitimacy"
        );
    }

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

    #[test]
    fn filters_narrow_and_combine() {
        let rows = rows();
        let all = filter_rows(&rows, &UrlState::default()).len();
        assert_eq!(all, rows.len());
        let met = filter_rows(&rows, &state(&[("status", "met")]));
        assert!(!met.is_empty() && met.len() < all);
        assert!(met.iter().all(|r| r.status == AfiStatus::Met));
        let legit = filter_rows(
            &rows,
            &state(&[("pillar", "legitimacy"), ("status", "open")]),
        );
        assert!(
            legit
                .iter()
                .all(|r| r.pillar_id.as_deref() == Some("legitimacy")
                    || r.judgment_id == "legitimacy")
        );
        assert!(legit.iter().all(|r| r.status == AfiStatus::Open));
        let ri = filter_rows(
            &rows,
            &state(&[
                ("grade", "requires-improvement"),
                ("inspection", "gwent-peel-2018-19"),
                ("view", "improvements"),
            ]),
        );
        let ri_afis = ri
            .iter()
            .filter(|r| r.kind == RowKind::AreaForImprovement)
            .count();
        assert_eq!(
            ri_afis, 7,
            "3 fair-treatment + 4 ethical AFIs sit under requires-improvement questions"
        );
        let q = filter_rows(&rows, &state(&[("q", "UNCONSCIOUS bias")]));
        assert_eq!(q.len(), 1);
        let none = filter_rows(&rows, &state(&[("q", "zzzz-no-match")]));
        assert!(none.is_empty());
    }

    #[test]
    fn selecting_from_the_last_result_gives_what_a_fresh_selection_gives() {
        let rows = rows();
        let mut recent = RecentSelections::default();
        // Typing on, deleting, changing other filters and a search that changes nothing.
        let steps: &[&[(&str, &str)]] = &[
            &[],
            &[("q", "v")],
            &[("q", "ve")],
            &[("q", "vet")],
            &[("q", "vet ")],
            &[("q", "VET")],
            &[("q", "vetting")],
            &[("q", "vetting zz")],
            &[("q", "vetting")],
            &[("q", "v")],
            &[("q", "v"), ("status", "open")],
            &[("q", "vet"), ("status", "open")],
            &[("q", "vet"), ("status", "open,met")],
            &[("q", "vet"), ("inspection", "gwent-peel-2018-19")],
            &[("q", "b")],
            &[],
            // Backspace through a word typed letter by letter, and past more than are kept.
            &[("q", "p")],
            &[("q", "pr")],
            &[("q", "pro")],
            &[("q", "proc")],
            &[("q", "proce")],
            &[("q", "proces")],
            &[("q", "process")],
            &[("q", "processe")],
            &[("q", "processes")],
            &[("q", "processe")],
            &[("q", "process")],
            &[("q", "proce")],
            &[("q", "pr")],
            &[("q", "p")],
            &[],
            &[("q", "vet")],
        ];
        for step in steps {
            let next = recent.select(&rows, RowFilter::new(&state(step)));
            assert_eq!(next, filter_rows(&rows, &state(step)), "{step:?}");
        }
    }

    #[test]
    fn narrowing_needs_the_same_choices() {
        let f = |pairs: &[(&str, &str)]| RowFilter::new(&state(pairs));
        assert!(f(&[("q", "vet")]).narrows(&f(&[("q", "ve")])));
        assert!(!f(&[("q", "vet"), ("status", "met")]).narrows(&f(&[("q", "ve")])));
        assert!(!f(&[("q", "vet"), ("grade", "good")]).narrows(&f(&[("q", "ve")])));
        assert!(!f(&[("q", "vet"), ("pillar", "legitimacy")]).narrows(&f(&[("q", "ve")])));
        assert!(
            !f(&[("q", "vet"), ("inspection", "gwent-peel-2018-19")]).narrows(&f(&[("q", "ve")]))
        );
        // The view, language and embed settings are no filters.
        assert_eq!(f(&[("view", "improvements"), ("lang", "cy")]), f(&[]));
    }

    /// Each id once, in order, walking every row.
    fn inspection_ids_naive(rows: &[Arc<ImprovementRow>]) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for r in rows {
            if !out.contains(&r.inspection_id.as_str()) {
                out.push(&r.inspection_id);
            }
        }
        out
    }

    #[test]
    fn inspection_ids_gallop_over_runs_of_every_length() {
        let rows = rows();
        // The rows come grouped by inspection: each id's rows are one run.
        let ids = inspection_ids_naive(&rows);
        let mut runs = rows.iter().map(|r| &r.inspection_id).collect::<Vec<_>>();
        runs.dedup();
        assert_eq!(runs.len(), ids.len());
        for k in 1..40 {
            // Every row repeated k times, and every (k+1)th row dropped: runs of many lengths.
            let many: Vec<_> = rows
                .iter()
                .flat_map(|r| std::iter::repeat_n(r.clone(), k))
                .enumerate()
                .filter(|(i, _)| i % (k + 1) != k)
                .map(|(_, r)| r)
                .collect();
            assert_eq!(
                inspection_ids(&many),
                inspection_ids_naive(&many),
                "k = {k}"
            );
            for from in [0, 1, many.len() / 3] {
                let part = &many[from.min(many.len())..];
                assert_eq!(inspection_ids(part), inspection_ids_naive(part), "k = {k}");
            }
        }
    }

    #[test]
    fn inspection_ids_in_list_order() {
        let rows = rows();
        let ids = inspection_ids(&rows);
        let mut expected: Vec<&str> = Vec::new();
        for r in &rows {
            if !expected.contains(&r.inspection_id.as_str()) {
                expected.push(&r.inspection_id);
            }
        }
        assert_eq!(ids, expected);
        assert!(ids.len() > 1);
        let one = filter_rows(&rows, &state(&[("inspection", "gwent-peel-2018-19")]));
        assert_eq!(inspection_ids(&one), vec!["gwent-peel-2018-19"]);
        assert!(inspection_ids(&[]).is_empty());
    }

    #[test]
    fn grade_cards_2018_19() {
        let (_, l) = bundled();
        let ins = &l["gwent-peel-2018-19"];
        let (cards, total) = grade_cards(ins, &UrlState::default());
        assert_eq!((cards.len(), total), (3, 3));
        let legit = cards
            .iter()
            .find(|c| c.judgment.id == "legitimacy")
            .unwrap();
        assert_eq!(legit.judgment.grade, Some(Grade::RequiresImprovement));
        assert_eq!(legit.rows.len(), 3);
        assert_eq!(legit.afis.len(), 7);
        let (cards, _) = grade_cards(ins, &state(&[("grade", "requires-improvement")]));
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].rows.len(), 2);
        let (cards, _) = grade_cards(ins, &state(&[("pillar", "investigating-crime")]));
        assert_eq!(cards.len(), 1);
        assert_eq!(
            cards[0]
                .rows
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>(),
            vec!["investigating-crime"]
        );
        let (cards, _) = grade_cards(ins, &state(&[("q", "foreign national")]));
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].judgment.id, "effectiveness");
    }

    #[test]
    fn grade_cards_2021_22_areas() {
        let (_, l) = bundled();
        let ins = &l["gwent-peel-2021-22"];
        let (cards, total) = grade_cards(ins, &UrlState::default());
        assert_eq!((cards.len(), total), (8, 8));
        let resp = cards
            .iter()
            .find(|c| c.judgment.name == "Responding to the public")
            .unwrap();
        assert_eq!(resp.judgment.grade, Some(Grade::Inadequate));
        let (adequate, _) = grade_cards(ins, &state(&[("grade", "adequate")]));
        assert_eq!(adequate.len(), 3);
    }

    #[test]
    fn period_years_and_dates() {
        assert_eq!(period_start_year("2018/19"), Some(2018));
        assert_eq!(period_start_year("2012"), Some(2012));
        assert_eq!(period_start_year("soon"), None);
        assert_eq!(
            crate::i18n::format_date(crate::i18n::Lang::En, "2020-13"),
            "2020-13"
        );
        let _ = View::Grades;
    }
}
