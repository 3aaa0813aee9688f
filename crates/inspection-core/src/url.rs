//! The public URL contract. All view state lives in the query string, so any static host
//! serves it and a copied URL reproduces the view. Unknown or malformed values are ignored.

use std::collections::BTreeSet;

use crate::grade::Grade;
pub use crate::vocab::View;
use crate::vocab::{AfiStatus, Lang};

/// Longest search text kept from a URL; longer input is cut, not rejected.
pub const MAX_QUERY_CHARS: usize = 200;

/// Everything the URL can say about the view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UrlState {
    pub view: View,
    /// Inspection id; checked against the manifest by the caller.
    pub inspection: Option<String>,
    /// Pillar or area id (a slug such as `legitimacy` or `investigating-crime`).
    pub pillar: Option<String>,
    pub grades: BTreeSet<Grade>,
    pub statuses: BTreeSet<AfiStatus>,
    /// Free-text search, as typed.
    pub q: String,
    /// Embed mode (`embed=1`): compact layout without page chrome, for an iframe on another
    /// site. Not a filter: kept by [`UrlState::cleared`].
    pub embed: bool,
    /// Accent colour (`accent=%23rrggbb`), a validated lowercase `#rgb` or `#rrggbb`; any
    /// other value is ignored. Not a filter: kept by [`UrlState::cleared`].
    pub accent: Option<String>,
    /// Interface language (`lang=en|cy`); English when absent.
    pub lang: Lang,
}

fn is_slug(s: &str) -> bool {
    crate::validate::is_valid_id(s)
}

impl UrlState {
    /// Reads the state from decoded query pairs. Later duplicates win for single values;
    /// list values accept comma-separated slugs and repeated keys.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> UrlState {
        let mut state = UrlState::default();
        for (key, value) in pairs {
            match key {
                "view" => {
                    if let Some(v) = View::from_slug(value) {
                        state.view = v;
                    }
                }
                "inspection" if is_slug(value) => state.inspection = Some(value.to_string()),
                "pillar" if is_slug(value) => state.pillar = Some(value.to_string()),
                "grade" => state
                    .grades
                    .extend(value.split(',').filter_map(|s| Grade::from_slug(s.trim()))),
                "status" => state.statuses.extend(
                    value
                        .split(',')
                        .filter_map(|s| AfiStatus::from_slug(s.trim())),
                ),
                "q" => state.q = value.chars().take(MAX_QUERY_CHARS).collect(),
                "embed" => state.embed = value == "1",
                "accent" => {
                    if let Some(colour) = parse_hex_colour(value) {
                        state.accent = Some(colour);
                    }
                }
                "lang" => {
                    if let Some(lang) = Lang::from_slug(value) {
                        state.lang = lang;
                    }
                }
                _ => {}
            }
        }
        state
    }

    /// The canonical query string, starting with `?` (or empty when everything is default).
    /// Parameters appear in a fixed order and defaults are left out.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.view != View::default() {
            parts.push(format!("view={}", self.view.slug()));
        }
        if let Some(i) = &self.inspection {
            parts.push(format!("inspection={}", encode(i)));
        }
        if let Some(p) = &self.pillar {
            parts.push(format!("pillar={}", encode(p)));
        }
        if !self.grades.is_empty() {
            let slugs: Vec<&str> = self.grades.iter().map(|g| g.slug()).collect();
            parts.push(format!("grade={}", slugs.join(",")));
        }
        if !self.statuses.is_empty() {
            let slugs: Vec<&str> = self.statuses.iter().map(|s| s.slug()).collect();
            parts.push(format!("status={}", slugs.join(",")));
        }
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode(&self.q)));
        }
        if self.embed {
            parts.push("embed=1".to_string());
        }
        if let Some(a) = &self.accent {
            parts.push(format!("accent={}", encode(a)));
        }
        if self.lang != Lang::default() {
            parts.push(format!("lang={}", self.lang.slug()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// True when any filter (not the view or inspection choice) narrows the results.
    pub fn has_filters(&self) -> bool {
        self.pillar.is_some()
            || !self.grades.is_empty()
            || !self.statuses.is_empty()
            || !self.q.trim().is_empty()
    }

    /// The same view, inspection and language with every filter removed.
    pub fn cleared(&self) -> UrlState {
        UrlState {
            view: self.view,
            inspection: self.inspection.clone(),
            // Embed mode and accent describe the page, not the results.
            embed: self.embed,
            accent: self.accent.clone(),
            lang: self.lang,
            ..UrlState::default()
        }
    }
}

/// A `#rgb` or `#rrggbb` hex colour, lowercased; `None` for anything else. Only this shape
/// reaches CSS, so a URL can never inject other CSS through the accent.
pub fn parse_hex_colour(value: &str) -> Option<String> {
    let hex = value.strip_prefix('#')?;
    let ok = matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay as they are).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push_str("%20"),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &[(&str, &str)]) -> UrlState {
        UrlState::from_pairs(q.iter().copied())
    }

    #[test]
    fn default_state_has_empty_query() {
        assert_eq!(UrlState::default().to_query(), "");
        assert_eq!(parse(&[]), UrlState::default());
    }

    #[test]
    fn full_state_round_trips() {
        let state = parse(&[
            ("view", "improvements"),
            ("inspection", "gwent-peel-2018-19"),
            ("pillar", "legitimacy"),
            ("grade", "requires-improvement,good"),
            ("status", "open,not-met"),
            ("q", "vetting & BAME"),
        ]);
        assert_eq!(state.view, View::Improvements);
        assert_eq!(
            state.grades.iter().copied().collect::<Vec<_>>(),
            vec![Grade::Good, Grade::RequiresImprovement]
        );
        let q = state.to_query();
        assert_eq!(
            q,
            "?view=improvements&inspection=gwent-peel-2018-19&pillar=legitimacy&grade=good,requires-improvement&status=open,not-met&q=vetting%20%26%20BAME"
        );
    }

    #[test]
    fn garbage_is_ignored() {
        let state = parse(&[
            ("view", "<script>"),
            ("inspection", "../../etc/passwd"),
            ("pillar", "Legitimacy!"),
            ("grade", "great,,good,GOOD"),
            ("status", "closed,met"),
            ("unknown", "x"),
        ]);
        assert_eq!(state.view, View::Grades);
        assert_eq!(state.inspection, None);
        assert_eq!(state.pillar, None);
        assert_eq!(
            state.grades.iter().copied().collect::<Vec<_>>(),
            vec![Grade::Good]
        );
        assert_eq!(
            state.statuses.iter().copied().collect::<Vec<_>>(),
            vec![AfiStatus::Met]
        );
    }

    #[test]
    fn language_round_trips_and_survives_clearing() {
        let state = parse(&[("lang", "cy"), ("grade", "good")]);
        assert_eq!(state.lang, Lang::Cy);
        assert_eq!(state.to_query(), "?grade=good&lang=cy");
        assert_eq!(state.cleared().to_query(), "?lang=cy");
        assert_eq!(parse(&[("lang", "fr")]).lang, Lang::En);
    }

    #[test]
    fn long_query_is_cut_not_rejected() {
        let long = "a".repeat(5000);
        assert_eq!(parse(&[("q", &long)]).q.chars().count(), MAX_QUERY_CHARS);
    }

    #[test]
    fn cleared_keeps_view_and_inspection() {
        let state = parse(&[
            ("view", "improvements"),
            ("inspection", "x"),
            ("grade", "good"),
            ("q", "a"),
        ]);
        assert!(state.has_filters());
        let cleared = state.cleared();
        assert!(!cleared.has_filters());
        assert_eq!(cleared.to_query(), "?view=improvements&inspection=x");
    }

    #[test]
    fn embed_and_accent_round_trip_after_the_filters() {
        let state = parse(&[
            ("view", "improvements"),
            ("grade", "good"),
            ("embed", "1"),
            ("accent", "#1D70B8"),
        ]);
        assert!(state.embed);
        assert_eq!(state.accent.as_deref(), Some("#1d70b8"));
        let q = state.to_query();
        assert_eq!(q, "?view=improvements&grade=good&embed=1&accent=%231d70b8");
        assert_eq!(
            parse(&[
                ("view", "improvements"),
                ("grade", "good"),
                ("embed", "1"),
                ("accent", "#1d70b8"),
            ]),
            state
        );
        assert_eq!(parse(&[("accent", "#AbC")]).to_query(), "?accent=%23abc");
    }

    #[test]
    fn embed_and_accent_are_not_filters_and_survive_clearing() {
        let state = parse(&[("embed", "1"), ("accent", "#fff")]);
        assert!(!state.has_filters());
        let state = parse(&[
            ("embed", "1"),
            ("accent", "#fff"),
            ("q", "x"),
            ("grade", "good"),
        ]);
        assert_eq!(state.cleared().to_query(), "?embed=1&accent=%23fff");
    }

    #[test]
    fn bad_embed_and_accent_values_are_ignored() {
        for value in ["0", "true", "yes", "", "11"] {
            assert!(!parse(&[("embed", value)]).embed, "embed={value}");
        }
        for value in [
            "red",
            "1d70b8",
            "#12",
            "#1234",
            "#12345",
            "#1234567",
            "#ggg",
            "#fff;background:url(x)",
            "#fff)",
            "var(--x)",
            "#\u{ff46}\u{ff46}\u{ff46}",
            "",
            "#",
        ] {
            assert_eq!(parse(&[("accent", value)]).accent, None, "accent={value}");
        }
        // A bad later value does not wipe out a good earlier one.
        let state = parse(&[("accent", "#000"), ("accent", "nope")]);
        assert_eq!(state.accent.as_deref(), Some("#000"));
        assert_eq!(parse_hex_colour("#00FF7f").as_deref(), Some("#00ff7f"));
    }

    #[test]
    fn encode_escapes_reserved_and_non_ascii() {
        assert_eq!(encode("a b&c=d#é"), "a%20b%26c%3Dd%23%C3%A9");
    }
}
