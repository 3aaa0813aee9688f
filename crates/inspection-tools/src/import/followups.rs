//! What a report says about earlier areas for improvement and recommendations.
//!
//! A follow-up is found from a *mention* — a sentence naming an area for improvement or a
//! recommendation — and a *status* phrase ("which the force has now met", "This is being
//! progressed.", "this is still an area for improvement"). The wording around them varies;
//! the shapes handled are those of the 2018/19 reports:
//!
//! * self-contained: "X was an area for improvement from our last inspection, which the
//!   force has now met." (text: the sentence; status: the "which" clause);
//! * anaphoric: "… This was an area for improvement from our last inspection, which the force
//!   has met." (text: the sentences before it in the paragraph, or the one that says what the
//!   last inspection found);
//! * described, then judged: "The force had a previous area for improvement around … This has
//!   now been met.";
//! * listed: "Gwent Police had two areas for improvement in our 2017 efficiency inspection.
//!   These were:" followed by bullets that each end with their status;
//! * a recommendation quoted as a list, judged in the next paragraph.
//!
//! A status phrase that is not plainly met / not met / in progress is still mapped, but the
//! mapping is marked as an interpretation so the caller can say so.

use std::sync::LazyLock;

use inspection_core::{FollowUpStatus, FollowUpSubject};
use regex::Regex;

use super::lists::{with_parts, Item};

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

static AFI_MENTION: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bareas? (?:for|of) improvement\b"));
static RECOMMENDATION_MENTION: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\brecommendations?\b|\bwe recommended\b"));
static ANAPHORIC: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(?:this|it|these|that|which)\b|\b(?:this|these) areas? (?:for|of) improvement\b")
});
static WHICH_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^.*?\b(?:was|were) (?:an )?areas? (?:for|of) improvement\b.*?,\s*(which .+?)\.?$")
});
/// A sentence saying what the earlier inspection found: the follow-up's own text.
static FOUND_ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:last|previous|earlier) inspection\b.*\bfound\b|\bfound\b.*\b(?:last|previous|earlier) inspection\b",
    )
});

static NOT_MET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bnot (?:yet )?(?:been )?(?:fully )?(?:met|achieved|addressed|implemented)\b|\b(?:hasn't|has not|have not|haven't|had not|hadn't) (?:yet )?(?:fully )?(?:met|achieved|addressed|implemented)\b|\b(?:still|remains) an area for improvement\b",
    )
});
static IN_PROGRESS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bbeing progressed\b|\bin progress\b|\bis progressing\b|\bpartially (?:met|achieved|addressed)\b|\bmade (?:some |good )?progress (?:on|against|towards)\b",
    )
});
static IN_PROGRESS_INTERPRETED: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bcomplied with (?:some|part) of\b"));
static MET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:has|have) (?:now )?(?:been )?(?:met|achieved|completed|implemented)\b|\bmeets (?:an|the|this) (?:area|recommendation)\b|\bwhich the force has (?:now )?met\b",
    )
});
static MET_INTERPRETED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:has|have) (?:now )?been (?:addressed|resolved|discharged)\b|\bresponded to (?:a|an|the|this) (?:previous )?(?:area for improvement|recommendation)\b",
    )
});

/// Status of a phrase, and whether the mapping is an interpretation rather than a plain
/// reading ("This has been addressed." → met).
pub fn status_of(text: &str) -> Option<(FollowUpStatus, bool)> {
    if NOT_MET.is_match(text) {
        Some((FollowUpStatus::NotMet, false))
    } else if IN_PROGRESS.is_match(text) {
        Some((FollowUpStatus::InProgress, false))
    } else if IN_PROGRESS_INTERPRETED.is_match(text) {
        Some((FollowUpStatus::InProgress, true))
    } else if MET.is_match(text) {
        Some((FollowUpStatus::Met, false))
    } else if MET_INTERPRETED.is_match(text) {
        Some((FollowUpStatus::Met, true))
    } else {
        None
    }
}

fn is_mention(sentence: &str) -> bool {
    AFI_MENTION.is_match(sentence) || RECOMMENDATION_MENTION.is_match(sentence)
}

fn subject_of(sentence: &str) -> FollowUpSubject {
    if AFI_MENTION.is_match(sentence) {
        FollowUpSubject::AreaForImprovement
    } else {
        FollowUpSubject::Recommendation
    }
}

/// Where the earlier item came from, as the text says it.
pub fn origin_of(text: &str) -> String {
    static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        [
            r"(?i)\b(?:our|the) ((?:19|20)\d\d(?:/\d\d)? (?:\w+ ){0,2}(?:inspection|report|review))\b",
            r"(?i)\b((?:our|the) last inspection of this question)\b",
            r"(?i)\b(the last time (?:we inspected this question|this question was inspected))\b",
            r"(?i)\b((?:our|the) (?:last|previous|earlier) inspection)\b",
            r"(?i)\b((?:19|20)\d\d (?:national )?recommendation)\b",
            r"(?i)\bin ((?:19|20)\d\d)\b",
            r"(?i)\b(a previous area for improvement)\b",
        ]
        .iter()
        .map(|p| re(p))
        .collect()
    });
    for p in PATTERNS.iter() {
        if let Some(c) = p.captures(text) {
            return c[1].to_string();
        }
    }
    "not named in the text".to_string()
}

/// A unit of a section's prose, in order: a paragraph (as sentences) or a bulleted list.
#[derive(Debug, Clone)]
pub enum Unit {
    Para { sentences: Vec<String>, line: usize },
    List { items: Vec<Item> },
}

/// A follow-up found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub subject: FollowUpSubject,
    pub text: String,
    pub origin: String,
    pub status_text: String,
    pub status: FollowUpStatus,
    /// The status mapping is an interpretation of the wording.
    pub interpreted: bool,
    /// No status phrase was found; `status` is `Unknown`.
    pub unread: bool,
    pub line: usize,
}

/// Finds every follow-up in one section's units.
pub fn find(units: &[Unit]) -> Vec<Draft> {
    let mut out = Vec::new();
    let mut list_used = vec![false; units.len()];
    // A recommendation quoted as a list is judged in the paragraph after the list; that
    // paragraph's first sentence is then taken.
    let mut taken_first = vec![false; units.len()];
    for (u, unit) in units.iter().enumerate() {
        let Unit::Para { sentences, line } = unit else {
            continue;
        };
        let next_list = match units.get(u + 1) {
            Some(Unit::List { items }) if !list_used[u + 1] => Some(items),
            _ => None,
        };
        let intro = sentences.last().is_some_and(|s| s.ends_with(':'));
        let start = usize::from(taken_first[u]);
        if let (true, Some(items)) = (intro, next_list) {
            if let Some(m) = sentences[start..].iter().rposition(|s| is_mention(s)) {
                let m = start + m;
                list_used[u + 1] = true;
                let intro_text = sentences[m..].join(" ");
                let judged_items = items.iter().any(|i| status_of(&with_parts(i)).is_some());
                if judged_items && AFI_MENTION.is_match(&intro_text) {
                    out.extend(listed(&intro_text, items));
                } else {
                    let next_para = units.get(u + 2);
                    let (draft, took) = quoted_list(&intro_text, items, next_para, *line);
                    if took {
                        taken_first[u + 2] = true;
                    }
                    out.push(draft);
                }
                // Sentences before the intro may hold their own mentions.
                out.extend(in_paragraph(&sentences[start..m], *line));
                continue;
            }
        }
        out.extend(in_paragraph(&sentences[start..], *line));
    }
    out
}

/// Bullets after "… had two areas for improvement in our 2017 efficiency inspection. These
/// were:", each ending with its status.
fn listed(intro: &str, items: &[Item]) -> Vec<Draft> {
    let origin = origin_of(intro);
    items
        .iter()
        .map(|item| {
            let full = with_parts(item);
            let sents = super::text::sentences(&full);
            let k = sents.iter().rposition(|s| status_of(s).is_some());
            let (text, status_text) = match k {
                Some(k) if k > 0 => (sents[..k].join(" "), sents[k..].join(" ")),
                _ => (full.clone(), full.clone()),
            };
            let status = status_of(&status_text);
            Draft {
                subject: FollowUpSubject::AreaForImprovement,
                text,
                origin: origin.clone(),
                status_text,
                status: status.map_or(FollowUpStatus::Unknown, |s| s.0),
                interpreted: status.is_some_and(|s| s.1),
                unread: status.is_none(),
                line: item.line,
            }
        })
        .collect()
}

/// "In our 2017 legitimacy report, we recommended that all forces should:" + bullets, judged
/// by the first sentence of the next paragraph. Returns whether that sentence was taken.
fn quoted_list(intro: &str, items: &[Item], next: Option<&Unit>, line: usize) -> (Draft, bool) {
    let bullets: Vec<String> = items.iter().map(with_parts).collect();
    let text = format!("{} {}", intro, bullets.join(" "));
    // Only a sentence that refers back to the recommendation judges it; any other status
    // sentence there is about something else.
    let judged = match next {
        Some(Unit::Para { sentences, .. }) => sentences
            .first()
            .filter(|s| {
                RECOMMENDATION_MENTION.is_match(s) || !RECOMMENDATION_MENTION.is_match(intro)
            })
            .filter(|s| !AFI_MENTION.is_match(s) || AFI_MENTION.is_match(intro))
            .and_then(|s| status_of(s).map(|st| (s.clone(), st))),
        _ => None,
    };
    let took = judged.is_some();
    let (status_text, status) = match judged {
        Some((s, st)) => (s, Some(st)),
        None => (intro.to_string(), None),
    };
    let draft = Draft {
        subject: subject_of(intro),
        text,
        origin: origin_of(intro),
        status_text,
        status: status.map_or(FollowUpStatus::Unknown, |s| s.0),
        interpreted: status.is_some_and(|s| s.1),
        unread: status.is_none(),
        line,
    };
    (draft, took)
}

/// Mentions inside one paragraph.
fn in_paragraph(sents: &[String], line: usize) -> Vec<Draft> {
    let mut out = Vec::new();
    let mut used = vec![false; sents.len()];
    for i in 0..sents.len() {
        if used[i] || !is_mention(&sents[i]) {
            continue;
        }
        let s = &sents[i];
        let preceding: Vec<usize> = (0..i).filter(|&k| !used[k]).collect();
        let anaphoric = ANAPHORIC.is_match(s);
        let (text, status_text, range) = if let Some(_st) = status_of(s) {
            if anaphoric {
                anaphoric_split(sents, &preceding, i, i)
            } else if let Some(c) = WHICH_CLAUSE.captures(s) {
                (s.clone(), c[1].to_string(), i..=i)
            } else {
                (s.clone(), s.clone(), i..=i)
            }
        } else {
            // The status follows within the next three sentences of the paragraph.
            let j = (i + 1..sents.len().min(i + 4))
                .find(|&j| !used[j] && status_of(&sents[j]).is_some());
            match j {
                Some(j) if anaphoric => anaphoric_split(sents, &preceding, i, j),
                Some(j) => {
                    let between = &sents[i + 1..j];
                    let text = if between.is_empty() {
                        s.clone()
                    } else {
                        between.join(" ")
                    };
                    (text, sents[j].clone(), i..=j)
                }
                None => {
                    let text = if anaphoric && !preceding.is_empty() {
                        join(sents, &preceding)
                    } else {
                        s.clone()
                    };
                    (text, s.clone(), i..=i)
                }
            }
        };
        let (lo, hi) = (*range.start(), *range.end());
        for flag in used.iter_mut().take(hi + 1).skip(lo) {
            *flag = true;
        }
        if anaphoric {
            for &k in &preceding {
                used[k] = true;
            }
        }
        let status = status_of(&status_text);
        let origin_source = format!("{s} {status_text} {text}");
        out.push(Draft {
            subject: subject_of(s),
            text,
            origin: origin_of(&origin_source),
            status_text,
            status: status.map_or(FollowUpStatus::Unknown, |s| s.0),
            interpreted: status.is_some_and(|s| s.1),
            unread: status.is_none(),
            line,
        });
    }
    out
}

/// For an anaphoric mention at `i` judged at `j`: the text is the sentence saying what the
/// earlier inspection found (and the status everything after it), or else every earlier
/// sentence of the paragraph.
fn anaphoric_split(
    sents: &[String],
    preceding: &[usize],
    i: usize,
    j: usize,
) -> (String, String, std::ops::RangeInclusive<usize>) {
    let status_text = sents[i..=j].join(" ");
    if let Some(&a) = preceding
        .iter()
        .rev()
        .find(|&&k| FOUND_ANCHOR.is_match(&sents[k]))
    {
        let after: Vec<usize> = preceding.iter().copied().filter(|&k| k > a).collect();
        let mut st = join(sents, &after);
        if !st.is_empty() {
            st.push(' ');
        }
        st.push_str(&status_text);
        return (sents[a].clone(), st, i..=j);
    }
    let text = if preceding.is_empty() {
        status_text.clone()
    } else {
        join(sents, preceding)
    };
    (text, status_text, i..=j)
}

fn join(sents: &[String], idx: &[usize]) -> String {
    idx.iter()
        .map(|&k| sents[k].as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::sentences;

    fn para(text: &str) -> Unit {
        Unit::Para {
            sentences: sentences(text),
            line: 1,
        }
    }

    #[test]
    fn statuses() {
        use FollowUpStatus::*;
        assert_eq!(status_of("which the force has now met"), Some((Met, false)));
        assert_eq!(
            status_of("But it hasn't yet met it."),
            Some((NotMet, false))
        );
        assert_eq!(
            status_of("This is being progressed."),
            Some((InProgress, false))
        );
        assert_eq!(status_of("This has been addressed."), Some((Met, true)));
        assert_eq!(
            status_of("Though it has improved, this is still an area for improvement."),
            Some((NotMet, false))
        );
        assert_eq!(status_of("The force recognises this."), None);
    }

    #[test]
    fn shapes() {
        let d = find(&[para(
            "A was an area for improvement from our last inspection, which the force has now met.",
        )]);
        assert_eq!(d[0].status_text, "which the force has now met");
        let d = find(&[para("One. Two. This was an area for improvement the last time we inspected this question. Though improved, this is still an area for improvement. Later.")]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].text, "One. Two.");
        assert_eq!(d[0].status, FollowUpStatus::NotMet);
        let d = find(&[para("A. Our last inspection found B. The force changed. The team manages this, and this area for improvement has been met.")]);
        assert_eq!(d[0].text, "Our last inspection found B.");
        assert_eq!(
            d[0].status_text,
            "The force changed. The team manages this, and this area for improvement has been met."
        );
        let d = find(&[para("The force had one other area for improvement in 2017. This was to ensure X. This has been met.")]);
        assert_eq!(
            (d[0].text.as_str(), d[0].origin.as_str()),
            ("This was to ensure X.", "2017")
        );
    }
}
