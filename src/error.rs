//! The app's one error type. `Display` is the message a visitor reads; technical detail goes to
//! the console via [`AppError::log`].

use inspection_core::DataError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppError {
    /// The server answered, but not with the file.
    #[error("Could not load {what} ({url}): the server answered {status}{}.", status_text_suffix(.status_text))]
    Http {
        what: String,
        url: String,
        status: u16,
        status_text: String,
    },
    /// No answer at all: offline, DNS, refused connection, blocked request.
    #[error(
        "Could not reach the server to load {what} ({url}). Check your connection, then try again."
    )]
    Network {
        what: String,
        url: String,
        detail: String,
    },
    /// The file arrived but is not valid data.
    #[error("The {what} is not valid: {error}")]
    Data { what: String, error: DataError },
}

fn status_text_suffix(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!(" {text}")
    }
}

impl AppError {
    /// Writes the technical detail to the browser console for whoever debugs an embed.
    pub fn log(&self) {
        let detail = match self {
            AppError::Network { detail, .. } => format!("{self} [{detail}]"),
            _ => self.to_string(),
        };
        web_sys::console::error_1(&format!("inspection-viewer: {detail}").into());
    }
}
