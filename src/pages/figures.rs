//! The figures view (`view=figures`): an inspection's 'Force in context' figures, the force
//! against England and Wales or its most similar forces, as bars and tables.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use inspection_core::figures::{figure_groups, figures_inspection, FigureGroup};
use inspection_core::i18n::{self, T};
use inspection_core::url::UrlState;
use inspection_core::view::{newest, SourceInfo};
use inspection_core::{Inspection, Manifest, ManifestEntry};
use leptos::prelude::*;

use crate::components::all_inspections::{AllInspections, RenderLoaded};
use crate::components::empty_state::EmptyState;
use crate::components::export::{print_only, ExportPanel};
use crate::components::figure_bars::{FigureBars, FigureTable};
use crate::components::inspection_header::InspectionHeader;
use crate::components::result_count::ResultCount;
use crate::components::source_line::SourceLine;
use crate::i18n::{use_data_lang, use_lang};

/// The figures view.
#[component]
pub fn FiguresView(
    /// The validated manifest.
    manifest: Arc<Manifest>,
    /// Current state from the URL.
    state: Memo<UrlState>,
    /// Pillar/area options for the filter panel: none apply to figures.
    pillars: RwSignal<Vec<(String, String)>>,
) -> impl IntoView {
    pillars.set(Vec::new());
    // Every file, because the default is the newest inspection that has figures.
    let render: RenderLoaded = Arc::new(move |manifest, loaded, _| {
        view! { <FiguresBody manifest loaded state /> }.into_any()
    });
    view! { <AllInspections manifest loading=T::LoadingFigures render /> }
}

/// Picks the inspection (re-rendering only when that choice changes, not on every search
/// keystroke) and shows its figures.
#[component]
fn FiguresBody(
    /// The validated manifest.
    manifest: Arc<Manifest>,
    /// Every loaded inspection, by id.
    loaded: Arc<HashMap<String, Inspection>>,
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = use_lang();
    let chosen = Memo::new({
        let (manifest, loaded) = (manifest.clone(), loaded.clone());
        move |_| figures_inspection(&manifest, &loaded, &state.get()).map(|i| i.id.clone())
    });
    let newest = newest(&manifest).cloned();
    move || {
        let ins = chosen.get().and_then(|id| loaded.get(&id).cloned());
        let entry = ins
            .as_ref()
            .and_then(|i| manifest.inspections.iter().find(|e| e.id == i.id).cloned());
        match (ins, entry) {
            (Some(ins), Some(entry)) => {
                view! { <InspectionFigures ins=Arc::new(ins) entry newest=newest.clone() state /> }
                    .into_any()
            }
            _ => view! { <p class="figures__none">{T::NoFigures.get(lang)}</p> }.into_any(),
        }
    }
}

/// One inspection's figures: header, count and the groups the search lets through.
#[component]
fn InspectionFigures(
    /// The inspection.
    ins: Arc<Inspection>,
    /// Its manifest entry.
    entry: ManifestEntry,
    /// The newest inspection, for the current/superseded notice.
    newest: Option<ManifestEntry>,
    /// Current state from the URL.
    state: Memo<UrlState>,
) -> impl IntoView {
    let lang = use_lang();
    let total = ins.figures.len();
    let groups = Memo::new({
        let ins = ins.clone();
        move |_| figure_groups(&ins, &state.get())
    });
    let shown = move || {
        groups
            .try_with(|g| g.iter().map(|g| g.figures.len()).sum::<usize>())
            .unwrap_or(0)
    };
    let count = Signal::derive(move || i18n::showing(lang, shown(), total, T::UnitFigures));
    let similar = (!ins.most_similar_forces.is_empty()).then(|| {
        let forces: Vec<&str> = ins.most_similar_forces.iter().map(String::as_str).collect();
        let forces_lang = use_data_lang().of_all(&forces);
        view! { <p class="figures__similar">{T::MostSimilarForces.get(lang)} " " <span lang=forces_lang>{forces.join(", ")}</span></p> }
    });
    let body = if total == 0 {
        view! { <p class="figures__none">{T::NoFigures.get(lang)}</p> }.into_any()
    } else {
        let ins = ins.clone();
        view! {
            <ResultCount text=count />
            <Show when=move || { shown() > 0 } fallback=move || view! { <EmptyState state heading=T::NoMatchFigures /> }>
                {
                    let ins = ins.clone();
                    move || groups.get().into_iter().map(|g| view! { <FigureGroupSection group=g ins=ins.clone() /> }).collect_view()
                }
            </Show>
        }
        .into_any()
    };
    view! {
        <InspectionHeader ins=ins.clone() entry newest />
        <h2 class="figures__title">{T::FiguresHeading.get(lang)}</h2>
        <p class="figures__intro">{T::FiguresIntro.get(lang)}</p>
        {similar}
        <ExportPanel downloads=print_only() />
        {body}
    }
}

/// A heading's figures: one bar chart each, then a table of them all and their sources.
#[component]
fn FigureGroupSection(
    /// The group.
    group: FigureGroup,
    /// The inspection, for the sources.
    ins: Arc<Inspection>,
) -> impl IntoView {
    let lang = use_lang();
    let dl = use_data_lang();
    let name = group
        .name
        .clone()
        .unwrap_or_else(|| T::OtherGroup.get(lang).to_string());
    let mut seen = HashSet::new();
    let sources = group
        .figures
        .iter()
        .filter(|f| seen.insert(f.source.clone()))
        .map(|f| view! { <SourceLine source=SourceInfo::of(&ins, &f.source) /> })
        .collect_view();
    let charts = group
        .figures
        .iter()
        .map(|f| {
            view! {
                <li class="figure" data-figure=f.id.clone()>
                    <h4 class="figure__name" lang=dl.of(&f.name)>{f.name.clone()}</h4>
                    <FigureBars figure=f.clone() />
                    <p class="figure__period" lang=dl.of(&f.period)>{f.period.clone()}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="figure-group">
            <h3 class="figure-group__title" lang=dl.of(&name)>{name.clone()}</h3>
            <ul class="figure-list">{charts}</ul>
            <FigureTable caption=name figures=group.figures.clone() />
            {sources}
        </section>
    }
}
