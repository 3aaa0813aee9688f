//! Shared code of the data tools: reading a data directory and checking all of it.

pub mod import;

use std::collections::HashMap;
use std::path::Path;

use inspection_core::validate::{self, DataError};
use inspection_core::{Inspection, Manifest};

/// Result of checking a data directory.
#[derive(Debug, Default)]
pub struct Report {
    pub manifest: Option<Manifest>,
    pub inspections: Vec<Inspection>,
    pub errors: Vec<DataError>,
}

/// Validates `dir/index.json`, every inspection file it lists, and the references between
/// them. File names in errors are shown relative to `dir`'s parent, e.g. `data/index.json`.
pub fn check_dir(dir: &Path) -> Report {
    let label = |name: &str| -> String {
        let base = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if base.is_empty() {
            name.to_string()
        } else {
            format!("{base}/{name}")
        }
    };
    let mut report = Report::default();
    let manifest_label = label("index.json");
    let text = match std::fs::read(dir.join("index.json")) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                report.errors.push(DataError::new(
                    &manifest_label,
                    "(top level)",
                    format!("not valid UTF-8 ({e}); expected UTF-8 JSON"),
                ));
                return report;
            }
        },
        Err(e) => {
            report.errors.push(DataError::new(
                &manifest_label,
                "(top level)",
                format!("cannot read the manifest ({e}); expected a JSON file"),
            ));
            return report;
        }
    };
    let manifest = match validate::load_manifest(&manifest_label, &text) {
        Ok(m) => m,
        Err(errs) => {
            report.errors.extend(errs);
            return report;
        }
    };
    let mut loaded = HashMap::new();
    for (i, entry) in manifest.inspections.iter().enumerate() {
        if !validate::is_safe_relative_path(&entry.file) {
            continue; // already reported by validate_manifest
        }
        let file_label = label(&entry.file);
        let text = match std::fs::read(dir.join(&entry.file)) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    report.errors.push(DataError::new(
                        &file_label,
                        "(top level)",
                        format!("not valid UTF-8 ({e}); expected UTF-8 JSON"),
                    ));
                    continue;
                }
            },
            Err(e) => {
                report.errors.push(DataError::new(
                    &manifest_label,
                    format!("inspections[{i}].file"),
                    format!(
                        "cannot read {:?} ({e}); expected an inspection file there",
                        entry.file
                    ),
                ));
                continue;
            }
        };
        match validate::load_inspection(&file_label, &text) {
            Ok(ins) => {
                if let Some((other, _)) = loaded.get(&ins.id) {
                    report.errors.push(DataError::new(
                        &file_label,
                        "id",
                        format!(
                            "duplicate inspection id {:?}; already used by {other}; expected each listed file to hold a different inspection",
                            ins.id
                        ),
                    ));
                    continue;
                }
                loaded.insert(ins.id.clone(), (file_label, ins));
            }
            Err(errs) => report.errors.extend(errs),
        }
    }
    report.errors.extend(validate::validate_dataset(
        &manifest_label,
        &manifest,
        &loaded,
    ));
    let mut inspections: Vec<Inspection> = loaded.into_values().map(|(_, i)| i).collect();
    inspections.sort_by(|a, b| a.id.cmp(&b.id));
    report.inspections = inspections;
    report.manifest = Some(manifest);
    report
}

/// The JSON Schemas of the published format, pretty-printed, as committed under `schema/`.
pub fn schemas() -> Vec<(&'static str, String)> {
    let pretty =
        |s: schemars::Schema| serde_json::to_string_pretty(&s).expect("schema serialises") + "\n";
    vec![
        (
            "manifest.schema.json",
            pretty(schemars::schema_for!(Manifest)),
        ),
        (
            "inspection.schema.json",
            pretty(schemars::schema_for!(Inspection)),
        ),
    ]
}
