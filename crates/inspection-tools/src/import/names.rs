//! Matching a section heading to a question of the grades table.
//!
//! Reports of the same year word the same question differently: the summary table's "Fair
//! treatment of the public" is headed "Treating the public fairly", "Armed response
//! capability" is headed "Armed policing". Matching is deliberately conservative: an exact
//! or known-variant match, or (only where the heading is followed by a grade) one name's
//! words contained in the other's.

/// Words that carry no meaning for matching.
const STOP: [&str; 9] = ["the", "of", "and", "a", "to", "in", "for", "on", "its"];

/// Names the inspectorate uses interchangeably for the same assessed area.
const SYNONYMS: [&[&str]; 1] = [&[
    "armed response capability",
    "armed policing",
    "firearms capability",
    "armed response",
]];

fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(str::to_string)
        .collect()
}

/// Lowercase words of a name in one canonical wording: "Treating the public fairly" and
/// "Fair treatment of the public" both become "fair treatment public".
fn canonical(name: &str) -> String {
    let lower = name.to_lowercase().replace('&', "and");
    let lower = lower.trim().trim_end_matches(['?', ':', '.']).trim();
    for group in SYNONYMS {
        if group.contains(&lower) {
            return group[0].to_string();
        }
    }
    let w = words(lower);
    if w.len() >= 3 && w[0] == "treating" && w.last().is_some_and(|l| l == "fairly") {
        let mut out = vec!["fair".to_string(), "treatment".to_string()];
        out.extend(w[1..w.len() - 1].iter().cloned());
        return out.join(" ");
    }
    w.join(" ")
}

/// Same question under an exact or known-variant name.
pub fn same(a: &str, b: &str) -> bool {
    let (ca, cb) = (canonical(a), canonical(b));
    !ca.is_empty() && ca == cb
}

/// Looser: every word of the shorter name (at least two) appears in the longer one.
pub fn similar(a: &str, b: &str) -> bool {
    let (wa, wb) = (canonical(a), canonical(b));
    let (wa, wb): (Vec<&str>, Vec<&str>) = (wa.split(' ').collect(), wb.split(' ').collect());
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    short.len() >= 2 && short.iter().all(|w| long.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_of_2018_19_names_match() {
        assert!(same(
            "Fair treatment of the public",
            "Treating the public fairly"
        ));
        assert!(same(
            "Fair treatment of the workforce",
            "Treating the workforce fairly"
        ));
        assert!(same("Armed response capability", "Armed policing"));
        assert!(same("Investigating crime", "Investigating  Crime"));
        assert!(!same("Investigating crime", "Investigation quality"));
        assert!(similar(
            "Meeting current demands",
            "Meeting current demands and using resources"
        ));
        assert!(similar(
            "Preventing crime and anti-social behaviour",
            "Preventing crime and tackling anti-social behaviour"
        ));
        assert!(!similar(
            "Tackling serious and organised crime",
            "Serious and organised crime prevention"
        ));
    }
}
