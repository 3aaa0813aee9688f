//! Cleaning the extracted text and cutting it into lines and blocks.
//!
//! Text taken from a PDF or a web page carries debris that says nothing about the report:
//! markdown link marks, bold marks, curly quotes, ligatures, page numbers, repeated footers,
//! paragraphs broken by a page break. Everything downstream works on the cleaned [`Line`]s,
//! which keep their original 1-based line numbers so the placement report can point back
//! into the input.

/// One input line after cleaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// 1-based line number in the input.
    pub no: usize,
    /// Cleaned text, trimmed at both ends.
    pub text: String,
    /// Leading whitespace width (a tab counts as 4), used to tell sub-bullets from bullets.
    pub indent: usize,
    /// Table cells when the line has cell separators (tabs or runs of two or more spaces);
    /// empty otherwise. A leading separator gives an empty first cell (a header row).
    pub cells: Vec<String>,
    /// The line carried markdown bold marks (`**`); charts in 'Force in context' use them.
    pub bold: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Consecutive non-blank lines: a paragraph, a heading, a table or a list.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub lines: Vec<Line>,
}

impl Block {
    pub fn first_no(&self) -> usize {
        self.lines.first().map_or(0, |l| l.no)
    }

    pub fn last_no(&self) -> usize {
        self.lines.last().map_or(0, |l| l.no)
    }

    /// The block's lines joined with single spaces, as prose.
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self.lines.iter().map(|l| l.text.as_str()).collect();
        parts.join(" ")
    }

    pub fn is_single_line(&self) -> bool {
        self.lines.len() == 1
    }

    pub fn has_cells(&self) -> bool {
        self.lines.iter().any(|l| !l.cells.is_empty())
    }

    /// A short one-line block without cells that does not end like a sentence: a heading.
    pub fn is_heading_like(&self) -> bool {
        let t = self.text();
        self.is_single_line()
            && !self.has_cells()
            && !t.is_empty()
            && t.chars().count() <= 120
            && bullet(&t).is_none()
            && !t.ends_with(['.', ',', ';', ':'])
    }

    /// A block holding only a number, e.g. a page number or a chart value.
    pub fn is_number_only(&self) -> bool {
        self.is_single_line() && parse_number(&self.text()).is_some() && !self.has_cells()
    }
}

/// Cleans the whole input into lines (blank lines included, as empty text).
pub fn clean_lines(input: &str) -> Vec<Line> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut out = Vec::new();
    // A form feed is a page break: treat it as a line break.
    for (i, raw) in input.split('\n').enumerate() {
        for (k, piece) in raw.split('\u{c}').enumerate() {
            let no = i + 1;
            if k > 0 {
                out.push(blank(no));
            }
            out.push(clean_line(no, piece));
        }
    }
    out
}

fn blank(no: usize) -> Line {
    Line {
        no,
        text: String::new(),
        indent: 0,
        cells: Vec::new(),
        bold: false,
    }
}

fn clean_line(no: usize, raw: &str) -> Line {
    let raw = raw.strip_suffix('\r').unwrap_or(raw);
    // Most lines are plain ASCII prose: skip the character-level passes for them.
    let plain = raw
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'`' || b == b'\t');
    let chars = if plain {
        raw.to_string()
    } else {
        clean_chars(raw)
    };
    let bold = chars.contains("**");
    let chars = if chars.contains(['[', '*', '\\']) {
        strip_markdown(&chars)
    } else {
        chars
    };
    let indent = chars
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    let cells = if chars.contains('\t') || chars.contains("  ") {
        split_cells(&chars)
    } else {
        Vec::new()
    };
    let text = collapse_spaces(chars.trim());
    Line {
        no,
        text,
        indent,
        cells,
        bold,
    }
}

/// Character-level clean-up: quotes, spaces, ligatures, invisible characters.
fn clean_chars(raw: &str) -> String {
    let mut s = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' | '`' => s.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => s.push('"'),
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{2002}' | '\u{2003}' => {
                s.push(' ')
            }
            '\u{fb01}' => s.push_str("fi"),
            '\u{fb02}' => s.push_str("fl"),
            '\u{fb00}' => s.push_str("ff"),
            '\u{2212}' => s.push('-'),
            // Soft hyphens, zero-width characters and stray byte-order marks carry nothing.
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            '\t' => s.push('\t'),
            c if c.is_control() => s.push(' '),
            c => s.push(c),
        }
    }
    s
}

/// Removes markdown link marks (`[text](target)` keeps `text`), bold and italic marks and
/// backslash escapes, which web-page and PDF extractions leave in the text.
pub fn strip_markdown(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '[' {
            if let Some((inner, next)) = link_at(&chars, i) {
                out.push_str(&inner);
                i = next;
                continue;
            }
        }
        if c == '\\' && i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() {
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '*' {
            let prev = if i == 0 { None } else { Some(chars[i - 1]) };
            let next = chars.get(i + 1).copied();
            // Keep a '*' bullet at the start of a line ("* item"); drop emphasis marks.
            let is_bullet = prev.is_none_or(char::is_whitespace)
                && next.is_some_and(|n| n == ' ')
                && chars[..i].iter().all(|c| c.is_whitespace());
            if !is_bullet {
                i += 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// A markdown link starting at `start` ('['): its text (unescaped) and the index after it.
fn link_at(chars: &[char], start: usize) -> Option<(String, usize)> {
    let mut i = start + 1;
    let mut inner = String::new();
    let mut depth = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' if i + 1 < chars.len() => {
                inner.push(chars[i + 1]);
                i += 2;
                continue;
            }
            '[' => depth += 1,
            ']' if depth == 0 => break,
            ']' => depth -= 1,
            _ => {}
        }
        inner.push(chars[i]);
        i += 1;
    }
    if chars.get(i) != Some(&']') || chars.get(i + 1) != Some(&'(') {
        return None;
    }
    let close = chars[i + 2..].iter().position(|&c| c == ')')? + i + 2;
    if chars[i + 2..close].iter().any(|c| c.is_whitespace()) {
        return None;
    }
    Some((strip_markdown(&inner), close + 1))
}

/// Splits a table row on tabs or runs of two or more spaces. Each tab is a separator (two
/// tabs enclose an empty cell); a run of spaces is one. A line without any separator has no
/// cells; a row whose values are all empty ("Spend per head of population\t\t") keeps just
/// its name, so it is still known to be a row.
fn split_cells(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut separated = false;
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_whitespace() {
            cur.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let run = &chars[start..i];
        let tabs = run.iter().filter(|&&c| c == '\t').count();
        let at_start = start == 0;
        let at_end = i == chars.len();
        // Trailing spaces are often editor debris; trailing tabs are empty cells.
        let is_separator = tabs > 0 || (run.len() >= 2 && !at_end);
        if is_separator {
            if !at_start {
                separated = true;
            }
            cells.push(std::mem::take(&mut cur));
            for _ in 1..tabs {
                cells.push(String::new());
            }
        } else if !at_start && !at_end {
            cur.push(' ');
        }
    }
    cells.push(cur);
    if !separated {
        return Vec::new();
    }
    while cells.len() > 1 && cells.last().is_some_and(String::is_empty) {
        cells.pop();
    }
    if cells.iter().all(String::is_empty) {
        return Vec::new();
    }
    cells
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Lines that are page furniture, not content: page numbers and running footers.
fn is_page_debris(text: &str) -> bool {
    let t = text.trim();
    let lower = t.to_lowercase();
    if lower.starts_with("page ")
        && lower[5..]
            .split_whitespace()
            .all(|w| w.chars().all(|c| c.is_ascii_digit()) || w == "of")
    {
        return true;
    }
    // "- 12 -" and "12 of 48".
    let stripped = t.trim_matches(|c: char| c == '-' || c == ' ');
    if t.starts_with('-') && t.ends_with('-') && !stripped.is_empty() {
        return stripped.chars().all(|c| c.is_ascii_digit());
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if let [a, "of", b] = words.as_slice() {
        return a.chars().all(|c| c.is_ascii_digit()) && b.chars().all(|c| c.is_ascii_digit());
    }
    false
}

/// Is this line a copyright footer ("February 2020 | © HMICFRS 2020 | ISBN …")?
pub fn is_footer(text: &str) -> bool {
    text.contains('©') || text.to_lowercase().contains("(c) hmic")
}

/// Groups cleaned lines into blocks, dropping page debris and mending paragraphs that a page
/// break cut in two (a prose line without closing punctuation followed by a block that
/// starts in lower case).
pub fn blocks(lines: &[Line]) -> Vec<Block> {
    let mut raw: Vec<Block> = Vec::new();
    let mut cur: Vec<Line> = Vec::new();
    for line in lines {
        if line.is_blank() || is_page_debris(&line.text) || is_footer(&line.text) {
            if !cur.is_empty() {
                raw.push(Block {
                    lines: std::mem::take(&mut cur),
                });
            }
            continue;
        }
        cur.push(line.clone());
    }
    if !cur.is_empty() {
        raw.push(Block { lines: cur });
    }
    mend_page_breaks(raw)
}

fn mend_page_breaks(raw: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    // A lone page number between the two halves of a paragraph is held back and dropped
    // if the paragraph continues after it.
    let mut held: Option<Block> = None;
    for block in raw {
        if held.is_none() && is_page_number(&block) && out.last().is_some_and(open_prose) {
            held = Some(block);
            continue;
        }
        if let Some(prev) = out.last_mut() {
            if continues(prev, &block) {
                held = None;
                let last = prev.lines.last_mut().expect("blocks are never empty");
                let first = &block.lines[0];
                last.text = format!("{} {}", last.text, first.text);
                prev.lines.extend(block.lines.into_iter().skip(1));
                continue;
            }
        }
        out.extend(held.take());
        out.push(block);
    }
    out.extend(held);
    out
}

/// A block holding only a small whole number: a page number (or a chart value, which is
/// never held back because charts do not sit inside open prose).
fn is_page_number(block: &Block) -> bool {
    let t = &block.lines[0].text;
    block.is_single_line() && !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
}

/// The block ends in a prose line that stops without closing punctuation.
fn open_prose(block: &Block) -> bool {
    block.lines.last().is_some_and(|l| {
        l.cells.is_empty()
            && is_prose(&l.text)
            && !l.text.ends_with(['.', '!', '?', ':', ';', ')', '"', '\''])
    })
}

fn continues(prev: &Block, next: &Block) -> bool {
    let first = &next.lines[0];
    open_prose(prev)
        && first.cells.is_empty()
        && bullet(&first.text).is_none()
        && first.text.chars().next().is_some_and(char::is_lowercase)
}

/// Running prose rather than a heading or label: long, or more than one sentence.
fn is_prose(text: &str) -> bool {
    text.chars().count() >= 100 || text.contains(". ")
}

/// A list bullet at the start of `text`: the marker and the rest of the line.
pub fn bullet(text: &str) -> Option<(&str, &str)> {
    const MARKERS: [&str; 9] = ["-", "–", "—", "•", "●", "○", "◦", "▪", "*"];
    for m in MARKERS {
        if let Some(rest) = text.strip_prefix(m) {
            if rest.starts_with([' ', '\t']) && !rest.trim().is_empty() {
                return Some((m, rest.trim()));
            }
        }
    }
    // "o " as a sub-bullet (Word's default second-level marker), and "1." / "a)" / "(i)".
    if let Some(rest) = text.strip_prefix("o ") {
        if rest.chars().next().is_some_and(char::is_lowercase) {
            return Some(("o", rest.trim()));
        }
    }
    let (head, rest) = text.split_once(' ')?;
    let numbered = (head.ends_with('.') || head.ends_with(')'))
        && head.len() <= 4
        && head
            .trim_start_matches('(')
            .trim_end_matches(['.', ')'])
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
        && head.len() >= 2
        && !rest.trim().is_empty();
    numbered.then_some((head, rest.trim()))
}

/// A number as the report prints it: "139", "48%", "£213", "-2%", "1,308", "4.9".
pub fn parse_number(cell: &str) -> Option<f64> {
    let t = cell.trim();
    let t = t.replace(['£', '%', ',', ' '], "");
    let t = t.trim_end_matches('x');
    if t.is_empty()
        || !t.chars().any(|c| c.is_ascii_digit())
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+')
    {
        return None;
    }
    let v: f64 = t.parse().ok()?;
    v.is_finite().then_some(v)
}

/// Splits prose into sentences, keeping abbreviations such as "e.g." inside their sentence.
pub fn sentences(text: &str) -> Vec<String> {
    const ABBREVIATIONS: [&str; 9] = [
        "e.g.", "i.e.", "etc.", "No.", "Dr.", "Mr.", "Mrs.", "St.", "vs.",
    ];
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        cur.push(c);
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next = chars.get(i + 1).copied();
        let after = chars.get(i + 2).copied();
        let boundary = next == Some(' ')
            && after
                .is_some_and(|a| a.is_uppercase() || a.is_ascii_digit() || a == '\'' || a == '"');
        if boundary && !ABBREVIATIONS.iter().any(|a| cur.ends_with(a)) {
            out.push(cur.trim().to_string());
            cur.clear();
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_marks_and_emphasis_are_removed() {
        assert_eq!(
            strip_markdown("a [DASH \\(x\\) form](#) and **bold** *it*"),
            "a DASH (x) form and bold it"
        );
        assert_eq!(strip_markdown("[not a link] (x)"), "[not a link] (x)");
        assert_eq!(strip_markdown("* bullet"), "* bullet");
    }

    #[test]
    fn cells_split_on_tabs_and_space_runs() {
        let l = clean_line(1, "\tGwent rate\tEngland and Wales rate");
        assert_eq!(l.cells, ["", "Gwent rate", "England and Wales rate"]);
        let l = clean_line(1, "Police Officer    1308   1330  -2%");
        assert_eq!(l.cells, ["Police Officer", "1308", "1330", "-2%"]);
        let l = clean_line(1, "A plain sentence with single spaces.");
        assert!(l.cells.is_empty());
        let l = clean_line(1, "Spend per head of population\t\t");
        assert_eq!(l.cells, ["Spend per head of population"]);
    }

    #[test]
    fn sentences_respect_abbreviations() {
        assert_eq!(
            sentences("It did (e.g. BAME groups). Then 2 more. Done"),
            ["It did (e.g. BAME groups).", "Then 2 more.", "Done"]
        );
    }

    #[test]
    fn numbers_parse_as_printed() {
        assert_eq!(parse_number("£213"), Some(213.0));
        assert_eq!(parse_number("-44%"), Some(-44.0));
        assert_eq!(parse_number("1,308"), Some(1308.0));
        assert_eq!(parse_number("2018/19"), None);
        assert_eq!(parse_number("-"), None);
    }
}
