//! Pure domain logic for inspection-viewer: the data model, grade scales, validation and the
//! filters the viewer applies. No browser or UI dependency, so all of it is tested natively.

pub mod export;
pub mod figures;
pub mod grade;
pub mod history;
pub mod i18n;
pub mod json_path;
pub mod model;
pub mod search;
pub mod sort;
pub mod url;
pub mod validate;
pub mod view;
pub mod vocab;
pub mod welsh;
pub mod welsh_table;

pub use grade::{Grade, GradeScale};
pub use model::*;
pub use validate::DataError;
pub use welsh_table::Welsh;

/// The bundled data set and the views' inputs built on it, for tests.
#[cfg(test)]
pub(crate) mod test_data {
    use std::collections::HashMap;
    use std::sync::Arc;

    use crate::model::{Inspection, Manifest};
    use crate::url::UrlState;
    use crate::validate::{load_inspection, load_manifest};
    use crate::view::{improvement_rows, ImprovementRow};

    /// The manifest and every inspection file in `public/data`, loaded and validated.
    pub fn bundled() -> (Manifest, HashMap<String, Inspection>) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data");
        let text = std::fs::read_to_string(format!("{dir}/index.json")).unwrap();
        let manifest = load_manifest("index.json", &text).unwrap();
        let loaded = manifest
            .inspections
            .iter()
            .map(|e| {
                let text = std::fs::read_to_string(format!("{dir}/{}", e.file)).unwrap();
                (e.id.clone(), load_inspection(&e.file, &text).unwrap())
            })
            .collect();
        (manifest, loaded)
    }

    /// Every row of the improvements list of the bundled data.
    pub fn rows() -> Vec<Arc<ImprovementRow>> {
        let (m, l) = bundled();
        improvement_rows(&m, &l).into_iter().map(Arc::new).collect()
    }

    /// The URL state of these query pairs.
    pub fn state(pairs: &[(&str, &str)]) -> UrlState {
        UrlState::from_pairs(pairs.iter().copied())
    }
}
