use std::sync::Arc;

use inspection_core::search::Query;
use inspection_core::view::{ImprovementRow, Relation, RowKind, ThreadStep};
use leptos::prelude::*;

use crate::components::grade_badge::grade_badge;
use crate::components::highlight::{follow, Marked};
use crate::components::source_line::source_line;
use crate::components::status_tag::status_tag;
use crate::dom::{add, append, el, set, set_lang, text, DomView};
use crate::i18n::{use_data_lang, use_lang, DataLang};
use inspection_core::i18n::{self, Lang, T};
use web_sys::Element;

/// One item of the improvements list: its text, area, inspection, status and thread.
///
/// Built with DOM calls (see [`crate::dom`]): typing in the search box brings new rows in on
/// every keystroke. One effect keeps all the row's highlighted texts up to date.
#[component]
pub fn ImprovementItem(
    /// The row to show.
    row: Arc<ImprovementRow>,
    /// The current search, for highlighting.
    query: Memo<Query>,
) -> impl IntoView {
    let lang = use_lang();
    let dl = use_data_lang();
    let mut marked = Vec::new();
    let li = row_element(&row, lang, &dl, &mut |text, lang| {
        let m = Marked::new(text, lang, query);
        let span = m.element().clone();
        marked.push(m);
        span
    });
    follow(query, marked);
    DomView::new(li)
}

/// The row's `<li>`; `highlight` makes the `<span>` of each text the search can mark.
fn row_element(
    row: &ImprovementRow,
    lang: Lang,
    dl: &DataLang,
    highlight: &mut dyn FnMut(String, Option<&'static str>) -> Element,
) -> Element {
    let kind_class = match row.kind {
        RowKind::AreaForImprovement => "afi",
        RowKind::CauseOfConcern => "cause",
        RowKind::EarlierAreaForImprovement | RowKind::EarlierRecommendation => "earlier",
    };
    let li = el("li", &format!("improvement improvement--{kind_class}"));
    li.set_id(&row_anchor(&row.key));
    set(&li, "data-key", &row.key);
    let head = add(&li, "div", "improvement__head");
    append(&head, &status_tag(row.status, lang));
    text(
        &add(&head, "span", "improvement__kind"),
        i18n::row_kind(row.kind).get(lang),
    );
    let main = add(&li, "p", "improvement__text");
    append(&main, &highlight(row.text.clone(), dl.of(&row.text)));
    if !row.parts.is_empty() {
        let parts = add(&li, "ul", "improvement__parts");
        for p in &row.parts {
            append(&add(&parts, "li", ""), &highlight(p.clone(), dl.of(p)));
        }
    }
    let meta = add(&li, "dl", "improvement__meta");
    text(&add(&meta, "dt", ""), T::Area.get(lang));
    let area = add(&meta, "dd", "");
    let (area_text, area_lang) = match &row.pillar_name {
        Some(p) => (
            format!("{p} › {}", row.judgment_name),
            dl.of_all(&[p, &row.judgment_name]),
        ),
        None => (row.judgment_name.clone(), dl.of(&row.judgment_name)),
    };
    append(&area, &highlight(area_text, area_lang));
    text(&area, " ");
    append(&area, &grade_badge(row.area_grade, lang));
    text(&add(&meta, "dt", ""), T::Inspection.get(lang));
    let inspection = add(&meta, "dd", "");
    let title = add(&inspection, "span", "");
    set_lang(&title, dl.of(&row.inspection_title));
    text(&title, &row.inspection_title);
    text(&inspection, &format!(" ({})", row.period));
    if let Some(origin) = &row.origin {
        let p = add(&li, "p", "improvement__origin");
        text(&p, T::FromLabel.get(lang));
        text(&p, " ");
        let o = add(&p, "span", "");
        set_lang(&o, dl.of(origin));
        text(&o, origin);
    }
    if !row.thread.is_empty() {
        append(&li, &thread(&row.thread, lang, dl));
    }
    append(&li, &source_line(&row.source, lang, dl));
    li
}

/// Element id of a row, for thread links.
pub fn row_anchor(key: &str) -> String {
    format!("item-{}", key.replace('/', "--"))
}

/// The follow-up history of an item, linking to the rows it continues or is continued by.
/// `steps` oldest first.
fn thread(steps: &[ThreadStep], lang: Lang, dl: &DataLang) -> Element {
    let box_ = el("div", "thread");
    text(&add(&box_, "p", "thread__title"), T::History.get(lang));
    let list = add(&box_, "ol", "thread__steps");
    for s in steps {
        let li = add(&list, "li", "");
        let labelled = |li: &Element, label: &str, what: &str, after: &str| {
            text(li, label);
            let span = add(li, "span", "");
            set_lang(&span, dl.of(what));
            text(&span, what);
            text(li, after);
        };
        match s.relation {
            Relation::FollowedUp => labelled(
                &li,
                &format!("{} ", T::FollowedUpIn.get(lang)),
                &s.inspection_title,
                &format!(" ({}): ", s.period),
            ),
            Relation::ContinuedBy => {
                text(
                    &li,
                    &format!("{} {}: ", T::CarriedForwardIn.get(lang), s.period),
                );
            }
            Relation::Continues => {
                let what = if s.period.is_empty() {
                    &s.inspection_title
                } else {
                    &s.period
                };
                labelled(
                    &li,
                    &format!("{} (", T::ContinuesEarlier.get(lang)),
                    what,
                    "): ",
                );
            }
        }
        let quoted = match &s.row_key {
            Some(k) => {
                let a = add(&li, "a", "");
                set(&a, "href", &format!("#{}", row_anchor(k)));
                a
            }
            None => add(&li, "q", ""),
        };
        set_lang(&quoted, dl.of(&s.text));
        text(&quoted, &s.text);
        if let Some(status) = s.status {
            text(&li, " ");
            append(&li, &status_tag(status, lang));
        }
    }
    box_
}
