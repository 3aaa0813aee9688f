use inspection_core::search::Query;
use leptos::prelude::*;

use crate::i18n::use_lang;

/// Data text with the search matches marked. Always rendered as text nodes, never as HTML,
/// and marked as English on a Welsh page (the sources are in English).
#[component]
pub fn Highlight(
    /// The text to show.
    #[prop(into)]
    text: String,
    /// The current search; re-highlights when it changes.
    query: Memo<Query>,
) -> impl IntoView {
    let lang = use_lang();
    let parts = move || {
        query.with(|q| {
            q.segments(&text)
                .into_iter()
                .map(|(part, hit)| {
                    let part = part.to_string();
                    if hit {
                        view! { <mark>{part}</mark> }.into_any()
                    } else {
                        part.into_any()
                    }
                })
                .collect_view()
        })
    };
    view! { <span lang=lang.data_lang()>{parts}</span> }
}
