use inspection_core::i18n::T;
use leptos::prelude::*;

use crate::i18n::use_lang;

/// An accessible loading indicator: announced politely, visible as text.
#[component]
pub fn Loading(
    /// What is being loaded, e.g. `T::LoadingInspections`.
    what: T,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {what.get(lang)}
        </p>
    }
}
