//! The interface language in the component tree. The language comes from the URL (`lang=`);
//! the tree is rebuilt when it changes, so components read it once, as a plain value.

use inspection_core::i18n::Lang;
use leptos::prelude::*;

/// The page's language, provided at the top of the tree.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
