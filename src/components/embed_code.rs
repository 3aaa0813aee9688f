use inspection_core::i18n::T;
use inspection_core::url::UrlState;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::components::view_tabs::view_label;
use crate::i18n::use_lang;
use crate::nav::{use_href, use_url_state};

// Clipboard access is outside this crate's web-sys features; these bindings cover just what
// the Copy button needs. `navigator.clipboard` is missing on insecure pages, and the call
// then throws, which `catch` turns into an `Err` that triggers the fallback.
#[wasm_bindgen]
extern "C" {
    type Promise;
    #[wasm_bindgen(method)]
    fn then(this: &Promise, on_ok: &JsValue, on_err: &JsValue) -> Promise;

    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn clipboard_write_text(text: &str) -> Result<Promise, JsValue>;

    #[wasm_bindgen(js_namespace = document, js_name = execCommand, catch)]
    fn exec_command(command: &str) -> Result<bool, JsValue>;
}

/// Escapes text for an HTML attribute value in double quotes.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// The page address without query or fragment, e.g. `https://example.org/police-inspections/`.
pub fn page_address(url: &str) -> &str {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    &url[..end]
}

/// The snippet a host pastes into its page: a lazily loaded iframe of `state` in embed mode,
/// with a meaningful title, then the host script that sizes it. `page` is the viewer's
/// absolute address without query (see [`page_address`]).
pub fn embed_snippet(page: &str, state: &UrlState, title: &str) -> String {
    let src = format!(
        "{page}{}",
        UrlState {
            embed: true,
            ..state.clone()
        }
        .to_query()
    );
    // embed.js sits beside index.html, so it is the page's directory plus the file name.
    let dir = &page[..page.rfind('/').map_or(page.len(), |i| i + 1)];
    let script = format!("{dir}embed.js");
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"900\" data-inspection-viewer></iframe>\n<script src=\"{}\" defer></script>",
        escape_attr(&src),
        escape_attr(title),
        escape_attr(&script),
    )
}

/// "Embed this view": reveals HTML to paste into another site that shows the current view,
/// filters included, with a Copy button. The result of copying is announced politely.
/// Not shown in embed mode. Place it inside the router.
#[component]
pub fn EmbedCode(
    /// What the embedded viewer shows, e.g. "Gwent Police inspections"; the view name is
    /// added to make the iframe's title.
    #[prop(into)]
    subject: String,
) -> impl IntoView {
    let state = use_url_state();
    let lang = use_lang();
    let embedded = Memo::new(move |_| state.get().embed);
    let snippet = Memo::new(move |_| {
        let s = state.get();
        let url = document().url().unwrap_or_default();
        let title = format!("{subject}: {}", view_label(s.view).get(lang).to_lowercase());
        embed_snippet(page_address(&url), &s, &title)
    });
    let (status, set_status) = signal(String::new());
    // Whether the code is shown: while it is not, a keystroke in the search box neither makes
    // a new snippet nor writes it into the textarea (a layout-affecting write each key).
    let open = RwSignal::new(false);
    // A new snippet makes an earlier "Copied" untrue. Only a change of the code clears it:
    // the disclosure being opened does not, as its toggle event can arrive after a click on
    // Copy (the pre-rendered page hands over an open disclosure and a held click together).
    Effect::new(move |last: Option<Option<String>>| {
        let last = last.flatten();
        let now = (open.try_get() == Some(true))
            .then(|| snippet.try_get())
            .flatten();
        if now.is_some() && last.is_some() && now != last {
            set_status.set(String::new());
        }
        now.or(last)
    });
    let textarea = NodeRef::<html::Textarea>::new();
    let fallback = move || {
        // Select the code so the visitor can copy it; also try the old copy command. The code
        // is written first, in case the textarea is still awaiting the disclosure's toggle.
        if let Some(el) = textarea.get_untracked() {
            let code = snippet.get_untracked();
            if el.value() != code {
                el.set_value(&code);
            }
            el.select();
        }
        let copied = exec_command("copy").unwrap_or(false);
        set_status.set(if copied {
            T::Copied.get(lang).to_string()
        } else {
            T::CodeSelected.get(lang).to_string()
        });
    };
    let copy = move |_| {
        set_status.set(String::new());
        match clipboard_write_text(&snippet.get_untracked()) {
            Ok(promise) => {
                let ok =
                    Closure::once_into_js(move || set_status.set(T::Copied.get(lang).to_string()));
                let err = Closure::once_into_js(fallback);
                promise.then(&ok, &err);
            }
            Err(_) => fallback(),
        }
    };
    let control = move || {
        view! {
            <details class="embed-code" on:toggle=move |ev| {
                let details: web_sys::HtmlDetailsElement = event_target(&ev);
                open.set(details.open());
            }>
                <summary>{T::EmbedThisView.get(lang)}</summary>
                <div class="embed-code__body">
                    <p>{T::EmbedHelp.get(lang)}</p>
                    <label for="embed-code-text">{T::EmbedHtmlLabel.get(lang)}</label>
                    <textarea id="embed-code-text" class="embed-code__text" readonly rows="5"
                        spellcheck="false" node_ref=textarea prop:value=move || if open.try_get() == Some(true) { snippet.get() } else { String::new() }></textarea>
                    <p class="embed-code__actions">
                        <button type="button" class="button" on:click=copy>{T::Copy.get(lang)}</button>
                        <span class="embed-code__status" role="status" aria-live="polite">{move || status.get()}</span>
                    </p>
                </div>
            </details>
        }
    };
    view! { <Show when=move || !embedded.get()>{control}</Show> }
}

/// In embed mode, a small link that opens the same view (embed mode off) in a new tab, for
/// visitors who want more room. Renders nothing otherwise. Place it inside the router.
#[component]
pub fn OpenFullViewer() -> impl IntoView {
    let lang = use_lang();
    let state = use_url_state();
    let href = use_href();
    move || {
        let s = state.get();
        s.embed.then(|| {
            let target = href(&UrlState { embed: false, ..s });
            view! {
                <p class="embed-bar">
                    <a class="embed-bar__link" href=target target="_blank" rel="noopener">
                        {T::OpenFullViewer.get(lang)}
                        <span class="visually-hidden">" " {T::OpensInNewTab.get(lang)}</span>
                    </a>
                </p>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_has_src_title_lazy_and_script() {
        let state = UrlState::from_pairs([("view", "improvements"), ("grade", "good")]);
        let page = page_address("https://example.org/police-inspections/?grade=good#x");
        assert_eq!(page, "https://example.org/police-inspections/");
        let s = embed_snippet(page, &state, "Gwent Police inspections: \"improvements\"");
        assert_eq!(
            s,
            "<iframe src=\"https://example.org/police-inspections/?view=improvements&amp;grade=good&amp;embed=1\" \
             title=\"Gwent Police inspections: &quot;improvements&quot;\" loading=\"lazy\" width=\"100%\" \
             height=\"900\" data-inspection-viewer></iframe>\n\
             <script src=\"https://example.org/police-inspections/embed.js\" defer></script>"
        );
    }

    #[test]
    fn script_sits_beside_index_html() {
        let s = embed_snippet(
            "http://127.0.0.1:8090/index.html",
            &UrlState::default(),
            "t",
        );
        assert!(s.contains("src=\"http://127.0.0.1:8090/index.html?embed=1\""));
        assert!(s.contains("<script src=\"http://127.0.0.1:8090/embed.js\""));
    }
}
