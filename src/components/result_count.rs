use leptos::prelude::*;

/// "Showing 3 of 11 areas for improvement", announced politely when it changes.
#[component]
pub fn ResultCount(
    /// The sentence to show.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    view! { <p class="result-count" role="status" aria-live="polite">{text}</p> }
}
