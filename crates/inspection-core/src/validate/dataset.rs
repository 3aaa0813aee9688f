//! Checks across files: each inspection file against its manifest entry, and the references
//! from one file into another.

use std::collections::HashMap;

use super::error::{json, show, DataError};
use crate::model::{Inspection, Manifest, ManifestEntry};

/// Checks that an inspection file agrees with its manifest entry and that cross-file
/// references resolve. `inspections` holds every inspection that loaded, by id.
pub fn validate_dataset(
    manifest_file: &str,
    manifest: &Manifest,
    inspections: &HashMap<String, (String, Inspection)>,
) -> Vec<DataError> {
    let mut check = DatasetCheck {
        manifest_file,
        manifest,
        inspections,
        errors: Vec::new(),
    };
    for (i, e) in manifest.inspections.iter().enumerate() {
        check.entry(i, e);
    }
    check.follow_ups();
    check.lineages();
    check.errors
}

/// The checker of a data set; its errors name the manifest or an inspection file.
struct DatasetCheck<'a> {
    manifest_file: &'a str,
    manifest: &'a Manifest,
    inspections: &'a HashMap<String, (String, Inspection)>,
    errors: Vec<DataError>,
}

impl<'a> DatasetCheck<'a> {
    /// The loaded file that the entry lists, with its label, if it loaded.
    fn listed_file(&self, e: &ManifestEntry) -> Option<&'a (String, Inspection)> {
        // Found by the file the entry names (labels are that path, possibly under a directory),
        // so that a file whose id differs from the entry's is still compared and the id
        // mismatch reported; by id alone where no label names the file.
        let listed_file = format!("/{}", e.file);
        let names_file = |label: &str| label == e.file || label.ends_with(&listed_file);
        match self.inspections.get(&e.id) {
            Some(hit) if names_file(&hit.0) => Some(hit),
            by_id => self
                .inspections
                .values()
                .filter(|(label, _)| names_file(label))
                .min_by_key(|(label, _)| label.len())
                .or(by_id),
        }
    }

    /// The entry `inspections[i]` says what its file says.
    fn entry(&mut self, i: usize, e: &ManifestEntry) {
        let p = format!("inspections[{i}]");
        let Some((file, ins)) = self.listed_file(e) else {
            return; // the file did not load; its errors are already reported
        };
        let mut mismatch = |field: &str, in_manifest: String, in_file: String| {
            if in_manifest != in_file {
                self.errors.push(DataError::new(
                    self.manifest_file,
                    format!("{p}.{field}"),
                    format!("manifest says {in_manifest} but {file} says {in_file}; expected them to agree"),
                ));
            }
        };
        // Shown as JSON values, as the user wrote them ("four-point", null, {"judgments": 2, …}).
        mismatch("id", json(&e.id), json(&ins.id));
        mismatch("force", json(&e.force), json(&ins.force));
        mismatch("title", json(&e.title), json(&ins.title));
        mismatch("period", json(&e.period), json(&ins.period));
        mismatch("programme", json(&e.programme), json(&ins.programme));
        mismatch("scale", json(&e.scale), json(&ins.scale));
        mismatch(
            "date",
            json(&e.date),
            json(&ins.published.as_ref().map(|p| &p.date)),
        );
        mismatch("counts", json(&e.counts), json(&crate::model::counts(ins)));
        let title = crate::welsh::key(&e.id, "title");
        let (in_manifest, in_file) = (self.manifest.cy.text(&title), ins.cy.text(&title));
        if in_manifest != in_file {
            self.errors.push(DataError::new(
                self.manifest_file,
                format!("cy[{}]", show(&title)),
                format!(
                    "manifest says {} but {file} says {}; expected the same Welsh title in both \
                     (or in neither)",
                    json(&in_manifest),
                    json(&in_file)
                ),
            ));
        }
    }

    /// Every follow-up's reference to an item of another inspection resolves.
    fn follow_ups(&mut self) {
        for (file, ins) in self.inspections.values() {
            for (i, f) in ins.follow_ups.iter().enumerate() {
                let Some(r) = &f.refers_to else { continue };
                let p = format!("follow_ups[{i}].refers_to");
                let listed = self
                    .manifest
                    .inspections
                    .iter()
                    .any(|e| e.id == r.inspection);
                match self.inspections.get(&r.inspection) {
                    // Listed but did not load: its own errors are already reported.
                    None if listed => {}
                    None => self.errors.push(DataError::new(
                        file,
                        format!("{p}.inspection"),
                        format!(
                            "unknown inspection {}; expected the id of an inspection in the manifest",
                            show(&r.inspection)
                        ),
                    )),
                    Some((_, target)) => {
                        let exists = target.areas_for_improvement.iter().any(|a| a.id == r.item)
                            || target.causes_of_concern.iter().any(|c| c.id == r.item);
                        if !exists {
                            self.errors.push(DataError::new(
                                file,
                                format!("{p}.item"),
                                format!(
                                    "unknown item {} in inspection {}; expected an area for improvement or cause of concern there",
                                    show(&r.item), show(&r.inspection)
                                ),
                            ));
                        }
                    }
                }
            }
        }
    }

    /// Every lineage step names a judgment of the inspection it names.
    fn lineages(&mut self) {
        for (i, l) in self.manifest.lineages.iter().enumerate() {
            for (k, s) in l.steps.iter().enumerate() {
                let Some((_, ins)) = self.inspections.get(&s.inspection) else {
                    continue;
                };
                if crate::model::find_judgment(ins, &s.judgment).is_none() {
                    self.errors.push(DataError::new(
                        self.manifest_file,
                        format!("lineages[{i}].steps[{k}].judgment"),
                        format!(
                            "unknown judgment {} in inspection {}; expected the id of a judgment in that inspection's file",
                            show(&s.judgment), show(&s.inspection)
                        ),
                    ));
                }
            }
        }
    }
}
