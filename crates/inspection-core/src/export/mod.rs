//! Downloads of the current filtered view, generated in the browser: CSV for spreadsheets and
//! JSON in the published schema. Natively tested, including that a JSON export passes the same
//! validation as `check`.
//!
//! CSV follows RFC 4180: fields holding a comma, a double quote, CR or LF are quoted and their
//! quotes doubled; records end in CRLF; the first record is the header. The text is UTF-8 and
//! starts with a byte-order mark: RFC 4180 does not need one, but without it Excel reads UTF-8
//! as the local code page and garbles the curly quotes and dashes the reports use. Column
//! values are in English (the data's language) whatever the interface language.
//!
//! JSON is one inspection file in the published schema (`schema/inspection.schema.json`),
//! holding only what the view shows, and valid on its own: items that refer to things left out
//! of the export (another inspection's item, an area for improvement filtered away) lose that
//! reference, and notes about left-out items are dropped. [`manifest_for`] gives the manifest
//! that lists it, so `check` can validate a directory holding the two.

mod csv;
mod json;

pub use csv::{
    csv, csv_field, grades_csv, improvements_csv, BOM, GRADE_COLUMNS, IMPROVEMENT_COLUMNS,
};
pub use json::{grades_json, improvements_json, manifest_for, to_json};

/// Download name: `<force>-<view>-<period>.<ext>`, e.g. `gwent-improvements-2018-19.csv`, or
/// `…-all.csv` when the list spans every inspection. Only `a-z0-9-` reach the name.
pub fn file_name(force: &str, view: &str, period: Option<&str>, ext: &str) -> String {
    let slug = |s: &str| {
        let mut out = String::new();
        for c in s.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_alphanumeric() {
                out.push(c);
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        out.trim_end_matches('-').to_string()
    };
    let period = period.map_or_else(|| "all".to_string(), slug);
    format!("{}-{}-{}.{}", slug(force), slug(view), period, ext)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_slugs() {
        assert_eq!(
            file_name("gwent", "improvements", Some("2018/19"), "csv"),
            "gwent-improvements-2018-19.csv"
        );
        assert_eq!(
            file_name("gwent", "improvements", None, "json"),
            "gwent-improvements-all.json"
        );
        assert_eq!(
            file_name("Dyfed-Powys", "grades", Some("2016"), "csv"),
            "dyfed-powys-grades-2016.csv"
        );
        let odd = file_name("../x", "a b", Some("2018/19 (draft)"), "csv");
        assert_eq!(odd, "x-a-b-2018-19-draft.csv");
    }
}
