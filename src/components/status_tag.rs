use inspection_core::i18n;
use inspection_core::view::AfiStatus;
use leptos::prelude::*;

use crate::i18n::use_lang;

/// An improvement item's status as a tag with a shape as well as a colour.
#[component]
pub fn StatusTag(
    /// The status to show.
    status: AfiStatus,
) -> impl IntoView {
    let lang = use_lang();
    let icon = match status {
        AfiStatus::Open => "○",
        AfiStatus::Met => "✓",
        AfiStatus::InProgress => "◐",
        AfiStatus::NotMet => "✗",
    };
    view! {
        <strong class=format!("status-tag status-tag--{}", status.slug()) data-status=status.slug()>
            <span aria-hidden="true">{icon}</span>
            {i18n::status(status).get(lang)}
        </strong>
    }
}
