use inspection_core::i18n::{self, T};
use inspection_core::url::UrlState;
use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::nav::use_href;

/// The active filters as removable tags, plus "Clear filters". Tags are links, so they work
/// with the keyboard and open in a new tab.
#[component]
pub fn SelectedFilters(
    /// Current state from the URL.
    state: Memo<UrlState>,
    /// Label of the selected pillar/area, if any.
    #[prop(into)]
    pillar_label: Signal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    let tags = move || {
        let s = state.get();
        let mut tags: Vec<(String, String)> = Vec::new();
        if let Some(label) = pillar_label.get().filter(|_| s.pillar.is_some()) {
            tags.push((
                label,
                href(&UrlState {
                    pillar: None,
                    ..s.clone()
                }),
            ));
        }
        for g in s.grades.iter().copied() {
            let mut next = s.clone();
            next.grades.remove(&g);
            tags.push((i18n::grade(g).get(lang).to_string(), href(&next)));
        }
        for st in s.statuses.iter().copied() {
            let mut next = s.clone();
            next.statuses.remove(&st);
            tags.push((i18n::status(st).get(lang).to_string(), href(&next)));
        }
        if !s.q.trim().is_empty() {
            tags.push((
                format!("“{}”", s.q.trim()),
                href(&UrlState {
                    q: String::new(),
                    ..s.clone()
                }),
            ));
        }
        (tags, href(&s.cleared()))
    };
    move || {
        let (tags, clear) = tags();
        (!tags.is_empty()).then(|| view! {
            <div class="selected-filters">
                <h3 class="selected-filters__title">{T::SelectedFilters.get(lang)}</h3>
                <ul class="selected-filters__tags">
                    {tags.into_iter().map(|(label, href)| view! {
                        <li><a class="filter-tag" href=href>
                            <span class="visually-hidden">{T::RemoveFilter.get(lang)} " "</span>{label}
                            <span aria-hidden="true">" ×"</span>
                        </a></li>
                    }).collect_view()}
                </ul>
                <a class="clear-filters" href=clear>{T::ClearFilters.get(lang)}</a>
            </div>
        })
    }
}
