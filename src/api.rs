//! Data loading: fetches the bundled JSON with relative URLs, so the app works under any
//! sub-path, and turns every failure into an [`AppError`].

use gloo_net::http::Request;
use inspection_core::validate;
use inspection_core::{Inspection, Manifest};
use wasm_bindgen::JsCast;

use crate::error::{AppError, What};

/// Where the manifest lives, relative to the page.
pub const MANIFEST_URL: &str = "data/index.json";

/// How long one file may take, headers and body together, before the visitor is told.
pub const TIMEOUT_SECONDS: u32 = 8;

/// Fetches a text file; `what` names it for the visitor. Gives up after
/// [`TIMEOUT_SECONDS`], so a stalled server never leaves a spinner forever.
pub async fn fetch_text(url: &str, what: What) -> Result<String, AppError> {
    let bytes = match prefetched(url) {
        Some(bytes) => bytes,
        None => fetch_bytes(url, what).await?,
    };
    // Decoded here rather than by the browser, which would silently drop a byte-order mark and
    // turn invalid UTF-8 into U+FFFD: the visitor gets the same message as the `check` command.
    String::from_utf8(bytes).map_err(|e| AppError::Data {
        what,
        error: inspection_core::DataError::new(
            url,
            "",
            format!("not valid UTF-8 ({e}); expected UTF-8 JSON"),
        ),
    })
}

/// A file the pre-rendered first view already fetched and checked (`scripts/static-view.js`),
/// taken once: a retry fetches afresh.
fn prefetched(url: &str) -> Option<Vec<u8>> {
    let map: js_sys::Map =
        js_sys::Reflect::get(&leptos::prelude::window(), &"__ivPrefetched".into())
            .ok()?
            .dyn_into()
            .ok()?;
    let key = wasm_bindgen::JsValue::from_str(url);
    let bytes = map.get(&key).dyn_into::<js_sys::Uint8Array>().ok()?;
    map.delete(&key);
    Some(bytes.to_vec())
}

async fn fetch_bytes(url: &str, what: What) -> Result<Vec<u8>, AppError> {
    let signal = web_sys::AbortSignal::timeout_with_u32(TIMEOUT_SECONDS * 1000);
    let failed = |e: gloo_net::Error| match &e {
        gloo_net::Error::JsError(js) if js.name == "TimeoutError" || js.name == "AbortError" => {
            AppError::Timeout {
                what,
                url: url.to_string(),
                seconds: TIMEOUT_SECONDS,
            }
        }
        _ => AppError::Network {
            what,
            url: url.to_string(),
            detail: e.to_string(),
        },
    };
    let response = Request::get(url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(failed)?;
    if !response.ok() {
        return Err(AppError::Http {
            what,
            url: url.to_string(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    response.binary().await.map_err(failed)
}

/// Loads and validates `data/index.json`.
pub async fn fetch_manifest() -> Result<Manifest, AppError> {
    let what = What::Manifest;
    let text = fetch_text(MANIFEST_URL, what).await?;
    validate::load_manifest(MANIFEST_URL, &text).map_err(|errors| first_data_error(what, errors))
}

/// Loads and validates one inspection file named by the manifest.
pub async fn fetch_inspection(file: &str) -> Result<Inspection, AppError> {
    let what = What::Inspection;
    let url = format!("data/{file}");
    let text = fetch_text(&url, what).await?;
    validate::load_inspection(&url, &text).map_err(|errors| first_data_error(what, errors))
}

fn first_data_error(what: What, errors: Vec<inspection_core::DataError>) -> AppError {
    let error = errors
        .into_iter()
        .next()
        .expect("loaders only fail with at least one error");
    AppError::Data { what, error }
}
