//! `i18n_table`: prints the interface string table as JSON (`{"en": [...], "cy": [...]}`), so
//! the browser tests can check that a Welsh page shows no English interface text.

use inspection_core::i18n::T;

fn main() {
    let en: Vec<&str> = T::ALL.iter().map(|t| t.en()).collect();
    let cy: Vec<&str> = T::ALL.iter().map(|t| t.cy()).collect();
    let table = serde_json::json!({ "en": en, "cy": cy });
    println!("{table}");
}
