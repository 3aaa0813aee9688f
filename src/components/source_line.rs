use inspection_core::view::{format_date, SourceInfo};
use leptos::prelude::*;

/// Names the document an item comes from, with its date and the source text's file name.
#[component]
pub fn SourceLine(
    /// The source to name.
    source: SourceInfo,
) -> impl IntoView {
    let date = source.date.as_deref().map(format_date);
    let title = match source.url.clone() {
        Some(url) => view! { <a href=url rel="noopener noreferrer" target="_blank">{source.title.clone()}</a> }.into_any(),
        None => view! { <cite>{source.title.clone()}</cite> }.into_any(),
    };
    view! {
        <p class="source-line">
            "Source: " {title}
            {(!source.publisher.is_empty()).then(|| format!(", {}", source.publisher))}
            {date.map(|d| format!(", {d}"))}
            {(!source.file.is_empty()).then(|| view! { " (" <code>{source.file.clone()}</code> ")" })}
        </p>
    }
}
