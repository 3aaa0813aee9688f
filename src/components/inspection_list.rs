use inspection_core::ManifestEntry;
use leptos::prelude::*;

/// The inspections named by the manifest, newest first as the manifest orders them.
#[component]
pub fn InspectionList(
    /// Manifest entries to list.
    inspections: Vec<ManifestEntry>,
) -> impl IntoView {
    view! {
        <ul class="inspection-list">
            {inspections
                .into_iter()
                .map(|entry| {
                    view! {
                        <li class="inspection-list__item" data-id=entry.id.clone()>
                            <span class="inspection-list__title">{entry.title}</span>
                            " "
                            <span class="inspection-list__period">{entry.period}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
