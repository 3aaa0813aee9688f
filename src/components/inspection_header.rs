use std::sync::Arc;

use inspection_core::view::format_date;
use inspection_core::{Inspection, ManifestEntry};
use leptos::prelude::*;

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
    let href = use_href();
    let is_current = newest.as_ref().is_none_or(|n| n.id == entry.id);
    let notice = if is_current {
        view! {
            <p class="notice notice--current">
                <span aria-hidden="true">"✔ "</span>
                <strong>"Current"</strong>
                " — the newest inspection in this viewer."
            </p>
        }
        .into_any()
    } else {
        let n = newest
            .clone()
            .expect("not current means there is a newer one");
        let link = href(&inspection_core::url::UrlState {
            inspection: Some(n.id.clone()),
            ..Default::default()
        });
        view! {
            <div class="notice notice--superseded" role="note">
                <p>
                    <span aria-hidden="true">"⚠ "</span>
                    <strong>"Superseded"</strong>
                    {format!(" by {} ({}). These are not the current grades.", n.title, n.period)}
                </p>
                <p><a href=link>"See the newest inspection"</a></p>
            </div>
        }
        .into_any()
    };
    let published = ins.published.clone().map(|p| {
        view! { <p class="inspection__date">"Published " {format_date(&p.date)} " (" {p.basis} ")"</p> }
    });
    let sources = ins.sources.iter().map(|s| {
        let date = s.date.as_deref().map(|d| format!(", {}", format_date(d)));
        view! { <li><cite>{s.title.clone()}</cite> ", " {s.publisher.clone()} {date} " (" <code>{s.file.clone()}</code> ")"</li> }
    }).collect_view();
    let notes = ins
        .notes
        .iter()
        .map(|n| view! { <li>{n.text.clone()}</li> })
        .collect_view();
    let note_count = ins.notes.len();
    view! {
        <section class="inspection" aria-labelledby="inspection-title">
            <h2 id="inspection-title">{entry.title.clone()}</h2>
            <p class="inspection__period">"Period: " {entry.period.clone()}</p>
            {notice}
            {published}
            <h3 class="inspection__sources-title">"Sources"</h3>
            <ul class="inspection__sources">{sources}</ul>
            {(note_count > 0).then(|| view! {
                <details class="inspection__notes">
                    <summary>{format!("Notes on the sources ({note_count})")}</summary>
                    <ul>{notes}</ul>
                </details>
            })}
        </section>
    }
}
