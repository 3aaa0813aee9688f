use inspection_core::search::Query;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::use_data_lang;

/// Data text with the search matches marked. Always rendered as text nodes, never as HTML,
/// and marked as English on a Welsh page unless it is the data's Welsh.
///
/// A new search redraws the marks only of texts it marks differently, straight in the DOM:
/// typing on usually changes the marks of a few texts among the hundreds shown, and
/// rebuilding every text's view on each keystroke was the largest part of the keystroke.
#[component]
pub fn Highlight(
    /// The text to show.
    #[prop(into)]
    text: String,
    /// The current search; re-highlights when it changes.
    query: Memo<Query>,
    /// Its `lang` attribute, where the text is made of several data texts (by default, that
    /// of the one data text it is).
    #[prop(optional)]
    lang: Option<Option<&'static str>>,
) -> impl IntoView {
    let lang = lang.unwrap_or_else(|| use_data_lang().of(&text));
    let first = query
        .try_with_untracked(|q| q.ranges(&text))
        .unwrap_or_default();
    let parts = Query::split(&text, &first)
        .into_iter()
        .map(|(part, hit)| {
            let part = part.to_string();
            if hit {
                view! { <mark>{part}</mark> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view();
    let span = NodeRef::<html::Span>::new();
    let mut shown = Some(first);
    Effect::new(move |_| {
        let Some(ranges) = query.try_with(|q| q.ranges(&text)) else {
            return;
        };
        if shown.as_ref() != Some(&ranges) {
            if let Some(el) = span.get_untracked() {
                redraw(&el, &text, &ranges);
            }
            shown = Some(ranges);
        }
    });
    view! { <span lang=lang node_ref=span>{parts}</span> }
}

/// Replaces the children of `el` with `text`, its `ranges` in `<mark>`s.
fn redraw(el: &web_sys::HtmlElement, text: &str, ranges: &[(usize, usize)]) {
    if ranges.is_empty() {
        el.set_text_content(Some(text));
        return;
    }
    el.set_text_content(None);
    let doc = document();
    for (part, hit) in Query::split(text, ranges) {
        let node: web_sys::Node = if hit {
            let Ok(mark) = doc.create_element("mark") else {
                continue;
            };
            mark.set_text_content(Some(part));
            mark.into()
        } else {
            doc.create_text_node(part).into()
        };
        let _ = el.append_child(&node);
    }
}
