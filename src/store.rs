//! Loads each inspection file on demand, once, and shares it between views.

use std::collections::HashMap;

use inspection_core::{Inspection, ManifestEntry};
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
