//! URL state: read it reactively, change it by navigating. The URL is the single source of
//! truth for the view, so back/forward and shared links just work.

use inspection_core::url::UrlState;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The current view state, parsed from the query string.
pub fn use_url_state() -> Memo<UrlState> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|map| UrlState::from_pairs(map.into_iter().map(|(k, v)| (k.as_ref(), v))))
    })
}

/// Builds the in-app href for a state (path of the page plus canonical query).
pub fn use_href() -> impl Fn(&UrlState) -> String + Clone + Send + Sync + 'static {
    let location = use_location();
    move |state: &UrlState| format!("{}{}", location.pathname.get_untracked(), state.to_query())
}

/// Returns a function that shows `state`: pushes a history entry, or replaces the current one
/// (`replace = true`, used while typing a search so Back skips each keystroke).
pub fn use_set_state() -> impl Fn(UrlState, bool) + Clone + Send + Sync + 'static {
    let navigate = use_navigate();
    let href = use_href();
    move |state: UrlState, replace: bool| {
        navigate(
            &href(&state),
            NavigateOptions {
                resolve: false,
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    }
}
