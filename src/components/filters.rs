use inspection_core::i18n::{self, Lang, T};
use inspection_core::url::{UrlState, View};
use inspection_core::view::AfiStatus;
use inspection_core::{Grade, ManifestEntry};
use leptos::prelude::*;

use crate::i18n::{use_data_lang, use_lang};
use crate::nav::{settled, use_set_search, use_set_state};

/// The filter panel (MOJ "filter a list" pattern): every change applies at once and is
/// written to the URL.
#[component]
pub fn FilterPanel(
    /// Current state from the URL.
    state: Memo<UrlState>,
    /// Inspections to choose from, newest first.
    inspections: Vec<ManifestEntry>,
    /// Pillar/area options: (id, label).
    #[prop(into)]
    pillars: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let lang = use_lang();
    let dl = use_data_lang();
    let set_state = use_set_state();
    // Settled, not memos: a keystroke in the search box must not wake every <option>.
    let shown_view = settled(move || state.try_with(|s| s.view));
    let is_improvements = move || shown_view.try_get() == Some(View::Improvements);
    let selected_inspection = settled(move || state.try_with(|s| s.inspection.clone()));
    let selected_pillar = settled(move || state.try_with(|s| s.pillar.clone()));
    let query = Memo::new(move |_| state.with(|s| s.q.clone()));
    let on_inspection = {
        let set_state = set_state.clone();
        move |ev| {
            let value = event_target_value(&ev);
            let mut s = state.get_untracked();
            s.inspection = (!value.is_empty()).then_some(value);
            s.pillar = None;
            set_state(s, false);
        }
    };
    let on_pillar = {
        let set_state = set_state.clone();
        move |ev| {
            let value = event_target_value(&ev);
            let mut s = state.get_untracked();
            s.pillar = (!value.is_empty()).then_some(value);
            set_state(s, false);
        }
    };
    // Keeps the box showing the URL's search (Back/Forward, Clear filters; on load it is
    // drawn with it), writing only when the text differs: while the visitor types, the box
    // already holds it, and writing the value of a focused field forces a synchronous layout
    // on every keystroke. A reactive child that draws nothing, placed after the box. Its own
    // box, not one found by id: while the app is drawn off-page behind the pre-rendered view,
    // the box of that id in the page is the pre-rendered one, with what the visitor typed.
    let search_box = NodeRef::<leptos::html::Input>::new();
    let sync_search_box = move || {
        let (Some(q), Some(input)) = (query.try_get(), search_box.try_get().flatten()) else {
            return;
        };
        if input.value() != q {
            input.set_value(&q);
        }
    };
    let set_search = use_set_search();
    let on_search = move |ev| set_search(event_target_value(&ev));
    let inspection_options = inspections
        .into_iter()
        .map(|e| {
            let id = e.id.clone();
            let selected = move || {
                selected_inspection
                    .try_with(|s| s.as_deref() == Some(id.as_str()))
                    .unwrap_or(false)
            };
            view! { <option value=e.id.clone() selected=selected lang=dl.of(&e.title)>{format!("{} ({})", e.title, e.period)}</option> }
        })
        .collect_view();
    view! {
        <div class="filters" role="search" aria-label=T::Filter.get(lang)>
            <h2 class="filters__title">{T::Filter.get(lang)}</h2>
            <div class="field">
                <label for="filter-inspection">{T::Inspection.get(lang)}</label>
                <select id="filter-inspection" on:change=on_inspection>
                    <option value="" selected=move || selected_inspection.try_with(Option::is_none).unwrap_or(false)>
                        {move || i18n::default_inspection(shown_view.try_get().unwrap_or_default()).get(lang)}
                    </option>
                    {inspection_options}
                </select>
            </div>
            <div class="field">
                <label for="filter-pillar">{T::PillarOrArea.get(lang)}</label>
                <select id="filter-pillar" on:change=on_pillar>
                    <option value="" selected=move || selected_pillar.try_with(Option::is_none).unwrap_or(false)>{T::AllPillars.get(lang)}</option>
                    {move || pillars.get().into_iter().map(|(id, label)| {
                        let selected = selected_pillar.try_with(|p| p.as_deref() == Some(id.as_str())).unwrap_or(false);
                        let label_lang = dl.of(label.strip_prefix("— ").unwrap_or(&label));
                        view! { <option value=id selected=selected lang=label_lang>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <CheckGroup state legend=T::Grade options=grade_options(lang) />
            <Show when=is_improvements>
                <CheckGroup state legend=T::Status options=status_options(lang) />
            </Show>
            // A form of its own: on every keystroke Chromium's autofill reads the form the
            // changed field belongs to, and for fields outside any form that is every such
            // field on the page, the Inspection select's options included (1-4 ms a keystroke
            // at 344 inspections). Enter submits nothing: the search applies as it is typed.
            <form class="field" on:submit=|ev| ev.prevent_default()>
                <label for="filter-q">{T::Search.get(lang)}</label>
                <input id="filter-q" type="search" autocomplete="off" spellcheck="false"
                    node_ref=search_box prop:value=query.get_untracked() on:input=on_search />
                {sync_search_box}
            </form>
        </div>
    }
}

/// One checkbox option: its slug, its label, and how it reads and toggles the state.
#[derive(Clone, Copy)]
pub struct CheckOption {
    pub slug: &'static str,
    pub label: &'static str,
    pub is_on: fn(&UrlState) -> bool,
    pub toggle: fn(&mut UrlState),
}

macro_rules! check_option {
    ($lang:expr, $field:ident, $value:expr, $slug:expr, $label:expr) => {
        CheckOption {
            slug: $slug,
            label: $label.get($lang),
            is_on: |s| s.$field.contains(&$value),
            toggle: |s| {
                if !s.$field.remove(&$value) {
                    s.$field.insert($value);
                }
            },
        }
    };
}

fn grade_options(lang: Lang) -> Vec<CheckOption> {
    use Grade::*;
    vec![
        check_option!(
            lang,
            grades,
            Outstanding,
            "outstanding",
            i18n::grade(Outstanding)
        ),
        check_option!(lang, grades, Good, "good", i18n::grade(Good)),
        check_option!(lang, grades, Adequate, "adequate", i18n::grade(Adequate)),
        check_option!(
            lang,
            grades,
            RequiresImprovement,
            "requires-improvement",
            i18n::grade(RequiresImprovement)
        ),
        check_option!(
            lang,
            grades,
            Inadequate,
            "inadequate",
            i18n::grade(Inadequate)
        ),
        check_option!(lang, grades, Ungraded, "ungraded", i18n::grade(Ungraded)),
    ]
}

fn status_options(lang: Lang) -> Vec<CheckOption> {
    use AfiStatus::*;
    vec![
        check_option!(lang, statuses, Open, "open", i18n::status(Open)),
        check_option!(lang, statuses, Met, "met", i18n::status(Met)),
        check_option!(
            lang,
            statuses,
            InProgress,
            "in-progress",
            i18n::status(InProgress)
        ),
        check_option!(lang, statuses, NotMet, "not-met", i18n::status(NotMet)),
    ]
}

/// A multi-select as a fieldset of checkboxes; each change is written to the URL.
#[component]
fn CheckGroup(
    /// Current state from the URL.
    state: Memo<UrlState>,
    /// The fieldset's legend.
    legend: T,
    /// The checkboxes.
    options: Vec<CheckOption>,
) -> impl IntoView {
    let lang = use_lang();
    let set_state = use_set_state();
    // Which boxes are ticked, settled so that typing a search does not touch them.
    let ticked = {
        let is_on: Vec<_> = options.iter().map(|o| o.is_on).collect();
        settled(move || state.try_with(|s| is_on.iter().map(|f| f(s)).collect::<Vec<bool>>()))
    };
    view! {
        <fieldset class="field checks">
            <legend>{legend.get(lang)}</legend>
            {options.into_iter().enumerate().map(|(at, o)| {
                let set_state = set_state.clone();
                let id = format!("filter-{}-{}", legend.en().to_lowercase(), o.slug);
                let toggle = move |_| {
                    let mut s = state.get_untracked();
                    (o.toggle)(&mut s);
                    set_state(s, false);
                };
                view! {
                    <div class="check">
                        <input type="checkbox" id=id.clone() value=o.slug
                            prop:checked=move || ticked.try_with(|t| t.get(at).copied()).flatten().unwrap_or(false) on:change=toggle />
                        <label for=id>{o.label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
