use inspection_core::i18n::{format_date, Lang, T};
use inspection_core::view::SourceInfo;
use leptos::prelude::*;

use crate::dom::{add, el, set, set_lang, text, DomView};
use crate::i18n::{use_data_lang, use_lang, DataLang};

/// Names the document an item comes from, with its date and the source text's file name.
#[component]
pub fn SourceLine(
    /// The source to name.
    source: SourceInfo,
) -> impl IntoView {
    DomView::new(source_line(&source, use_lang(), &use_data_lang()))
}

/// The element of [`SourceLine`], for views built with DOM calls.
pub fn source_line(source: &SourceInfo, lang: Lang, dl: &DataLang) -> web_sys::Element {
    let line = el("p", "source-line");
    text(&line, T::Source.get(lang));
    text(&line, " ");
    let title = match &source.url {
        Some(url) => {
            let a = add(&line, "a", "");
            set(&a, "href", url);
            set(&a, "rel", "noopener noreferrer");
            set(&a, "target", "_blank");
            a
        }
        None => add(&line, "cite", ""),
    };
    set_lang(&title, dl.of(&source.title));
    text(&title, &source.title);
    if !source.publisher.is_empty() {
        text(&line, ", ");
        let publisher = add(&line, "span", "");
        set_lang(&publisher, dl.of(&source.publisher));
        text(&publisher, &source.publisher);
    }
    if let Some(date) = &source.date {
        text(&line, &format!(", {}", format_date(lang, date)));
    }
    if !source.file.is_empty() {
        text(&line, " (");
        text(&add(&line, "code", ""), &source.file);
        text(&line, ")");
    }
    line
}
