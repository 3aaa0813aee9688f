use std::sync::Arc;

use inspection_core::i18n::{self, T};
use inspection_core::search::Query;
use inspection_core::url::UrlState;
use inspection_core::view::{grade_cards, newest, pillar_options, selected_inspection};
use inspection_core::{Inspection, Manifest, ManifestEntry};
use leptos::prelude::*;

use crate::components::empty_state::EmptyState;
use crate::components::error_panel::ErrorPanel;
use crate::components::findings::Findings;
use crate::components::grade_card::GradeCard;
use crate::components::inspection_header::InspectionHeader;
use crate::components::loading::Loading;
use crate::components::result_count::ResultCount;
use crate::i18n::{use_data_lang, use_lang};
use crate::store::InspectionStore;

/// The grades view: one inspection's grade cards (newest by default).
#[component]
pub fn GradesView(
    /// The validated manifest.
    manifest: Arc<Manifest>,
    /// Current state from the URL.
    state: Memo<UrlState>,
    /// Pillar/area options for the filter panel, set here once the inspection is in.
    pillars: RwSignal<Vec<(String, String)>>,
) -> impl IntoView {
    let store = InspectionStore::expect();
    let dl = use_data_lang();
    let entry = Memo::new({
        let manifest = manifest.clone();
        move |_| selected_inspection(&manifest, &state.get()).cloned()
    });
    let newest_entry = newest(&manifest).cloned();
    view! {
        {move || match entry.get() {
            None => view! { <p>"There are no inspections in the data."</p> }.into_any(),
            Some(entry) => {
                let resource = store.get(&entry);
                let retry = Callback::new(move |()| resource.refetch());
                let newest_entry = newest_entry.clone();
                view! {
                    <Transition fallback=|| view! { <Loading what=T::LoadingInspection /> }>
                        <ErrorBoundary fallback=move |errors| view! { <ErrorPanel errors on_retry=retry /> }>
                            {
                                let entry = entry.clone();
                                let newest_entry = newest_entry.clone();
                                move || {
                                    let entry = entry.clone();
                                    let newest_entry = newest_entry.clone();
                                    Suspend::new(async move {
                                        resource.await.map(|ins| {
                                            let original = Arc::new(ins);
                                            let ins = dl.show(&original);
                                            pillars.set(pillar_options(&[&ins]));
                                            view! { <InspectionGrades ins original entry newest=newest_entry state /> }
                                        })
                                    })
                                }
                            }
                        </ErrorBoundary>
                    </Transition>
                }.into_any()
            }
        }}
    }
}

/// One loaded inspection: its header and its (filtered) cards or findings.
#[component]
fn InspectionGrades(
    /// The inspection as the page shows it.
    ins: Arc<Inspection>,
    /// The inspection as loaded, for downloads in the published schema.
    original: Arc<Inspection>,
    /// Its manifest entry.
    entry: ManifestEntry,
    /// The newest inspection, for the current/superseded notice.
    newest: Option<ManifestEntry>,
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = use_lang();
    let query = Memo::new(move |_| Query::new(&state.get().q));
    let cards = Memo::new({
        let ins = ins.clone();
        move |_| grade_cards(&ins, &state.get())
    });
    let unit = if ins.judgments.iter().any(|j| !j.children.is_empty()) {
        T::UnitPillars
    } else {
        T::UnitAreas
    };
    let count = Signal::derive(move || {
        cards
            .try_with(|(shown, total)| i18n::showing(lang, shown.len(), *total, unit))
            .unwrap_or_default()
    });
    let graded = !ins.judgments.is_empty();
    view! {
        <InspectionHeader ins=ins.clone() entry newest />
        <crate::components::export::GradesExport ins=ins.clone() original state />
        {if graded {
            view! {
                <ResultCount text=count />
                <Show when=move || cards.try_with(|(c, _)| !c.is_empty()).unwrap_or(false) fallback=move || view! { <EmptyState state heading=T::NoMatchGrades /> }>
                    <div class="grade-cards">
                        <For
                            each=move || cards.get().0
                            key=|c| (c.judgment.id.clone(), c.rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>(), c.afis.len())
                            let:card
                        >
                            <GradeCard card query />
                        </For>
                    </div>
                </Show>
            }.into_any()
        } else {
            view! { <Findings ins=ins.clone() query /> }.into_any()
        }}
    }
}
