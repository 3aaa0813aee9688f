//! What the caller of an import knows that the text does not say.

/// What the caller knows that the text does not say.
#[derive(Debug, Clone)]
pub struct Options {
    /// Id of the inspection, e.g. "gwent-peel-2018-19".
    pub id: String,
    /// Id of the force in the manifest, e.g. "gwent".
    pub force: String,
    /// File name of the source text, recorded in `sources[0].file`.
    pub source_file: String,
}
