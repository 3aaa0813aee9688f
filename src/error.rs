//! The app's one error type. [`AppError::headline`] is the sentence a visitor reads, in their
//! language; [`AppError::detail`] is the technical part (URLs, JSON paths), kept as written;
//! [`AppError::log`] sends everything to the console.

use inspection_core::i18n::{Lang, T};
use inspection_core::DataError;

/// Which file a failure concerns, named for the visitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Manifest,
    Inspection,
}

impl What {
    fn text(self) -> T {
        match self {
            What::Manifest => T::WhatManifest,
            What::Inspection => T::WhatInspection,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppError {
    /// The server answered, but not with the file.
    #[error("Could not load {} ({url}): the server answered {status}{}.", .what.text().en(), status_text_suffix(.status_text))]
    Http {
        what: What,
        url: String,
        status: u16,
        status_text: String,
    },
    /// No answer at all: offline, DNS, refused connection, blocked request.
    #[error("Could not reach the server to load {} ({url}). Check your connection, then try again.", .what.text().en())]
    Network {
        what: What,
        url: String,
        detail: String,
    },
    /// The server took too long.
    #[error("Loading took too long and was stopped: {} ({url}) after {seconds} seconds.", .what.text().en())]
    Timeout {
        what: What,
        url: String,
        seconds: u32,
    },
    /// The file arrived but is not valid data.
    #[error("This data is not valid: {error}")]
    Data { what: What, error: DataError },
}

fn status_text_suffix(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!(" {text}")
    }
}

impl AppError {
    /// The visitor-facing sentence in `lang`, without technical detail.
    pub fn headline(&self, lang: Lang) -> String {
        match self {
            AppError::Http { what, status, .. } => format!(
                "{} {}: {} {status}.",
                T::ErrCouldNotLoad.get(lang),
                what.text().get(lang),
                T::ErrServerAnswered.get(lang)
            ),
            AppError::Network { what, .. } => format!(
                "{} {}. {}",
                T::ErrCouldNotReach.get(lang),
                what.text().get(lang),
                T::ErrCheckConnection.get(lang)
            ),
            AppError::Timeout { what, seconds, .. } => format!(
                "{} {} ({seconds} s).",
                T::ErrTimedOut.get(lang),
                what.text().get(lang)
            ),
            // Names what failed, like the other headlines: the detail below may be long.
            AppError::Data { what, .. } => {
                format!("{} {}.", T::ErrNotValid.get(lang), what.text().get(lang))
            }
        }
    }

    /// Technical detail (file, JSON path, expectation), as written; never translated.
    pub fn detail(&self) -> String {
        match self {
            AppError::Http {
                url, status_text, ..
            } => format!("{url}{}", status_text_suffix(status_text)),
            AppError::Network { url, .. } | AppError::Timeout { url, .. } => url.clone(),
            AppError::Data { error, .. } => error.to_string(),
        }
    }

    /// Writes the technical detail to the browser console for whoever debugs an embed.
    pub fn log(&self) {
        let detail = match self {
            AppError::Network { detail, .. } => format!("{self} [{detail}]"),
            _ => self.to_string(),
        };
        web_sys::console::error_1(&format!("inspection-viewer: {detail}").into());
    }
}
