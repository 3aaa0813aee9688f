//! `check [DIR]`: validates a data directory (default `public/data`). Exit 1 on any error.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("public/data"));
    let report = inspection_tools::check_dir(&dir);
    for e in &report.errors {
        eprintln!("error: {e}");
    }
    if report.errors.is_empty() {
        let manifest = report
            .manifest
            .as_ref()
            .expect("no errors means a manifest");
        println!(
            "check: {} OK — {} inspection file(s), {} lineage(s)",
            dir.display(),
            report.inspections.len(),
            manifest.lineages.len()
        );
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "check: {} error(s) in {}",
            report.errors.len(),
            dir.display()
        );
        ExitCode::FAILURE
    }
}
