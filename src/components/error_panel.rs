use inspection_core::i18n::T;
use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::use_lang;

/// Shows what failed and a Retry button. Used as every `<ErrorBoundary>` fallback.
#[component]
pub fn ErrorPanel(
    /// The errors caught by the boundary.
    errors: ArcRwSignal<Errors>,
    /// Called when the visitor presses Retry.
    on_retry: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let messages = move || {
        errors
            .read()
            .iter()
            .map(|(_, e)| match (**e).downcast_ref::<AppError>() {
                Some(app) => view! { <ErrorMessage error=app.clone() /> }.into_any(),
                None => view! { <li lang="en">{e.to_string()}</li> }.into_any(),
            })
            .collect_view()
    };
    view! {
        <div class="error-panel" role="alert">
            <h2>{T::SomethingWrong.get(lang)}</h2>
            <ul>{messages}</ul>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {T::Retry.get(lang)}
            </button>
        </div>
    }
}

/// One failure: the sentence in the page's language, the technical detail as written.
#[component]
pub fn ErrorMessage(
    /// The failure.
    error: AppError,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <li>
            {error.headline(lang)}
            <br />
            <span class="error-detail">{T::ErrTechnical.get(lang)} ": " <code lang="en">{error.detail()}</code></span>
        </li>
    }
}
