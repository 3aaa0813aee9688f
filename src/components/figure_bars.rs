//! One 'Force in context' figure as labelled SVG bars (the force's value solid, comparators
//! outlined, so greyscale print keeps them apart), and a group's figures as a table.

use inspection_core::figures::{bar_fraction, bars, format_value};
use inspection_core::i18n::T;
use inspection_core::Figure;
use leptos::prelude::*;

use crate::i18n::{use_data_lang, use_lang};

const WIDTH: f64 = 620.0;
const LABEL_W: f64 = 230.0;
/// Longest bar; the rest of the width holds the value text.
const BAR_MAX: f64 = 260.0;
const BAR_H: f64 = 20.0;
const GAP: f64 = 10.0;

/// The bars of one figure, named by an SVG title that states every value.
#[component]
pub fn FigureBars(
    /// The figure.
    figure: Figure,
) -> impl IntoView {
    let lang = use_lang();
    let dl = use_data_lang();
    let bars = bars(&figure);
    let height = bars.len() as f64 * (BAR_H + GAP) + GAP;
    let title_id = format!("figure-{}-title", figure.id);
    let labelled_by = title_id.clone();
    let summary = bars
        .iter()
        .map(|b| format!("{} {}", b.label, format_value(lang, b.value, figure.unit)))
        .collect::<Vec<_>>()
        .join("; ");
    let title = format!("{}: {summary}", figure.name);
    // The chart reads as one text: marked English if any of its data text is.
    let title_lang = dl.of_all(
        &std::iter::once(figure.name.as_str())
            .chain(bars.iter().map(|b| b.label.as_str()))
            .collect::<Vec<_>>(),
    );
    let drawn = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = GAP + i as f64 * (BAR_H + GAP);
            let w = (bar_fraction(&bars, b.value) * BAR_MAX).max(1.0);
            let class = if b.is_force { "figure-bars__bar figure-bars__bar--force" } else { "figure-bars__bar figure-bars__bar--comparator" };
            view! {
                <g class="figure-bars__item" data-value=b.value data-force=b.is_force.to_string()>
                    <text x=0 y={y + 15.0} class="figure-bars__label">{b.label.clone()}</text>
                    <rect x=LABEL_W y=y width=w height=BAR_H class=class />
                    <text x={LABEL_W + w + 6.0} y={y + 15.0} class="figure-bars__value">{format_value(lang, b.value, figure.unit)}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="figure-bars" viewBox=format!("0 0 {WIDTH} {height}") width=WIDTH height=height
            role="img" aria-labelledby=labelled_by xmlns="http://www.w3.org/2000/svg" lang=title_lang>
            <title id=title_id>{title}</title>
            {drawn}
        </svg>
    }
}

/// A comparator as the table shows it: "England and Wales rate: 175 per 1,000".
fn comparator_text(lang: inspection_core::i18n::Lang, f: &Figure) -> String {
    f.comparators
        .iter()
        .map(|c| {
            format!(
                "{}: {}",
                c.label,
                format_value(lang, c.value, c.unit.unwrap_or(f.unit))
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A group's figures as a table: measure, the force's value, comparators, period.
#[component]
pub fn FigureTable(
    /// The group's heading, for the caption.
    caption: String,
    /// The figures.
    figures: Vec<Figure>,
) -> impl IntoView {
    let lang = use_lang();
    let dl = use_data_lang();
    let rows = figures
        .into_iter()
        .map(|f| {
            let value = format!("{}: {}", f.value_label, format_value(lang, f.value, f.unit));
            let compared = comparator_text(lang, &f);
            let labels: Vec<&str> = f.comparators.iter().map(|c| c.label.as_str()).collect();
            view! {
                <tr data-figure=f.id.clone()>
                    <th scope="row" lang=dl.of(&f.name)>{f.name.clone()}</th>
                    <td lang=dl.of(&f.value_label)>{value}</td>
                    <td lang=dl.of_all(&labels)>{compared}</td>
                    <td lang=dl.of(&f.period)>{f.period.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="figures-table">
            <caption lang=dl.of(&caption)>{caption.clone()}</caption>
            <thead>
                <tr>
                    <th scope="col">{T::Measure.get(lang)}</th>
                    <th scope="col">{T::Value.get(lang)}</th>
                    <th scope="col">{T::Compared.get(lang)}</th>
                    <th scope="col">{T::PeriodColumn.get(lang)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
