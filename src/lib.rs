//! inspection-viewer: a browser app that shows police inspection reports (HMIC/HMICFRS PEEL)
//! from bundled JSON. `main.rs` only mounts [`App`]; everything lives here so it can be tested.

pub mod api;
pub mod app;
pub mod components;
pub mod dom;
pub mod embed;
pub mod error;
pub mod i18n;
pub mod nav;
pub mod pages;
pub mod store;

pub use app::App;
pub use error::AppError;

use wasm_bindgen::JsCast;

/// Mounts [`App`]. A pre-rendered first view (`scripts/static-view.js`) hands over a detached
/// element to draw into, and swaps it in for its HTML once the app has drawn; otherwise the app
/// draws into `<body>`.
pub fn start() {
    let target = js_sys::Reflect::get(&leptos::prelude::window(), &"__ivMountInto".into())
        .ok()
        .and_then(|v| v.dyn_into::<web_sys::HtmlElement>().ok());
    match target {
        Some(element) => leptos::mount::mount_to(element, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
}
