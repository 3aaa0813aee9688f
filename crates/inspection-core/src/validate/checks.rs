//! What every file's checker holds — the file's name, the errors found so far and the ids seen
//! — and the checks on a single field that every kind of file makes.

use std::collections::HashMap;
use std::fmt::Display;

use super::error::{show, DataError};
use super::rules::{id_problem, is_valid_date, ID_RULE};
use crate::model::SCHEMA_VERSION;
use crate::welsh_table::Welsh;

/// The errors of one file, in the order found, and every id in it with its JSON path, so
/// that a duplicate can name both places.
pub(super) struct Checks<'a> {
    file: &'a str,
    errors: Vec<DataError>,
    ids: HashMap<String, String>,
}

impl<'a> Checks<'a> {
    pub(super) fn new(file: &'a str) -> Checks<'a> {
        Checks {
            file,
            errors: Vec::new(),
            ids: HashMap::new(),
        }
    }

    /// Everything found, in order.
    pub(super) fn finish(self) -> Vec<DataError> {
        self.errors
    }

    pub(super) fn error(&mut self, path: impl Display, message: impl Into<String>) {
        self.errors.push(DataError::new(self.file, path, message));
    }

    pub(super) fn version(&mut self, version: u32) {
        if version != SCHEMA_VERSION {
            self.error(
                "schema_version",
                format!("unsupported schema_version {version}; expected {SCHEMA_VERSION}"),
            );
        }
    }

    /// The id of the item at `path`: well formed, and not used before in this file.
    pub(super) fn id(&mut self, id: &str, path: String) {
        if let Some(problem) = id_problem(id) {
            self.error(
                format!("{path}.id"),
                format!("invalid id {}: {problem}; {ID_RULE}", show(id)),
            );
        }
        if let Some(first) = self.ids.get(id) {
            let message = format!("duplicate id {}; already used at {first}", show(id));
            self.error(format!("{path}.id"), message);
        } else {
            self.ids.insert(id.to_string(), path);
        }
    }

    /// A required name or label that must hold something.
    pub(super) fn filled(&mut self, path: impl Display, value: &str, what: &str) {
        if value.trim().is_empty() {
            self.error(path, format!("must not be empty; expected {what}"));
        }
    }

    /// A verbatim text from the source, which must hold something.
    pub(super) fn text(&mut self, path: impl Display, text: &str) {
        if text.trim().is_empty() {
            self.error(path, "must not be empty; expected the verbatim text");
        }
    }

    pub(super) fn date(&mut self, path: impl Display, date: &str) {
        if !is_valid_date(date) {
            self.error(
                path,
                format!(
                    "invalid date {}; expected YYYY, YYYY-MM or YYYY-MM-DD",
                    show(date)
                ),
            );
        }
    }

    /// Every entry of a `cy` table must name an English text of the file (by the key of its
    /// id and field, one of `keys`) and hold some Welsh. `ids` says whose ids a key may name.
    pub(super) fn welsh(&mut self, cy: &Welsh, keys: &[String], ids: &str) {
        for (key, welsh) in cy.iter() {
            let message = match keys.iter().filter(|k| *k == key).count() {
                1 if welsh.trim().is_empty() => "must not be empty; expected the Welsh of the \
                     English text there (leave the entry out to show the English)"
                    .to_string(),
                1 => continue,
                0 => unknown_key(key, keys, ids),
                _ => "ambiguous: both the inspection and an item have this id; expected item \
                     ids that differ from the inspection's id"
                    .to_string(),
            };
            self.error(format!("cy[{}]", show(key)), message);
        }
    }
}

/// Why `key` names no text of the file: its id is not one here, or the id has no such field.
fn unknown_key(key: &str, keys: &[String], ids: &str) -> String {
    // The fields the key's id does have, if it is an id here at all.
    let id = key.split_once('.').map_or(key, |(id, _)| id);
    let fields: Vec<&str> = keys
        .iter()
        .filter_map(|k| k.strip_prefix(id)?.strip_prefix('.'))
        .collect();
    if fields.is_empty() {
        format!(
            "unknown id {}; expected \"<id>.<field>\" with the id of {ids}, e.g. {}",
            show(id),
            show(keys.first().map_or("", String::as_str))
        )
    } else {
        format!(
            "no English text there to translate; expected one of {}'s text fields: {}",
            show(id),
            fields.join(", ")
        )
    }
}
