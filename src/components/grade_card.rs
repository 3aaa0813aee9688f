use inspection_core::search::Query;
use inspection_core::view::Card;
use inspection_core::Judgment;
use leptos::prelude::*;

use crate::components::card_details::CardDetails;
use crate::components::grade_badge::GradeBadge;
use crate::components::highlight::Highlight;
use crate::components::source_line::SourceLine;
use crate::i18n::{use_data_lang, use_lang};
use inspection_core::i18n::{self, Lang, T};

/// "3 areas for improvement", or a plain statement that the sources list none.
pub fn afi_count_text(lang: Lang, n: usize) -> String {
    match n {
        0 => T::NoAfisInSources.get(lang).to_string(),
        n => i18n::count(lang, n, T::AfiOne, T::AfiMany),
    }
}

/// A pillar card with its question rows, or an area card. Opening it shows the areas for
/// improvement, causes of concern, follow-ups and source notes under it.
#[component]
pub fn GradeCard(
    /// The card, already filtered.
    card: Card,
    /// The current search, for highlighting.
    query: Memo<Query>,
) -> impl IntoView {
    let lang = use_lang();
    let dl = use_data_lang();
    let j = card.judgment.clone();
    let heading_id = format!("card-{}", j.id);
    let labelled_by = heading_id.clone();
    let rows = card.rows.clone();
    let counts: Vec<usize> = rows.iter().map(|r| card.afi_count_for(&r.id)).collect();
    view! {
        <article class="grade-card" aria-labelledby=labelled_by data-judgment=j.id.clone()>
            <header class="grade-card__header">
                <h3 id=heading_id class="grade-card__title">
                    <Highlight text=j.name.clone() query />
                </h3>
                <GradeBadge grade=j.grade />
            </header>
            {j.question.clone().map(|q| view! { <p class="grade-card__question" lang=dl.of(&q)>{q.clone()}</p> })}
            <JudgmentMeta judgment=j.clone() />
            <p class="grade-card__afi-count">{afi_count_text(lang, card.afis.len())}</p>
            {(!rows.is_empty()).then(|| view! {
                <ul class="question-rows">
                    {rows.into_iter().zip(counts).map(|(row, n)| view! { <QuestionRow judgment=row afi_count=n query /> }).collect_view()}
                </ul>
            })}
            <CardDetails card=card.clone() query />
            <SourceLine source=card.source.clone() />
        </article>
    }
}

/// One question inside a pillar card.
#[component]
fn QuestionRow(
    /// The question.
    judgment: Judgment,
    /// Areas for improvement under it.
    afi_count: usize,
    /// The current search.
    query: Memo<Query>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <li class="question-row" data-judgment=judgment.id.clone()>
            <span class="question-row__name"><Highlight text=judgment.name.clone() query /></span>
            <GradeBadge grade=judgment.grade />
            <JudgmentMeta judgment=judgment.clone() />
            {(afi_count > 0).then(|| view! { <span class="question-row__afis">{afi_count_text(lang, afi_count)}</span> })}
        </li>
    }
}

/// Last-inspected year and the carried-over notice, so an old grade never looks current.
#[component]
fn JudgmentMeta(
    /// The judgment whose dates to show.
    judgment: Judgment,
) -> impl IntoView {
    let lang = use_lang();
    let dl = use_data_lang();
    let last = judgment.last_inspected.map(
        |y| view! { <span class="last-inspected">{T::LastInspected.get(lang)} " " {y}</span> },
    );
    let carried = judgment.carried_over.map(|c| {
        view! {
            <p class="carried-over">
                <span aria-hidden="true">"↻ "</span>
                <strong>{T::CarriedOver.get(lang)}</strong>
                " " {T::CarriedFrom.get(lang)} " " <span lang=dl.of(&c.from)>{c.from.clone()}</span>
                " " {T::NotReinspected.get(lang)}
            </p>
        }
    });
    view! { <div class="judgment-meta">{last}{carried}</div> }
}
