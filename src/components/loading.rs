use leptos::prelude::*;

/// An accessible loading indicator: announced politely, visible as text.
#[component]
pub fn Loading(
    /// What is being loaded, e.g. "inspections".
    #[prop(into)]
    what: String,
) -> impl IntoView {
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {format!("Loading {what}…")}
        </p>
    }
}
