use std::collections::HashMap;
use std::sync::Arc;

use inspection_core::i18n::T;
use inspection_core::{Inspection, Manifest};
use leptos::prelude::*;

use crate::components::loading::Loading;
use crate::components::retry_notice::FileFailures;
use crate::i18n::use_data_lang;
use crate::store::{all_resources, load_all};

/// Inspections by id.
pub type Loaded = Arc<HashMap<String, Inspection>>;

/// What a view draws once every inspection file it could load is in: from the manifest, the
/// inspections as the page shows them, and as loaded (for downloads in the published schema;
/// the same map where the page shows them as loaded).
pub type RenderLoaded = Arc<dyn Fn(Arc<Manifest>, Loaded, Loaded) -> AnyView + Send + Sync>;

/// Loads every inspection file (each once, via the store), shows a loading status meanwhile,
/// then the files that failed (each with Retry) above whatever `render` draws from the rest.
#[component]
pub fn AllInspections(
    /// The validated manifest.
    manifest: Arc<Manifest>,
    /// The loading status to show.
    loading: T,
    /// Draws the view from the loaded inspections, by id.
    render: RenderLoaded,
) -> impl IntoView {
    let resources = all_resources(&manifest);
    let dl = use_data_lang();
    view! {
        <Transition fallback=move || view! { <Loading what=loading /> }>
            {move || {
                let manifest = manifest.clone();
                let resources = resources.clone();
                let render = render.clone();
                Suspend::new(async move {
                    let (loaded, failures) = load_all(resources).await;
                    let original = Arc::new(loaded);
                    let shown = dl.show_all(&original);
                    view! {
                        <FileFailures failures />
                        {render(manifest, shown, original)}
                    }
                })
            }}
        </Transition>
    }
}
