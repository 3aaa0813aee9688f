//! The committed JSON Schemas are the published contract: they must match the Rust types.
//! Regenerate with `cargo run -p inspection-tools --bin schema` after changing the model.

use std::path::Path;

#[test]
fn committed_schemas_match_the_types() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema");
    for (name, generated) in inspection_tools::schemas() {
        let committed = std::fs::read_to_string(dir.join(name))
            .unwrap_or_else(|e| panic!("schema/{name} is missing ({e}); run the schema tool"));
        assert!(
            committed == generated,
            "schema/{name} is out of date with the Rust types; run `cargo run -p inspection-tools --bin schema`"
        );
    }
}

#[test]
fn bundled_data_passes_check() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    let report = inspection_tools::check_dir(&dir);
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    assert_eq!(report.inspections.len(), 4);
}
