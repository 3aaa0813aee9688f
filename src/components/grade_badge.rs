use inspection_core::i18n::{self, T};
use inspection_core::Grade;
use leptos::prelude::*;

use crate::i18n::use_lang;

/// A grade shown as text, colour and a shape, so no meaning rests on colour alone.
#[component]
pub fn GradeBadge(
    /// The grade; `None` when the source states no grade.
    grade: Option<Grade>,
) -> impl IntoView {
    let lang = use_lang();
    let (class, icon, label) = match grade {
        Some(g) => (
            format!("grade-tag grade-tag--{}", g.slug()),
            icon(g),
            i18n::grade(g).get(lang),
        ),
        None => (
            "grade-tag grade-tag--none".to_string(),
            "–",
            T::GradeNotStated.get(lang),
        ),
    };
    view! {
        <strong class=class data-grade=grade.map(|g| g.slug())>
            <span class="grade-tag__icon" aria-hidden="true">{icon}</span>
            {label}
        </strong>
    }
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
