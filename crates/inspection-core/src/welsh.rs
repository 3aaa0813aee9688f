//! Welsh data text. The bundled sources are English, so every text field of the data holds
//! English. A data file may also carry a `cy` table: the Welsh of any of its text fields, each
//! under the key of the English it translates, `<id>.<field>` — e.g. `afi-vetting.text`,
//! `afi-vetting.parts[0]`, `legitimacy.carried_over.from`, or `<inspection id>.title` for the
//! file's own fields. [`inspection_texts`] and [`manifest_texts`] list every key there can be.
//!
//! A Welsh page shows the Welsh where the table has it, in the page's language; elsewhere it
//! shows the English, marked `lang="en"` so screen readers pronounce it as English. An English
//! page always shows the English.
//!
//! One table per file, rather than Welsh fields on every item, because each field the data
//! model adds costs code in the browser bundle: a `cy` object on every item type cost 10 KB
//! (brotli) of wasm, this table well under a tenth of that.

use std::fmt;
use std::ops::Deref;

use serde::de::{Error as _, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::i18n::Lang;
use crate::model::{Inspection, Judgment, Manifest};

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

    /// `en`, the English at `<id>.<field>`, as a page in `lang` shows it.
    pub fn pick(&self, lang: Lang, id: &str, field: &str, en: &str) -> Text {
        let cy = match lang {
            Lang::Cy => self.get(id, field),
            Lang::En => None,
        };
        Text::pick(lang, en, cy)
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

/// A data text as a page shows it, and the language its element must be marked with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub text: String,
    /// The element's `lang` attribute: `Some("en")` for English on a Welsh page, `None`
    /// where the text is in the page's own language.
    pub lang: Option<&'static str>,
}

impl Text {
    /// The Welsh `cy` on a Welsh page where there is one, else the English `en`.
    pub fn pick(lang: Lang, en: &str, cy: Option<&str>) -> Text {
        match cy {
            Some(cy) if lang == Lang::Cy => Text {
                text: cy.to_string(),
                lang: None,
            },
            _ => Text {
                text: en.to_string(),
                lang: lang.data_lang(),
            },
        }
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Every English text of a file that its `cy` table may translate: (key, English).
struct Texts<'a>(Vec<(String, &'a str)>);

impl<'a> Texts<'a> {
    fn add(&mut self, id: &str, field: &str, en: &'a str) {
        self.0.push((key(id, field), en));
    }

    fn some(&mut self, id: &str, field: &str, en: &'a Option<String>) {
        if let Some(en) = en {
            self.add(id, field, en);
        }
    }

    fn list(&mut self, id: &str, field: &str, en: &'a [String]) {
        for (i, e) in en.iter().enumerate() {
            self.add(id, &format!("{field}[{i}]"), e);
        }
    }

    fn judgments(&mut self, js: &'a [Judgment]) {
        for j in js {
            self.add(&j.id, "name", &j.name);
            self.some(&j.id, "question", &j.question);
            self.some(&j.id, "summary", &j.summary);
            if let Some(c) = &j.carried_over {
                self.add(&j.id, "carried_over.from", &c.from);
                self.add(&j.id, "carried_over.statement", &c.statement);
            }
            self.judgments(&j.children);
        }
    }
}

/// Every key an inspection file's `cy` table may hold, with the English it names, in file
/// order. A key that appears twice (an item sharing the inspection's id) is ambiguous.
pub fn inspection_texts(ins: &Inspection) -> Vec<(String, &str)> {
    let mut t = Texts(Vec::new());
    let id = ins.id.as_str();
    t.add(id, "title", &ins.title);
    if let Some(p) = &ins.published {
        t.add(id, "published.basis", &p.basis);
    }
    t.list(id, "most_similar_forces", &ins.most_similar_forces);
    if let Some(o) = &ins.observations {
        t.add(id, "observations.role", &o.role);
        t.list(id, "observations.paragraphs", &o.paragraphs);
    }
    for s in &ins.sources {
        t.add(&s.id, "title", &s.title);
        t.add(&s.id, "publisher", &s.publisher);
    }
    t.judgments(&ins.judgments);
    for a in &ins.areas_for_improvement {
        t.add(&a.id, "text", &a.text);
        t.list(&a.id, "parts", &a.parts);
    }
    for c in &ins.causes_of_concern {
        t.add(&c.id, "text", &c.text);
        t.list(&c.id, "recommendations", &c.recommendations);
    }
    for f in &ins.follow_ups {
        t.add(&f.id, "text", &f.text);
        t.add(&f.id, "origin", &f.origin);
        t.add(&f.id, "status_text", &f.status_text);
    }
    for f in &ins.findings {
        t.add(&f.id, "text", &f.text);
    }
    for q in &ins.quotes {
        t.add(&q.id, "role", &q.role);
        t.add(&q.id, "text", &q.text);
    }
    for f in &ins.figures {
        t.some(&f.id, "group", &f.group);
        t.add(&f.id, "name", &f.name);
        t.add(&f.id, "value_label", &f.value_label);
        t.add(&f.id, "period", &f.period);
        for (i, c) in f.comparators.iter().enumerate() {
            t.add(&f.id, &format!("comparators[{i}].label"), &c.label);
        }
    }
    for n in &ins.notes {
        t.add(&n.id, "text", &n.text);
    }
    t.0
}

/// Every key the manifest's `cy` table may hold, with the English it names.
pub fn manifest_texts(m: &Manifest) -> Vec<(String, &str)> {
    let mut t = Texts(Vec::new());
    for f in &m.forces {
        t.add(&f.id, "name", &f.name);
    }
    for e in &m.inspections {
        t.add(&e.id, "title", &e.title);
    }
    for l in &m.lineages {
        t.add(&l.id, "name", &l.name);
        for (k, s) in l.steps.iter().enumerate() {
            t.some(&l.id, &format!("steps[{k}].note"), &s.note);
        }
    }
    t.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_data::bundled;

    fn table(pairs: &[(&str, &str)]) -> Welsh {
        let mut cy = Welsh::default();
        for (k, v) in pairs {
            cy.insert(k.to_string(), v.to_string());
        }
        cy
    }

    #[test]
    fn welsh_pages_show_welsh_where_there_is_some_and_mark_english_elsewhere() {
        let cy = table(&[("legitimacy.name", "Cyfreithlondeb")]);
        let welsh = cy.pick(Lang::Cy, "legitimacy", "name", "Legitimacy");
        assert_eq!((welsh.text.as_str(), welsh.lang), ("Cyfreithlondeb", None));
        let english = cy.pick(Lang::Cy, "effectiveness", "name", "Effectiveness");
        assert_eq!((&*english, english.lang), ("Effectiveness", Some("en")));
        let on_english_page = cy.pick(Lang::En, "legitimacy", "name", "Legitimacy");
        assert_eq!(
            (&*on_english_page, on_english_page.lang),
            ("Legitimacy", None)
        );
        assert_eq!(on_english_page.to_string(), "Legitimacy");
        let none = Welsh::default().pick(Lang::Cy, "legitimacy", "name", "Legitimacy");
        assert_eq!(none.lang, Some("en"));
    }

    #[test]
    fn keys_name_every_text_of_the_bundled_data() {
        let (m, l) = bundled();
        let ins = &l["gwent-peel-2018-19"];
        let texts = inspection_texts(ins);
        let find = |k: &str| texts.iter().find(|(key, _)| key == k).map(|(_, en)| *en);
        assert_eq!(find("gwent-peel-2018-19.title"), Some(ins.title.as_str()));
        assert_eq!(find("legitimacy.name"), Some("Legitimacy"));
        let afi = &ins.areas_for_improvement[0];
        assert_eq!(find(&key(&afi.id, "text")), Some(afi.text.as_str()));
        assert!(find("legitimacy.colour").is_none());
        let parts = ins
            .areas_for_improvement
            .iter()
            .find(|a| !a.parts.is_empty())
            .unwrap();
        assert_eq!(
            find(&key(&parts.id, "parts[0]")),
            Some(parts.parts[0].as_str())
        );
        let figure = ins.figures.first().unwrap();
        if let Some(c) = figure.comparators.first() {
            assert_eq!(
                find(&key(&figure.id, "comparators[0].label")),
                Some(c.label.as_str())
            );
        }
        // No key twice in the bundled data, and every key matches the schema's pattern.
        for ins in l.values() {
            let mut keys: Vec<String> = inspection_texts(ins).into_iter().map(|t| t.0).collect();
            let n = keys.len();
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), n, "{}", ins.id);
            assert!(keys.iter().all(|k| key_shape_ok(k)), "{keys:?}");
        }
        let mkeys: Vec<String> = manifest_texts(&m).into_iter().map(|t| t.0).collect();
        assert!(mkeys.contains(&"gwent.name".to_string()));
        assert!(mkeys.iter().all(|k| key_shape_ok(k)), "{mkeys:?}");
    }

    #[test]
    fn a_key_naming_two_texts_is_ambiguous() {
        let (_, l) = bundled();
        let mut ins = l["gwent-peel-2018-19"].clone();
        let mut source = ins.sources[0].clone();
        source.id = ins.id.clone();
        ins.sources.push(source);
        assert_eq!(crate::validate::validate_inspection("x", &ins), vec![]);
        ins.cy.insert(key(&ins.id, "title"), "Teitl".into());
        let errors = crate::validate::validate_inspection("x", &ins);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].path, "cy[\"gwent-peel-2018-19.title\"]");
        assert!(errors[0].message.starts_with("ambiguous"), "{errors:?}");
    }

    /// The schema's `propertyNames` pattern, by hand.
    fn key_shape_ok(k: &str) -> bool {
        let mut segments = k.split('.');
        let id = segments.next().unwrap_or_default();
        let name = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        let segment_ok = |s: &str| match s.split_once('[') {
            Some((n, i)) => {
                name(n)
                    && i.strip_suffix(']')
                        .is_some_and(|i| i.parse::<usize>().is_ok())
            }
            None => name(s),
        };
        let rest: Vec<&str> = segments.collect();
        crate::validate::is_valid_id(id) && !rest.is_empty() && rest.into_iter().all(segment_ok)
    }
}
