//! Elements built with a few direct DOM calls, shown as Leptos views.
//!
//! The improvements list rebuilds about ten rows on every keystroke in the search box. Built
//! from `view!`, a row took some 200 calls into the browser and carried 35 comment markers;
//! built here it takes about a third of the calls and has no markers. Markup shared with
//! other views (status and grade tags, source lines, highlighted text) is built by the
//! functions here for both, so each is written once. Data text always goes in as text
//! (`Element.append` of a string makes a text node), never as HTML.

use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{Position, PositionState, Render, RenderHtml};
use send_wrapper::SendWrapper;
use web_sys::Element;

/// An element built by hand, as a view. It is shown as it is; it has no reactive parts of its
/// own (a component that returns one keeps its effects beside it).
pub struct DomView(SendWrapper<Element>);

impl DomView {
    /// Wraps `el` to be returned from a component.
    pub fn new(el: Element) -> Self {
        Self(SendWrapper::new(el))
    }
}

impl Render for DomView {
    type State = Element;

    fn build(self) -> Self::State {
        self.0.take()
    }

    fn rebuild(self, state: &mut Self::State) {
        let new = self.0.take();
        if *state != new {
            let _ = state.replace_with_with_node_1(&new);
            *state = new;
        }
    }
}

leptos::tachys::no_attrs!(DomView);

impl RenderHtml for DomView {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self::AsyncOutput {
        self
    }

    // The app renders only in the browser; server-side HTML is its DOM as the browser wrote it.
    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
        buf.push_str(&self.0.outer_html());
        *position = Position::NextChild;
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        _cursor: &Cursor,
        _position: &PositionState,
    ) -> Self::State {
        self.build()
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}

/// A new `<tag>` with `class` (none when empty).
pub fn el(tag: &str, class: &str) -> Element {
    let el = document()
        .create_element(tag)
        .expect("creating an element with a fixed, valid tag name");
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el
}

/// Appends a new `<tag>` with `class` to `parent` and returns it.
pub fn add(parent: &Element, tag: &str, class: &str) -> Element {
    let child = el(tag, class);
    append(parent, &child);
    child
}

/// Appends `child` to `parent`.
pub fn append(parent: &Element, child: &Element) {
    let _ = parent.append_with_node_1(child);
}

/// Appends `text` to `parent` as a text node.
pub fn text(parent: &Element, text: &str) {
    let _ = parent.append_with_str_1(text);
}

/// Sets attribute `name` to `value`.
pub fn set(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// Sets the `lang` attribute when there is one to set.
pub fn set_lang(el: &Element, lang: Option<&str>) {
    if let Some(lang) = lang {
        set(el, "lang", lang);
    }
}

/// How long work queued with [`when_idle`] may wait for the browser to be idle.
const IDLE_TIMEOUT_MS: u32 = 200;

/// Runs `f` once the browser is idle: after the frame being drawn, once nothing more urgent
/// (input, rendering) waits. Where `requestIdleCallback` is missing (Safari), after a zero
/// timeout.
pub fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let f = Closure::once_into_js(f);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_TIMEOUT_MS);
    let w = window();
    if w.request_idle_callback_with_options(f.unchecked_ref(), &options)
        .is_err()
    {
        let _ = w.set_timeout_with_callback(f.unchecked_ref());
    }
}
