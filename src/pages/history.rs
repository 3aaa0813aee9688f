//! The history view (`view=history`): every assessed area's grades across inspections, as an
//! SVG chart and a table holding the same data.

use std::sync::Arc;

use inspection_core::history::{filter_history, history, History, HistoryCell};
use inspection_core::i18n::{self, T};
use inspection_core::url::UrlState;
use inspection_core::view::pillar_options;
use inspection_core::{Inspection, Manifest};
use leptos::prelude::*;

use crate::components::all_inspections::{AllInspections, RenderLoaded};
use crate::components::empty_state::EmptyState;
use crate::components::export::{print_only, ExportPanel};
use crate::components::history_chart::{card_state, cell_label, HistoryChart};
use crate::components::result_count::ResultCount;
use crate::i18n::{use_data_lang, use_lang};
use crate::nav::use_href;

/// The history view.
#[component]
pub fn HistoryView(
    /// The validated manifest.
    manifest: Arc<Manifest>,
    /// Current state from the URL.
    state: Memo<UrlState>,
    /// Pillar/area options for the filter panel, set here once the data is in.
    pillars: RwSignal<Vec<(String, String)>>,
) -> impl IntoView {
    let render: RenderLoaded = Arc::new(move |manifest, loaded, _| {
        let mut ordered: Vec<&Inspection> = loaded.values().collect();
        inspection_core::sort::sort_by(&mut ordered, |a, b| b.period.cmp(&a.period));
        pillars.set(pillar_options(&ordered));
        let all = Arc::new(history(&manifest, &loaded));
        view! { <HistoryBody all state /> }.into_any()
    });
    view! { <AllInspections manifest loading=T::LoadingHistory render /> }
}

/// Heading, count, chart and table of the filtered history.
#[component]
fn HistoryBody(
    /// The whole history, unfiltered.
    all: Arc<History>,
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = use_lang();
    let total = all.rows.len();
    let shown = Memo::new(move |_| filter_history(&all, &state.get()));
    let count = Signal::derive(move || {
        i18n::showing(
            lang,
            shown.try_with(|h| h.rows.len()).unwrap_or(0),
            total,
            T::UnitAreas,
        )
    });
    view! {
        <h2 class="history__title">{T::HistoryHeading.get(lang)}</h2>
        <p class="history__intro">{T::HistoryIntro.get(lang)}</p>
        <ResultCount text=count />
        <ExportPanel downloads=print_only() />
        {(total == 0).then(|| view! { <p>{T::NoLineages.get(lang)}</p> })}
        <Show when=move || shown.try_with(|h| !h.rows.is_empty()).unwrap_or(false) fallback=move || view! { <EmptyState state heading=T::NoMatchHistory /> }>
            {move || {
                let h = shown.get();
                view! {
                    <HistoryChart history=h.clone() state />
                    <HistoryTable history=h state />
                }
            }}
        </Show>
    }
}

/// The same grades as the chart, as a table whose grades link to their cards.
#[component]
fn HistoryTable(
    /// The (filtered) history.
    history: History,
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = use_lang();
    let dl = use_data_lang();
    let heads = history
        .columns
        .iter()
        .map(|c| view! { <th scope="col" data-inspection=c.inspection_id.clone()>{c.period.clone()}</th> })
        .collect_view();
    let periods: Vec<String> = history.columns.iter().map(|c| c.period.clone()).collect();
    let rows = history
        .rows
        .into_iter()
        .map(|row| {
            let cells = row
                .cells
                .into_iter()
                .zip(&periods)
                .map(|(c, period)| match c {
                    Some(cell) => {
                        let context = format!("{}, {period}:", row.name);
                        view! { <HistoryTableCell cell context context_lang=dl.of(&row.name) state /> }.into_any()
                    }
                    None => view! {
                        <td class="history-table__empty">
                            <span aria-hidden="true">"—"</span>
                            <span class="visually-hidden">{T::NotAssessed.get(lang)}</span>
                        </td>
                    }
                    .into_any(),
                })
                .collect_view();
            view! {
                <tr data-lineage=row.lineage_id.clone()>
                    <th scope="row" lang=dl.of(&row.name)>{row.name.clone()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="history-table">
            <caption>{T::HistoryTableCaption.get(lang)}</caption>
            <thead><tr><th scope="col">{T::Area.get(lang)}</th>{heads}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// One grade: a link to its card, with the carried-over and not-comparable notes as text.
#[component]
fn HistoryTableCell(
    /// The grade.
    cell: HistoryCell,
    /// Area and period, read before the grade by screen readers: "Investigating crime, 2018/19:".
    context: String,
    /// The language to mark the context with (that of the area's name).
    context_lang: Option<&'static str>,
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    let (shape, label) = cell_label(lang, &cell, false);
    let link = href(&card_state(&state.get_untracked(), &cell));
    let carried = cell
        .carried_over_from
        .clone()
        .map(|year| view! { <span class="history-table__note">{format!("({} {year})", T::CarriedOverFrom.get(lang))}</span> });
    let not_comparable = (!cell.comparable_with_previous).then(|| {
        view! { <strong class="history-table__break"><span aria-hidden="true">"≠ "</span>{T::NotComparableLong.get(lang)}</strong> }
    });
    view! {
        <td class="history-table__cell" data-inspection=cell.inspection_id.clone() data-grade=cell.grade.map(|g| g.slug())>
            <a href=link class="history-table__link">
                <span class="visually-hidden" lang=context_lang>{context}</span>
                <span class="history-table__shape" aria-hidden="true">{shape}</span> " " {label}
            </a>
            {carried}
            {not_comparable}
        </td>
    }
}
