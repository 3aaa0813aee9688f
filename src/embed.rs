//! Embed mode support: inside an iframe on a council or PCC site the viewer tells the host
//! page its content height whenever it changes (so `embed.js` on the host can size the frame,
//! growing and shrinking), marks the page for the compact embed layout, and applies the
//! validated `accent` colour from the URL as a CSS custom property.
//!
//! The message is `{"type": "inspection-viewer:height", "height": N}` (N in CSS pixels), as
//! documented in README.md, "Embedding".

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::nav::use_url_state;

/// The `type` of the height message.
pub const HEIGHT_MESSAGE_TYPE: &str = "inspection-viewer:height";

/// Class set on `<html>` in embed mode; `style/embed.css` keys the compact layout off it.
pub const EMBED_CLASS: &str = "embedded";

/// The CSS custom property that carries the accent colour.
pub const ACCENT_PROPERTY: &str = "--accent";

// Local bindings for the few browser APIs used here that are outside this crate's web-sys
// features. `DomElement` is any element, seen through just the members used below.
#[wasm_bindgen]
extern "C" {
    type ResizeObserver;
    #[wasm_bindgen(constructor, catch)]
    fn new(callback: &Closure<dyn FnMut()>) -> Result<ResizeObserver, JsValue>;
    #[wasm_bindgen(method)]
    fn observe(this: &ResizeObserver, target: &DomElement);
    #[wasm_bindgen(method)]
    fn disconnect(this: &ResizeObserver);

    type DomElement;
    #[wasm_bindgen(method, js_name = getBoundingClientRect)]
    fn bounding_rect(this: &DomElement) -> Rect;
    #[wasm_bindgen(method, getter, js_name = classList)]
    fn class_tokens(this: &DomElement) -> TokenList;
    #[wasm_bindgen(method, getter, js_name = style)]
    fn inline_style(this: &DomElement) -> CssStyle;

    type Rect;
    #[wasm_bindgen(method, getter)]
    fn height(this: &Rect) -> f64;

    type TokenList;
    #[wasm_bindgen(method)]
    fn toggle(this: &TokenList, token: &str, force: bool) -> bool;

    type CssStyle;
    #[wasm_bindgen(method, js_name = setProperty)]
    fn set_property(this: &CssStyle, name: &str, value: &str);
    #[wasm_bindgen(method, js_name = removeProperty)]
    fn remove_property(this: &CssStyle, name: &str) -> String;

    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &str) -> JsValue;
}

/// The height message as JSON text. Built from a number only, never from page data.
pub fn height_message_json(height: u32) -> String {
    format!(r#"{{"type":"{HEIGHT_MESSAGE_TYPE}","height":{height}}}"#)
}

/// Whole CSS pixels needed to show `height` without clipping (rounded up, never negative).
pub fn whole_pixels(height: f64) -> u32 {
    if height.is_finite() && height > 0.0 {
        height.ceil().min(u32::MAX as f64) as u32
    } else {
        0
    }
}

/// The parent window when this page runs inside a frame, `None` at the top level.
fn parent_window() -> Option<web_sys::Window> {
    let window = window();
    let parent = window.parent().ok().flatten()?;
    let (this, up): (&JsValue, &JsValue) = (window.as_ref(), parent.as_ref());
    (up != this).then_some(parent)
}

/// Marks the page for embed mode and applies the accent, following the URL state; inside a
/// frame it also starts posting the content height. Renders nothing; place it inside the
/// router.
#[component]
pub fn EmbedSupport() -> impl IntoView {
    let state = use_url_state();
    Effect::new(move |_| {
        let s = state.get();
        apply_presentation(s.embed, s.accent.as_deref());
    });
    if let Some(parent) = parent_window() {
        post_height_changes(parent);
    }
}

/// Sets the embed class and the accent property on `<html>`. The accent is already a
/// validated hex colour (see `UrlState`), so it cannot carry other CSS. Setting a property
/// through the CSSOM is allowed under a CSP without 'unsafe-inline'.
fn apply_presentation(embed: bool, accent: Option<&str>) {
    let Some(root) = document().document_element() else {
        return;
    };
    let root: &DomElement = root.unchecked_ref();
    root.class_tokens().toggle(EMBED_CLASS, embed);
    let style = root.inline_style();
    match accent {
        Some(colour) => style.set_property(ACCENT_PROPERTY, colour),
        None => {
            style.remove_property(ACCENT_PROPERTY);
        }
    }
}

/// Observes the document's size and posts its height to `parent` whenever it changes
/// (content opening, closing or filtering; fonts; a narrower frame reflowing the text).
///
/// The target origin is "*" on purpose: the viewer cannot know which site embeds it (any
/// council or PCC page may), and the message holds nothing but a height in pixels, which is
/// no secret. Which pages may frame the viewer at all is controlled by the CSP
/// `frame-ancestors` header (see README); the host script checks the sender's window and
/// origin before it uses the number.
fn post_height_changes(parent: web_sys::Window) {
    let Some(root) = document().document_element() else {
        return;
    };
    let last_sent = StoredValue::new_local(0u32);
    let measured: DomElement = root.clone().unchecked_into();
    let callback = Closure::<dyn FnMut()>::new(move || {
        // The root element's box is the content height: unlike scrollHeight it is not
        // stretched to the frame's own height, so the frame can shrink again.
        let height = whole_pixels(measured.bounding_rect().height());
        if height == 0 || last_sent.get_value() == height {
            return;
        }
        last_sent.set_value(height);
        let message = json_parse(&height_message_json(height));
        if let Err(e) = parent.post_message(&message, "*") {
            web_sys::console::warn_1(&e);
        }
    });
    let Ok(observer) = ResizeObserver::new(&callback) else {
        // No ResizeObserver: the host keeps its fixed height and the frame scrolls.
        return;
    };
    // A ResizeObserver reports each target once when observation starts, so the first
    // height goes out as soon as the app has rendered.
    observer.observe(root.unchecked_ref());
    if let Some(body) = document().body() {
        observer.observe(body.unchecked_ref());
    }
    let held = StoredValue::new_local((observer, callback));
    on_cleanup(move || held.with_value(|(observer, _)| observer.disconnect()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_is_the_documented_json() {
        assert_eq!(
            height_message_json(812),
            r#"{"type":"inspection-viewer:height","height":812}"#
        );
    }

    #[test]
    fn heights_round_up_to_whole_pixels() {
        assert_eq!(whole_pixels(811.2), 812);
        assert_eq!(whole_pixels(812.0), 812);
        assert_eq!(whole_pixels(-3.0), 0);
        assert_eq!(whole_pixels(f64::NAN), 0);
        assert_eq!(whole_pixels(f64::INFINITY), 0);
    }
}
