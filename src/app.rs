//! The root component: router (query-string state only, so any static host works) and page
//! chrome.

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::pages::viewer::ViewerPage;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to main content"</a>
            <header class="site-header">
                <p class="site-title">"Police inspection viewer"</p>
            </header>
            <main id="main" tabindex="-1">
                <ViewerPage />
            </main>
            <footer class="site-footer">
                <p>
                    "Data: HMIC and HMICFRS reports, used under the Open Government Licence. "
                    "Every item names the document it comes from."
                </p>
            </footer>
        </Router>
    }
}
