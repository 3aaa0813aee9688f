//! Grades and the scales they belong to.

use serde::{Deserialize, Serialize};

/// A judgment's grade. The serialised form is the public URL/JSON slug.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Grade {
    Outstanding,
    Good,
    Adequate,
    RequiresImprovement,
    Inadequate,
    /// Assessed but deliberately not graded (e.g. armed response capability in 2018/19).
    Ungraded,
}

impl Grade {
    pub const ALL: [Grade; 6] = [
        Grade::Outstanding,
        Grade::Good,
        Grade::Adequate,
        Grade::RequiresImprovement,
        Grade::Inadequate,
        Grade::Ungraded,
    ];

    /// The slug used in JSON and in the URL contract.
    pub fn slug(self) -> &'static str {
        match self {
            Grade::Outstanding => "outstanding",
            Grade::Good => "good",
            Grade::Adequate => "adequate",
            Grade::RequiresImprovement => "requires-improvement",
            Grade::Inadequate => "inadequate",
            Grade::Ungraded => "ungraded",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.slug() == slug)
    }

    /// English label as the inspectorate writes it.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Outstanding => "Outstanding",
            Grade::Good => "Good",
            Grade::Adequate => "Adequate",
            Grade::RequiresImprovement => "Requires improvement",
            Grade::Inadequate => "Inadequate",
            Grade::Ungraded => "Ungraded",
        }
    }
}

/// The grading scale an inspection uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum GradeScale {
    /// 2014–2019 PEEL: outstanding, good, requires improvement, inadequate.
    FourPoint,
    /// PEEL 2021/22 onwards: adds adequate.
    FivePoint,
    /// An inspection that grades nothing.
    None,
}

impl GradeScale {
    /// Grades allowed on this scale, best first. `Ungraded` is allowed on every graded scale.
    pub fn grades(self) -> &'static [Grade] {
        match self {
            GradeScale::FourPoint => &[
                Grade::Outstanding,
                Grade::Good,
                Grade::RequiresImprovement,
                Grade::Inadequate,
                Grade::Ungraded,
            ],
            GradeScale::FivePoint => &[
                Grade::Outstanding,
                Grade::Good,
                Grade::Adequate,
                Grade::RequiresImprovement,
                Grade::Inadequate,
                Grade::Ungraded,
            ],
            GradeScale::None => &[],
        }
    }

    pub fn allows(self, grade: Grade) -> bool {
        self.grades().contains(&grade)
    }

    pub fn slug(self) -> &'static str {
        match self {
            GradeScale::FourPoint => "four-point",
            GradeScale::FivePoint => "five-point",
            GradeScale::None => "none",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_match_serde() {
        for g in Grade::ALL {
            assert_eq!(Grade::from_slug(g.slug()), Some(g));
            assert_eq!(
                serde_json::to_string(&g).unwrap(),
                format!("\"{}\"", g.slug())
            );
        }
        assert_eq!(Grade::from_slug("Good"), None);
        assert_eq!(Grade::from_slug(""), None);
    }

    #[test]
    fn four_point_scale_has_no_adequate() {
        assert!(!GradeScale::FourPoint.allows(Grade::Adequate));
        assert!(GradeScale::FivePoint.allows(Grade::Adequate));
        assert!(GradeScale::FourPoint.allows(Grade::Ungraded));
        assert!(!GradeScale::None.allows(Grade::Good));
    }
}
