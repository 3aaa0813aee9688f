use leptos::prelude::*;

use crate::api;
use crate::components::error_panel::ErrorPanel;
use crate::components::inspection_list::InspectionList;
use crate::components::loading::Loading;

/// Loads the manifest and lists the bundled inspections.
#[component]
pub fn HomePage() -> impl IntoView {
    let manifest = LocalResource::new(|| async {
        let result = api::fetch_manifest().await;
        if let Err(e) = &result {
            e.log();
        }
        result
    });
    let retry = Callback::new(move |()| manifest.refetch());
    let (pending, set_pending) = signal(false);
    view! {
        <h1>"Inspections"</h1>
        <Show when=move || pending.get()>
            <Loading what="inspections" />
        </Show>
        <Transition fallback=|| view! { <Loading what="inspections" /> } set_pending>
            <ErrorBoundary fallback=move |errors| view! { <ErrorPanel errors on_retry=retry /> }>
                {move || Suspend::new(async move {
                    manifest
                        .await
                        .map(|m| view! { <InspectionList inspections=m.inspections /> })
                })}
            </ErrorBoundary>
        </Transition>
    }
}
