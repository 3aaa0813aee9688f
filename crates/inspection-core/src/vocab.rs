//! The small vocabulary the URL, the interface strings and the views share: the interface
//! language, the view, an item's status and a row's kind. It sits below all three and needs
//! only the data model, so that none of them has to import another for these.

use serde::{Deserialize, Serialize};

use crate::model::FollowUpStatus;

/// Interface language (`lang=` in the URL contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Cy,
}

impl Lang {
    pub fn slug(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    pub fn from_slug(s: &str) -> Option<Lang> {
        match s {
            "en" => Some(Lang::En),
            "cy" => Some(Lang::Cy),
            _ => None,
        }
    }

    /// The other language, for the toggle.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Cy,
            Lang::Cy => Lang::En,
        }
    }

    /// `lang` attribute for English data text (all of the bundled sources) on this page:
    /// only needed where the page itself is not English.
    pub fn data_lang(self) -> Option<&'static str> {
        self.data_lang_of(false)
    }

    /// `lang` attribute for data text on this page that is either one of the data's Welsh
    /// texts shown on a Welsh page (`welsh`), or English: English needs one where the page is
    /// not English, Welsh on a Welsh page does not.
    pub fn data_lang_of(self, welsh: bool) -> Option<&'static str> {
        (self != Lang::En && !welsh).then_some("en")
    }
}

/// Which view is shown (`view=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum View {
    #[default]
    Grades,
    Improvements,
    /// Grades of each assessed area across inspections (`view=history`).
    History,
    /// An inspection's 'Force in context' figures (`view=figures`).
    Figures,
    /// The accessibility statement (linked from the footer, not a tab).
    Accessibility,
}

impl View {
    /// The views shown as tabs, in order.
    pub const ALL: [View; 4] = [
        View::Grades,
        View::Improvements,
        View::History,
        View::Figures,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            View::Grades => "grades",
            View::Improvements => "improvements",
            View::History => "history",
            View::Figures => "figures",
            View::Accessibility => "accessibility",
        }
    }

    pub fn from_slug(s: &str) -> Option<View> {
        View::ALL
            .into_iter()
            .chain([View::Accessibility])
            .find(|v| v.slug() == s)
    }
}

/// Status of an area for improvement as the viewer shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AfiStatus {
    /// No later report in the data says anything about it.
    Open,
    Met,
    InProgress,
    NotMet,
}

impl AfiStatus {
    pub const ALL: [AfiStatus; 4] = [
        AfiStatus::Open,
        AfiStatus::Met,
        AfiStatus::InProgress,
        AfiStatus::NotMet,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            AfiStatus::Open => "open",
            AfiStatus::Met => "met",
            AfiStatus::InProgress => "in-progress",
            AfiStatus::NotMet => "not-met",
        }
    }

    pub fn from_slug(s: &str) -> Option<AfiStatus> {
        AfiStatus::ALL.into_iter().find(|x| x.slug() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            AfiStatus::Open => "Open",
            AfiStatus::Met => "Met",
            AfiStatus::InProgress => "In progress",
            AfiStatus::NotMet => "Not met",
        }
    }

    pub fn from_follow_up(s: FollowUpStatus) -> AfiStatus {
        match s {
            FollowUpStatus::Met => AfiStatus::Met,
            FollowUpStatus::InProgress => AfiStatus::InProgress,
            FollowUpStatus::NotMet => AfiStatus::NotMet,
            FollowUpStatus::Unknown => AfiStatus::Open,
        }
    }
}

/// Kind of row in the improvements list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    AreaForImprovement,
    CauseOfConcern,
    /// An earlier area for improvement known only from a later report's follow-up.
    EarlierAreaForImprovement,
    /// An earlier recommendation known only from a later report's follow-up.
    EarlierRecommendation,
}

impl RowKind {
    pub fn label(self) -> &'static str {
        match self {
            RowKind::AreaForImprovement => "Area for improvement",
            RowKind::CauseOfConcern => "Cause of concern",
            RowKind::EarlierAreaForImprovement => "Earlier area for improvement",
            RowKind::EarlierRecommendation => "Earlier recommendation",
        }
    }
}
