//! Loads each inspection file on demand, once, and shares it between views.

use std::collections::HashMap;

use inspection_core::view::newest_first;
use inspection_core::{Inspection, Manifest, ManifestEntry};
use leptos::prelude::*;

use crate::api;
use crate::error::AppError;

/// A loaded (or failed) inspection file.
pub type InspectionResult = Result<Inspection, AppError>;

/// Cache of inspection resources, keyed by inspection id. Lives for the whole app, so a file
/// fetched once is never fetched again unless the visitor presses Retry.
#[derive(Clone, Copy)]
pub struct InspectionStore {
    owner: StoredValue<Owner, LocalStorage>,
    resources: StoredValue<HashMap<String, LocalResource<InspectionResult>>, LocalStorage>,
}

impl InspectionStore {
    /// Creates the store under the current (root) owner and provides it as context.
    pub fn provide() -> InspectionStore {
        let store = InspectionStore {
            owner: StoredValue::new_local(
                Owner::current().expect("store is created inside the app"),
            ),
            resources: StoredValue::new_local(HashMap::new()),
        };
        provide_context(store);
        store
    }

    pub fn expect() -> InspectionStore {
        expect_context()
    }

    /// The resource for `entry`, created (and its fetch started) on first use.
    pub fn get(&self, entry: &ManifestEntry) -> LocalResource<InspectionResult> {
        if let Some(r) = self.resources.with_value(|m| m.get(&entry.id).copied()) {
            return r;
        }
        let file = entry.file.clone();
        // Created under the root owner so it outlives the view that first asked for it.
        let resource = self.owner.with_value(|owner| {
            owner.with(|| {
                LocalResource::new(move || {
                    let file = file.clone();
                    async move {
                        let result = api::fetch_inspection(&file).await;
                        if let Err(e) = &result {
                            e.log();
                        }
                        result
                    }
                })
            })
        });
        self.resources.update_value(|m| {
            m.insert(entry.id.clone(), resource);
        });
        resource
    }
}

/// Inspection files that failed to load, with their resources for Retry.
pub type Failures = Vec<(ManifestEntry, AppError, LocalResource<InspectionResult>)>;

/// Awaits every inspection file, newest first; one bad file never blanks the rest.
pub async fn load_all(
    resources: Vec<(ManifestEntry, LocalResource<InspectionResult>)>,
) -> (HashMap<String, Inspection>, Failures) {
    let mut loaded = HashMap::new();
    let mut failures = Vec::new();
    for (entry, resource) in resources {
        match resource.await {
            Ok(ins) => {
                loaded.insert(ins.id.clone(), ins);
            }
            Err(e) => failures.push((entry, e, resource)),
        }
    }
    (loaded, failures)
}

/// Every inspection's resource, newest first (fetches start now, in parallel).
pub fn all_resources(manifest: &Manifest) -> Vec<(ManifestEntry, LocalResource<InspectionResult>)> {
    let store = InspectionStore::expect();
    newest_first(manifest)
        .into_iter()
        .map(|e| (e.clone(), store.get(e)))
        .collect()
}
