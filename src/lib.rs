//! inspection-viewer: a browser app that shows police inspection reports (HMIC/HMICFRS PEEL)
//! from bundled JSON. `main.rs` only mounts [`App`]; everything lives here so it can be tested.

pub mod api;
pub mod app;
pub mod components;
pub mod embed;
pub mod error;
pub mod i18n;
pub mod nav;
pub mod pages;
pub mod store;

pub use app::App;
pub use error::AppError;
