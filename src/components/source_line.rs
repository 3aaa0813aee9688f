use inspection_core::i18n::{format_date, T};
use inspection_core::view::SourceInfo;
use leptos::prelude::*;

use crate::i18n::{use_data_lang, use_lang};

/// Names the document an item comes from, with its date and the source text's file name.
#[component]
pub fn SourceLine(
    /// The source to name.
    source: SourceInfo,
) -> impl IntoView {
    let lang = use_lang();
    let dl = use_data_lang();
    let date = source.date.as_deref().map(|d| format_date(lang, d));
    let title = match source.url.clone() {
        Some(url) => view! { <a href=url rel="noopener noreferrer" target="_blank" lang=dl.of(&source.title)>{source.title.clone()}</a> }.into_any(),
        None => view! { <cite lang=dl.of(&source.title)>{source.title.clone()}</cite> }.into_any(),
    };
    view! {
        <p class="source-line">
            {T::Source.get(lang)} " " {title}
            {(!source.publisher.is_empty()).then(|| view! { ", " <span lang=dl.of(&source.publisher)>{source.publisher.clone()}</span> })}
            {date.map(|d| format!(", {d}"))}
            {(!source.file.is_empty()).then(|| view! { " (" <code>{source.file.clone()}</code> ")" })}
        </p>
    }
}
