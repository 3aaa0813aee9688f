//! The `cy` table type itself: Welsh text by the key of the English it translates. A leaf, so
//! that the data model can hold a table without importing the code that walks the data's texts
//! ([`crate::welsh`]).

use std::fmt;

use serde::de::{Error as _, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// A `cy` table: Welsh text by the key of the English it translates (`<id>.<field>`).
///
/// Held in a `serde_json::Map` whose values are always strings, rather than a `BTreeMap` of
/// its own: the bundle already has the JSON map's code (for `serde_json::Value`), and a second
/// map type cost 4 KB of wasm.
#[derive(Debug, PartialEq, Eq, Default)]
pub struct Welsh(Map<String, Value>);

/// By hand, through `iter` and `insert`, which the bundle has anyway: a derived `Clone` would
/// add the map's (and `Value`'s) clone code.
impl Clone for Welsh {
    fn clone(&self) -> Welsh {
        let mut out = Welsh::default();
        for (k, v) in self.iter() {
            out.insert(k.to_string(), v.to_string());
        }
        out
    }
}

impl Welsh {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The Welsh under `key`, if the table has it.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(Value::as_str)
    }

    /// The Welsh of the English at `<id>.<field>`, if the table has it.
    pub fn get(&self, id: &str, field: &str) -> Option<&str> {
        if self.0.is_empty() {
            return None;
        }
        self.text(&key(id, field))
    }

    /// Sets the Welsh under `key`.
    pub fn insert(&mut self, key: String, welsh: String) {
        self.0.insert(key, Value::String(welsh));
    }

    /// Every entry, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or_default()))
    }
}

impl Serialize for Welsh {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

/// A JSON object of strings; a key given twice is an error (as in every other object of the
/// data: JSON parsers disagree on which copy wins).
impl<'de> Deserialize<'de> for Welsh {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Welsh, D::Error> {
        struct Table;
        impl<'de> Visitor<'de> for Table {
            type Value = Welsh;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object of Welsh texts")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Welsh, A::Error> {
                let mut out = Welsh::default();
                while let Some(key) = map.next_key::<String>()? {
                    if out.0.contains_key(&key) {
                        return Err(A::Error::custom(format_args!("duplicate field `{key}`")));
                    }
                    let welsh: String = map.next_value()?;
                    out.insert(key, welsh);
                }
                Ok(out)
            }
        }
        d.deserialize_map(Table)
    }
}

/// What a `cy` key looks like (the schema's `propertyNames`): an id, then one or more field
/// names, each perhaps with a list index.
pub const KEY_PATTERN: &str = r"^[a-z0-9-]+(\.[a-z_]+(\[[0-9]+\])?)+$";

/// The key of the text at `field` of the item (or file) `id`.
pub fn key(id: &str, field: &str) -> String {
    format!("{id}.{field}")
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Welsh {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Welsh".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Welsh text for this file's English text fields, each under the key \
                of the English it translates: \"<id>.<field>\", where <id> is the id of this \
                inspection (in the manifest: of a force, inspection or lineage) or of an item in \
                the file, and <field> the English field's name in it, with [n] for a list entry: \
                e.g. \"afi-vetting.text\", \"afi-vetting.parts[0]\", \
                \"legitimacy.carried_over.from\". Fields: inspection title, published.basis, \
                most_similar_forces[n], observations.role, observations.paragraphs[n]; source \
                title, publisher; judgment name, question, summary, carried_over.from, \
                carried_over.statement; area for improvement text, parts[n]; cause of concern \
                text, recommendations[n]; follow-up text, origin, status_text; finding and note \
                text; quote role, text; figure group, name, value_label, period, \
                comparators[n].label; in the manifest, force name, inspection title (the same as \
                the file's), lineage name, steps[n].note. Every entry is optional: where a text \
                has none, Welsh pages show the English, marked as English.",
            "type": "object",
            "propertyNames": { "pattern": KEY_PATTERN },
            "additionalProperties": { "type": "string", "minLength": 1 }
        })
    }
}
