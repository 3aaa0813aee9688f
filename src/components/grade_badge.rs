use inspection_core::i18n::{self, Lang, T};
use inspection_core::Grade;
use leptos::prelude::*;

use crate::dom::{add, el, set, text, DomView};
use crate::i18n::use_lang;

/// A grade shown as text, colour and a shape, so no meaning rests on colour alone.
#[component]
pub fn GradeBadge(
    /// The grade; `None` when the source states no grade.
    grade: Option<Grade>,
) -> impl IntoView {
    DomView::new(grade_badge(grade, use_lang()))
}

/// The element of [`GradeBadge`], for views built with DOM calls.
pub fn grade_badge(grade: Option<Grade>, lang: Lang) -> web_sys::Element {
    let (slug, shape, label) = match grade {
        Some(g) => (g.slug(), icon(g), i18n::grade(g).get(lang)),
        None => ("none", "–", T::GradeNotStated.get(lang)),
    };
    let badge = el("strong", &format!("grade-tag grade-tag--{slug}"));
    if let Some(g) = grade {
        set(&badge, "data-grade", g.slug());
    }
    let icon_el = add(&badge, "span", "grade-tag__icon");
    set(&icon_el, "aria-hidden", "true");
    text(&icon_el, shape);
    text(&badge, label);
    badge
}

/// Shape per grade: best to worst reads ★ ● ◆ ▲ ■; ungraded is a hollow circle.
pub fn icon(grade: Grade) -> &'static str {
    match grade {
        Grade::Outstanding => "★",
        Grade::Good => "●",
        Grade::Adequate => "◆",
        Grade::RequiresImprovement => "▲",
        Grade::Inadequate => "■",
        Grade::Ungraded => "○",
    }
}
