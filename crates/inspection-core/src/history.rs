//! Grade history: every lineage in the manifest (an assessed area followed across inspections
//! and frameworks) as a row, with one column per inspection it appears in. Plain data for the
//! history chart and its table, natively tested.

use std::collections::HashMap;

use crate::grade::Grade;
use crate::model::*;
use crate::search::{fold, Query};
use crate::url::UrlState;
use crate::view::period_start_year;

/// One inspection column, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryColumn {
    pub inspection_id: String,
    pub title: String,
    pub period: String,
    /// True when some step in this column is not comparable with the step before it in its
    /// row: the framework changed, so the column gets a visible marker.
    pub framework_changed: bool,
}

/// One grade in one inspection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryCell {
    pub inspection_id: String,
    pub judgment_id: String,
    /// The judgment's name in that inspection; `None` until its file is loaded.
    pub judgment_name: Option<String>,
    /// Pillar the judgment sits in, for the pillar filter.
    pub pillar_id: Option<String>,
    /// `None` when the file is not loaded or the source states no grade.
    pub grade: Option<Grade>,
    /// Whether the inspection file was loaded (a missing grade then means "not stated").
    pub loaded: bool,
    /// False where the framework changed since the row's previous step: the inspectorate says
    /// grades are then not directly comparable. Always true on a row's first step.
    pub comparable_with_previous: bool,
    /// Year of the earlier inspection the grade was carried over from, if it was.
    pub carried_over_from: Option<String>,
    /// The lineage's note on this step, as written in the data.
    pub note: Option<String>,
}

/// One lineage: its name and a cell (or nothing) per column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRow {
    pub lineage_id: String,
    pub name: String,
    /// Same length and order as [`History::columns`].
    pub cells: Vec<Option<HistoryCell>>,
}

impl HistoryRow {
    /// The filled cells with their column index, oldest first.
    pub fn steps(&self) -> impl Iterator<Item = (usize, &HistoryCell)> {
        self.cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.as_ref().map(|c| (i, c)))
    }

    /// Pairs of consecutive steps `(from column, to column, comparable)`, for the connectors
    /// the chart draws between grades.
    pub fn links(&self) -> Vec<(usize, usize, bool)> {
        let steps: Vec<(usize, &HistoryCell)> = self.steps().collect();
        steps
            .windows(2)
            .map(|w| (w[0].0, w[1].0, w[1].1.comparable_with_previous))
            .collect()
    }
}

/// The whole history table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct History {
    pub columns: Vec<HistoryColumn>,
    pub rows: Vec<HistoryRow>,
}

fn parent_of<'a>(ins: &'a Inspection, id: &str) -> Option<&'a Judgment> {
    ins.judgments
        .iter()
        .find(|p| p.children.iter().any(|c| c.id == id))
}

/// Builds the history from the manifest's lineages and whichever inspection files are loaded.
/// Columns are the inspections any lineage names, oldest first (by period, then manifest
/// order); inspections no lineage names (e.g. ungraded thematic ones) get no column.
pub fn history(manifest: &Manifest, loaded: &HashMap<String, Inspection>) -> History {
    let mut entries: Vec<&ManifestEntry> = manifest
        .inspections
        .iter()
        .filter(|e| {
            manifest
                .lineages
                .iter()
                .any(|l| l.steps.iter().any(|s| s.inspection == e.id))
        })
        .collect();
    crate::sort::sort_by_key(&mut entries, |e| period_start_year(&e.period).unwrap_or(0));
    let mut columns: Vec<HistoryColumn> = entries
        .iter()
        .map(|e| HistoryColumn {
            inspection_id: e.id.clone(),
            title: e.title.clone(),
            period: e.period.clone(),
            framework_changed: false,
        })
        .collect();
    let column_of = |id: &str| columns.iter().position(|c| c.inspection_id == id);
    let mut rows = Vec::new();
    for lineage in &manifest.lineages {
        let mut cells: Vec<Option<HistoryCell>> = vec![None; columns.len()];
        for (k, step) in lineage.steps.iter().enumerate() {
            // The validator guarantees every step names a listed inspection.
            let Some(col) = column_of(&step.inspection) else {
                continue;
            };
            let ins = loaded.get(&step.inspection);
            let judgment = ins.and_then(|i| crate::model::find_judgment(i, &step.judgment));
            cells[col] = Some(HistoryCell {
                inspection_id: step.inspection.clone(),
                judgment_id: step.judgment.clone(),
                judgment_name: judgment.map(|j| j.name.clone()),
                pillar_id: ins
                    .and_then(|i| parent_of(i, &step.judgment))
                    .map(|p| p.id.clone()),
                grade: judgment.and_then(|j| j.grade),
                loaded: ins.is_some(),
                // A first step has nothing to be compared with.
                comparable_with_previous: k == 0 || step.comparable_with_previous,
                carried_over_from: judgment
                    .and_then(|j| j.carried_over.as_ref())
                    .map(|c| c.year.clone()),
                note: step.note.clone(),
            });
        }
        rows.push(HistoryRow {
            lineage_id: lineage.id.clone(),
            name: lineage.name.clone(),
            cells,
        });
    }
    for (i, column) in columns.iter_mut().enumerate() {
        column.framework_changed = rows.iter().any(|r| {
            r.cells[i]
                .as_ref()
                .is_some_and(|c| !c.comparable_with_previous)
        });
    }
    History { columns, rows }
}

/// The rows the filters let through: pillar (a row with a step on that judgment or inside that
/// pillar), grade (a row with any step of those grades) and search (the row's or its steps'
/// names). The inspection and status filters do not apply: the history spans inspections.
pub fn filter_history(history: &History, state: &UrlState) -> History {
    let query = Query::new(&state.q);
    let rows = history
        .rows
        .iter()
        .filter(|r| {
            let pillar_ok = state.pillar.as_deref().is_none_or(|p| {
                r.steps()
                    .any(|(_, c)| c.judgment_id == p || c.pillar_id.as_deref() == Some(p))
            });
            let grade_ok = state.grades.is_empty()
                || r.steps()
                    .any(|(_, c)| c.grade.is_some_and(|g| state.grades.contains(&g)));
            let names: Vec<&str> = std::iter::once(r.name.as_str())
                .chain(r.steps().filter_map(|(_, c)| c.judgment_name.as_deref()))
                .collect();
            pillar_ok && grade_ok && query.matches_folded(&fold(&names.join(" ")))
        })
        .cloned()
        .collect();
    History {
        columns: history.columns.clone(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::View;

    use crate::test_data::bundled;

    fn row<'a>(h: &'a History, id: &str) -> &'a HistoryRow {
        h.rows.iter().find(|r| r.lineage_id == id).unwrap()
    }

    #[test]
    fn view_slugs_for_the_new_views() {
        assert_eq!(View::from_slug("history"), Some(View::History));
        assert_eq!(View::from_slug("figures"), Some(View::Figures));
        assert!(View::ALL.contains(&View::History) && View::ALL.contains(&View::Figures));
        let state = UrlState {
            view: View::History,
            ..UrlState::default()
        };
        assert_eq!(state.to_query(), "?view=history");
    }

    #[test]
    fn columns_are_the_graded_inspections_oldest_first() {
        let (m, l) = bundled();
        let h = history(&m, &l);
        let ids: Vec<&str> = h.columns.iter().map(|c| c.inspection_id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "gwent-peel-2016-legitimacy",
                "gwent-peel-2018-19",
                "gwent-peel-2021-22"
            ]
        );
        let changed: Vec<bool> = h.columns.iter().map(|c| c.framework_changed).collect();
        assert_eq!(changed, vec![false, false, true]);
        assert_eq!(h.rows.len(), m.lineages.len());
        assert!(h.rows.iter().all(|r| r.cells.len() == 3));
    }

    #[test]
    fn investigating_crime_good_then_requires_improvement_not_comparable() {
        let (m, l) = bundled();
        let h = history(&m, &l);
        let r = row(&h, "gwent-investigating-crime");
        assert_eq!(r.name, "Investigating crime");
        assert!(r.cells[0].is_none());
        let a = r.cells[1].as_ref().unwrap();
        let b = r.cells[2].as_ref().unwrap();
        assert_eq!(
            (a.grade, b.grade),
            (Some(Grade::Good), Some(Grade::RequiresImprovement))
        );
        assert!(a.comparable_with_previous);
        assert!(!b.comparable_with_previous);
        assert_eq!(r.links(), vec![(1, 2, false)]);
        assert_eq!(b.judgment_id, "investigating-crime");
        assert_eq!(a.pillar_id.as_deref(), Some("effectiveness"));
    }

    #[test]
    fn carried_over_and_unstated_grades() {
        let (m, l) = bundled();
        let h = history(&m, &l);
        let prev = row(&h, "gwent-preventing-crime");
        let c = prev.cells[1].as_ref().unwrap();
        assert_eq!(c.carried_over_from.as_deref(), Some("2016"));
        let public = row(&h, "gwent-treatment-of-the-public");
        let first = public.cells[0].as_ref().unwrap();
        assert!(first.loaded);
        assert_eq!(first.grade, None);
        assert_eq!(public.links(), vec![(0, 1, true), (1, 2, false)]);
        let legit = row(&h, "gwent-legitimacy");
        assert_eq!(
            legit.steps().map(|(_, c)| c.grade).collect::<Vec<_>>(),
            vec![Some(Grade::Good), Some(Grade::RequiresImprovement)]
        );
    }

    #[test]
    fn unloaded_files_leave_cells_without_grades() {
        let (m, mut l) = bundled();
        l.remove("gwent-peel-2021-22");
        let h = history(&m, &l);
        let c = row(&h, "gwent-investigating-crime").cells[2]
            .clone()
            .unwrap();
        assert!(!c.loaded);
        assert_eq!((c.grade, c.judgment_name), (None, None));
    }

    #[test]
    fn filters_narrow_the_rows() {
        let (m, l) = bundled();
        let h = history(&m, &l);
        let state = |pairs: &[(&str, &str)]| UrlState::from_pairs(pairs.iter().copied());
        let ids = |h: History| h.rows.into_iter().map(|r| r.lineage_id).collect::<Vec<_>>();
        assert_eq!(filter_history(&h, &UrlState::default()), h);
        assert_eq!(
            ids(filter_history(&h, &state(&[("q", "INVESTIGATING")]))),
            vec!["gwent-investigating-crime"]
        );
        assert_eq!(
            ids(filter_history(&h, &state(&[("grade", "inadequate")]))),
            Vec::<String>::new()
        );
        let legit = ids(filter_history(&h, &state(&[("pillar", "legitimacy")])));
        assert!(legit.contains(&"gwent-legitimacy".to_string()));
        assert!(legit.contains(&"gwent-treatment-of-the-workforce".to_string()));
        assert!(!legit.contains(&"gwent-investigating-crime".to_string()));
        let filtered = filter_history(&h, &state(&[("q", "crime")]));
        assert_eq!(filtered.columns, h.columns);
    }
}
