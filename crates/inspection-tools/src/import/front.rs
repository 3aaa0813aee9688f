//! The report's head and foot: title, period, publication date, most similar forces and HM
//! Inspector's observations.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{is_footer, Block, Line};

static PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d\d/\d\d|(?:19|20)\d\d)\b").expect("valid regex"));
static FOOTER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(\d{1,2}) )?(january|february|march|april|may|june|july|august|september|october|november|december) ((?:19|20)\d\d)\b")
        .expect("valid regex")
});
static MSG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:MSG|most similar group)(?: forces)? (?:forces )?are (.+?)\.?$")
        .expect("valid regex")
});

/// Lines that end the title page.
fn ends_title(text: &str) -> bool {
    let t = text.to_lowercase();
    t == "contents" || t == "table of contents" || t.starts_with("what this report contains")
}

/// The title, from the lines before the contents: "PEEL" / "Police effectiveness, efficiency
/// and legitimacy 2018/19" / "An inspection of Gwent Police" becomes "PEEL: Police …
/// 2018/19 — An inspection of Gwent Police". Returns the title and its first line number.
pub fn title(blocks: &[Block]) -> Option<(String, usize)> {
    let mut parts: Vec<String> = Vec::new();
    let mut first = 0;
    for b in blocks.iter().take(6) {
        let t = b.text();
        if ends_title(&t) || b.has_cells() || t.chars().count() > 150 {
            break;
        }
        if parts.is_empty() {
            first = b.first_no();
        }
        parts.push(t);
        if parts.len() == 3 {
            break;
        }
    }
    if parts.is_empty() {
        return None;
    }
    let mut title = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            // A short programme label ("PEEL") is followed by a colon, later parts by a dash.
            title.push_str(if i == 1 && parts[0].len() <= 8 {
                ": "
            } else {
                " — "
            });
        }
        title.push_str(p);
    }
    Some((title, first))
}

/// The inspection period as the title names it: "2018/19", or a year.
pub fn period(title: &str) -> Option<String> {
    PERIOD.captures(title).map(|c| c[1].to_string())
}

/// The copyright footer's date, as `YYYY-MM` (or `YYYY-MM-DD`), with the footer text up to
/// the copyright mark's year as the basis.
pub fn published(lines: &[Line]) -> Option<(String, String, usize)> {
    let line = lines.iter().find(|l| is_footer(&l.text))?;
    let c = FOOTER_DATE.captures(&line.text)?;
    let month = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
    .iter()
    .position(|m| c[2].eq_ignore_ascii_case(m))?
        + 1;
    let date = match c.get(1) {
        Some(day) => format!(
            "{}-{month:02}-{:02}",
            &c[3],
            day.as_str().parse::<u32>().ok()?
        ),
        None => format!("{}-{month:02}", &c[3]),
    };
    if !inspection_core::validate::is_valid_date(&date) {
        return None;
    }
    // "February 2020 | © HMICFRS 2020 | ISBN …" → the part up to the copyright year.
    let basis: Vec<&str> = line.text.split(" | ").collect();
    let end = basis
        .iter()
        .position(|p| p.contains('©'))
        .map_or(basis.len(), |i| i + 1);
    let basis = basis[..end].join(" | ");
    Some((date, format!("report footer: \"{basis}\""), line.no))
}

/// Which inspectorate published it, as the text names itself.
pub fn publisher(text: &str) -> &'static str {
    if text.contains("HMICFRS") {
        "HMICFRS"
    } else if text.contains("HMIC") {
        "HMIC"
    } else {
        "HMICFRS"
    }
}

/// "Gwent Police's MSG forces are A, B and C." → the listed forces.
pub fn most_similar_forces(blocks: &[Block]) -> Option<(Vec<String>, usize)> {
    for b in blocks {
        for sentence in super::text::sentences(&b.text()) {
            if let Some(c) = MSG.captures(&sentence) {
                let list = c[1].replace(", and ", ", ").replace(" and ", ", ");
                let forces: Vec<String> = list
                    .split(", ")
                    .map(|f| f.trim().to_string())
                    .filter(|f| !f.is_empty())
                    .collect();
                if !forces.is_empty() {
                    return Some((forces, b.first_no()));
                }
            }
        }
    }
    None
}

pub fn is_observations_heading(text: &str) -> bool {
    let t = text.to_lowercase();
    t.contains("observations")
        && (t.contains("inspector") || t.starts_with("hmi"))
        && t.chars().count() <= 80
}

/// HM Inspector's observations: the paragraphs up to the signature (a name, then a role
/// naming an inspector).
pub struct Observations {
    pub author: Option<String>,
    pub role: Option<String>,
    pub paragraphs: Vec<String>,
}

pub fn observations(body: &[Block]) -> Observations {
    let mut paragraphs = Vec::new();
    for (k, b) in body.iter().enumerate() {
        let t = b.text();
        let next_is_role = body
            .get(k + 1)
            .is_some_and(|n| n.text().to_lowercase().contains("inspector"));
        if b.is_heading_like() && next_is_role && t.split_whitespace().count() <= 5 {
            return Observations {
                author: Some(t),
                role: body.get(k + 1).map(Block::text),
                paragraphs,
            };
        }
        if b.has_cells() || b.is_heading_like() {
            break;
        }
        paragraphs.push(t);
    }
    Observations {
        author: None,
        role: None,
        paragraphs,
    }
}
