use inspection_core::search::Query;
use leptos::prelude::*;

use crate::i18n::use_data_lang;

/// Data text with the search matches marked. Always rendered as text nodes, never as HTML,
/// and marked as English on a Welsh page unless it is the data's Welsh.
#[component]
pub fn Highlight(
    /// The text to show.
    #[prop(into)]
    text: String,
    /// The current search; re-highlights when it changes.
    query: Memo<Query>,
    /// Its `lang` attribute, where the text is made of several data texts (by default, that
    /// of the one data text it is).
    #[prop(optional)]
    lang: Option<Option<&'static str>>,
) -> impl IntoView {
    let lang = lang.unwrap_or_else(|| use_data_lang().of(&text));
    let parts = move || {
        query
            .try_with(|q| {
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
            .unwrap_or_default()
    };
    view! { <span lang=lang>{parts}</span> }
}
