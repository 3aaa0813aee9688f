//! The `synth` generator writes a valid, clearly labelled SYNTHETIC data set, deterministically.

use std::path::{Path, PathBuf};
use std::process::Command;

fn out_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn synth(dir: &Path, extra: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_synth"))
        .arg(dir)
        .args(["--forces", "3", "--inspections", "4"])
        .args(extra)
        .status()
        .expect("synth runs");
    assert!(status.success(), "synth failed for {}", dir.display());
}

fn read_all(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn small_set_passes_check_and_is_labelled_synthetic() {
    let dir = out_dir("synth-small");
    synth(&dir, &["--afis", "100", "--seed", "7"]);
    let report = inspection_tools::check_dir(&dir);
    let errors: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    assert!(
        errors.is_empty(),
        "check found errors:\n{}",
        errors.join("\n")
    );

    let manifest = report.manifest.unwrap();
    assert!(manifest.synthetic);
    assert_eq!(manifest.forces.len(), 3);
    assert_eq!(manifest.inspections.len(), 12);
    assert!(manifest
        .forces
        .iter()
        .all(|f| f.name.starts_with("SYNTHETIC")));
    assert!(manifest
        .inspections
        .iter()
        .all(|e| e.title.starts_with("SYNTHETIC")));

    assert_eq!(report.inspections.len(), 12);
    let afis: usize = report
        .inspections
        .iter()
        .map(|i| i.areas_for_improvement.len())
        .sum();
    assert_eq!(afis, 100, "--afis sets the exact total");
    for ins in &report.inspections {
        assert!(ins.synthetic, "{} is not marked synthetic", ins.id);
        assert!(ins.title.starts_with("SYNTHETIC"));
        assert!(ins.sources.iter().all(|s| s.title.starts_with("SYNTHETIC")));
        let texts = ins
            .areas_for_improvement
            .iter()
            .map(|a| &a.text)
            .chain(ins.causes_of_concern.iter().map(|c| &c.text))
            .chain(ins.follow_ups.iter().map(|f| &f.text))
            .chain(ins.findings.iter().map(|f| &f.text))
            .chain(ins.notes.iter().map(|n| &n.text));
        for t in texts {
            assert!(
                t.starts_with("SYNTHETIC"),
                "{}: unlabelled text {t:?}",
                ins.id
            );
        }
    }
    // Later inspections follow up earlier ones, so threads exist in the improvements view.
    assert!(report
        .inspections
        .iter()
        .any(|i| i.follow_ups.iter().any(|f| f.refers_to.is_some())));
    // Both frameworks appear: pillars (four-point) and areas (five-point).
    assert!(report
        .inspections
        .iter()
        .any(|i| i.judgments.iter().any(|j| !j.children.is_empty())));
    assert!(report
        .inspections
        .iter()
        .any(|i| i.judgments.iter().all(|j| j.children.is_empty())));
}

#[test]
fn output_is_deterministic_and_seed_dependent() {
    let a = out_dir("synth-det-a");
    let b = out_dir("synth-det-b");
    let c = out_dir("synth-det-c");
    synth(&a, &["--seed", "3"]);
    synth(&b, &["--seed", "3"]);
    synth(&c, &["--seed", "4"]);
    assert_eq!(read_all(&a), read_all(&b));
    assert_ne!(read_all(&a), read_all(&c));
}

#[test]
fn default_shape_is_thirty_afis_per_inspection() {
    let dir = out_dir("synth-default");
    synth(&dir, &[]);
    let report = inspection_tools::check_dir(&dir);
    assert!(report.errors.is_empty());
    let afis: usize = report
        .inspections
        .iter()
        .map(|i| i.areas_for_improvement.len())
        .sum();
    assert_eq!(afis, 30 * 12);
}
