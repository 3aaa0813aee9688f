use inspection_core::i18n::T;
use inspection_core::url::{UrlState, View};
use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::nav::use_href;

/// The accessibility statement, in the page's language.
#[component]
pub fn AccessibilityStatement(
    /// Current state from the URL (to keep the language on the way back).
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    let back = move || {
        href(&UrlState {
            view: View::Grades,
            ..state.get()
        })
    };
    let section = |title: T, body: T| {
        view! {
            <h3>{title.get(lang)}</h3>
            <p>{body.get(lang)}</p>
        }
    };
    view! {
        <article class="statement" aria-labelledby="statement-title">
            <h2 id="statement-title">{T::A11yTitle.get(lang)}</h2>
            <p>{T::A11yIntro.get(lang)}</p>
            {section(T::A11yStandardTitle, T::A11yStandard)}
            {section(T::A11yTestedTitle, T::A11yTested)}
            {section(T::A11yLimitsTitle, T::A11yLimits)}
            {section(T::A11yReportTitle, T::A11yReport)}
            {section(T::A11yEnforcementTitle, T::A11yEnforcement)}
            <p><a href=back>{T::BackToViewer.get(lang)}</a></p>
        </article>
    }
}
