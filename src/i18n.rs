//! The interface language in the component tree. The language comes from the URL (`lang=`);
//! the tree is rebuilt when it changes, so components read it once, as a plain value. Also
//! which data text is Welsh, so that the rest can be marked as English.

use std::collections::HashMap;
use std::sync::Arc;

use inspection_core::i18n::Lang;
use inspection_core::welsh::{localize, localize_manifest};
use inspection_core::{Inspection, Manifest, Welsh};
use leptos::prelude::*;
use serde_json::{Map, Value};

/// The page's language, provided at the top of the tree.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The data as this page shows it, and the language to mark each data text with: the data's
/// Welsh texts (every `cy` table loaded so far) on Welsh pages, English everywhere else.
#[derive(Clone, Copy)]
pub struct DataLang {
    lang: Lang,
    welsh: Option<StoredValue<Map<String, Value>>>,
}

/// The Welsh texts seen so far, as the keys of a JSON map (whose code the bundle has anyway);
/// provided once, above the language switch.
#[derive(Clone, Copy)]
struct WelshTexts(StoredValue<Map<String, Value>>);

impl DataLang {
    /// Provides the (empty) set of Welsh texts; call once at the top of the app.
    pub fn provide() {
        provide_context(WelshTexts(StoredValue::new(Map::new())));
    }

    /// The `lang` attribute for data text shown on this page.
    pub fn of(&self, text: &str) -> Option<&'static str> {
        self.of_all(&[text])
    }

    /// The `lang` attribute for text made of several data texts: English if any of them is.
    pub fn of_all(&self, texts: &[&str]) -> Option<&'static str> {
        let welsh = self.lang == Lang::Cy
            && self.welsh.is_some_and(|w| {
                w.try_with_value(|set| texts.iter().all(|t| set.contains_key(*t)))
                    .unwrap_or(false)
            });
        self.lang.data_lang_of(welsh)
    }

    fn register(&self, cy: &Welsh) {
        if let Some(w) = self.welsh {
            w.update_value(|set| {
                for (_, text) in cy.iter() {
                    set.insert(text.to_string(), Value::Null);
                }
            });
        }
    }

    /// `ins` as this page shows it: in Welsh where its table has Welsh and the page is Welsh
    /// (the same `Arc` where nothing changes).
    pub fn show(&self, ins: &Arc<Inspection>) -> Arc<Inspection> {
        if self.lang != Lang::Cy || ins.cy.is_empty() {
            return ins.clone();
        }
        self.register(&ins.cy);
        let mut shown = (**ins).clone();
        localize(&mut shown);
        Arc::new(shown)
    }

    /// Inspections by id as this page shows them (the same `Arc` where nothing changes).
    pub fn show_all(
        &self,
        loaded: &Arc<HashMap<String, Inspection>>,
    ) -> Arc<HashMap<String, Inspection>> {
        if self.lang != Lang::Cy || loaded.values().all(|i| i.cy.is_empty()) {
            return loaded.clone();
        }
        let shown = loaded
            .iter()
            .map(|(id, ins)| {
                self.register(&ins.cy);
                let mut ins = ins.clone();
                localize(&mut ins);
                (id.clone(), ins)
            })
            .collect();
        Arc::new(shown)
    }

    /// The manifest as this page shows it.
    pub fn show_manifest(&self, mut manifest: Manifest) -> Manifest {
        if self.lang == Lang::Cy {
            self.register(&manifest.cy);
            localize_manifest(&mut manifest);
        }
        manifest
    }
}

/// The page's [`DataLang`].
pub fn use_data_lang() -> DataLang {
    DataLang {
        lang: use_lang(),
        welsh: use_context::<WelshTexts>().map(|w| w.0),
    }
}
