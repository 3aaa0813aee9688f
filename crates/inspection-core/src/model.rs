//! The published data model: one manifest (`index.json`) and one file per inspection.
//!
//! Every type here is part of the public JSON contract (`schema/*.schema.json` is generated
//! from it), so fields are only ever added as optional.

use serde::{Deserialize, Serialize};

use crate::grade::{Grade, GradeScale};
use crate::welsh_table::Welsh;

/// Version of the data format; bumped only on a breaking change.
pub const SCHEMA_VERSION: u32 = 1;

/// `index.json`: the small file the first view loads. Lists forces, inspections and the
/// lineage of assessed areas across inspection frameworks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub schema_version: u32,
    /// Set on generated benchmark/test data so it can never pass as real data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
    pub forces: Vec<Force>,
    pub inspections: Vec<ManifestEntry>,
    #[serde(default)]
    pub lineages: Vec<Lineage>,
    /// Welsh for the manifest's text (force and lineage names, inspection titles, each title
    /// the same as in the inspection's own file), by the key of the English it translates.
    #[serde(default, skip_serializing_if = "Welsh::is_empty")]
    pub cy: Welsh,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Force {
    pub id: String,
    pub name: String,
}

/// One inspection as listed in the manifest; mirrors the head of its own file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    pub id: String,
    pub force: String,
    pub title: String,
    pub programme: Programme,
    /// Inspection period as the inspectorate names it, e.g. "2018/19".
    pub period: String,
    /// Publication date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) when a source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Path of the inspection file, relative to the manifest.
    pub file: String,
    pub scale: GradeScale,
    pub counts: Counts,
}

/// Sizes shown in the inspection list without loading the inspection file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Counts {
    pub judgments: u32,
    pub areas_for_improvement: u32,
    pub causes_of_concern: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Programme {
    /// Police effectiveness, efficiency and legitimacy (any year, any framework).
    Peel,
    /// Thematic inspections, e.g. the 2012 revisit of police relationships.
    Thematic,
}

/// One inspection file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Inspection {
    pub schema_version: u32,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
    pub id: String,
    pub force: String,
    pub title: String,
    pub programme: Programme,
    pub period: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
    pub scale: GradeScale,
    /// The documents every fact in this file comes from.
    pub sources: Vec<Source>,
    /// Pillars holding questions, or top-level areas where a framework has no pillars.
    #[serde(default)]
    pub judgments: Vec<Judgment>,
    #[serde(default)]
    pub areas_for_improvement: Vec<AreaForImprovement>,
    #[serde(default)]
    pub causes_of_concern: Vec<CauseOfConcern>,
    /// What this report says about earlier areas for improvement and recommendations.
    #[serde(default)]
    pub follow_ups: Vec<FollowUp>,
    #[serde(default)]
    pub findings: Vec<Finding>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// The forces in the force's most similar group, as the report names them.
    #[serde(default)]
    pub most_similar_forces: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observations: Option<Observations>,
    /// Inconsistencies and derivations found in the sources, recorded rather than resolved.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Welsh for any of this file's text, where the data has it, by the key of the English
    /// it translates.
    #[serde(default, skip_serializing_if = "Welsh::is_empty")]
    pub cy: Welsh,
}

/// A publication date and what it rests on (the sources rarely state it plainly).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Published {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// How the date is known, e.g. "report footer: February 2020".
    pub basis: String,
    pub source: String,
}

/// A source document. `file` names the text it was taken from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// File name of the source text, e.g. `002_24091e2645e2466f.txt`.
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Web address, only where the source text itself gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum JudgmentLevel {
    /// A whole-inspection judgment (e.g. the 2016 legitimacy pillar on its own).
    Pillar,
    Question,
    /// An assessment area in a framework with no pillars (PEEL 2021/22 onwards).
    Area,
}

/// A graded (or explicitly ungraded) judgment. Pillars hold their questions in `children`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Judgment {
    pub id: String,
    pub level: JudgmentLevel,
    pub name: String,
    /// The report's question wording, where it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Absent when the source states no grade for this judgment (e.g. the 2016 legitimacy
    /// questions, whose grades the seeds do not give). Never guessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
    /// "Last inspected" as the report's summary table gives it, e.g. "2018/19" or "2016".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_inspected: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_over: Option<CarriedOver>,
    /// The report's summary sentence(s) for this judgment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    pub source: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Judgment>,
}

/// A judgment the report carried over from an earlier inspection instead of re-inspecting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CarriedOver {
    /// The earlier inspection as the text names it, e.g. "2017 efficiency inspection".
    pub from: String,
    /// Year of that inspection.
    pub year: String,
    /// The sentence stating it, verbatim.
    pub statement: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AreaForImprovement {
    pub id: String,
    /// Id of the judgment (question, area or pillar) it sits under.
    pub judgment: String,
    /// Verbatim text.
    pub text: String,
    /// Verbatim sub-bullets, where the report splits the area into parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CauseOfConcern {
    pub id: String,
    pub judgment: String,
    pub text: String,
    #[serde(default)]
    pub recommendations: Vec<String>,
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum FollowUpSubject {
    AreaForImprovement,
    Recommendation,
}

/// The small status set a report's follow-up sentence maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum FollowUpStatus {
    Met,
    InProgress,
    NotMet,
    Unknown,
}

/// A later report's statement on an earlier area for improvement or recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub id: String,
    pub subject: FollowUpSubject,
    /// The earlier item: verbatim where the report quotes it, else the report's description.
    pub text: String,
    /// Where the earlier item came from, as the report says ("2017 efficiency inspection").
    pub origin: String,
    /// The status phrase as written, e.g. "This is being progressed."
    pub status_text: String,
    pub status: FollowUpStatus,
    /// Judgment (in this inspection) the statement sits under.
    pub judgment: String,
    /// The earlier item itself, when it is in the bundled data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<ItemRef>,
    /// An area for improvement in this inspection that carries the unmet item forward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continued_by: Option<String>,
    pub source: String,
}

/// A reference to an item in another (or the same) inspection file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ItemRef {
    pub inspection: String,
    pub item: String,
}

/// A key finding (ungraded inspections consist of these).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judgment: Option<String>,
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub id: String,
    pub who: String,
    pub role: String,
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// Per 1,000 population.
    Per1000,
    Percent,
    /// Pounds sterling.
    Gbp,
    /// Full-time equivalent posts.
    Fte,
    Count,
    /// A ratio such as a disproportionality likelihood ("4.9 times").
    Ratio,
}

/// A 'Force in context' figure: the force's value against its comparators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    /// The table or chart heading it appears under, e.g. "Crime Outcomes".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    pub name: String,
    pub unit: Unit,
    pub value: f64,
    /// Column heading of the force's value, e.g. "Gwent rate".
    pub value_label: String,
    #[serde(default)]
    pub comparators: Vec<Comparator>,
    /// Period or date the figure covers, e.g. "12 months ending 31 March 2019".
    pub period: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Comparator {
    /// Column heading, e.g. "England and Wales rate" or "Most Similar Forces rate".
    pub label: String,
    pub value: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Observations {
    pub author: String,
    pub role: String,
    pub paragraphs: Vec<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    pub text: String,
    /// Ids of the items the note is about (judgments, AFIs, follow-ups …), if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
    pub sources: Vec<String>,
}

/// An assessed area followed across inspections and frameworks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lineage {
    pub id: String,
    pub force: String,
    /// A neutral name for the row, e.g. "Investigating crime".
    pub name: String,
    /// Oldest first.
    pub steps: Vec<LineageStep>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LineageStep {
    pub inspection: String,
    pub judgment: String,
    /// False where the framework changed since the previous step: grades are not directly
    /// comparable across frameworks, says the inspectorate.
    pub comparable_with_previous: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Counts as the manifest lists them, derived from an inspection file.
pub fn counts(ins: &Inspection) -> Counts {
    fn judgments(js: &[Judgment]) -> u32 {
        js.iter().map(|j| 1 + judgments(&j.children)).sum()
    }
    Counts {
        judgments: judgments(&ins.judgments),
        areas_for_improvement: ins.areas_for_improvement.len() as u32,
        causes_of_concern: ins.causes_of_concern.len() as u32,
    }
}

impl ManifestEntry {
    /// The manifest entry that lists `ins`, stored as `file` beside the manifest; it agrees
    /// with the file by construction, as `validate_dataset` requires.
    pub fn for_inspection(ins: &Inspection, file: &str) -> ManifestEntry {
        ManifestEntry {
            id: ins.id.clone(),
            force: ins.force.clone(),
            title: ins.title.clone(),
            programme: ins.programme,
            period: ins.period.clone(),
            date: ins.published.as_ref().map(|p| p.date.clone()),
            file: file.to_string(),
            scale: ins.scale,
            counts: counts(ins),
        }
    }
}

/// Finds a judgment by id at any depth.
pub fn find_judgment<'a>(ins: &'a Inspection, id: &str) -> Option<&'a Judgment> {
    fn find<'a>(js: &'a [Judgment], id: &str) -> Option<&'a Judgment> {
        js.iter()
            .find_map(|j| (j.id == id).then_some(j).or_else(|| find(&j.children, id)))
    }
    find(&ins.judgments, id)
}
