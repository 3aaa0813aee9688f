//! Component tests: real components mounted into a real DOM in headless Chromium.
#![cfg(target_arch = "wasm32")]

use inspection_core::search::Query;
use inspection_core::view::{AfiStatus, Card, SourceInfo};
use inspection_core::{AreaForImprovement, CarriedOver, Grade, Judgment, JudgmentLevel};
use std::sync::Arc;

use inspection_viewer::components::export::{Download, Downloads, ExportPanel, Hidden, MAX_INLINE};
use inspection_viewer::components::grade_badge::GradeBadge;
use inspection_viewer::components::grade_card::GradeCard;
use inspection_viewer::components::highlight::Highlight;
use inspection_viewer::components::status_tag::StatusTag;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = leptos::prelude::document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn text(el: &web_sys::HtmlElement) -> String {
    el.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
fn grade_badge_has_text_and_shape_not_just_colour() {
    let parent = container();
    let _h = leptos::mount::mount_to(parent.clone(), || {
        view! {
            <GradeBadge grade=Some(Grade::RequiresImprovement) />
            <GradeBadge grade=None />
        }
    });
    let badges = parent.query_selector_all(".grade-tag").unwrap();
    assert_eq!(badges.length(), 2);
    assert!(text(&parent).contains("▲Requires improvement"));
    assert!(text(&parent).contains("Grade not stated in source"));
    let first: web_sys::Element = badges.item(0).unwrap().unchecked_into();
    assert_eq!(
        first.get_attribute("data-grade").as_deref(),
        Some("requires-improvement")
    );
}

#[wasm_bindgen_test]
fn highlight_marks_matches_and_renders_markup_as_text() {
    let parent = container();
    let query = Memo::new(|_| Query::new("VET"));
    let _h = leptos::mount::mount_to(parent.clone(), move || {
        view! { <p><Highlight text="<b>Vetting</b> and re-vetting" query /></p> }
    });
    let marks = parent.query_selector_all("mark").unwrap();
    assert_eq!(marks.length(), 2);
    assert!(parent.query_selector("b").unwrap().is_none());
    assert_eq!(text(&parent), "<b>Vetting</b> and re-vetting");
}

#[wasm_bindgen_test]
async fn highlight_redraws_its_marks_when_the_search_changes() {
    let parent = container();
    let (q, set_q) = signal("vet".to_string());
    let query = Memo::new(move |_| Query::new(&q.get()));
    let _h = leptos::mount::mount_to(parent.clone(), move || {
        view! { <p><Highlight text="<b>Vetting</b> and re-vetting" query /></p> }
    });
    let marks = |parent: &web_sys::HtmlElement| {
        let all = parent.query_selector_all("mark").unwrap();
        (0..all.length())
            .map(|i| all.item(i).unwrap().text_content().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert_eq!(marks(&parent), ["Vet", "vet"]);
    // Other marks, made of markup: still text.
    set_q.set("AND <b>".into());
    leptos::task::tick().await;
    assert_eq!(marks(&parent), ["<b>", "and"]);
    assert!(parent.query_selector("b").unwrap().is_none());
    assert_eq!(text(&parent), "<b>Vetting</b> and re-vetting");
    // No search: no marks, the same text.
    set_q.set(String::new());
    leptos::task::tick().await;
    assert!(marks(&parent).is_empty());
    assert_eq!(text(&parent), "<b>Vetting</b> and re-vetting");
}

#[wasm_bindgen_test]
fn status_tag_names_its_status() {
    let parent = container();
    let _h = leptos::mount::mount_to(
        parent.clone(),
        || view! { <StatusTag status=AfiStatus::NotMet /> },
    );
    assert!(text(&parent).contains("Not met"));
}

fn judgment(id: &str, name: &str, grade: Grade) -> Judgment {
    Judgment {
        id: id.into(),
        level: JudgmentLevel::Question,
        name: name.into(),
        question: None,
        grade: Some(grade),
        last_inspected: Some("2016".into()),
        carried_over: None,
        summary: None,
        source: "s".into(),
        children: vec![],
    }
}

#[wasm_bindgen_test]
fn grade_card_shows_rows_carried_over_and_afi_count() {
    let parent = container();
    let mut pillar = judgment("pillar", "Synthetic pillar", Grade::Good);
    pillar.level = JudgmentLevel::Pillar;
    let mut old = judgment("old", "Carried question", Grade::Good);
    old.carried_over = Some(CarriedOver {
        from: "2016 test inspection".into(),
        year: "2016".into(),
        statement: "carried".into(),
    });
    let card = Card {
        judgment: pillar,
        rows: vec![old, judgment("new", "New question", Grade::Inadequate)],
        afis: vec![AreaForImprovement {
            id: "afi".into(),
            judgment: "new".into(),
            text: "Synthetic area for improvement".into(),
            parts: vec![],
            source: "s".into(),
        }],
        causes: vec![],
        follow_ups: vec![],
        findings: vec![],
        notes: vec![],
        source: SourceInfo {
            title: "Synthetic source".into(),
            publisher: "Test".into(),
            file: "synthetic.txt".into(),
            date: Some("2020-02".into()),
            url: None,
        },
    };
    let query = Memo::new(|_| Query::new(""));
    let _h = leptos::mount::mount_to(parent.clone(), move || view! { <GradeCard card query /> });
    let all = text(&parent);
    assert_eq!(
        parent.query_selector_all(".question-row").unwrap().length(),
        2
    );
    assert!(all.contains("Carried over from the 2016 test inspection"));
    assert!(all.contains("1 area for improvement"));
    assert!(all.contains("Synthetic source"));
    assert!(all.contains("February 2020"));
    // The details are closed until the visitor opens them.
    let details: web_sys::HtmlDetailsElement = parent
        .query_selector("details")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(!details.open());
}

/// Downloads as the improvements view offers them: a CSV, then `n` per-inspection files whose
/// buttons are hidden while `hidden[i]` is set.
fn downloads(n: usize, hidden: RwSignal<Vec<bool>>) -> Downloads {
    Arc::new(move || {
        let file = |label: String, hide: Option<Hidden>| Download {
            label,
            file_name: "f.json".into(),
            mime: "application/json",
            make: Arc::new(String::new),
            hidden: hide,
        };
        let mut out = vec![file("Download CSV".into(), None)];
        for i in 0..n {
            let hide: Hidden = Arc::new(move || hidden.with(|h| h[i]));
            out.push(file(format!("Download JSON ({i})"), Some(hide)));
        }
        out
    })
}

#[wasm_bindgen_test]
async fn many_inspection_downloads_go_in_a_disclosure_that_counts_those_shown() {
    let parent = container();
    let hidden = RwSignal::new(vec![false; MAX_INLINE + 2]);
    let _h = leptos::mount::mount_to(parent.clone(), move || {
        view! { <Router><ExportPanel downloads=downloads(MAX_INLINE + 2, hidden) /></Router> }
    });
    let summary = parent
        .query_selector(".export__each > summary")
        .unwrap()
        .expect("a disclosure");
    assert_eq!(
        summary.text_content().unwrap(),
        "JSON for each inspection (10)"
    );
    let inside = parent.query_selector_all(".export__each button").unwrap();
    assert_eq!(inside.length() as usize, MAX_INLINE + 2);
    // The CSV and Print buttons stay outside it.
    let all = parent.query_selector_all(".export button").unwrap();
    assert_eq!(all.length() as usize, MAX_INLINE + 4);
    hidden.update(|h| h[..3].iter_mut().for_each(|x| *x = true));
    leptos::task::tick().await;
    assert_eq!(
        summary.text_content().unwrap(),
        "JSON for each inspection (7)"
    );
    let first: web_sys::Element = inside.item(0).unwrap().unchecked_into();
    assert!(first.has_attribute("hidden"));
}

#[wasm_bindgen_test]
fn a_few_inspection_downloads_stay_buttons() {
    let parent = container();
    let hidden = RwSignal::new(vec![false; 5]);
    let _h = leptos::mount::mount_to(parent.clone(), move || {
        view! { <Router><ExportPanel downloads=downloads(5, hidden) /></Router> }
    });
    assert!(parent.query_selector(".export__each").unwrap().is_none());
    assert_eq!(
        parent
            .query_selector_all(".export button")
            .unwrap()
            .length(),
        7
    );
}
