//! Shared code of the data tools: reading a data directory and checking all of it.

pub mod import;

use std::collections::HashMap;
use std::path::Path;

use inspection_core::validate::{self, DataError};
use inspection_core::{Inspection, Manifest, ManifestEntry};

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
    let mut report = Report::default();
    let manifest_label = label(dir, "index.json");
    let text = match read_utf8(&dir.join("index.json")) {
        Ok(t) => t,
        Err(Unreadable::NotUtf8(e)) => {
            report.errors.push(not_utf8(&manifest_label, e));
            return report;
        }
        Err(Unreadable::Io(e)) => {
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
        load_listed(dir, i, entry, &mut loaded, &mut report.errors);
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

/// The inspection files loaded so far: by id, each with its label.
type Loaded = HashMap<String, (String, Inspection)>;

/// Loads the file that `inspections[i]` of the manifest lists into `loaded`, or says in
/// `errors` why it cannot.
fn load_listed(
    dir: &Path,
    i: usize,
    entry: &ManifestEntry,
    loaded: &mut Loaded,
    errors: &mut Vec<DataError>,
) {
    if !validate::is_safe_relative_path(&entry.file) {
        return; // already reported by validate_manifest
    }
    let file_label = label(dir, &entry.file);
    let text = match read_utf8(&dir.join(&entry.file)) {
        Ok(t) => t,
        Err(Unreadable::NotUtf8(e)) => {
            errors.push(not_utf8(&file_label, e));
            return;
        }
        Err(Unreadable::Io(e)) => {
            errors.push(DataError::new(
                &label(dir, "index.json"),
                format!("inspections[{i}].file"),
                format!(
                    "cannot read {:?} ({e}); expected an inspection file there",
                    entry.file
                ),
            ));
            return;
        }
    };
    match validate::load_inspection(&file_label, &text) {
        Ok(ins) => {
            if let Some((other, _)) = loaded.get(&ins.id) {
                errors.push(DataError::new(
                    &file_label,
                    "id",
                    format!(
                        "duplicate inspection id {:?}; already used by {other}; expected each listed file to hold a different inspection",
                        ins.id
                    ),
                ));
                return;
            }
            loaded.insert(ins.id.clone(), (file_label, ins));
        }
        Err(errs) => errors.extend(errs),
    }
}

/// `name` as the user knows it: under the name of `dir`, e.g. `data/index.json`.
fn label(dir: &Path, name: &str) -> String {
    let base = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if base.is_empty() {
        name.to_string()
    } else {
        format!("{base}/{name}")
    }
}

/// Why a file's text could not be had.
enum Unreadable {
    Io(std::io::Error),
    NotUtf8(std::string::FromUtf8Error),
}

fn read_utf8(path: &Path) -> Result<String, Unreadable> {
    let bytes = std::fs::read(path).map_err(Unreadable::Io)?;
    String::from_utf8(bytes).map_err(Unreadable::NotUtf8)
}

fn not_utf8(file: &str, e: std::string::FromUtf8Error) -> DataError {
    DataError::new(
        file,
        "(top level)",
        format!("not valid UTF-8 ({e}); expected UTF-8 JSON"),
    )
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
