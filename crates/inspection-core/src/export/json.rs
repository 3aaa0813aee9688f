//! JSON downloads: one inspection file in the published schema, holding only what the view
//! shows and valid on its own.

use std::collections::HashSet;

use crate::model::*;
use crate::view::{Card, ImprovementRow};
use crate::welsh::Welsh;

/// A copy of `ins` holding only the judgments in `keep_judgments` (a kept question brings its
/// pillar) and the items `keep_item` accepts, with dangling references cut so the file
/// validates on its own.
fn subset(
    ins: &Inspection,
    keep_judgments: &HashSet<&str>,
    keep_item: &dyn Fn(&str) -> bool,
) -> Inspection {
    let mut kept = Inspection {
        judgments: kept_judgments(ins, keep_judgments),
        areas_for_improvement: Vec::new(),
        causes_of_concern: Vec::new(),
        follow_ups: Vec::new(),
        findings: Vec::new(),
        quotes: Vec::new(),
        figures: Vec::new(),
        most_similar_forces: Vec::new(),
        observations: None,
        notes: Vec::new(),
        ..ins.clone()
    };
    let judgment_ok = |id: &str| crate::model::find_judgment(&kept, id).is_some();
    let afis: Vec<AreaForImprovement> = ins
        .areas_for_improvement
        .iter()
        .filter(|a| keep_item(&a.id) && judgment_ok(&a.judgment))
        .cloned()
        .collect();
    let causes: Vec<CauseOfConcern> = ins
        .causes_of_concern
        .iter()
        .filter(|c| keep_item(&c.id) && judgment_ok(&c.judgment))
        .cloned()
        .collect();
    let findings: Vec<Finding> = ins
        .findings
        .iter()
        .filter(|f| keep_item(&f.id) && f.judgment.as_deref().is_some_and(judgment_ok))
        .cloned()
        .collect();
    let follow_up_ok = |f: &FollowUp| keep_item(&f.id) && judgment_ok(&f.judgment);
    let follow_ups = kept_follow_ups(ins, &afis, &causes, &follow_up_ok);
    kept.areas_for_improvement = afis;
    kept.causes_of_concern = causes;
    kept.follow_ups = follow_ups;
    kept.findings = findings;
    let ids: HashSet<String> = all_ids(&kept);
    kept.notes = ins
        .notes
        .iter()
        // Notes on the whole inspection (about nothing in particular) stay.
        .filter(|n| n.about.iter().all(|a| ids.contains(a)))
        .cloned()
        .collect();
    kept.cy = welsh_left(&mut kept, &ins.cy);
    kept
}

/// The judgments of `ins` in `keep`, and the pillars of the questions in it.
fn kept_judgments(ins: &Inspection, keep: &HashSet<&str>) -> Vec<Judgment> {
    ins.judgments
        .iter()
        .filter_map(|top| {
            let children: Vec<Judgment> = top
                .children
                .iter()
                .filter(|c| keep.contains(c.id.as_str()))
                .cloned()
                .collect();
            (keep.contains(top.id.as_str()) || !children.is_empty()).then(|| Judgment {
                children,
                ..top.clone()
            })
        })
        .collect()
}

/// The follow-ups of `ins` that `keep` accepts, each referring only to what is kept of
/// `ins`: `afis` and `causes`.
fn kept_follow_ups(
    ins: &Inspection,
    afis: &[AreaForImprovement],
    causes: &[CauseOfConcern],
    keep: &dyn Fn(&FollowUp) -> bool,
) -> Vec<FollowUp> {
    ins.follow_ups
        .iter()
        .filter(|f| keep(f))
        .map(|f| {
            let mut f = f.clone();
            // Another file's item is not in this one; an AFI left out is not either.
            f.refers_to = f.refers_to.filter(|r| {
                r.inspection == ins.id
                    && (afis.iter().any(|a| a.id == r.item)
                        || causes.iter().any(|c| c.id == r.item))
            });
            f.continued_by = f
                .continued_by
                .filter(|next| afis.iter().any(|a| &a.id == next));
            f
        })
        .collect()
}

/// The entries of `cy` for the text that is left in `kept`.
fn welsh_left(kept: &mut Inspection, cy: &Welsh) -> Welsh {
    let mut left = Welsh::default();
    crate::welsh::each_text(kept, &mut |key, _| {
        if let Some(welsh) = cy.text(&key) {
            left.insert(key, welsh.to_string());
        }
    });
    left
}

fn all_ids(ins: &Inspection) -> HashSet<String> {
    fn walk(js: &[Judgment], out: &mut HashSet<String>) {
        for j in js {
            out.insert(j.id.clone());
            walk(&j.children, out);
        }
    }
    let mut out = HashSet::new();
    walk(&ins.judgments, &mut out);
    out.extend(ins.areas_for_improvement.iter().map(|x| x.id.clone()));
    out.extend(ins.causes_of_concern.iter().map(|x| x.id.clone()));
    out.extend(ins.follow_ups.iter().map(|x| x.id.clone()));
    out.extend(ins.findings.iter().map(|x| x.id.clone()));
    out
}

/// The grades view as an inspection file: the cards and question rows shown, with the areas
/// for improvement, causes of concern, follow-ups and findings under them.
pub fn grades_json(ins: &Inspection, cards: &[Card]) -> Inspection {
    let keep: HashSet<&str> = cards
        .iter()
        .flat_map(|c| std::iter::once(&c.judgment).chain(&c.rows))
        .map(|j| j.id.as_str())
        .collect();
    let mut out = subset(ins, &keep, &|_| true);
    if ins.judgments.is_empty() {
        // An ungraded inspection's grades view shows its key findings instead of cards.
        out.findings = ins.findings.clone();
    }
    out
}

/// The improvements list, for one inspection, as an inspection file: the areas for
/// improvement, causes of concern and earlier items shown, with the judgments they sit under.
pub fn improvements_json<'a>(
    ins: &Inspection,
    rows: impl IntoIterator<Item = &'a ImprovementRow>,
) -> Inspection {
    let prefix = format!("{}/", ins.id);
    let shown: Vec<&ImprovementRow> = rows
        .into_iter()
        .filter(|r| r.inspection_id == ins.id)
        .collect();
    let items: HashSet<&str> = shown
        .iter()
        .filter_map(|r| r.key.strip_prefix(prefix.as_str()))
        .collect();
    let judgments: HashSet<&str> = shown.iter().map(|r| r.judgment_id.as_str()).collect();
    subset(ins, &judgments, &|id| items.contains(id))
}

/// The JSON text of an export: pretty, UTF-8, no byte-order mark (the loader rejects one).
pub fn to_json(ins: &Inspection) -> String {
    let mut text = serde_json::to_string_pretty(ins).expect("the model always serialises");
    text.push('\n');
    text
}

/// A manifest listing only `ins` (as `file`), for validating an export with `check`.
pub fn manifest_for(ins: &Inspection, forces: &[Force], file: &str) -> Manifest {
    let mut manifest = Manifest {
        schema_version: SCHEMA_VERSION,
        synthetic: ins.synthetic,
        forces: forces
            .iter()
            .filter(|f| f.id == ins.force)
            .cloned()
            .collect(),
        inspections: vec![ManifestEntry::for_inspection(ins, file)],
        lineages: Vec::new(),
        cy: Welsh::default(),
    };
    // The Welsh title, which the manifest and the file must agree on.
    let title = crate::welsh::key(&ins.id, "title");
    if let Some(welsh) = ins.cy.text(&title) {
        manifest.cy.insert(title, welsh.to_string());
    }
    manifest
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::sync::Arc;

    use super::*;
    use crate::test_data::{bundled, state};
    use crate::validate::{load_inspection, load_manifest, validate_dataset, validate_manifest};
    use crate::view::{filter_rows, grade_cards, improvement_rows};

    /// What `check` does to a directory holding the export and its manifest.
    fn assert_checks(export: &Inspection, forces: &[Force]) {
        let file = "export.json";
        let text = to_json(export);
        let ins = load_inspection(file, &text).unwrap_or_else(|e| panic!("{e:?}"));
        let manifest = manifest_for(&ins, forces, file);
        let manifest_text = serde_json::to_string(&manifest).unwrap();
        let manifest = load_manifest("index.json", &manifest_text).unwrap();
        assert_eq!(validate_manifest("index.json", &manifest), vec![]);
        let mut all = HashMap::new();
        all.insert(ins.id.clone(), (file.to_string(), ins));
        assert_eq!(validate_dataset("index.json", &manifest, &all), vec![]);
    }

    #[test]
    fn grades_json_is_a_valid_inspection_holding_what_is_shown() {
        let (m, l) = bundled();
        for (id, ins) in &l {
            for filter in [
                state(&[]),
                state(&[("grade", "requires-improvement")]),
                state(&[("pillar", "investigating-crime")]),
                state(&[("q", "vetting")]),
            ] {
                let (cards, _) = grade_cards(ins, &filter);
                let out = grades_json(ins, &cards);
                assert_checks(&out, &m.forces);
                let shown: usize = cards.iter().map(|c| 1 + c.rows.len()).sum();
                assert_eq!(
                    crate::model::counts(&out).judgments as usize,
                    shown,
                    "{id} {filter:?}"
                );
            }
        }
        let ins = &l["gwent-peel-2018-19"];
        let (cards, _) = grade_cards(ins, &state(&[("grade", "requires-improvement")]));
        let out = grades_json(ins, &cards);
        assert_eq!(out.judgments.len(), 1);
        assert_eq!(out.judgments[0].children.len(), 2);
        assert!(out
            .areas_for_improvement
            .iter()
            .all(|a| a.judgment != "fair-treatment-of-the-workforce"));
    }

    #[test]
    fn improvements_json_is_a_valid_inspection_per_inspection() {
        let (m, l) = bundled();
        let rows: Vec<Arc<ImprovementRow>> =
            improvement_rows(&m, &l).into_iter().map(Arc::new).collect();
        for filter in [
            state(&[]),
            state(&[("status", "open")]),
            state(&[("pillar", "legitimacy"), ("q", "vetting")]),
        ] {
            let shown = filter_rows(&rows, &filter);
            for ins in l.values() {
                let out = improvements_json(ins, shown.iter().map(|r| &**r));
                assert_checks(&out, &m.forces);
                let n = shown.iter().filter(|r| r.inspection_id == ins.id).count();
                let items = out.areas_for_improvement.len()
                    + out.causes_of_concern.len()
                    + out.follow_ups.len();
                assert_eq!(items, n, "{} {filter:?}", ins.id);
            }
        }
    }

    #[test]
    fn welsh_travels_with_the_text_it_translates() {
        let (m, l) = bundled();
        let mut ins = l["gwent-peel-2018-19"].clone();
        let (kept, dropped) = ("legitimacy", "effectiveness");
        let title = crate::welsh::key(&ins.id, "title");
        for (k, v) in [
            (title.clone(), "Arolygiad (prawf)"),
            (crate::welsh::key(kept, "name"), "Cyfreithlondeb"),
            (crate::welsh::key(dropped, "name"), "Effeithiolrwydd"),
        ] {
            ins.cy.insert(k, v.to_string());
        }
        assert_eq!(crate::validate::validate_inspection("x", &ins), vec![]);
        let (cards, _) = grade_cards(&ins, &state(&[("pillar", kept)]));
        let out = grades_json(&ins, &cards);
        assert_checks(&out, &m.forces);
        let keys: Vec<&str> = out.cy.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, vec![title.as_str(), "legitimacy.name"]);
        // The manifest for the export carries the Welsh title too, as validation requires.
        let manifest = manifest_for(&out, &m.forces, "export.json");
        assert_eq!(manifest.cy.text(&title), Some("Arolygiad (prawf)"));
    }
}
