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
pub mod welsh;

pub use grade::{Grade, GradeScale};
pub use model::*;
pub use validate::DataError;
pub use welsh::Welsh;

/// Counts as the manifest lists them, derived from an inspection file.
pub fn counts(ins: &Inspection) -> Counts {
    fn judgments(js: &[Judgment]) -> u32 {
        js.iter().map(|j| 1 + judgments(&j.children)).sum()
    }
    Counts {
        judgments: judgments(&ins.judgments),
        areas_for_improvement: ins.areas_for_improvement.len() as u32,
        causes_of_concern: ins.causes_of_concern.len() as u32,
    }
}

impl ManifestEntry {
    /// The manifest entry that lists `ins`, stored as `file` beside the manifest; it agrees
    /// with the file by construction, as `validate_dataset` requires.
    pub fn for_inspection(ins: &Inspection, file: &str) -> ManifestEntry {
        ManifestEntry {
            id: ins.id.clone(),
            force: ins.force.clone(),
            title: ins.title.clone(),
            programme: ins.programme,
            period: ins.period.clone(),
            date: ins.published.as_ref().map(|p| p.date.clone()),
            file: file.to_string(),
            scale: ins.scale,
            counts: counts(ins),
        }
    }
}

/// Finds a judgment by id at any depth.
pub fn find_judgment<'a>(ins: &'a Inspection, id: &str) -> Option<&'a Judgment> {
    fn find<'a>(js: &'a [Judgment], id: &str) -> Option<&'a Judgment> {
        js.iter()
            .find_map(|j| (j.id == id).then_some(j).or_else(|| find(&j.children, id)))
    }
    find(&ins.judgments, id)
}

/// The bundled data set, for tests of the views built on it.
#[cfg(test)]
pub(crate) mod test_data {
    use std::collections::HashMap;

    use crate::validate::{load_inspection, load_manifest};
    use crate::{Inspection, Manifest};

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
}
