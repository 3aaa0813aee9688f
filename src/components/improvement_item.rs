use std::sync::Arc;

use inspection_core::search::Query;
use inspection_core::view::{ImprovementRow, Relation, RowKind, ThreadStep};
use leptos::prelude::*;

use crate::components::grade_badge::GradeBadge;
use crate::components::highlight::Highlight;
use crate::components::source_line::SourceLine;
use crate::components::status_tag::StatusTag;
use crate::i18n::{use_data_lang, use_lang};
use inspection_core::i18n::{self, T};

/// One item of the improvements list: its text, area, inspection, status and thread.
#[component]
pub fn ImprovementItem(
    /// The row to show.
    row: Arc<ImprovementRow>,
    /// The current search, for highlighting.
    query: Memo<Query>,
) -> impl IntoView {
    let lang = use_lang();
    let dl = use_data_lang();
    let anchor = row_anchor(&row.key);
    let (area, area_lang) = match &row.pillar_name {
        Some(p) => (
            format!("{p} › {}", row.judgment_name),
            dl.of_all(&[p, &row.judgment_name]),
        ),
        None => (row.judgment_name.clone(), dl.of(&row.judgment_name)),
    };
    let origin = row
        .origin
        .clone()
        .map(|o| view! { <p class="improvement__origin">{T::FromLabel.get(lang)} " " <span lang=dl.of(&o)>{o.clone()}</span></p> });
    let kind_class = match row.kind {
        RowKind::AreaForImprovement => "afi",
        RowKind::CauseOfConcern => "cause",
        RowKind::EarlierAreaForImprovement | RowKind::EarlierRecommendation => "earlier",
    };
    view! {
        <li class=format!("improvement improvement--{kind_class}") id=anchor data-key=row.key.clone()>
            <div class="improvement__head">
                <StatusTag status=row.status />
                <span class="improvement__kind">{i18n::row_kind(row.kind).get(lang)}</span>
            </div>
            <p class="improvement__text"><Highlight text=row.text.clone() query /></p>
            {(!row.parts.is_empty()).then(|| view! {
                <ul class="improvement__parts">
                    {row.parts.iter().map(|p| view! { <li><Highlight text=p.clone() query /></li> }).collect_view()}
                </ul>
            })}
            <dl class="improvement__meta">
                <dt>{T::Area.get(lang)}</dt>
                <dd><Highlight text=area lang=area_lang query />" " <GradeBadge grade=row.area_grade /></dd>
                <dt>{T::Inspection.get(lang)}</dt>
                <dd><span lang=dl.of(&row.inspection_title)>{row.inspection_title.clone()}</span> " (" {row.period.clone()} ")"</dd>
            </dl>
            {origin}
            {(!row.thread.is_empty()).then(|| view! { <Thread steps=row.thread.clone() /> })}
            <SourceLine source=row.source.clone() />
        </li>
    }
}

/// Element id of a row, for thread links.
pub fn row_anchor(key: &str) -> String {
    format!("item-{}", key.replace('/', "--"))
}

/// The follow-up history of an item, linking to the rows it continues or is continued by.
#[component]
fn Thread(
    /// Steps, oldest first.
    steps: Vec<ThreadStep>,
) -> impl IntoView {
    let lang = use_lang();
    let dl = use_data_lang();
    view! {
        <div class="thread">
            <p class="thread__title">{T::History.get(lang)}</p>
            <ol class="thread__steps">
                {steps.into_iter().map(|s| {
                    let label = match s.relation {
                        Relation::FollowedUp => view! { {T::FollowedUpIn.get(lang)} " " <span lang=dl.of(&s.inspection_title)>{s.inspection_title.clone()}</span> {format!(" ({}): ", s.period)} }.into_any(),
                        Relation::ContinuedBy => format!("{} {}: ", T::CarriedForwardIn.get(lang), s.period).into_any(),
                        Relation::Continues => {
                            let what = if s.period.is_empty() { s.inspection_title.clone() } else { s.period.clone() };
                            view! { {T::ContinuesEarlier.get(lang)} " (" <span lang=dl.of(&what)>{what.clone()}</span> "): " }.into_any()
                        }
                    };
                    let text = match s.row_key {
                        Some(k) => view! { <a href=format!("#{}", row_anchor(&k)) lang=dl.of(&s.text)>{s.text.clone()}</a> }.into_any(),
                        None => view! { <q lang=dl.of(&s.text)>{s.text.clone()}</q> }.into_any(),
                    };
                    view! { <li>{label}{text}{s.status.map(|st| view! { " " <StatusTag status=st /> })}</li> }
                }).collect_view()}
            </ol>
        </div>
    }
}
