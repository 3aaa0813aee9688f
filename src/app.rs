//! The root component: router (query-string state only, so any static host works), the
//! language of the page, and the page chrome.

use inspection_core::i18n::T;
use inspection_core::url::{UrlState, View};
use leptos::context::Provider;
use leptos::prelude::*;
use leptos_router::components::Router;

use crate::components::embed_code::{EmbedCode, OpenFullViewer};
use crate::embed::EmbedSupport;
use crate::nav::{use_href, use_url_state};
use crate::pages::viewer::ViewerPage;
use crate::store::InspectionStore;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Shell />
        </Router>
    }
}

/// Everything inside the router. The tree below is rebuilt when the language changes, so
/// every component reads the language once; loaded files survive in the store.
#[component]
fn Shell() -> impl IntoView {
    InspectionStore::provide();
    crate::i18n::DataLang::provide();
    crate::nav::provide_typed_search();
    let state = use_url_state();
    let lang = Memo::new(move |_| state.get().lang);
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().slug());
        }
    });
    move || {
        let lang = lang.get();
        view! {
            <Provider value=lang>
                <Chrome state />
            </Provider>
        }
    }
}

/// Skip link, header with the language switch, main content and footer.
#[component]
fn Chrome(
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    view! {
        // Embed mode (embed=1) hides the chrome around <main> via style/embed.css.
        <EmbedSupport />
        <a class="skip-link" href="#main">{T::SkipLink.get(lang)}</a>
        <header class="site-header">
            <p class="site-title">{T::SiteTitle.get(lang)}</p>
            <LanguageSwitch state />
        </header>
        // Embedded, <main> is named so it stays distinct from the host page's own <main>.
        <main id="main" tabindex="-1" aria-label=move || state.get().embed.then_some(T::SiteTitle.get(lang))>
            <OpenFullViewer />
            <ViewerPage />
            <EmbedCode subject=T::SiteTitle.get(lang) />
        </main>
        <footer class="site-footer">
            <p>{T::FooterData.get(lang)} " " {T::FooterSources.get(lang)}</p>
            <p><AccessibilityLink state /></p>
        </footer>
    }
}

/// A link to the same view in the other language.
#[component]
fn LanguageSwitch(
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let href = use_href();
    let other = lang.other();
    let target = move || {
        href(&UrlState {
            lang: other,
            ..state.get()
        })
    };
    view! {
        <a class="language-switch" href=target lang=other.slug() hreflang=other.slug()>
            {T::SwitchLanguage.get(lang)}
        </a>
    }
}

/// Footer link to the accessibility statement, keeping the language.
#[component]
fn AccessibilityLink(
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let href = use_href();
    let target = move || {
        href(&UrlState {
            view: View::Accessibility,
            lang: state.get().lang,
            embed: state.get().embed,
            accent: state.get().accent,
            ..UrlState::default()
        })
    };
    view! { <a href=target>{T::A11yLink.get(lang)}</a> }
}
