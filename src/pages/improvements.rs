use std::sync::{Arc, Mutex};

use inspection_core::i18n::{self, T};
use inspection_core::search::Query;
use inspection_core::url::UrlState;
use inspection_core::view::{
    improvement_rows, pillar_options, ImprovementRow, RecentSelections, RowFilter,
};
use inspection_core::Manifest;
use leptos::prelude::*;

use crate::components::all_inspections::{AllInspections, RenderLoaded};
use crate::components::empty_state::EmptyState;
use crate::components::improvement_item::ImprovementItem;
use crate::components::result_count::ResultCount;
use crate::i18n::use_lang;
use crate::nav::{settled_after_typing, use_typing};

/// Every area for improvement across the inspections, with status and follow-up thread.
#[component]
pub fn ImprovementsView(
    /// The validated manifest.
    manifest: Arc<Manifest>,
    /// Current state from the URL.
    state: Memo<UrlState>,
    /// Pillar/area options for the filter panel, set here once the data is in.
    pillars: RwSignal<Vec<(String, String)>>,
) -> impl IntoView {
    let render: RenderLoaded = Arc::new(move |manifest, loaded, original| {
        let mut ordered: Vec<_> = loaded.values().collect();
        inspection_core::sort::sort_by(&mut ordered, |a, b| b.period.cmp(&a.period));
        pillars.set(pillar_options(&ordered));
        let rows: Arc<Vec<Arc<ImprovementRow>>> = Arc::new(
            improvement_rows(&manifest, &loaded)
                .into_iter()
                .map(Arc::new)
                .collect(),
        );
        // Filtered once per change of the filters, for the list, its count and the downloads.
        // Typing on in the search box only looks at the rows the shorter search kept, and
        // Backspace finds the rows of a recent search again (`RecentSelections`). Rows
        // are shared `Arc`s: comparing pointers is enough to tell whether the result changed.
        let shown = {
            let rows = rows.clone();
            let recent = Mutex::new(RecentSelections::default());
            Memo::new_with_compare(
                move |_| {
                    let filter = state.with(RowFilter::new);
                    let mut recent = recent.lock().unwrap_or_else(|e| e.into_inner());
                    recent.select(&rows, filter)
                },
                |old, new| match (old, new) {
                    (Some(old), Some(new)) => {
                        old.len() != new.len()
                            || !old.iter().zip(new).all(|(a, b)| Arc::ptr_eq(a, b))
                    }
                    _ => true,
                },
            )
        };
        view! {
            <crate::components::export::ImprovementsExport manifest loaded=original shown state />
            <ImprovementList rows shown state />
        }
        .into_any()
    });
    view! { <AllInspections manifest loading=T::LoadingImprovements render /> }
}

/// How many rows are drawn at first and per "Show more": long lists stay fast to filter.
pub const PAGE_SIZE: usize = 20;

/// The shortest an improvement row is drawn, in CSS pixels (status, text, area, inspection
/// and source line).
const MIN_ROW_HEIGHT: f64 = 200.0;

/// How many rows of a page of `page` to draw: all of it once `complete`, else enough rows
/// to fill a window `height` pixels tall.
fn rows_to_draw(page: usize, complete: bool, height: f64) -> usize {
    if complete {
        return page;
    }
    let fill = (height.max(0.0) / MIN_ROW_HEIGHT).ceil() as usize + 1;
    page.min(fill.max(3))
}

fn window_height() -> f64 {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(1000.0)
}

/// The filtered list, its count and its empty state.
#[component]
fn ImprovementList(
    /// Every row, unfiltered.
    rows: Arc<Vec<Arc<ImprovementRow>>>,
    /// The rows the filters let through.
    shown: Memo<Vec<Arc<ImprovementRow>>>,
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = use_lang();
    let total = rows.len();
    let query = Memo::new(move |_| state.with(|s| Query::new(&s.q)));
    // How far the visitor has paged, for the filters it was paged under: a new filter starts
    // again from the first page without an effect. Reads use `try_` because a view switch
    // can run these closures once more while the list is being torn down.
    let limit = RwSignal::new((state.get_untracked(), PAGE_SIZE));
    let effective = move || {
        limit
            .try_with(|(under, n)| {
                let same = state.try_with(|now| now == under).unwrap_or(false);
                if same {
                    *n
                } else {
                    PAGE_SIZE
                }
            })
            .unwrap_or(PAGE_SIZE)
    };
    // While a search is typed, each keystroke draws only the rows that fill the window, in
    // the frame after the key; the rest of the page (off screen) follows when the browser
    // is next idle. `filled` is the state under which the whole page may be drawn. Not
    // when embedded: the frame takes the page's full height, which the host should get
    // once, not in two steps.
    let typing = use_typing();
    let filled = settled_after_typing(
        move || {
            state.try_with(|_| ());
        },
        move || state.try_get_untracked(),
    );
    let drawn = move || {
        let complete = !typing.get()
            || filled
                .try_with(|f| state.try_with(|now| now.embed || now == f))
                .flatten()
                .unwrap_or(true);
        rows_to_draw(effective(), complete, window_height())
    };
    let shown_len = move || shown.try_with(Vec::len).unwrap_or(0);
    let visible = move || {
        shown
            .try_with(|s| s.iter().take(drawn()).cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let remaining = move || shown_len().saturating_sub(effective());
    let count =
        Signal::derive(move || i18n::showing(lang, shown_len(), total, T::UnitImprovements));
    view! {
        <ResultCount text=count />
        <Show when=move || { shown_len() > 0 } fallback=move || view! { <EmptyState state heading=T::NoMatchImprovements /> }>
            <ol class="improvements">
                <For each=visible key=|r| r.key.clone() let:row>
                    <ImprovementItem row query />
                </For>
            </ol>
            <Show when=move || { remaining() > 0 }>
                <button type="button" class="button show-more" on:click=move |_| limit.set((state.get_untracked(), effective() + PAGE_SIZE))>
                    {move || format!("{} ({} {})", T::ShowMore.get(lang), i18n::format_number(lang, remaining()), T::NotShown.get(lang))}
                </button>
            </Show>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complete_page_is_drawn_whole() {
        assert_eq!(rows_to_draw(20, true, 720.0), 20);
        assert_eq!(rows_to_draw(40, true, 720.0), 40);
    }

    #[test]
    fn after_a_change_the_rows_that_fill_the_window_are_drawn() {
        assert_eq!(rows_to_draw(20, false, 720.0), 5);
        assert_eq!(rows_to_draw(20, false, 1440.0), 9);
        assert_eq!(rows_to_draw(20, false, 0.0), 3);
        assert_eq!(rows_to_draw(2, false, 720.0), 2);
        assert_eq!(rows_to_draw(20, false, 20_000.0), 20);
    }
}
