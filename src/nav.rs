//! URL state: read it reactively, change it by navigating. The URL is the single source of
//! truth for the view, so back/forward and shared links just work.

use std::time::Duration;

use inspection_core::url::{UrlState, MAX_QUERY_CHARS};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The current view state, parsed from the query string, with the search just typed (see
/// [`use_set_search`]).
pub fn use_url_state() -> Memo<UrlState> {
    let query = use_query_map();
    let location = use_location();
    let typed = use_context::<TypedSearch>();
    Memo::new(move |_| {
        let mut state =
            query.with(|map| UrlState::from_pairs(map.into_iter().map(|(k, v)| (k.as_ref(), v))));
        if let Some(TypedSearch(typed)) = typed {
            typed.with(|typed| match typed {
                // Only over the URL it was typed over: any navigation since (Back, a link,
                // another filter) makes the URL the truth again.
                Some((over, q)) if location.search.with(|now| now == over) => {
                    state.q = q.chars().take(MAX_QUERY_CHARS).collect();
                }
                _ => {}
            });
        }
        state
    })
}

/// A search typed but not yet written to the URL: the query string it was typed over, and
/// the text.
#[derive(Clone, Copy)]
struct TypedSearch(RwSignal<Option<(String, String)>>);

/// Makes [`use_set_search`] show a search before writing it to the URL; call once, high in
/// the tree inside the router.
pub fn provide_typed_search() {
    provide_context(TypedSearch(RwSignal::new(None)));
}

/// Returns a function that shows a new search text at once, and writes it to the URL (a
/// replaced history entry, so Back skips each keystroke) just after the next paint. Writing
/// the URL costs a few milliseconds a keystroke in Chromium, far more under load; the results
/// must not wait for it. Keystrokes before the write are written together.
pub fn use_set_search() -> impl Fn(String) + Clone + Send + Sync + 'static {
    let typed = use_context::<TypedSearch>();
    let query = use_query_map();
    let location = use_location();
    let set_state = use_set_state();
    move |q: String| {
        let Some(TypedSearch(typed)) = typed else {
            let mut state = query.with_untracked(|map| {
                UrlState::from_pairs(map.into_iter().map(|(k, v)| (k.as_ref(), v)))
            });
            state.q = q;
            return set_state(state, true);
        };
        let over = location.search.get_untracked();
        let scheduled = typed.with_untracked(Option::is_some);
        typed.set(Some((over, q)));
        if scheduled {
            return;
        }
        let set_state = set_state.clone();
        request_animation_frame(move || {
            set_timeout(
                move || {
                    let Some(Some((over, q))) = typed.try_get_untracked() else {
                        return;
                    };
                    if location.search.with_untracked(|now| *now == over) {
                        let mut state = query.with_untracked(|map| {
                            UrlState::from_pairs(map.into_iter().map(|(k, v)| (k.as_ref(), v)))
                        });
                        state.q = q;
                        set_state(state, true);
                    }
                    typed.set(None);
                },
                Duration::ZERO,
            );
        });
    }
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

/// A signal that holds `f()` and tells its readers only when the value really changes.
///
/// A `Memo` of the URL state does not shield its readers: when the state changes, every
/// reader of every memo downstream is woken to check whether it must run again. A keystroke
/// in the search box changes the state, so a memo of, say, the chosen inspection would wake
/// all 345 `<option>`s of the Inspection list on each key. Here one effect runs `f` instead,
/// and the readers are woken only when its value differs. Reads use `try_` because a view
/// switch can run the effect once more while the view is torn down.
pub fn settled<T>(f: impl Fn() -> Option<T> + 'static) -> ReadSignal<T>
where
    T: PartialEq + Default + Send + Sync + 'static,
{
    let (get, set) = signal(untrack(&f).unwrap_or_default());
    Effect::new(move |_| {
        if let Some(v) = f() {
            if get.try_with_untracked(|old| *old != v) == Some(true) {
                set.set(v);
            }
        }
    });
    get
}
