//! Case- and accent-insensitive search with highlight ranges. Folding is one char to one char,
//! so a match in the folded text maps straight back to the original.

/// Folds one character: lower case, Latin diacritics removed (enough for English and Welsh).
pub fn fold_char(c: char) -> char {
    let c = if c.is_ascii() {
        return c.to_ascii_lowercase();
    } else {
        c.to_lowercase().next().unwrap_or(c)
    };
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ŵ' | 'ẁ' | 'ẃ' | 'ẅ' => 'w',
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' => 'y',
        'ś' | 'š' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ť' => 't',
        // Curly quotes and dashes match their plain forms.
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        other => other,
    }
}

/// Folds a whole string.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// A parsed search: folded, whitespace-separated terms. Empty means "match everything".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    terms: Vec<String>,
    /// For each term, the index of its byte least common in English text: the byte a
    /// haystack is scanned for first (see [`contains`]).
    rare: Vec<usize>,
}

/// How common a byte is in English text, from 0 (rare, or not a letter) up.
fn commonness(b: u8) -> usize {
    const BY_FREQUENCY: &[u8] = b"zqxjkvbpygfwmucldrhsnioate";
    BY_FREQUENCY
        .iter()
        .position(|&c| c == b)
        .map_or(0, |i| i + 1)
}

/// Whether `needle` occurs in `hay`, given the index of the needle's byte to scan for. Both
/// are UTF-8, so a byte match is a character match. This runs once per row and term on every
/// keystroke: the scan for the rare byte passes over eight bytes at a time, and there is no
/// set-up per call (unlike `str::contains`).
fn contains(hay: &[u8], needle: &[u8], rare: usize) -> bool {
    let Some(&b) = needle.get(rare) else {
        return true;
    };
    let mut from = rare;
    while let Some(i) = hay.get(from..).and_then(|rest| find_byte(b, rest)) {
        let start = from + i - rare;
        if hay.get(start..start + needle.len()) == Some(needle) {
            return true;
        }
        from += i + 1;
    }
    false
}

/// Index of the first `b` in `hay`, eight bytes at a time (no SIMD in wasm32 by default).
fn find_byte(b: u8, hay: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let pattern = LO * u64::from(b);
    let mut chunks = hay.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) ^ pattern;
        // The lowest byte flagged is the first zero byte of `word`: the first `b`.
        let zero = word.wrapping_sub(LO) & !word & HI;
        if zero != 0 {
            return Some(at + (zero.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&c| c == b)
        .map(|i| at + i)
}

impl Query {
    pub fn new(text: &str) -> Query {
        let mut terms: Vec<String> = fold(text).split_whitespace().map(str::to_string).collect();
        crate::sort::sort(&mut terms);
        terms.dedup();
        let rare = terms
            .iter()
            .map(|t| {
                (0..t.len())
                    .min_by_key(|&i| commonness(t.as_bytes()[i]))
                    .unwrap_or(0)
            })
            .collect();
        Query { terms, rare }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Every term occurs in the already-folded haystack.
    pub fn matches_folded(&self, folded: &str) -> bool {
        self.terms
            .iter()
            .zip(&self.rare)
            .all(|(t, &rare)| contains(folded.as_bytes(), t.as_bytes(), rare))
    }

    /// Whether everything this query matches is also matched by `broader`: each of its
    /// terms lies inside one of ours. Typing on at the end of a word narrows the search, so
    /// the rows it keeps can be looked for among the rows the shorter search kept.
    pub fn narrows(&self, broader: &Query) -> bool {
        broader
            .terms
            .iter()
            .all(|b| self.terms.iter().any(|t| t.contains(b.as_str())))
    }

    /// Byte ranges in `text` (the original, unfolded) where any term occurs, merged and sorted.
    pub fn ranges(&self, text: &str) -> Vec<(usize, usize)> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        // Folded chars paired with the byte offset of the original char.
        let chars: Vec<(usize, char)> = text
            .char_indices()
            .map(|(i, c)| (i, fold_char(c)))
            .collect();
        let mut ranges = Vec::new();
        for term in &self.terms {
            let needle: Vec<char> = term.chars().collect();
            if needle.is_empty() || needle.len() > chars.len() {
                continue;
            }
            for start in 0..=chars.len() - needle.len() {
                if chars[start..start + needle.len()]
                    .iter()
                    .zip(&needle)
                    .all(|((_, a), b)| a == b)
                {
                    let end_idx = start + needle.len();
                    let end = chars.get(end_idx).map_or(text.len(), |(i, _)| *i);
                    ranges.push((chars[start].0, end));
                }
            }
        }
        crate::sort::sort(&mut ranges);
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (s, e) in ranges {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        merged
    }

    /// Splits `text` into segments, `true` for the parts to highlight.
    pub fn segments<'a>(&self, text: &'a str) -> Vec<(&'a str, bool)> {
        Query::split(text, &self.ranges(text))
    }

    /// Splits `text` at `ranges` (from [`Query::ranges`] on the same text) into segments,
    /// `true` for the parts to highlight.
    pub fn split<'a>(text: &'a str, ranges: &[(usize, usize)]) -> Vec<(&'a str, bool)> {
        let mut out = Vec::new();
        let mut at = 0;
        for &(s, e) in ranges {
            if s > at {
                out.push((&text[at..s], false));
            }
            out.push((&text[s..e], true));
            at = e;
        }
        if at < text.len() || out.is_empty() {
            out.push((&text[at..], false));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Cymraeg ŵ Ŷ É"), "cymraeg w y e");
        assert!(Query::new("DIGONOL").matches_folded(&fold("Digonol")));
        assert!(Query::new("cafe").matches_folded(&fold("Café")));
        assert!(Query::new("café").matches_folded(&fold("CAFE")));
    }

    #[test]
    fn all_terms_must_match() {
        let hay = fold("The force should monitor vetting decisions (e.g. BAME groups)");
        assert!(Query::new("vetting bame").matches_folded(&hay));
        assert!(!Query::new("vetting unicorn").matches_folded(&hay));
        assert!(Query::new("   ").matches_folded(&hay));
    }

    #[test]
    fn contains_agrees_with_str_contains() {
        let hays = [
            "",
            "a",
            "vetting",
            "the force should monitor vetting decisions",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxv",
            "eisteddfod ŵyl ac ati, a chyngor sir",
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
        ];
        let needles = [
            "a",
            "v",
            "vet",
            "vetting",
            "ing",
            "g",
            "ŵyl",
            "yl",
            "sir",
            "z",
            "zz",
            "zzzzzzzzz",
            "decisions",
            "ss",
            "xv",
            "xxxxxxxxv",
            "q",
            "the force",
            "ati,",
        ];
        for hay in hays.map(fold) {
            for needle in needles {
                let q = Query::new(needle);
                let all = fold(needle).split_whitespace().all(|t| hay.contains(t));
                assert_eq!(q.matches_folded(&hay), all, "{needle:?} in {hay:?}");
            }
        }
        // Every starting offset, so matches straddle the eight-byte words at every alignment.
        let hay = "abcdefghijklmnopqrstuvwxyz0123456789";
        for start in 0..hay.len() {
            for end in start + 1..=hay.len() {
                let needle = &hay[start..end];
                assert!(Query::new(needle).matches_folded(hay), "{needle}");
                assert!(!Query::new(&format!("{needle}!")).matches_folded(hay));
            }
        }
    }

    #[test]
    fn narrowing_means_every_match_was_a_match_before() {
        let q = Query::new;
        assert!(q("vet").narrows(&q("ve")));
        assert!(q("vetting").narrows(&q("vetting")));
        assert!(q("vet bail").narrows(&q("vet")));
        assert!(q("re-vetting").narrows(&q("vet re")));
        assert!(q("anything").narrows(&q("")));
        assert!(!q("ve").narrows(&q("vet")));
        assert!(!q("vet").narrows(&q("vet bail")));
        assert!(!q("").narrows(&q("v")));
        // Searching "Vet" after "vet" changes nothing: folding makes them one query.
        assert!(q("VET").narrows(&q("vet")));
    }

    #[test]
    fn segments_highlight_original_text() {
        let q = Query::new("vet");
        let segs = q.segments("Vetting and re-vetting");
        assert_eq!(
            segs,
            vec![
                ("Vet", true),
                ("ting and re-", false),
                ("vet", true),
                ("ting", false)
            ]
        );
    }

    #[test]
    fn highlight_across_multibyte_chars() {
        let q = Query::new("wyl");
        assert_eq!(
            q.segments("Eisteddfod Ŵyl"),
            vec![("Eisteddfod ", false), ("Ŵyl", true)]
        );
    }

    #[test]
    fn overlapping_terms_merge() {
        let q = Query::new("abc bcd");
        assert_eq!(
            q.segments("xabcdx"),
            vec![("x", false), ("abcd", true), ("x", false)]
        );
    }

    #[test]
    fn empty_query_gives_one_plain_segment() {
        assert_eq!(Query::new("").segments("text"), vec![("text", false)]);
        assert_eq!(Query::new("").segments(""), vec![("", false)]);
    }
}
