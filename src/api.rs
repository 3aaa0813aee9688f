//! Data loading: fetches the bundled JSON with relative URLs, so the app works under any
//! sub-path, and turns every failure into an [`AppError`].

use gloo_net::http::Request;
use inspection_core::validate;
use inspection_core::{Inspection, Manifest};

use crate::error::AppError;

/// Where the manifest lives, relative to the page.
pub const MANIFEST_URL: &str = "data/index.json";

/// Fetches a text file; `what` names it for the visitor ("the list of inspections").
pub async fn fetch_text(url: &str, what: &str) -> Result<String, AppError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| AppError::Network {
            what: what.to_string(),
            url: url.to_string(),
            detail: e.to_string(),
        })?;
    if !response.ok() {
        return Err(AppError::Http {
            what: what.to_string(),
            url: url.to_string(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    response.text().await.map_err(|e| AppError::Network {
        what: what.to_string(),
        url: url.to_string(),
        detail: e.to_string(),
    })
}

/// Loads and validates `data/index.json`.
pub async fn fetch_manifest() -> Result<Manifest, AppError> {
    let what = "list of inspections";
    let text = fetch_text(MANIFEST_URL, what).await?;
    validate::load_manifest(MANIFEST_URL, &text).map_err(|errors| first_data_error(what, errors))
}

/// Loads and validates one inspection file named by the manifest.
pub async fn fetch_inspection(file: &str) -> Result<Inspection, AppError> {
    let what = "inspection file";
    let url = format!("data/{file}");
    let text = fetch_text(&url, what).await?;
    validate::load_inspection(&url, &text).map_err(|errors| first_data_error(what, errors))
}

fn first_data_error(what: &str, errors: Vec<inspection_core::DataError>) -> AppError {
    let error = errors
        .into_iter()
        .next()
        .expect("loaders only fail with at least one error");
    AppError::Data {
        what: what.to_string(),
        error,
    }
}
