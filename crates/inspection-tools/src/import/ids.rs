//! Ids for the imported items: slugs of names, unique within the file.

use std::collections::HashSet;

/// Longest slug taken from a name; leaves room for a prefix and a "-2" suffix within the
/// validator's 80-character limit.
const MAX_SLUG: usize = 60;

/// Lowercase ASCII letters and digits joined by single hyphens ("Fair treatment of the
/// public" → "fair-treatment-of-the-public"), cut at a word boundary. Never empty.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for word in name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_ascii_lowercase();
        let extra = if out.is_empty() { 0 } else { 1 };
        if out.len() + extra + word.len() > MAX_SLUG {
            if out.is_empty() {
                out.push_str(&word[..MAX_SLUG]);
            }
            break;
        }
        if extra == 1 {
            out.push('-');
        }
        out.push_str(&word);
    }
    if out.is_empty() {
        out.push_str("item");
    }
    out
}

/// Hands out ids, adding "-2", "-3" … where a slug is already taken.
#[derive(Debug, Default)]
pub struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// Claims `base` (already a valid id) or the first free numbered variant of it.
    pub fn claim(&mut self, base: &str) -> String {
        let base = if base.len() > 72 {
            base[..72].trim_end_matches('-').to_string()
        } else {
            base.to_string()
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use inspection_core::validate::is_valid_id;

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(
            slug("Fair treatment of the public"),
            "fair-treatment-of-the-public"
        );
        assert_eq!(slug("Theft Offences / Robbery"), "theft-offences-robbery");
        assert_eq!(slug("£ – ✓"), "item");
        let long = "word ".repeat(40);
        assert!(is_valid_id(&slug(&long)));
        assert!(is_valid_id(&slug(&"x".repeat(200))));
    }

    #[test]
    fn claims_are_unique() {
        let mut ids = Ids::default();
        assert_eq!(ids.claim("a"), "a");
        assert_eq!(ids.claim("a"), "a-2");
        assert_eq!(ids.claim("a"), "a-3");
    }
}
