use leptos::prelude::*;

/// Shows what failed and a Retry button. Used as every `<ErrorBoundary>` fallback.
#[component]
pub fn ErrorPanel(
    /// The errors caught by the boundary.
    errors: ArcRwSignal<Errors>,
    /// Called when the visitor presses Retry.
    on_retry: Callback<()>,
) -> impl IntoView {
    let messages = move || {
        errors
            .read()
            .iter()
            .map(|(_, e)| e.to_string())
            .collect::<Vec<_>>()
    };
    view! {
        <div class="error-panel" role="alert">
            <h2>"Something went wrong"</h2>
            <ul>
                {move || {
                    messages().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()
                }}
            </ul>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </div>
    }
}
