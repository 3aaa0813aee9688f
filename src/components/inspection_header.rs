use std::sync::Arc;

use inspection_core::i18n::{format_date, T};
use inspection_core::{Inspection, ManifestEntry};
use leptos::prelude::*;

use crate::i18n::{use_data_lang, use_lang};
use crate::nav::use_href;

/// Title, date, sources and whether this inspection is current or superseded.
#[component]
pub fn InspectionHeader(
    /// The inspection shown.
    ins: Arc<Inspection>,
    /// Its manifest entry.
    entry: ManifestEntry,
    /// The newest inspection in the data.
    newest: Option<ManifestEntry>,
) -> impl IntoView {
    let lang = use_lang();
    let dl = use_data_lang();
    let href = use_href();
    let is_current = newest.as_ref().is_none_or(|n| n.id == entry.id);
    let notice = if is_current {
        view! {
            <p class="notice notice--current">
                <span aria-hidden="true">"✔ "</span>
                <strong>{T::Current.get(lang)}</strong>
                " " {T::CurrentRest.get(lang)}
            </p>
        }
        .into_any()
    } else {
        let n = newest
            .clone()
            .expect("not current means there is a newer one");
        let link = href(&inspection_core::url::UrlState {
            inspection: Some(n.id.clone()),
            // Filters go; page settings (language, embed mode, accent) stay.
            ..crate::nav::use_url_state().get_untracked().cleared()
        });
        view! {
            <div class="notice notice--superseded" role="note">
                <p>
                    <span aria-hidden="true">"⚠ "</span>
                    <strong>{T::Superseded.get(lang)}</strong>
                    " " {T::SupersededBy.get(lang)} " " <span lang=dl.of(&n.title)>{n.title.clone()}</span>
                    {format!(" ({}). ", n.period)} {T::NotCurrentGrades.get(lang)}
                </p>
                <p><a href=link>{T::SeeNewest.get(lang)}</a></p>
            </div>
        }
        .into_any()
    };
    let published = ins.published.clone().map(|p| {
        view! { <p class="inspection__date">{T::Published.get(lang)} " " {format_date(lang, &p.date)} " (" <span lang=dl.of(&p.basis)>{p.basis.clone()}</span> ")"</p> }
    });
    let sources = ins.sources.iter().map(|s| {
        let date = s.date.as_deref().map(|d| format!(", {}", format_date(lang, d)));
        view! { <li><cite lang=dl.of(&s.title)>{s.title.clone()}</cite> ", " <span lang=dl.of(&s.publisher)>{s.publisher.clone()}</span> {date} " (" <code>{s.file.clone()}</code> ")"</li> }
    }).collect_view();
    let notes = ins
        .notes
        .iter()
        .map(|n| view! { <li lang=dl.of(&n.text)>{n.text.clone()}</li> })
        .collect_view();
    let note_count = ins.notes.len();
    view! {
        <section class="inspection" aria-labelledby="inspection-title">
            <h2 id="inspection-title" lang=dl.of(&entry.title)>{entry.title.clone()}</h2>
            <p class="inspection__period">{T::Period.get(lang)} " " {entry.period.clone()}</p>
            {notice}
            {published}
            <h3 class="inspection__sources-title">{T::Sources.get(lang)}</h3>
            <ul class="inspection__sources">{sources}</ul>
            {(note_count > 0).then(|| view! {
                <details class="inspection__notes">
                    <summary>{format!("{} ({note_count})", T::NotesOnSources.get(lang))}</summary>
                    <ul>{notes}</ul>
                </details>
            })}
        </section>
    }
}
