//! The grade cards of one inspection, and the options of the pillar/area filter.

use super::filter::in_pillar;
use super::source::SourceInfo;
use crate::grade::Grade;
use crate::model::*;
use crate::search::{fold, Query};
use crate::url::UrlState;

/// A grade card: a pillar with its question rows, or an area on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub judgment: Judgment,
    /// The question rows the filters let through (all of them when none apply).
    pub rows: Vec<Judgment>,
    /// Areas for improvement under the card or any of its questions.
    pub afis: Vec<AreaForImprovement>,
    pub causes: Vec<CauseOfConcern>,
    pub follow_ups: Vec<FollowUp>,
    /// Key findings recorded under the card or its questions.
    pub findings: Vec<Finding>,
    /// Notes on the sources about the card or its questions.
    pub notes: Vec<Note>,
    pub source: SourceInfo,
}

impl Card {
    pub fn afi_count_for(&self, judgment: &str) -> usize {
        self.afis.iter().filter(|a| a.judgment == judgment).count()
    }
}

fn judgment_haystack(ins: &Inspection, j: &Judgment) -> String {
    let mut text = format!(
        "{} {} {}",
        j.name,
        j.question.as_deref().unwrap_or(""),
        j.summary.as_deref().unwrap_or("")
    );
    for a in ins
        .areas_for_improvement
        .iter()
        .filter(|a| a.judgment == j.id)
    {
        text.push(' ');
        text.push_str(&a.text);
        text.push(' ');
        text.push_str(&a.parts.join(" "));
    }
    for c in ins.causes_of_concern.iter().filter(|c| c.judgment == j.id) {
        text.push(' ');
        text.push_str(&c.text);
    }
    fold(&text)
}

/// The cards of an inspection that the filters let through, and how many there are in all.
/// The inspection and status filters do not apply here.
pub fn grade_cards(ins: &Inspection, state: &UrlState) -> (Vec<Card>, usize) {
    let query = Query::new(&state.q);
    let grade_ok =
        |g: Option<Grade>| state.grades.is_empty() || g.is_some_and(|g| state.grades.contains(&g));
    let mut cards = Vec::new();
    for top in &ins.judgments {
        let pillar = state.pillar.as_deref();
        let top_selected = pillar.is_none_or(|p| p == top.id);
        let top_text_ok = query.matches_folded(&judgment_haystack(ins, top));
        let rows: Vec<Judgment> = top
            .children
            .iter()
            .filter(|c| top_selected || pillar == Some(c.id.as_str()))
            .filter(|c| grade_ok(c.grade))
            .filter(|c| top_text_ok || query.matches_folded(&judgment_haystack(ins, c)))
            .cloned()
            .collect();
        let pillar_ok = in_pillar(pillar, &top.id, None) || !rows.is_empty();
        let grade_match = grade_ok(top.grade) || !rows.is_empty();
        let text_match = top_text_ok || !rows.is_empty();
        if !(pillar_ok && grade_match && text_match) {
            continue;
        }
        let ids: Vec<&str> = std::iter::once(top.id.as_str())
            .chain(top.children.iter().map(|c| c.id.as_str()))
            .collect();
        cards.push(Card {
            judgment: Judgment {
                children: Vec::new(),
                ..top.clone()
            },
            rows,
            afis: ins
                .areas_for_improvement
                .iter()
                .filter(|a| ids.contains(&a.judgment.as_str()))
                .cloned()
                .collect(),
            causes: ins
                .causes_of_concern
                .iter()
                .filter(|c| ids.contains(&c.judgment.as_str()))
                .cloned()
                .collect(),
            follow_ups: ins
                .follow_ups
                .iter()
                .filter(|f| ids.contains(&f.judgment.as_str()))
                .cloned()
                .collect(),
            findings: ins
                .findings
                .iter()
                .filter(|f| f.judgment.as_deref().is_some_and(|j| ids.contains(&j)))
                .cloned()
                .collect(),
            notes: ins
                .notes
                .iter()
                .filter(|n| n.about.iter().any(|a| ids.contains(&a.as_str())))
                .cloned()
                .collect(),
            source: SourceInfo::of(ins, &top.source),
        });
    }
    (cards, ins.judgments.len())
}

/// Options for the pillar/area filter: every top-level judgment and question across the
/// loaded inspections, by id, first name seen wins, in data order.
pub fn pillar_options(inspections: &[&Inspection]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |j: &Judgment, prefix: &str| {
        if !out.iter().any(|(id, _)| id == &j.id) {
            out.push((j.id.clone(), format!("{prefix}{}", j.name)));
        }
    };
    for ins in inspections {
        for top in &ins.judgments {
            push(top, "");
            for c in &top.children {
                push(c, "— ");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_data::{bundled, state};

    #[test]
    fn grade_cards_2018_19() {
        let (_, l) = bundled();
        let ins = &l["gwent-peel-2018-19"];
        let (cards, total) = grade_cards(ins, &UrlState::default());
        assert_eq!((cards.len(), total), (3, 3));
        let legit = cards
            .iter()
            .find(|c| c.judgment.id == "legitimacy")
            .unwrap();
        assert_eq!(legit.judgment.grade, Some(Grade::RequiresImprovement));
        assert_eq!(legit.rows.len(), 3);
        assert_eq!(legit.afis.len(), 7);
        let (cards, _) = grade_cards(ins, &state(&[("grade", "requires-improvement")]));
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].rows.len(), 2);
        let (cards, _) = grade_cards(ins, &state(&[("pillar", "investigating-crime")]));
        assert_eq!(cards.len(), 1);
        assert_eq!(
            cards[0]
                .rows
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>(),
            vec!["investigating-crime"]
        );
        let (cards, _) = grade_cards(ins, &state(&[("q", "foreign national")]));
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].judgment.id, "effectiveness");
    }

    #[test]
    fn grade_cards_2021_22_areas() {
        let (_, l) = bundled();
        let ins = &l["gwent-peel-2021-22"];
        let (cards, total) = grade_cards(ins, &UrlState::default());
        assert_eq!((cards.len(), total), (8, 8));
        let resp = cards
            .iter()
            .find(|c| c.judgment.name == "Responding to the public")
            .unwrap();
        assert_eq!(resp.judgment.grade, Some(Grade::Inadequate));
        let (adequate, _) = grade_cards(ins, &state(&[("grade", "adequate")]));
        assert_eq!(adequate.len(), 3);
    }
}
