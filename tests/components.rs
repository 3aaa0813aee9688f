//! Component tests: real components mounted into a real DOM in headless Chromium.
#![cfg(target_arch = "wasm32")]

use inspection_core::{Counts, GradeScale, ManifestEntry, Programme};
use inspection_viewer::components::inspection_list::InspectionList;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = leptos::prelude::document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn entry(id: &str, title: &str, period: &str) -> ManifestEntry {
    ManifestEntry {
        id: id.into(),
        force: "test-force".into(),
        title: title.into(),
        programme: Programme::Peel,
        period: period.into(),
        date: None,
        file: format!("{id}.json"),
        scale: GradeScale::FourPoint,
        counts: Counts::default(),
    }
}

#[wasm_bindgen_test]
fn inspection_list_renders_titles_as_text() {
    let parent = container();
    let entries = vec![
        entry("a", "Synthetic test inspection A", "2018/19"),
        entry("b", "<img src=x onerror=alert(1)>", "2016"),
    ];
    let _handle = leptos::mount::mount_to(parent.clone(), move || {
        view! { <InspectionList inspections=entries /> }
    });
    let items = parent.query_selector_all("li").unwrap();
    assert_eq!(items.length(), 2);
    let first = parent.query_selector("li").unwrap().unwrap();
    assert!(first
        .text_content()
        .unwrap()
        .contains("Synthetic test inspection A"));
    assert!(first.text_content().unwrap().contains("2018/19"));
    // Data text is rendered as text: the markup shows literally and creates no element.
    assert!(parent.query_selector("img").unwrap().is_none());
    assert!(parent
        .text_content()
        .unwrap()
        .contains("<img src=x onerror=alert(1)>"));
}
