use inspection_core::search::Query;
use leptos::prelude::*;
use web_sys::Element;

use crate::dom::{add, el, set_lang, text as add_text, DomView};
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
    let marked = Marked::new(text, lang, query);
    let span = marked.el.clone();
    follow(query, vec![marked]);
    DomView::new(span)
}

/// A highlighted text in the page: its `<span>`, its text and the ranges marked in it.
pub struct Marked {
    el: Element,
    text: String,
    shown: Vec<(usize, usize)>,
}

impl Marked {
    /// A `<span>` of `text` (with `lang`, if any), marked for the search as it is now.
    pub fn new(text: String, lang: Option<&str>, query: Memo<Query>) -> Self {
        let shown = query
            .try_with_untracked(|q| q.ranges(&text))
            .unwrap_or_default();
        let el = el("span", "");
        set_lang(&el, lang);
        draw(&el, &text, &shown);
        Marked { el, text, shown }
    }

    /// The `<span>`, to put in the page.
    pub fn element(&self) -> &Element {
        &self.el
    }

    /// Redraws the marks if `query` marks the text differently.
    fn update(&mut self, query: &Query) {
        let ranges = query.ranges(&self.text);
        if ranges != self.shown {
            self.el.set_text_content(None);
            draw(&self.el, &self.text, &ranges);
            self.shown = ranges;
        }
    }
}

/// Keeps `texts` marked for `query` as it changes: one effect for all the texts of a view.
pub fn follow(query: Memo<Query>, mut texts: Vec<Marked>) {
    Effect::new(move |_| {
        query.try_with(|q| texts.iter_mut().for_each(|t| t.update(q)));
    });
}

/// Appends `text` to the empty `el`, its `ranges` in `<mark>`s.
fn draw(el: &Element, text: &str, ranges: &[(usize, usize)]) {
    for (part, hit) in Query::split(text, ranges) {
        if hit {
            add_text(&add(el, "mark", ""), part);
        } else {
            add_text(el, part);
        }
    }
}
