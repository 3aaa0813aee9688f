use inspection_core::url::UrlState;
use leptos::prelude::*;

use crate::nav::use_href;

/// Shown when the filters exclude everything, with a way out.
#[component]
pub fn EmptyState(
    /// Current state from the URL.
    state: Memo<UrlState>,
    /// What is being filtered, e.g. "areas for improvement".
    what: &'static str,
) -> impl IntoView {
    let href = use_href();
    let clear = move || href(&state.get().cleared());
    view! {
        <div class="empty-state">
            <h3>{format!("No {what} match these filters")}</h3>
            <p>"Try fewer filters or another search. " <a href=clear>"Clear filters"</a></p>
        </div>
    }
}
