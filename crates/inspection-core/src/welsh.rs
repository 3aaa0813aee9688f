//! Welsh data text. The bundled sources are English, so every text field of the data holds
//! English. A data file may also carry a `cy` table: the Welsh of any of its text fields, each
//! under the key of the English it translates, `<id>.<field>` — e.g. `afi-vetting.text`,
//! `afi-vetting.parts[0]`, `legitimacy.carried_over.from`, or `<inspection id>.title` for the
//! file's own fields. [`each_text`] and [`each_manifest_text`] walk every key there can be.
//!
//! A Welsh page shows the data [`localize`]d: each text the table translates replaced by its
//! Welsh. Everything the views derive (cards, lists, search, highlights) then works on the text
//! shown. Data text still in English is marked `lang="en"` so screen readers pronounce it as
//! English; text that is one of the data's Welsh texts is not. An English page always shows
//! the English. Downloads in the published schema are made from the data as loaded.
//!
//! One table per file, rather than Welsh fields on every item, because each field the data
//! model adds costs code in the browser bundle: a `cy` object on every item type cost 10 KB
//! (brotli) of wasm.

use crate::model::{Inspection, Judgment, Manifest};
pub use crate::welsh_table::{key, Welsh, KEY_PATTERN};

/// What [`each_text`] calls for every English text: its key and the text itself.
pub type TextFn<'a> = dyn FnMut(String, &mut String) + 'a;

fn list(f: &mut TextFn, id: &str, field: &str, items: &mut [String]) {
    for (i, text) in items.iter_mut().enumerate() {
        f(key(id, &format!("{field}[{i}]")), text);
    }
}

fn some(f: &mut TextFn, id: &str, field: &str, text: &mut Option<String>) {
    if let Some(text) = text {
        f(key(id, field), text);
    }
}

fn judgments(f: &mut TextFn, js: &mut [Judgment]) {
    for j in js {
        f(key(&j.id, "name"), &mut j.name);
        some(f, &j.id, "question", &mut j.question);
        some(f, &j.id, "summary", &mut j.summary);
        if let Some(c) = &mut j.carried_over {
            f(key(&j.id, "carried_over.from"), &mut c.from);
            f(key(&j.id, "carried_over.statement"), &mut c.statement);
        }
        judgments(f, &mut j.children);
    }
}

/// Calls `f` with the key and the text of every English text of an inspection file that its
/// `cy` table may translate, in file order. A key given twice (an item sharing the
/// inspection's id) is ambiguous.
pub fn each_text(ins: &mut Inspection, f: &mut TextFn) {
    let id = ins.id.clone();
    f(key(&id, "title"), &mut ins.title);
    if let Some(p) = &mut ins.published {
        f(key(&id, "published.basis"), &mut p.basis);
    }
    list(f, &id, "most_similar_forces", &mut ins.most_similar_forces);
    if let Some(o) = &mut ins.observations {
        f(key(&id, "observations.role"), &mut o.role);
        list(f, &id, "observations.paragraphs", &mut o.paragraphs);
    }
    for s in &mut ins.sources {
        f(key(&s.id, "title"), &mut s.title);
        f(key(&s.id, "publisher"), &mut s.publisher);
    }
    judgments(f, &mut ins.judgments);
    for a in &mut ins.areas_for_improvement {
        f(key(&a.id, "text"), &mut a.text);
        list(f, &a.id, "parts", &mut a.parts);
    }
    for c in &mut ins.causes_of_concern {
        f(key(&c.id, "text"), &mut c.text);
        list(f, &c.id, "recommendations", &mut c.recommendations);
    }
    for u in &mut ins.follow_ups {
        f(key(&u.id, "text"), &mut u.text);
        f(key(&u.id, "origin"), &mut u.origin);
        f(key(&u.id, "status_text"), &mut u.status_text);
    }
    for x in &mut ins.findings {
        f(key(&x.id, "text"), &mut x.text);
    }
    for q in &mut ins.quotes {
        f(key(&q.id, "role"), &mut q.role);
        f(key(&q.id, "text"), &mut q.text);
    }
    for x in &mut ins.figures {
        some(f, &x.id, "group", &mut x.group);
        f(key(&x.id, "name"), &mut x.name);
        f(key(&x.id, "value_label"), &mut x.value_label);
        f(key(&x.id, "period"), &mut x.period);
        for (i, c) in x.comparators.iter_mut().enumerate() {
            f(key(&x.id, &format!("comparators[{i}].label")), &mut c.label);
        }
    }
    for n in &mut ins.notes {
        f(key(&n.id, "text"), &mut n.text);
    }
}

/// [`each_text`] for the manifest: force names, inspection titles, lineage names and notes.
pub fn each_manifest_text(m: &mut Manifest, f: &mut TextFn) {
    for x in &mut m.forces {
        f(key(&x.id, "name"), &mut x.name);
    }
    for e in &mut m.inspections {
        f(key(&e.id, "title"), &mut e.title);
    }
    for l in &mut m.lineages {
        f(key(&l.id, "name"), &mut l.name);
        for (k, s) in l.steps.iter_mut().enumerate() {
            some(f, &l.id, &format!("steps[{k}].note"), &mut s.note);
        }
    }
}

/// Every key an inspection file's `cy` table may hold, in file order.
pub fn inspection_keys(ins: &Inspection) -> Vec<String> {
    let mut keys = Vec::new();
    each_text(&mut ins.clone(), &mut |k, _| keys.push(k));
    keys
}

/// Every key the manifest's `cy` table may hold.
pub fn manifest_keys(m: &Manifest) -> Vec<String> {
    let mut keys = Vec::new();
    each_manifest_text(&mut m.clone(), &mut |k, _| keys.push(k));
    keys
}

/// Replaces every English text of `ins` that its `cy` table translates by the Welsh: the
/// inspection as a Welsh page shows it.
pub fn localize(ins: &mut Inspection) {
    if ins.cy.is_empty() {
        return;
    }
    let cy = std::mem::take(&mut ins.cy);
    each_text(ins, &mut translate(&cy));
    ins.cy = cy;
}

/// [`localize`] for the manifest.
pub fn localize_manifest(m: &mut Manifest) {
    if m.cy.is_empty() {
        return;
    }
    let cy = std::mem::take(&mut m.cy);
    each_manifest_text(m, &mut translate(&cy));
    m.cy = cy;
}

fn translate(cy: &Welsh) -> impl FnMut(String, &mut String) + '_ {
    move |key, text| {
        if let Some(welsh) = cy.text(&key) {
            *text = welsh.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::sync::Arc;

    use super::*;
    use crate::test_data::bundled;
    use crate::url::UrlState;
    use crate::view::{filter_rows, grade_cards, improvement_rows, pillar_options, ImprovementRow};

    /// Every (key, text) of `ins`.
    fn texts(ins: &Inspection) -> Vec<(String, String)> {
        let mut out = Vec::new();
        each_text(&mut ins.clone(), &mut |k, t| out.push((k, t.clone())));
        out
    }

    #[test]
    fn keys_name_every_text_of_the_bundled_data() {
        let (m, l) = bundled();
        let ins = &l["gwent-peel-2018-19"];
        let texts = texts(ins);
        let find = |k: &str| {
            texts
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, t)| t.as_str())
        };
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
            let mut keys = inspection_keys(ins);
            let n = keys.len();
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), n, "{}", ins.id);
            assert!(keys.iter().all(|k| key_shape_ok(k)), "{keys:?}");
        }
        let mkeys = manifest_keys(&m);
        assert!(mkeys.contains(&"gwent.name".to_string()));
        assert!(mkeys.iter().all(|k| key_shape_ok(k)), "{mkeys:?}");
    }

    /// The bundled data plus some made-up Welsh (tests only: the sources are English).
    fn bundled_with_welsh() -> (Manifest, HashMap<String, Inspection>) {
        let (mut m, mut l) = bundled();
        let ins = l.get_mut("gwent-peel-2018-19").unwrap();
        for (k, v) in [
            ("gwent-peel-2018-19.title", "Arolygiad PEEL 2018/19 (prawf)"),
            ("legitimacy.name", "Cyfreithlondeb"),
            (
                "afi-vetting-clearance.text",
                "Dylai’r heddlu sicrhau gliriad fetio i bawb.",
            ),
            ("calls-999-per-1000.name", "Galwadau 999 fesul 1,000"),
        ] {
            ins.cy.insert(k.into(), v.into());
        }
        for (k, v) in [
            ("gwent-peel-2018-19.title", "Arolygiad PEEL 2018/19 (prawf)"),
            ("gwent-legitimacy.name", "Cyfreithlondeb"),
        ] {
            m.cy.insert(k.into(), v.into());
        }
        let all: HashMap<String, (String, Inspection)> = l
            .iter()
            .map(|(id, i)| (id.clone(), (format!("{id}.json"), i.clone())))
            .collect();
        assert_eq!(
            crate::validate::validate_dataset("index.json", &m, &all),
            vec![]
        );
        assert_eq!(crate::validate::validate_manifest("index.json", &m), vec![]);
        for i in l.values() {
            assert_eq!(crate::validate::validate_inspection("x", i), vec![]);
        }
        (m, l)
    }

    #[test]
    fn localize_replaces_only_what_the_table_translates() {
        let (mut m, l) = bundled_with_welsh();
        let original = &l["gwent-peel-2018-19"];
        let mut ins = original.clone();
        localize(&mut ins);
        assert_eq!(ins.title, "Arolygiad PEEL 2018/19 (prawf)");
        assert_eq!(
            ins.judgments
                .iter()
                .find(|j| j.id == "legitimacy")
                .unwrap()
                .name,
            "Cyfreithlondeb"
        );
        assert_eq!(ins.figures[0].name, "Galwadau 999 fesul 1,000");
        // Everything else stays English, and the table stays.
        let effectiveness = ins
            .judgments
            .iter()
            .find(|j| j.id == "effectiveness")
            .unwrap();
        assert_eq!(effectiveness.name, "Effectiveness");
        assert_eq!(ins.cy, original.cy);
        let changed = texts(original)
            .into_iter()
            .zip(texts(&ins))
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(changed, 4);
        // Without a table nothing changes.
        let other = &l["gwent-peel-2021-22"];
        let mut same = other.clone();
        localize(&mut same);
        assert_eq!(&same, other);
        localize_manifest(&mut m);
        assert_eq!(
            m.lineages
                .iter()
                .find(|x| x.id == "gwent-legitimacy")
                .unwrap()
                .name,
            "Cyfreithlondeb"
        );
        assert_eq!(
            m.inspections
                .iter()
                .find(|e| e.id == "gwent-peel-2018-19")
                .unwrap()
                .title,
            "Arolygiad PEEL 2018/19 (prawf)"
        );
    }

    #[test]
    fn views_of_localized_data_show_and_search_the_welsh() {
        let (mut m, mut l) = bundled_with_welsh();
        let english = l.clone();
        localize_manifest(&mut m);
        l.values_mut().for_each(localize);
        let rows: Vec<Arc<ImprovementRow>> =
            improvement_rows(&m, &l).into_iter().map(Arc::new).collect();
        let key = "gwent-peel-2018-19/afi-vetting-clearance";
        let row = rows.iter().find(|r| r.key == key).unwrap();
        assert_eq!(row.text, "Dylai’r heddlu sicrhau gliriad fetio i bawb.");
        assert_eq!(row.pillar_name.as_deref(), Some("Cyfreithlondeb"));
        assert_eq!(row.inspection_title, "Arolygiad PEEL 2018/19 (prawf)");
        // The 2016 item it continues shows it by its Welsh text.
        let old = rows
            .iter()
            .find(|r| r.thread.iter().any(|t| t.row_key.as_deref() == Some(key)))
            .unwrap();
        assert!(old.thread.iter().any(|t| t.text.starts_with("Dylai’r")));
        // The search runs over the text shown.
        let q = UrlState::from_pairs([("q", "gliriad fetio")]);
        let shown = filter_rows(&rows, &q);
        let hits: Vec<&str> = shown.iter().map(|r| r.key.as_str()).collect();
        assert!(hits.contains(&key), "{hits:?}");
        let (cards, _) = grade_cards(
            &l["gwent-peel-2018-19"],
            &UrlState::from_pairs([("q", "cyfreithlondeb")]),
        );
        assert_eq!(
            cards
                .iter()
                .map(|c| c.judgment.id.as_str())
                .collect::<Vec<_>>(),
            vec!["legitimacy"]
        );
        let options = pillar_options(&[&l["gwent-peel-2018-19"]]);
        assert!(options.contains(&("legitimacy".into(), "Cyfreithlondeb".into())));
        let h = crate::history::history(&m, &l);
        assert!(h.rows.iter().any(|r| r.name == "Cyfreithlondeb"));
        // The data as loaded (and so every download in the published schema) stays English.
        let (cards, _) = grade_cards(&l["gwent-peel-2018-19"], &UrlState::default());
        let out = crate::export::grades_json(&english["gwent-peel-2018-19"], &cards);
        assert_eq!(
            out.judgments
                .iter()
                .find(|j| j.id == "legitimacy")
                .unwrap()
                .name,
            "Legitimacy"
        );
        assert_eq!(out.cy.get("legitimacy", "name"), Some("Cyfreithlondeb"));
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
