use std::sync::Arc;

use inspection_core::search::{fold, Query};
use inspection_core::Inspection;
use leptos::prelude::*;

use crate::components::highlight::Highlight;

/// Findings, quotes and figures of an inspection that grades nothing (e.g. the 2012 revisit).
#[component]
pub fn Findings(
    /// The inspection.
    ins: Arc<Inspection>,
    /// The current search: narrows and highlights the findings.
    query: Memo<Query>,
) -> impl IntoView {
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
        view! { <tr><th scope="row">{f.name.clone()}</th><td>{f.value}</td><td>{f.period.clone()}</td></tr> }
    }).collect_view();
    view! {
        <section class="findings" aria-labelledby="findings-title">
            <h3 id="findings-title">"Findings"</h3>
            <p class="findings__ungraded">
                <span aria-hidden="true">"○ "</span>
                "This inspection gave no grades. These are its findings, as written."
            </p>
            <ul class="findings__list">{findings}</ul>
            {(!ins.figures.is_empty()).then(|| view! {
                <table class="figures-table">
                    <caption>"Figures"</caption>
                    <thead><tr><th scope="col">"Measure"</th><th scope="col">"Value"</th><th scope="col">"Period"</th></tr></thead>
                    <tbody>{figures}</tbody>
                </table>
            })}
        </section>
    }
}
