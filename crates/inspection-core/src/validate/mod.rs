//! Parsing and validation of data files. Every error names the file, the JSON path and what
//! was expected, so both the `check` command and the browser can show it as is.
//!
//! By job: `diagnostics` turns a file that is not the expected JSON into a specific
//! message; `rules` holds what a single value must meet wherever it appears; `checks`
//! what every file's checker holds; `inspection` and `manifest` check one file of each
//! kind, and `dataset` the files against each other.

mod checks;
mod dataset;
mod diagnostics;
mod error;
mod inspection;
mod manifest;
mod rules;

pub use dataset::validate_dataset;
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) use diagnostics::deserialize_tracked;
pub use diagnostics::parse;
pub use error::DataError;
pub use inspection::validate_inspection;
pub use manifest::validate_manifest;
pub use rules::{is_safe_relative_path, is_safe_url, is_valid_date, is_valid_id};

use crate::model::{Inspection, Manifest};
use diagnostics::parse_object;

/// Parses and validates a manifest on its own.
pub fn load_manifest(file: &str, text: &str) -> Result<Manifest, Vec<DataError>> {
    let manifest: Manifest = parse_object(file, text).map_err(|e| vec![e])?;
    let errors = validate_manifest(file, &manifest);
    if errors.is_empty() {
        Ok(manifest)
    } else {
        Err(errors)
    }
}

/// Parses and validates one inspection file on its own.
pub fn load_inspection(file: &str, text: &str) -> Result<Inspection, Vec<DataError>> {
    let inspection: Inspection = parse_object(file, text).map_err(|e| vec![e])?;
    let errors = validate_inspection(file, &inspection);
    if errors.is_empty() {
        Ok(inspection)
    } else {
        Err(errors)
    }
}
