//! `filter-counts DATA_DIR [SEARCH ...]`: for each search text, how many rows the improvements
//! view (`?view=improvements&q=SEARCH`, no other filters) shows for the data in DATA_DIR, and
//! the count line the page shows for it, as JSON on stdout. Built from the same rows, filter
//! and count sentence as the app (inspection-core), so the benchmark knows from the data which
//! keystrokes must change the count. Exit 1 if the data does not pass `check`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use inspection_core::i18n::{self, Lang, T};
use inspection_core::url::UrlState;
use inspection_core::view::{improvement_rows, select_rows, RowFilter};
use serde_json::json;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: filter-counts DATA_DIR [SEARCH ...]");
        return ExitCode::from(2);
    };
    let searches: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    let report = inspection_tools::check_dir(&dir);
    if !report.errors.is_empty() {
        for e in &report.errors {
            eprintln!("error: {e}");
        }
        eprintln!(
            "filter-counts: {} error(s) in {}",
            report.errors.len(),
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    let manifest = report.manifest.expect("no errors means a manifest");
    let loaded: HashMap<_, _> = report
        .inspections
        .into_iter()
        .map(|ins| (ins.id.clone(), ins))
        .collect();
    let rows: Vec<_> = improvement_rows(&manifest, &loaded)
        .into_iter()
        .map(Arc::new)
        .collect();
    let total = rows.len();
    let counts: Vec<_> = searches
        .iter()
        .map(|q| {
            let state = UrlState::from_pairs([("view", "improvements"), ("q", q.as_str())]);
            let shown = select_rows(&rows, &RowFilter::new(&state)).len();
            let text = i18n::showing(Lang::En, shown, total, T::UnitImprovements);
            json!({ "q": q, "shown": shown, "text": text })
        })
        .collect();
    println!("{}", json!({ "total": total, "counts": counts }));
    ExitCode::SUCCESS
}
