use inspection_core::i18n::T;
use inspection_core::url::UrlState;
use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::nav::use_href;

/// Shown when the filters exclude everything, with a way out.
#[component]
pub fn EmptyState(
    /// Current state from the URL.
    state: Memo<UrlState>,
    /// The heading, e.g. `T::NoMatchImprovements`.
    heading: T,
) -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    let clear = move || href(&state.get().cleared());
    view! {
        <div class="empty-state">
            <h3>{heading.get(lang)}</h3>
            <p>{T::TryFewer.get(lang)} " " <a href=clear>{T::ClearFilters.get(lang)}</a></p>
        </div>
    }
}
