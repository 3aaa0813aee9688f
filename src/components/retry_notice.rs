use inspection_core::ManifestEntry;
use leptos::prelude::*;

use crate::error::AppError;
use crate::store::InspectionResult;

/// Inspection files that failed to load, each with its own Retry, shown above whatever did
/// load: one bad file never blanks the rest.
#[component]
pub fn FileFailures(
    /// The failed entries, their errors and resources (to refetch).
    failures: Vec<(ManifestEntry, AppError, LocalResource<InspectionResult>)>,
) -> impl IntoView {
    failures
        .into_iter()
        .map(|(entry, error, resource)| {
            view! {
                <div class="error-panel" role="alert">
                    <h2>{format!("{} ({}) could not be shown", entry.title, entry.period)}</h2>
                    <p>{error.to_string()}</p>
                    <button type="button" class="button" on:click=move |_| resource.refetch()>"Retry"</button>
                </div>
            }
        })
        .collect_view()
}
