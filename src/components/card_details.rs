use inspection_core::search::Query;
use inspection_core::view::{AfiStatus, Card};
use leptos::prelude::*;

use crate::components::highlight::Highlight;
use crate::components::status_tag::StatusTag;
use crate::i18n::{use_data_lang, use_lang};
use inspection_core::i18n::{self, Lang, T};

/// The expandable part of a grade card: what the inspectorate asked the force to improve
/// under this card, what it said about earlier items, and notes on the sources.
#[component]
pub fn CardDetails(
    /// The card whose details to show.
    card: Card,
    /// The current search, for highlighting.
    query: Memo<Query>,
) -> impl IntoView {
    let lang = use_lang();
    let dl = use_data_lang();
    let name_of = {
        let card = card.clone();
        move |id: &str| {
            std::iter::once(&card.judgment)
                .chain(card.rows.iter())
                .find(|j| j.id == id)
                .map(|j| j.name.clone())
        }
    };
    let summary = details_summary(lang, &card);
    let afis = card.afis.clone().into_iter().map(|a| {
        let area = name_of(&a.judgment);
        view! {
            <li class="afi">
                <Highlight text=a.text.clone() query />
                {(!a.parts.is_empty()).then(|| view! {
                    <ul>{a.parts.iter().map(|p| view! { <li><Highlight text=p.clone() query /></li> }).collect_view()}</ul>
                })}
                {area.map(|n| view! { <span class="afi__area">" (" <span lang=dl.of(&n)>{n.clone()}</span> ")"</span> })}
            </li>
        }
    }).collect_view();
    let causes = card.causes.clone().into_iter().map(|c| view! {
        <li class="cause">
            <Highlight text=c.text.clone() query />
            <ul>{c.recommendations.iter().map(|r| view! { <li lang=dl.of(r)>{r.clone()}</li> }).collect_view()}</ul>
        </li>
    }).collect_view();
    let follow_ups = card.follow_ups.clone().into_iter().map(|f| {
        let status = AfiStatus::from_follow_up(f.status);
        view! {
            <li class="follow-up">
                <StatusTag status />
                " " <Highlight text=f.text.clone() query />
                <span class="follow-up__status">" — “" <span lang=dl.of(&f.status_text)>{f.status_text.clone()}</span> "” (" {T::FromLabel.get(lang)} " " <span lang=dl.of(&f.origin)>{f.origin.clone()}</span> ")"</span>
            </li>
        }
    }).collect_view();
    let findings = card
        .findings
        .clone()
        .into_iter()
        .map(|f| view! { <li><Highlight text=f.text query /></li> })
        .collect_view();
    let notes = card
        .notes
        .clone()
        .into_iter()
        .map(|n| view! { <li lang=dl.of(&n.text)>{n.text.clone()}</li> })
        .collect_view();
    view! {
        <details class="grade-card__details">
            <summary>{summary}</summary>
            <h4>{T::AreasForImprovement.get(lang)}</h4>
            {if card.afis.is_empty() {
                view! { <p>{T::NoneListedHere.get(lang)}</p> }.into_any()
            } else {
                view! { <ul class="afi-list">{afis}</ul> }.into_any()
            }}
            {(!card.causes.is_empty()).then(|| view! { <h4>{T::CausesOfConcern.get(lang)}</h4><ul>{causes}</ul> })}
            {(!card.follow_ups.is_empty()).then(|| view! { <h4>{T::EarlierItems.get(lang)}</h4><ul class="follow-ups">{follow_ups}</ul> })}
            {(!card.findings.is_empty()).then(|| view! { <h4>{T::KeyFindings.get(lang)}</h4><ul class="findings">{findings}</ul> })}
            {(!card.notes.is_empty()).then(|| view! { <h4>{T::NotesOnSources.get(lang)}</h4><ul class="notes">{notes}</ul> })}
        </details>
    }
}

/// The disclosure's label: what opening it will show.
pub fn details_summary(lang: Lang, card: &Card) -> String {
    let mut parts = vec![i18n::count(lang, card.afis.len(), T::AfiOne, T::AfiMany)];
    if !card.causes.is_empty() {
        parts.push(i18n::count(
            lang,
            card.causes.len(),
            T::CauseOne,
            T::CauseMany,
        ));
    }
    if !card.follow_ups.is_empty() {
        parts.push(i18n::count(
            lang,
            card.follow_ups.len(),
            T::EarlierOne,
            T::EarlierMany,
        ));
    }
    if !card.findings.is_empty() {
        parts.push(i18n::count(
            lang,
            card.findings.len(),
            T::FindingOne,
            T::FindingMany,
        ));
    }
    format!("{} {}", T::ShowDetails.get(lang), parts.join(", "))
}
