use std::collections::HashMap;
use std::sync::Arc;

use inspection_core::i18n::T;
use inspection_core::{Inspection, Manifest};
use leptos::prelude::*;

use crate::components::loading::Loading;
use crate::components::retry_notice::FileFailures;
use crate::store::{all_resources, load_all};

/// What a view draws once every inspection file it could load is in.
pub type RenderLoaded =
    Arc<dyn Fn(Arc<Manifest>, HashMap<String, Inspection>) -> AnyView + Send + Sync>;

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
    view! {
        <Transition fallback=move || view! { <Loading what=loading /> }>
            {move || {
                let manifest = manifest.clone();
                let resources = resources.clone();
                let render = render.clone();
                Suspend::new(async move {
                    let (loaded, failures) = load_all(resources).await;
                    view! {
                        <FileFailures failures />
                        {render(manifest, loaded)}
                    }
                })
            }}
        </Transition>
    }
}
