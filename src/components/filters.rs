use inspection_core::url::{UrlState, View};
use inspection_core::view::AfiStatus;
use inspection_core::{Grade, ManifestEntry};
use leptos::prelude::*;

use crate::nav::use_set_state;

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
    let set_state = use_set_state();
    let is_improvements = move || state.get().view == View::Improvements;
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
    let on_search = {
        let set_state = set_state.clone();
        move |ev| {
            let mut s = state.get_untracked();
            s.q = event_target_value(&ev);
            set_state(s, true);
        }
    };
    let inspection_options = inspections
        .into_iter()
        .map(|e| {
            let id = e.id.clone();
            let selected = move || state.get().inspection.as_deref() == Some(id.as_str());
            view! { <option value=e.id.clone() selected=selected>{format!("{} ({})", e.title, e.period)}</option> }
        })
        .collect_view();
    view! {
        <div class="filters" role="search" aria-label="Filter">
            <h2 class="filters__title">"Filter"</h2>
            <div class="field">
                <label for="filter-inspection">"Inspection"</label>
                <select id="filter-inspection" on:change=on_inspection>
                    <option value="" selected=move || state.get().inspection.is_none()>
                        {move || if is_improvements() { "All inspections" } else { "Newest inspection" }}
                    </option>
                    {inspection_options}
                </select>
            </div>
            <div class="field">
                <label for="filter-pillar">"Pillar or area"</label>
                <select id="filter-pillar" on:change=on_pillar>
                    <option value="" selected=move || state.get().pillar.is_none()>"All pillars and areas"</option>
                    {move || pillars.get().into_iter().map(|(id, label)| {
                        let selected = state.get().pillar.as_deref() == Some(id.as_str());
                        view! { <option value=id selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <GradeChecks state />
            <Show when=is_improvements>
                <StatusChecks state />
            </Show>
            <div class="field">
                <label for="filter-q">"Search"</label>
                <input id="filter-q" type="search" autocomplete="off" spellcheck="false"
                    prop:value=move || state.get().q on:input=on_search />
            </div>
        </div>
    }
}

/// Multi-select of grades as checkboxes.
#[component]
fn GradeChecks(
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let set_state = use_set_state();
    view! {
        <fieldset class="field checks">
            <legend>"Grade"</legend>
            {Grade::ALL.into_iter().map(|g| {
                let set_state = set_state.clone();
                let id = format!("filter-grade-{}", g.slug());
                let toggle = move |_| {
                    let mut s = state.get_untracked();
                    if !s.grades.remove(&g) { s.grades.insert(g); }
                    set_state(s, false);
                };
                view! {
                    <div class="check">
                        <input type="checkbox" id=id.clone() value=g.slug()
                            prop:checked=move || state.get().grades.contains(&g) on:change=toggle />
                        <label for=id>{g.label()}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// Multi-select of improvement statuses as checkboxes.
#[component]
fn StatusChecks(
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let set_state = use_set_state();
    view! {
        <fieldset class="field checks">
            <legend>"Status"</legend>
            {AfiStatus::ALL.into_iter().map(|st| {
                let set_state = set_state.clone();
                let id = format!("filter-status-{}", st.slug());
                let toggle = move |_| {
                    let mut s = state.get_untracked();
                    if !s.statuses.remove(&st) { s.statuses.insert(st); }
                    set_state(s, false);
                };
                view! {
                    <div class="check">
                        <input type="checkbox" id=id.clone() value=st.slug()
                            prop:checked=move || state.get().statuses.contains(&st) on:change=toggle />
                        <label for=id>{st.label()}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
