//! The grade history drawn as inline SVG: one row per area, one column per inspection, a grade
//! shape and label in each cell, and a visible text marker where the framework changed. The
//! table beside it ([`HistoryTable`]) holds the same data for assistive technology and as the
//! keyboard route to each card.

use inspection_core::history::{History, HistoryCell, HistoryColumn, HistoryRow};
use inspection_core::i18n::{self, Lang, T};
use inspection_core::url::{UrlState, View};
use leptos::prelude::*;

use crate::components::grade_badge::icon;
use crate::i18n::{use_data_lang, use_lang};
use crate::nav::{use_href, use_set_state};

/// Geometry in SVG user units; the SVG scales to its box through `viewBox`.
const LABEL_W: usize = 210;
const COL_W: usize = 215;
const HEAD_H: usize = 70;
const ROW_H: usize = 58;
const PAD: usize = 8;

fn col_x(i: usize) -> usize {
    LABEL_W + i * COL_W
}

fn row_y(r: usize) -> usize {
    HEAD_H + r * ROW_H
}

/// Splits a name into lines of at most `max` characters (SVG text does not wrap).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The state that opens a cell's card in the grades view (page settings kept).
pub fn card_state(state: &UrlState, cell: &HistoryCell) -> UrlState {
    UrlState {
        view: View::Grades,
        inspection: Some(cell.inspection_id.clone()),
        pillar: Some(cell.judgment_id.clone()),
        ..state.cleared()
    }
}

/// What a cell says: its grade, "not stated" (`short` for the chart's narrow boxes), or
/// nothing yet when its file did not load.
pub fn cell_label(lang: Lang, cell: &HistoryCell, short: bool) -> (&'static str, &'static str) {
    match cell.grade {
        Some(g) => (icon(g), i18n::grade(g).get(lang)),
        None if cell.loaded && short => ("–", T::NotStatedShort.get(lang)),
        None if cell.loaded => ("–", T::GradeNotStated.get(lang)),
        None => ("–", "…"),
    }
}

/// The chart.
#[component]
pub fn HistoryChart(
    /// The (filtered) history.
    history: History,
    /// Current state from the URL, for the links the cells open.
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = use_lang();
    let width = col_x(history.columns.len()) + PAD;
    let height = row_y(history.rows.len()) + PAD;
    let view_box = format!("0 0 {width} {height}");
    let columns = history
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| view! { <ColumnHead index=i column=c.clone() height /> })
        .collect_view();
    let rows = history
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| view! { <ChartRow index=r row=row.clone() state /> })
        .collect_view();
    view! {
        <div class="history-chart">
            <svg class="history-chart__svg" viewBox=view_box width=width height=height role="img"
                aria-labelledby="history-chart-title history-chart-desc" xmlns="http://www.w3.org/2000/svg">
                <title id="history-chart-title">{T::HistoryChartTitle.get(lang)}</title>
                <desc id="history-chart-desc">{T::HistoryChartDesc.get(lang)}</desc>
                {columns}
                {rows}
            </svg>
        </div>
    }
}

/// A column heading (the period), and the framework-change marker before it where needed.
#[component]
fn ColumnHead(
    /// Column position.
    index: usize,
    /// The inspection.
    column: HistoryColumn,
    /// Chart height, for the marker line.
    height: usize,
) -> impl IntoView {
    let lang = use_lang();
    let x = col_x(index);
    let centre = x + COL_W / 2;
    let marker = column.framework_changed.then(|| {
        view! {
            <g class="history-chart__break" data-inspection=column.inspection_id.clone()>
                <line x1=x y1={HEAD_H - 28} x2=x y2={height - PAD} class="history-chart__break-line" />
                <text x={x + 6} y=38 class="history-chart__break-text">{T::FrameworkChanged.get(lang)}</text>
                <text x={x + 6} y=54 class="history-chart__break-text">{T::NotComparable.get(lang)}</text>
            </g>
        }
    });
    view! {
        <text x=centre y=18 text-anchor="middle" class="history-chart__period">{column.period.clone()}</text>
        {marker}
    }
}

/// One lineage: its name, connectors between comparable grades, a "≠" where they are not,
/// and its cells.
#[component]
fn ChartRow(
    /// Row position.
    index: usize,
    /// The lineage.
    row: HistoryRow,
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let name_lang = use_data_lang().of(&row.name);
    let y = row_y(index);
    let mid = y + ROW_H / 2;
    let lines = wrap(&row.name, 22);
    let first = (mid + 5).saturating_sub(lines.len().saturating_sub(1) * 8);
    let name = lines
        .into_iter()
        .enumerate()
        .map(|(k, l)| view! { <tspan x=PAD y={first + k * 16}>{l}</tspan> })
        .collect_view();
    let links = row
        .links()
        .into_iter()
        .map(|(a, b, comparable)| {
            if comparable {
                let (x1, x2) = (col_x(a) + COL_W - 10, col_x(b) + 10);
                view! { <line x1=x1 y1=mid x2=x2 y2=mid class="history-chart__link" /> }.into_any()
            } else {
                let id = row.cells[b].as_ref().map(|c| c.inspection_id.clone());
                // The backing box interrupts the dashed framework line so the sign stays legible.
                view! {
                    <rect x={col_x(b) - 9} y={mid - 12} width=18 height=24 class="history-chart__neq-bg" />
                    <text x={col_x(b)} y={mid + 7} text-anchor="middle" class="history-chart__neq" data-inspection=id>"≠"</text>
                }.into_any()
            }
        })
        .collect_view();
    let cells = row
        .steps()
        .map(|(i, c)| view! { <ChartCell column=i y cell=c.clone() lineage=row.lineage_id.clone() state /> })
        .collect_view();
    view! {
        <g class="history-chart__row" data-lineage=row.lineage_id.clone()>
            <line x1=0 y1=y x2={col_x(row.cells.len())} y2=y class="history-chart__rule" />
            <text class="history-chart__name" lang=name_lang>{name}</text>
            {links}
            {cells}
        </g>
    }
}

/// One grade: a shape and its label; clicking it opens that inspection's card.
#[component]
fn ChartCell(
    /// Column position.
    column: usize,
    /// Top of the row.
    y: usize,
    /// The grade.
    cell: HistoryCell,
    /// Lineage id, for tests and styling hooks.
    lineage: String,
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = use_lang();
    let set_state = use_set_state();
    let href = use_href();
    let (shape, label) = cell_label(lang, &cell, true);
    let grade = cell.grade.map(|g| g.slug());
    let class = format!(
        "history-chart__cell history-chart__cell--{}",
        grade.unwrap_or("none")
    );
    let x = col_x(column) + 10;
    let centre = col_x(column) + COL_W / 2;
    let sub = cell
        .carried_over_from
        .clone()
        .map(|year| format!("{} {year}", T::CarriedOverFrom.get(lang)));
    let text_y = if sub.is_some() {
        y + ROW_H / 2 - 2
    } else {
        y + ROW_H / 2 + 5
    };
    let target = card_state(&state.get_untracked(), &cell);
    let link = href(&target);
    view! {
        <g class=class data-inspection=cell.inspection_id.clone() data-lineage=lineage data-grade=grade
            data-href=link on:click=move |_| set_state(target.clone(), false)>
            <rect x=x y={y + 6} width={COL_W - 20} height={ROW_H - 12} rx=3 class="history-chart__box" />
            <text x=centre y=text_y text-anchor="middle" class="history-chart__grade">
                <tspan class="history-chart__shape">{shape}</tspan> " " {label}
            </text>
            {sub.map(|s| view! { <text x=centre y={y + ROW_H / 2 + 14} text-anchor="middle" class="history-chart__sub">{s}</text> })}
        </g>
    }
}
