use inspection_core::i18n::{self, Lang};
use inspection_core::view::AfiStatus;
use leptos::prelude::*;

use crate::dom::{add, el, set, text, DomView};
use crate::i18n::use_lang;

/// An improvement item's status as a tag with a shape as well as a colour.
#[component]
pub fn StatusTag(
    /// The status to show.
    status: AfiStatus,
) -> impl IntoView {
    DomView::new(status_tag(status, use_lang()))
}

/// The element of [`StatusTag`], for views built with DOM calls.
pub fn status_tag(status: AfiStatus, lang: Lang) -> web_sys::Element {
    let icon = match status {
        AfiStatus::Open => "○",
        AfiStatus::Met => "✓",
        AfiStatus::InProgress => "◐",
        AfiStatus::NotMet => "✗",
    };
    let tag = el(
        "strong",
        &format!("status-tag status-tag--{}", status.slug()),
    );
    set(&tag, "data-status", status.slug());
    let shape = add(&tag, "span", "");
    set(&shape, "aria-hidden", "true");
    text(&shape, icon);
    text(&tag, i18n::status(status).get(lang));
    tag
}
