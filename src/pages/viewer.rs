use std::sync::Arc;

use inspection_core::i18n::{Lang, T};
use inspection_core::url::View;
use inspection_core::view::newest_first;
use inspection_core::Manifest;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api;
use crate::components::error_panel::ErrorPanel;
use crate::components::filters::FilterPanel;
use crate::components::loading::Loading;
use crate::components::selected_filters::SelectedFilters;
use crate::components::view_tabs::ViewTabs;
use crate::i18n::{use_data_lang, use_lang};
use crate::nav::use_url_state;
use crate::pages::accessibility::AccessibilityStatement;
use crate::pages::grades::GradesView;
use crate::pages::improvements::ImprovementsView;

/// Loads the manifest, then shows the view the URL asks for.
#[component]
pub fn ViewerPage() -> impl IntoView {
    let state = use_url_state();
    let dl = use_data_lang();
    // The manifest as this page shows it (in Welsh where it has Welsh and the page is Welsh).
    let manifest = LocalResource::new(move || async move {
        let result = api::fetch_manifest().await.map(|m| dl.show_manifest(m));
        if let Err(e) = &result {
            e.log();
        }
        result
    });
    let retry = Callback::new(move |()| manifest.refetch());
    let (pending, set_pending) = signal(false);
    // The heading stands outside the boundary so every state, errors included, has one.
    let lang = use_lang();
    let heading = move || {
        let force = manifest
            .get()
            .and_then(|m| m.ok())
            .and_then(|m| m.forces.first().map(|f| f.name.clone()));
        match (force, lang) {
            (None, _) => T::PoliceInspections.get(lang).into_any(),
            (Some(f), Lang::En) => format!("{f} {}", T::InspectionsWord.en()).into_any(),
            (Some(f), Lang::Cy) => {
                let f_lang = dl.of(&f);
                view! { {T::InspectionsWord.cy()} " " <span lang=f_lang>{f}</span> }.into_any()
            }
        }
    };
    view! {
        <h1>{heading}</h1>
        <Show when=move || pending.get()>
            <Loading what=T::LoadingInspections />
        </Show>
        <Transition fallback=|| view! { <Loading what=T::LoadingInspections /> } set_pending>
            <ErrorBoundary fallback=move |errors| view! { <ErrorPanel errors on_retry=retry /> }>
                {move || Suspend::new(async move {
                    manifest.await.map(|m| view! { <Viewer manifest=Arc::new(m) state /> })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// Tabs, filters and the chosen view, once the manifest is in.
#[component]
fn Viewer(
    /// The validated manifest.
    manifest: Arc<Manifest>,
    /// Current state from the URL.
    state: Memo<inspection_core::url::UrlState>,
) -> impl IntoView {
    let view = Memo::new(move |_| state.get().view);
    // Filled by the active view once its data is in, so the panel itself stays mounted.
    let pillars = RwSignal::new(Vec::<(String, String)>::new());
    let pillar_label = Signal::derive(move || {
        let id = state.get().pillar?;
        pillars.with(|p| {
            p.iter()
                .find(|(i, _)| *i == id)
                .map(|(_, l)| l.trim_start_matches("— ").to_string())
        })
    });
    let entries: Vec<_> = newest_first(&manifest).into_iter().cloned().collect();
    let is_statement = move || view.get() == View::Accessibility;
    // Whether the search box has focus: the list then draws only the rows on screen.
    let searching = RwSignal::new(false);
    view! {
        <ViewTabs state />
        <Show when=move || !is_statement() fallback=move || view! { <AccessibilityStatement state /> }>
            <div class="layout" class:layout--searching=move || searching.try_get().unwrap_or(false)
                on:focusin=move |ev| { searching.try_set(is_search_box(&ev)); }
                on:focusout=move |_| { searching.try_set(false); }>
                <FilterPanel state inspections=entries.clone() pillars />
                <div class="results">
                    <SelectedFilters state pillar_label />
                    {
                        let manifest = manifest.clone();
                        move || match view.get() {
                            View::Grades => view! { <GradesView manifest=manifest.clone() state pillars /> }.into_any(),
                            View::Improvements => view! { <ImprovementsView manifest=manifest.clone() state pillars /> }.into_any(),
                            View::History => view! { <crate::pages::history::HistoryView manifest=manifest.clone() state pillars /> }.into_any(),
                            View::Figures => view! { <crate::pages::figures::FiguresView manifest=manifest.clone() state pillars /> }.into_any(),
                            View::Accessibility => ().into_any(),
                        }
                    }
                </div>
            </div>
        </Show>
    }
}

/// Whether a focus event is the search box's.
fn is_search_box(ev: &web_sys::FocusEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.id() == "filter-q")
}
