//! 'Force in context' figures as the figures view shows them: which inspection, grouped under
//! their headings, the bars each figure gets and how its numbers read. Natively tested.

use std::collections::HashMap;

use crate::i18n::{Lang, T};
use crate::model::*;
use crate::search::{fold, Query};
use crate::url::UrlState;
use crate::view::newest_first;

/// The inspection whose figures are shown: the one the URL names, else the newest that has
/// any figures (the newest overall may have none, e.g. PEEL 2021/22 in the bundled sources).
pub fn figures_inspection<'a>(
    manifest: &Manifest,
    loaded: &'a HashMap<String, Inspection>,
    state: &UrlState,
) -> Option<&'a Inspection> {
    if let Some(ins) = state.inspection.as_deref().and_then(|id| loaded.get(id)) {
        return Some(ins);
    }
    newest_first(manifest)
        .into_iter()
        .filter_map(|e| loaded.get(&e.id))
        .find(|i| !i.figures.is_empty())
}

/// Figures under one heading, in data order.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureGroup {
    /// The table or chart heading; `None` for figures the report gives without one.
    pub name: Option<String>,
    pub figures: Vec<Figure>,
}

/// The figures the search lets through (name, heading, labels and period), grouped by heading
/// in order of first appearance. Grade, status and pillar filters do not apply to figures.
pub fn figure_groups(ins: &Inspection, state: &UrlState) -> Vec<FigureGroup> {
    let query = Query::new(&state.q);
    let mut groups: Vec<FigureGroup> = Vec::new();
    for f in &ins.figures {
        let labels: Vec<&str> = f.comparators.iter().map(|c| c.label.as_str()).collect();
        let haystack = fold(&format!(
            "{} {} {} {} {}",
            f.name,
            f.group.as_deref().unwrap_or(""),
            f.value_label,
            labels.join(" "),
            f.period
        ));
        if !query.matches_folded(&haystack) {
            continue;
        }
        match groups.iter_mut().find(|g| g.name == f.group) {
            Some(g) => g.figures.push(f.clone()),
            None => groups.push(FigureGroup {
                name: f.group.clone(),
                figures: vec![f.clone()],
            }),
        }
    }
    groups
}

/// One bar: a labelled value on the figure's own unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The force's own value (drawn solid), not a comparator (drawn hatched/outlined).
    pub is_force: bool,
}

/// The bars a figure gets: the force's value and every comparator on the same unit. A
/// comparator on another unit (e.g. "Percentage change" beside a headcount) would share no
/// scale with the force's value, so it appears in the table only.
pub fn bars(f: &Figure) -> Vec<Bar> {
    std::iter::once(Bar {
        label: f.value_label.clone(),
        value: f.value,
        is_force: true,
    })
    .chain(
        f.comparators
            .iter()
            .filter(|c| c.unit.is_none_or(|u| u == f.unit))
            .map(|c| Bar {
                label: c.label.clone(),
                value: c.value,
                is_force: false,
            }),
    )
    .collect()
}

/// Fraction (0–1) of the chart width a bar fills: scaled to the largest magnitude among the
/// bars, so a figure's bars compare with each other and never with another figure's.
pub fn bar_fraction(bars: &[Bar], value: f64) -> f64 {
    let max = bars.iter().map(|b| b.value.abs()).fold(0.0, f64::max);
    if max > 0.0 && value.is_finite() {
        (value.abs() / max).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// A number as the report prints it: thousands separated, no trailing zeros ("1,308", "2.3",
/// "-44").
pub fn format_number(value: f64) -> String {
    let text = format!("{}", value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let int = match int.parse::<usize>() {
        Ok(n) => crate::i18n::format_number(Lang::En, n),
        Err(_) => int.to_string(),
    };
    let sign = if value < 0.0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// A value with its unit: "139 per 1,000", "48%", "£213", "1,308 FTE", "4.9 times".
pub fn format_value(lang: Lang, value: f64, unit: Unit) -> String {
    let n = format_number(value);
    match unit {
        Unit::Per1000 => format!("{n} {}", T::SuffixPer1000.get(lang)),
        Unit::Percent => format!("{n}%"),
        Unit::Gbp if value < 0.0 => format!("-£{}", &n[1..]),
        Unit::Gbp => format!("£{n}"),
        Unit::Fte => format!("{n} {}", T::SuffixFte.get(lang)),
        Unit::Ratio => format!("{n} {}", T::SuffixTimes.get(lang)),
        Unit::Count => n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_data::bundled;

    #[test]
    fn defaults_to_the_newest_inspection_with_figures() {
        let (m, l) = bundled();
        let ins = figures_inspection(&m, &l, &UrlState::default()).unwrap();
        assert_eq!(ins.id, "gwent-peel-2018-19");
        let named = UrlState::from_pairs([("inspection", "gwent-peel-2021-22")]);
        assert_eq!(
            figures_inspection(&m, &l, &named).unwrap().id,
            "gwent-peel-2021-22"
        );
    }

    #[test]
    fn calls_999_against_england_and_wales() {
        let (m, l) = bundled();
        let ins = figures_inspection(&m, &l, &UrlState::default()).unwrap();
        let groups = figure_groups(ins, &UrlState::from_pairs([("q", "999")]));
        assert_eq!(groups.len(), 1);
        let f = &groups[0].figures[0];
        assert_eq!(f.name, "999 calls per 1,000 population");
        let b = bars(f);
        assert_eq!(
            b.iter()
                .map(|b| (b.label.as_str(), b.value))
                .collect::<Vec<_>>(),
            vec![("Gwent rate", 139.0), ("England and Wales rate", 175.0)]
        );
        assert_eq!(bar_fraction(&b, 175.0), 1.0);
        assert!((bar_fraction(&b, 139.0) - 139.0 / 175.0).abs() < 1e-9);
        assert_eq!(format_value(Lang::En, 139.0, f.unit), "139 per 1,000");
        assert_eq!(format_value(Lang::Cy, 139.0, f.unit), "139 fesul 1,000");
    }

    #[test]
    fn groups_keep_data_order_and_other_units_stay_off_the_bars() {
        let (m, l) = bundled();
        let ins = figures_inspection(&m, &l, &UrlState::default()).unwrap();
        let groups = figure_groups(ins, &UrlState::default());
        assert_eq!(groups[0].name.as_deref(), Some("Force in context"));
        assert_eq!(
            groups.iter().map(|g| g.figures.len()).sum::<usize>(),
            ins.figures.len()
        );
        let officers = ins
            .figures
            .iter()
            .find(|f| f.id == "workforce-police-officers")
            .unwrap();
        // FTE 2014 shares the unit; "Percentage change" does not.
        assert_eq!(bars(officers).len(), 2);
        assert!(figure_groups(ins, &UrlState::from_pairs([("q", "zzz")])).is_empty());
    }

    #[test]
    fn numbers_read_as_printed() {
        assert_eq!(format_number(1308.0), "1,308");
        assert_eq!(format_number(2.3), "2.3");
        assert_eq!(format_number(-44.0), "-44");
        assert_eq!(format_number(0.0), "0");
        assert_eq!(format_value(Lang::En, 48.0, Unit::Percent), "48%");
        assert_eq!(format_value(Lang::En, 213.0, Unit::Gbp), "£213");
        assert_eq!(format_value(Lang::En, -5.0, Unit::Gbp), "-£5");
        assert_eq!(format_value(Lang::En, 1308.0, Unit::Fte), "1,308 FTE");
        assert_eq!(format_value(Lang::En, 4.9, Unit::Ratio), "4.9 times");
        assert_eq!(format_value(Lang::En, 12.0, Unit::Count), "12");
        assert_eq!(bar_fraction(&[], 1.0), 0.0);
    }
}
