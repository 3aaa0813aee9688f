//! The filters of the improvements list, and the sums over what they keep.

use std::collections::HashSet;
use std::sync::Arc;

use super::rows::ImprovementRow;
use crate::grade::Grade;
use crate::search::Query;
use crate::url::UrlState;
use crate::vocab::AfiStatus;

/// Whether a row or card sits under the chosen pillar/area.
pub(super) fn in_pillar(pillar: Option<&str>, judgment: &str, parent: Option<&str>) -> bool {
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
/// by inspection (as from [`super::improvement_rows`], filtered or not): each inspection's
/// run of rows is skipped by galloping to its end rather than walked row by row, which matters
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_data::{rows, state};
    use crate::vocab::RowKind;

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
}
