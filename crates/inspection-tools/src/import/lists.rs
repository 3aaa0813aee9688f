//! Bulleted lists: 'Areas for improvement', causes of concern and their recommendations.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{bullet, Block};

static AFI_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:new )?areas? (?:for|of) improvement:?$").expect("valid regex")
});
static CAUSE_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^causes? (?:of|for) concern:?$").expect("valid regex"));
static RECOMMENDATIONS_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^recommendations?:?$").expect("valid regex"));

pub fn is_afi_heading(text: &str) -> bool {
    AFI_HEADING.is_match(text.trim())
}

pub fn is_cause_heading(text: &str) -> bool {
    CAUSE_HEADING.is_match(text.trim())
}

pub fn is_recommendations_heading(text: &str) -> bool {
    RECOMMENDATIONS_HEADING.is_match(text.trim())
}

/// Markers that always mean a second-level bullet.
const SUB_MARKERS: [&str; 4] = ["○", "◦", "▪", "o"];

/// One list item with its sub-bullets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub text: String,
    pub parts: Vec<String>,
    pub line: usize,
}

/// Does this block start a bulleted list?
pub fn starts_list(block: &Block) -> bool {
    bullet(&block.lines[0].text).is_some()
}

/// Reads the bulleted list that starts at `blocks[start]`, across stray blank lines, and
/// returns its items and the index of the first block after it. Indented bullets, or
/// bullets with a second-level marker, are parts of the item above; a line without a
/// bullet continues the item above (a wrapped line).
pub fn read_list(blocks: &[Block], start: usize) -> (Vec<Item>, usize) {
    let mut items: Vec<Item> = Vec::new();
    let mut top: Option<(usize, String)> = None;
    let mut k = start;
    while k < blocks.len() && starts_list(&blocks[k]) {
        // Across a blank line, a list goes on only in the same style: a block of bullets
        // starting in lower case after items starting in capitals is another list.
        if let (Some(first), Some((_, rest))) = (items.first(), bullet(&blocks[k].lines[0].text)) {
            if starts_upper(&first.text) != starts_upper(rest) {
                break;
            }
        }
        for line in &blocks[k].lines {
            match bullet(&line.text) {
                Some((marker, rest)) => {
                    let (indent, top_marker) =
                        top.get_or_insert_with(|| (line.indent, marker.to_string()));
                    let is_sub = !items.is_empty()
                        && (line.indent > *indent
                            || (marker != top_marker.as_str() && SUB_MARKERS.contains(&marker)));
                    match items.last_mut() {
                        Some(item) if is_sub => item.parts.push(rest.to_string()),
                        _ => items.push(Item {
                            text: rest.to_string(),
                            parts: Vec::new(),
                            line: line.no,
                        }),
                    }
                }
                None => {
                    if let Some(item) = items.last_mut() {
                        let target = item.parts.last_mut().unwrap_or(&mut item.text);
                        target.push(' ');
                        target.push_str(&line.text);
                    }
                }
            }
        }
        k += 1;
    }
    (items, k)
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// An 'Areas for improvement' list written as paragraphs instead of bullets: the
/// paragraphs right after the heading that say what the force "should" or "needs to" do.
pub fn read_paragraph_list(blocks: &[Block], start: usize) -> (Vec<Item>, usize) {
    let mut items = Vec::new();
    let mut k = start;
    while k < blocks.len() {
        let b = &blocks[k];
        let t = b.text();
        let lower = t.to_lowercase();
        if b.has_cells()
            || b.is_heading_like()
            || !(lower.contains(" should ") || lower.contains(" needs to "))
            || lower.starts_with("we set out")
        {
            break;
        }
        items.push(Item {
            text: t,
            parts: Vec::new(),
            line: b.first_no(),
        });
        k += 1;
    }
    (items, k)
}

/// A cause of concern: its statement and the recommendations under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cause {
    pub text: String,
    pub recommendations: Vec<String>,
    pub line: usize,
}

/// Reads a cause of concern after its heading at `blocks[heading]`: the statement
/// paragraphs, then (after an optional 'Recommendations' heading and an introductory
/// sentence ending in ':') the bulleted recommendations.
pub fn read_cause(blocks: &[Block], heading: usize) -> (Cause, usize) {
    let mut k = heading + 1;
    let mut statement = Vec::new();
    let mut recommendations = Vec::new();
    while k < blocks.len() {
        let b = &blocks[k];
        let t = b.text();
        if starts_list(b) || is_recommendations_heading(&t) || t.ends_with(':') {
            break;
        }
        if b.is_heading_like() || b.has_cells() || t.to_lowercase().starts_with("we set out") {
            break;
        }
        statement.push(t);
        k += 1;
    }
    while k < blocks.len() {
        let b = &blocks[k];
        let t = b.text();
        if is_recommendations_heading(&t) || (t.ends_with(':') && !starts_list(b)) {
            k += 1;
            continue;
        }
        if starts_list(b) {
            let (items, next) = read_list(blocks, k);
            recommendations.extend(items.into_iter().map(|i| with_parts(&i)));
            k = next;
        }
        break;
    }
    let cause = Cause {
        text: statement.join(" "),
        recommendations,
        line: blocks.get(heading).map_or(0, Block::first_no),
    };
    (cause, k)
}

/// An item's text with its sub-bullets appended, for places that hold one string.
pub fn with_parts(item: &Item) -> String {
    if item.parts.is_empty() {
        item.text.clone()
    } else {
        format!("{} {}", item.text, item.parts.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::{blocks, clean_lines};

    #[test]
    fn sub_bullets_become_parts_and_wrapped_lines_join() {
        let text = "- First item\n- Second:\n - part one; and\n - part two.\n\n- Third item\nwrapped here.\nNot a list\n";
        let bs = blocks(&clean_lines(text));
        let (items, next) = read_list(&bs, 0);
        assert_eq!(items.len(), 3);
        assert_eq!(items[1].parts, ["part one; and", "part two."]);
        assert_eq!(items[2].text, "Third item wrapped here. Not a list");
        assert_eq!(next, 2);
    }

    #[test]
    fn headings_vary() {
        assert!(is_afi_heading("Areas for improvement"));
        assert!(is_afi_heading("Area for improvement:"));
        assert!(is_afi_heading("AREAS FOR IMPROVEMENT"));
        assert!(is_cause_heading("Cause of concern"));
        assert!(!is_afi_heading("Areas for improvement were met"));
    }
}
