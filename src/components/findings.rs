use std::sync::Arc;

use inspection_core::i18n::T;
use inspection_core::search::{fold, Query};
use inspection_core::Inspection;
use leptos::prelude::*;

use crate::components::highlight::Highlight;
use crate::i18n::{use_data_lang, use_lang};

/// Findings, quotes and figures of an inspection that grades nothing (e.g. the 2012 revisit).
#[component]
pub fn Findings(
    /// The inspection.
    ins: Arc<Inspection>,
    /// The current search: narrows and highlights the findings.
    query: Memo<Query>,
) -> impl IntoView {
    let lang = use_lang();
    let dl = use_data_lang();
    let findings = {
        let ins = ins.clone();
        move || {
            query.with(|q| {
                ins.findings
                    .iter()
                    .filter(|f| q.matches_folded(&fold(&f.text)))
                    .map(|f| view! { <li><Highlight text=f.text.clone() query /></li> })
                    .collect_view()
            })
        }
    };
    let figures = ins.figures.iter().map(|f| {
        view! { <tr><th scope="row" lang=dl.of(&f.name)>{f.name.clone()}</th><td>{f.value}</td><td lang=dl.of(&f.period)>{f.period.clone()}</td></tr> }
    }).collect_view();
    view! {
        <section class="findings" aria-labelledby="findings-title">
            <h3 id="findings-title">{T::Findings.get(lang)}</h3>
            <p class="findings__ungraded">
                <span aria-hidden="true">"○ "</span>
                {T::NoGradesGiven.get(lang)}
            </p>
            <ul class="findings__list">{findings}</ul>
            {(!ins.figures.is_empty()).then(|| view! {
                <table class="figures-table">
                    <caption>{T::Figures.get(lang)}</caption>
                    <thead><tr>
                        <th scope="col">{T::Measure.get(lang)}</th>
                        <th scope="col">{T::Value.get(lang)}</th>
                        <th scope="col">{T::PeriodColumn.get(lang)}</th>
                    </tr></thead>
                    <tbody>{figures}</tbody>
                </table>
            })}
        </section>
    }
}
