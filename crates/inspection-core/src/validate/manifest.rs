//! Semantic checks on the manifest alone: ids, forces, the inspection files it lists and the
//! lineages across them.

use std::collections::{HashMap, HashSet};

use super::checks::Checks;
use super::error::{show, DataError};
use super::rules::path_problem;
use crate::model::{Lineage, Manifest, ManifestEntry};

/// Semantic checks on the manifest alone.
pub fn validate_manifest(file: &str, m: &Manifest) -> Vec<DataError> {
    let mut check = ManifestCheck {
        checks: Checks::new(file),
        m,
        forces: m.forces.iter().map(|f| f.id.as_str()).collect(),
        files: HashMap::new(),
    };
    check.checks.version(m.schema_version);
    for (i, f) in m.forces.iter().enumerate() {
        check.checks.id(&f.id, format!("forces[{i}]"));
        check
            .checks
            .filled(format!("forces[{i}].name"), &f.name, "the force's name");
    }
    for (i, e) in m.inspections.iter().enumerate() {
        check.entry(i, e);
    }
    for (i, l) in m.lineages.iter().enumerate() {
        check.lineage(i, l);
    }
    if !m.cy.is_empty() {
        check.checks.welsh(
            &m.cy,
            &crate::welsh::manifest_keys(m),
            "a force, inspection or lineage in this manifest",
        );
    }
    check.checks.finish()
}

/// The checker of a manifest.
struct ManifestCheck<'a> {
    checks: Checks<'a>,
    m: &'a Manifest,
    /// Ids of the manifest's forces.
    forces: HashSet<&'a str>,
    /// The inspection files listed so far, with the index of the entry that lists each.
    files: HashMap<&'a str, usize>,
}

impl<'a> ManifestCheck<'a> {
    /// The `force` at `path` names one of the manifest's forces.
    fn force(&mut self, path: String, force: &str) {
        if !self.forces.contains(force) {
            self.checks.error(
                path,
                format!(
                    "unknown force {}; expected the id of an entry in forces",
                    show(force)
                ),
            );
        }
    }

    /// The entry `inspections[i]`.
    fn entry(&mut self, i: usize, e: &'a ManifestEntry) {
        let p = format!("inspections[{i}]");
        self.checks.id(&e.id, p.clone());
        self.checks
            .filled(format!("{p}.title"), &e.title, "the inspection's title");
        self.force(format!("{p}.force"), &e.force);
        if let Some(d) = &e.date {
            self.checks.date(format!("{p}.date"), d);
        }
        if let Some(problem) = path_problem(&e.file) {
            self.checks.error(
                format!("{p}.file"),
                format!(
                    "unsafe file path {}: {problem}; expected a relative path like \
                     \"peel-2018-19.json\" (letters, digits, '-', '_', '.' and '/'), ending in .json",
                    show(&e.file)
                ),
            );
        }
        if let Some(first) = self.files.insert(e.file.as_str(), i) {
            self.checks.error(
                format!("{p}.file"),
                format!(
                    "file {} is already listed at inspections[{first}].file; expected each \
                     inspection file to be listed once",
                    show(&e.file)
                ),
            );
        }
    }

    /// The lineage `lineages[i]`.
    fn lineage(&mut self, i: usize, l: &Lineage) {
        self.checks.id(&l.id, format!("lineages[{i}]"));
        self.checks.filled(
            format!("lineages[{i}].name"),
            &l.name,
            "a name for the assessed area",
        );
        self.force(format!("lineages[{i}].force"), &l.force);
        for (k, s) in l.steps.iter().enumerate() {
            if !self.m.inspections.iter().any(|e| e.id == s.inspection) {
                self.checks.error(
                    format!("lineages[{i}].steps[{k}].inspection"),
                    format!(
                        "unknown inspection {}; expected the id of an entry in inspections",
                        show(&s.inspection)
                    ),
                );
            }
        }
    }
}
