use inspection_core::search::Query;
use leptos::prelude::*;

/// Data text with the search matches marked. Always rendered as text nodes, never as HTML.
#[component]
pub fn Highlight(
    /// The text to show.
    #[prop(into)]
    text: String,
    /// The current search; re-highlights when it changes.
    query: Memo<Query>,
) -> impl IntoView {
    move || {
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
    }
}
