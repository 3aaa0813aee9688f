//! URL state: read it reactively, change it by navigating. The URL is the single source of
//! truth for the view, so back/forward and shared links just work.

use std::time::Duration;

use inspection_core::url::{UrlState, MAX_QUERY_CHARS};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

/// The view state a query string's parameters describe.
fn parse(map: &ParamsMap) -> UrlState {
    UrlState::from_pairs(map.into_iter().map(|(k, v)| (k.as_ref(), v)))
}

/// The current view state, parsed from the query string, with the search just typed (see
/// [`use_set_search`]).
pub fn use_url_state() -> Memo<UrlState> {
    let query = use_query_map();
    let location = use_location();
    let typed = use_context::<TypedSearch>();
    Memo::new(move |_| {
        let mut state = query.with(parse);
        if let Some(TypedSearch { typed, .. }) = typed {
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

/// A search typed but not yet written to the URL: the query string it was typed over and
/// the text, and the timer that will write it.
#[derive(Clone, Copy)]
struct TypedSearch {
    typed: RwSignal<Option<(String, String)>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl TypedSearch {
    /// Stops the pending write, if any.
    fn cancel_timer(&self) {
        if let Some(timer) = self.timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    }
}

/// Whether a search is being typed: from a keystroke in the search box until typing pauses
/// and the search is written to the URL (or a click writes it first).
pub fn use_typing() -> Signal<bool> {
    let search = use_context::<TypedSearch>();
    Signal::derive(move || {
        search.is_some_and(|s| s.typed.try_with(Option::is_some).unwrap_or(false))
    })
}

/// Makes [`use_set_search`] show a search before writing it to the URL; call once, high in
/// the tree inside the router.
pub fn provide_typed_search() {
    let search = TypedSearch {
        typed: RwSignal::new(None),
        timer: StoredValue::new(None),
    };
    provide_context(search);
    // A click may navigate (a link, a checkbox): the search is written first, so the entry
    // the click leaves holds it and Back returns to it. Capture phase, ahead of the router's
    // own click handler. The app's root lives as long as the page, and so does this.
    let write = search_writer(search);
    let on_click = wasm_bindgen::closure::Closure::<dyn Fn()>::new(write);
    let _ = document().add_event_listener_with_callback_and_bool(
        "click",
        wasm_bindgen::JsCast::unchecked_ref(on_click.as_ref()),
        true,
    );
    on_click.forget();
}

/// Writes the pending search (if any) to the URL as a replaced history entry, unless the
/// visitor has navigated since it was typed.
fn search_writer(search: TypedSearch) -> impl Fn() + Clone + Send + Sync + 'static {
    let query = use_query_map();
    let location = use_location();
    let navigate = use_navigate();
    let href = use_href();
    move || {
        search.cancel_timer();
        let Some(Some((over, q))) = search.typed.try_get_untracked() else {
            return;
        };
        if location.search.with_untracked(|now| *now == over) {
            let mut state = query.with_untracked(parse);
            state.q = q;
            navigate(&href(&state), options(true));
        }
        // After the navigation, which updates the URL signals at once: the state memos see
        // the same search throughout.
        search.typed.set(None);
    }
}

/// Returns a function that shows a new search text at once, and writes it to the URL (a
/// replaced history entry, so Back skips each keystroke) once typing pauses for
/// [`URL_WRITE_DELAY`], or before any click. Only the address waits: the results follow
/// every keystroke. Writing the URL (the router, then `history.replaceState`) costs a few
/// milliseconds in Chromium, far more under load, and a write queued just after a paint
/// still delays the next keystroke.
pub fn use_set_search() -> impl Fn(String) + Clone + Send + Sync + 'static {
    let search = use_context::<TypedSearch>();
    let query = use_query_map();
    let location = use_location();
    let set_state = use_set_state();
    let write = search.map(search_writer);
    move |q: String| {
        let (Some(search), Some(write)) = (search, write.clone()) else {
            let mut state = query.with_untracked(parse);
            state.q = q;
            return set_state(state, true);
        };
        search.typed.set(Some((location.search.get_untracked(), q)));
        search.cancel_timer();
        let timer = set_timeout_with_handle(write, URL_WRITE_DELAY).ok();
        search.timer.try_set_value(timer);
    }
}

/// How long typing must pause before the search is written to the URL.
const URL_WRITE_DELAY: Duration = Duration::from_millis(300);

/// In-app navigation: the href is complete, the scroll position stays.
fn options(replace: bool) -> NavigateOptions {
    NavigateOptions {
        resolve: false,
        replace,
        scroll: false,
        ..Default::default()
    }
}

/// Builds the in-app href for a state (path of the page plus canonical query).
pub fn use_href() -> impl Fn(&UrlState) -> String + Clone + Send + Sync + 'static {
    let location = use_location();
    move |state: &UrlState| format!("{}{}", location.pathname.get_untracked(), state.to_query())
}

/// Returns a function that shows `state`: pushes a history entry, or replaces the current one
/// (`replace = true`). A search typed but not yet in the URL is written first, so that Back
/// returns to it.
pub fn use_set_state() -> impl Fn(UrlState, bool) + Clone + Send + Sync + 'static {
    let navigate = use_navigate();
    let href = use_href();
    let write_search = use_context::<TypedSearch>().map(search_writer);
    move |state: UrlState, replace: bool| {
        if let Some(write) = &write_search {
            write();
        }
        navigate(&href(&state), options(replace));
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
    Effect::new(move |_| set_if_changed(get, set, f()));
    get
}

/// [`settled`] for what the visitor does not see while typing (the download buttons, above
/// the results or folded away): while a search is typed, `f` runs when the browser is next
/// idle rather than in the keystroke's frame, once for any number of keystrokes before
/// that. `track` reads what `f` depends on.
pub fn settled_after_typing<T>(
    track: impl Fn() + 'static,
    f: impl Fn() -> Option<T> + 'static,
) -> ReadSignal<T>
where
    T: PartialEq + Default + Send + Sync + 'static,
{
    let typing = use_typing();
    let (get, set) = signal(untrack(&f).unwrap_or_default());
    let update = std::rc::Rc::new(move || set_if_changed(get, set, untrack(&f)));
    let pending = StoredValue::new_local(false);
    Effect::new(move |_| {
        track();
        if !typing.get_untracked() {
            return update();
        }
        if pending.try_get_value() == Some(false) {
            pending.set_value(true);
            let update = update.clone();
            crate::dom::when_idle(move || {
                pending.try_set_value(false);
                update();
            });
        }
    });
    get
}

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(
    get: ReadSignal<T>,
    set: WriteSignal<T>,
    value: Option<T>,
) {
    if let Some(v) = value {
        if get.try_with_untracked(|old| *old != v) == Some(true) {
            set.try_set(v);
        }
    }
}
