//! Download and print controls. Files are generated in the browser from the data already
//! loaded (no server): a Blob, an object URL and a temporary `<a download>`.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use inspection_core::export::{
    file_name, grades_csv, grades_json, improvements_csv, improvements_json, to_json,
};
use inspection_core::i18n::{self, format_date, T};
use inspection_core::url::UrlState;
use inspection_core::view::{grade_cards, inspection_ids, newest_first, ImprovementRow};
use inspection_core::{Inspection, Manifest};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::use_lang;
use crate::nav::{settled, settled_after_typing};

const CSV_TYPE: &str = "text/csv;charset=utf-8";
const JSON_TYPE: &str = "application/json;charset=utf-8";

/// One download button: its label and how to make the file when it is pressed (not before,
/// so filtering never pays for building files nobody asked for).
#[derive(Clone)]
pub struct Download {
    pub label: String,
    pub file_name: String,
    pub mime: &'static str,
    pub make: Arc<dyn Fn() -> String + Send + Sync>,
    /// Whether the button is hidden for now, read reactively: a change of filters then only
    /// shows or hides buttons, and the list of downloads is not made again.
    pub hidden: Option<Hidden>,
}

/// See [`Download::hidden`].
pub type Hidden = Arc<dyn Fn() -> bool + Send + Sync>;

/// Saves `text` as a file named `name`. Errors are logged: the page has nothing better to do.
pub fn save(name: &str, mime: &str, text: &str) {
    if let Err(e) = try_save(name, mime, text) {
        web_sys::console::error_2(&"download failed:".into(), &e);
    }
}

fn try_save(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoked later, not at once: the browser may still be reading the blob.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(60),
    );
    Ok(())
}

/// The downloads a view offers, recomputed (reading the URL state) whenever it changes.
///
/// A plain function rather than a derived signal on purpose: a signal created inside a view
/// is disposed with it, and a render effect already scheduled by the same URL change would
/// then read a disposed signal and panic while the view is being replaced.
pub type Downloads = Arc<dyn Fn() -> Vec<Download> + Send + Sync>;

/// Download buttons, a print button, and (in print only) the address of the view.
#[component]
pub fn ExportPanel(
    /// The downloads this view offers; none for print only.
    downloads: Downloads,
) -> impl IntoView {
    let lang = use_lang();
    let panel = move || {
        let list = downloads();
        let note = (!list.is_empty())
            .then(|| view! { <p class="export__note">{T::ExportNote.get(lang)}</p> });
        // One JSON file per inspection: beyond a force's handful they go in a disclosure, so
        // hundreds of buttons never stand between the filters and the results.
        let (each, always): (Vec<_>, Vec<_>) = list.into_iter().partition(|d| d.hidden.is_some());
        let each = if each.len() > MAX_INLINE {
            let shown: Vec<Hidden> = each.iter().filter_map(|d| d.hidden.clone()).collect();
            let count = move || shown.iter().filter(|h| !h()).count();
            view! {
                <details class="export__each">
                    <summary>{T::JsonEachInspection.get(lang)} " (" {move || i18n::format_number(lang, count())} ")"</summary>
                    <div class="export__buttons">{buttons(each)}</div>
                </details>
            }
            .into_any()
        } else {
            buttons(each).into_any()
        };
        view! {
            <div class="export__buttons">
                {buttons(always)}
                {each}
                <button type="button" class="button export__button" on:click=move |_| { let _ = window().print(); }>
                    {T::PrintView.get(lang)}
                </button>
            </div>
            {note}
        }
    };
    view! {
        <div class="export no-print" role="group" aria-label=T::ExportHeading.get(lang)>{panel}</div>
        <PrintMeta />
    }
}

/// At most this many per-inspection downloads are shown as buttons; more are put in a
/// disclosure.
pub const MAX_INLINE: usize = 8;

/// A button for each download.
fn buttons(list: Vec<Download>) -> impl IntoView {
    list.into_iter()
        .map(|d| {
            let on_click = move |_| save(&d.file_name, d.mime, &(d.make)());
            let hidden = d.hidden.map(|h| move || h());
            view! { <button type="button" class="button export__button" hidden=hidden on:click=on_click>{d.label.clone()}</button> }
        })
        .collect_view()
}

/// No downloads: the print button and address line only.
pub fn print_only() -> Downloads {
    Arc::new(Vec::new)
}

/// Printed at the foot of a view: where it came from and when, so a paper copy can be traced
/// and re-opened.
#[component]
pub fn PrintMeta() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let href = move || {
        // Tracked so the address follows every filter change.
        location.search.track();
        location.pathname.track();
        window().location().href().unwrap_or_default()
    };
    let today = {
        let d = js_sys::Date::new_0();
        let date = format!(
            "{:04}-{:02}-{:02}",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date()
        );
        format_date(lang, &date)
    };
    view! {
        <p class="print-meta">
            {T::PrintedFrom.get(lang)} " " <span class="print-meta__url">{href}</span> ", "
            <span class="print-meta__date">{today}</span>
        </p>
    }
}

/// Download buttons of the grades view: the cards shown, as CSV (the text as shown) and as an
/// inspection file (the data as loaded, Welsh table and all).
#[component]
pub fn GradesExport(
    /// The inspection as the page shows it.
    ins: Arc<Inspection>,
    /// The inspection as loaded.
    original: Arc<Inspection>,
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = use_lang();
    let name = |ext: &str| file_name(&ins.force, "grades", Some(&ins.period), ext);
    let csv_ins = ins.clone();
    let json_ins = ins.clone();
    let json_original = original;
    let graded = !ins.judgments.is_empty();
    let downloads = vec![
        Download {
            label: T::DownloadCsv.get(lang).to_string(),
            file_name: name("csv"),
            mime: CSV_TYPE,
            make: Arc::new(move || {
                grades_csv(&csv_ins, &grade_cards(&csv_ins, &state.get_untracked()).0)
            }),
            hidden: None,
        },
        Download {
            label: T::DownloadJson.get(lang).to_string(),
            file_name: name("json"),
            mime: JSON_TYPE,
            make: Arc::new(move || {
                to_json(&grades_json(
                    &json_original,
                    &grade_cards(&json_ins, &state.get_untracked()).0,
                ))
            }),
            hidden: None,
        },
    ]
    .into_iter()
    // An ungraded inspection has no grades for a CSV; its JSON still holds its findings.
    .filter(|d| graded || d.mime == JSON_TYPE)
    .collect::<Vec<_>>();
    view! { <ExportPanel downloads=Arc::new(move || downloads.clone()) /> }
}

/// Download buttons of the improvements view: the rows shown as one CSV, and as one
/// inspection file per inspection they come from (the published schema is one file each).
#[component]
pub fn ImprovementsExport(
    /// The manifest, for inspection order and the force's id.
    manifest: Arc<Manifest>,
    /// Every loaded inspection, by id, as loaded.
    loaded: Arc<HashMap<String, Inspection>>,
    /// The rows the filters let through.
    shown: Memo<Vec<Arc<ImprovementRow>>>,
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = use_lang();
    let force = manifest
        .forces
        .first()
        .map_or_else(|| "police".to_string(), |f| f.id.clone());
    // The inspections with a JSON button (newest first), and which of them the shown rows
    // come from: a button is hidden while none of its inspection's rows is shown. Most
    // keystrokes in the search box change neither this nor the chosen inspection, so no
    // button is touched. Reads use `try_` because a view switch can run these once more
    // while the view is torn down.
    let order: Arc<Vec<String>> = Arc::new(
        newest_first(&manifest)
            .into_iter()
            .filter(|e| loaded.get(&e.id).is_some())
            .map(|e| e.id.clone())
            .collect(),
    );
    // Settled rather than memos, so a keystroke does not wake all 345 buttons to check; and
    // while a search is typed, brought up to date when the browser is idle.
    let shown_in = {
        let order = order.clone();
        let track = move || {
            shown.try_with(|_| ());
        };
        settled_after_typing(track, move || {
            shown.try_with_untracked(|s| {
                let ids: HashSet<&str> = inspection_ids(s).into_iter().collect();
                order
                    .iter()
                    .map(|id| ids.contains(id.as_str()))
                    .collect::<Vec<_>>()
            })
        })
    };
    // Several forces' inspections can share a period: the title then tells them apart.
    let periods_repeat = {
        let mut seen = HashSet::new();
        !order
            .iter()
            .filter_map(|id| loaded.get(id))
            .all(|i| seen.insert(i.period.as_str()))
    };
    let chosen = settled(move || state.try_with(|s| s.inspection.clone()));
    let downloads: Downloads = Arc::new(move || {
        let chosen = chosen.try_get().flatten();
        let period = chosen
            .as_deref()
            .and_then(|id| loaded.get(id))
            .map(|i| i.period.clone());
        // Each file is made from the rows shown at the moment of the click, not of this render.
        let shown_now = move || shown.try_get_untracked().unwrap_or_default();
        let mut out = vec![Download {
            label: T::DownloadCsv.get(lang).to_string(),
            file_name: file_name(&force, "improvements", period.as_deref(), "csv"),
            mime: CSV_TYPE,
            make: Arc::new(move || improvements_csv(shown_now().iter().map(|r| &**r))),
            hidden: None,
        }];
        let several = chosen.is_none();
        for (at, id) in order.iter().enumerate() {
            let Some(ins) = loaded.get(id) else {
                continue;
            };
            // With one inspection chosen, no other inspection's rows can be shown.
            if chosen.as_ref().is_some_and(|c| *c != ins.id) {
                continue;
            }
            let label = if several && periods_repeat {
                format!("{} ({})", T::DownloadJson.get(lang), ins.title)
            } else if several {
                format!("{} ({})", T::DownloadJson.get(lang), ins.period)
            } else {
                T::DownloadJson.get(lang).to_string()
            };
            let (loaded, id) = (loaded.clone(), ins.id.clone());
            out.push(Download {
                label,
                file_name: file_name(&force, "improvements", Some(&ins.period), "json"),
                mime: JSON_TYPE,
                make: Arc::new(move || {
                    to_json(&improvements_json(
                        &loaded[&id],
                        shown_now().iter().map(|r| &**r),
                    ))
                }),
                hidden: Some(Arc::new(move || {
                    !shown_in
                        .try_with(|s| s.get(at).copied())
                        .flatten()
                        .unwrap_or(false)
                })),
            });
        }
        out
    });
    view! { <ExportPanel downloads /> }
}
