use inspection_core::i18n::T;
use inspection_core::url::{UrlState, View};
use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::nav::use_href;

/// Links between the views; the filters carry over.
#[component]
pub fn ViewTabs(
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    view! {
        <nav class="view-tabs" aria-label=T::Views.get(lang)>
            <ul>
                {View::ALL.into_iter().map(|v| {
                    let href = href.clone();
                    let target = move || href(&UrlState { view: v, ..state.get() });
                    let current = move || (state.get().view == v).then_some("page");
                    view! {
                        <li><a href=target aria-current=current class="view-tabs__link">{view_label(v).get(lang)}</a></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// Visible name of a view.
pub fn view_label(v: View) -> T {
    match v {
        View::Grades => T::ViewGrades,
        View::Improvements => T::ViewImprovements,
        View::History => T::ViewHistory,
        View::Figures => T::ViewFigures,
        View::Accessibility => T::A11yLink,
    }
}
