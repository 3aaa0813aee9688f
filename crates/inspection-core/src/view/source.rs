//! A source as shown beside an item.

use crate::model::Inspection;

/// A source as shown beside an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    pub title: String,
    pub publisher: String,
    pub file: String,
    /// The source's own date, else the inspection's publication date.
    pub date: Option<String>,
    pub url: Option<String>,
}

impl SourceInfo {
    pub fn of(ins: &Inspection, id: &str) -> SourceInfo {
        let date_fallback = ins.published.as_ref().map(|p| p.date.clone());
        match ins.sources.iter().find(|s| s.id == id) {
            Some(s) => SourceInfo {
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                file: s.file.clone(),
                date: s.date.clone().or(date_fallback),
                // Defence in depth: validation already rejects other schemes.
                url: s.url.clone().filter(|u| crate::validate::is_safe_url(u)),
            },
            None => SourceInfo {
                title: format!("unknown source {id:?}"),
                publisher: String::new(),
                file: String::new(),
                date: date_fallback,
                url: None,
            },
        }
    }
}
