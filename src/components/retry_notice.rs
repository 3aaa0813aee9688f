use inspection_core::i18n::T;
use inspection_core::ManifestEntry;
use leptos::prelude::*;

use crate::components::error_panel::ErrorMessage;
use crate::error::AppError;
use crate::i18n::{use_data_lang, use_lang};
use crate::store::InspectionResult;

/// Inspection files that failed to load, each with its own Retry, shown above whatever did
/// load: one bad file never blanks the rest.
#[component]
pub fn FileFailures(
    /// The failed entries, their errors and resources (to refetch).
    failures: Vec<(ManifestEntry, AppError, LocalResource<InspectionResult>)>,
) -> impl IntoView {
    let lang = use_lang();
    let dl = use_data_lang();
    failures
        .into_iter()
        .map(|(entry, error, resource)| {
            view! {
                <div class="error-panel" role="alert">
                    <h2><span lang=dl.of(&entry.title)>{format!("{} ({})", entry.title, entry.period)}</span> " " {T::CouldNotShow.get(lang)}</h2>
                    <ul><ErrorMessage error /></ul>
                    <button type="button" class="button" on:click=move |_| resource.refetch()>{T::Retry.get(lang)}</button>
                </div>
            }
        })
        .collect_view()
}
