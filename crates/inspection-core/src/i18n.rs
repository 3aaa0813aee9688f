//! Every interface string in English and Welsh (Cymraeg). The table is checked at compile
//! time: an entry without both languages does not build. Data text (from the sources) is not
//! here; it is shown as written and marked `lang="en"` on Welsh pages.
//!
//! Welsh wording follows the Welsh Government's and Welsh police forces' published usage where
//! known; grade labels are listed in `WELSH_GRADE_NOTE`.

use crate::grade::Grade;
pub use crate::vocab::Lang;
use crate::vocab::{AfiStatus, RowKind, View};

macro_rules! texts {
    ($($key:ident { en: $en:expr, cy: $cy:expr $(,)? })*) => {
        /// A key into the string table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum T { $($key),* }

        impl T {
            pub const ALL: &'static [T] = &[$(T::$key),*];

            pub fn en(self) -> &'static str {
                match self { $(T::$key => $en),* }
            }

            pub fn cy(self) -> &'static str {
                match self { $(T::$key => $cy),* }
            }

            pub fn get(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => self.en(),
                    Lang::Cy => self.cy(),
                }
            }
        }
    };
}

texts! {
    SkipLink { en: "Skip to main content", cy: "Neidio i’r prif gynnwys" }
    SiteTitle { en: "Police inspection viewer", cy: "Gwyliwr arolygiadau’r heddlu" }
    FooterData { en: "Data: HMIC and HMICFRS reports, used under the Open Government Licence.", cy: "Data: adroddiadau HMIC a HMICFRS, a ddefnyddir o dan y Drwydded Llywodraeth Agored." }
    FooterSources { en: "Every item names the document it comes from.", cy: "Mae pob eitem yn enwi’r ddogfen y daw ohoni." }
    PoliceInspections { en: "Police inspections", cy: "Arolygiadau’r heddlu" }
    InspectionsWord { en: "inspections", cy: "Arolygiadau" }
    LoadingInspections { en: "Loading inspections…", cy: "Wrthi’n llwytho arolygiadau…" }
    LoadingInspection { en: "Loading the inspection…", cy: "Wrthi’n llwytho’r arolygiad…" }
    LoadingImprovements { en: "Loading areas for improvement…", cy: "Wrthi’n llwytho meysydd i’w gwella…" }
    SomethingWrong { en: "Something went wrong", cy: "Aeth rhywbeth o’i le" }
    Retry { en: "Retry", cy: "Rhoi cynnig arall arni" }
    WhatManifest { en: "the list of inspections", cy: "y rhestr o arolygiadau" }
    WhatInspection { en: "the inspection file", cy: "ffeil yr arolygiad" }
    ErrCouldNotLoad { en: "Could not load", cy: "Methu llwytho" }
    ErrServerAnswered { en: "the server answered", cy: "atebodd y gweinydd" }
    ErrCouldNotReach { en: "Could not reach the server to load", cy: "Methu cyrraedd y gweinydd i lwytho" }
    ErrCheckConnection { en: "Check your connection, then try again.", cy: "Gwiriwch eich cysylltiad, yna rhowch gynnig arall arni." }
    ErrTimedOut { en: "Loading took too long and was stopped:", cy: "Roedd y llwytho’n cymryd gormod o amser a chafodd ei atal:" }
    ErrNotValid { en: "This data is not valid:", cy: "Nid yw’r data hwn yn ddilys:" }
    ErrTechnical { en: "Technical detail", cy: "Manylion technegol" }
    CouldNotShow { en: "could not be shown", cy: "– nid oedd modd ei ddangos" }
    NoInspections { en: "There are no inspections in the data.", cy: "Nid oes arolygiadau yn y data." }
    Views { en: "Views", cy: "Golygon" }
    ViewGrades { en: "Grades", cy: "Graddau" }
    ViewImprovements { en: "Improvements", cy: "Gwelliannau" }
    Filter { en: "Filter", cy: "Hidlo" }
    Inspection { en: "Inspection", cy: "Arolygiad" }
    AllInspections { en: "All inspections", cy: "Pob arolygiad" }
    NewestInspection { en: "Newest inspection", cy: "Yr arolygiad diweddaraf" }
    NewestWithFigures { en: "Newest inspection with figures", cy: "Yr arolygiad diweddaraf â ffigurau" }
    PillarOrArea { en: "Pillar or area", cy: "Colofn neu faes" }
    AllPillars { en: "All pillars and areas", cy: "Pob colofn a maes" }
    Grade { en: "Grade", cy: "Gradd" }
    Status { en: "Status", cy: "Statws" }
    Search { en: "Search", cy: "Chwilio" }
    SelectedFilters { en: "Selected filters", cy: "Hidlwyr a ddewiswyd" }
    RemoveFilter { en: "Remove filter:", cy: "Tynnu’r hidlydd:" }
    ClearFilters { en: "Clear filters", cy: "Clirio’r hidlwyr" }
    Showing { en: "Showing", cy: "Yn dangos" }
    Of { en: "of", cy: "o" }
    UnitPillars { en: "pillars", cy: "colofn" }
    UnitAreas { en: "areas", cy: "maes" }
    UnitImprovements { en: "areas for improvement and recommendations", cy: "maes i’w wella ac argymhelliad" }
    NoMatchGrades { en: "No grades match these filters", cy: "Nid oes graddau’n cyfateb i’r hidlwyr hyn" }
    NoMatchImprovements { en: "No areas for improvement match these filters", cy: "Nid oes meysydd i’w gwella’n cyfateb i’r hidlwyr hyn" }
    TryFewer { en: "Try fewer filters or another search.", cy: "Rhowch gynnig ar lai o hidlwyr neu chwiliad arall." }
    Period { en: "Period:", cy: "Cyfnod:" }
    Current { en: "Current", cy: "Cyfredol" }
    CurrentRest { en: "— the newest inspection in this viewer.", cy: "— yr arolygiad diweddaraf yn y gwyliwr hwn." }
    Superseded { en: "Superseded", cy: "Wedi’i ddisodli" }
    SupersededBy { en: "by", cy: "gan" }
    NotCurrentGrades { en: "These are not the current grades.", cy: "Nid y rhain yw’r graddau cyfredol." }
    SeeNewest { en: "See the newest inspection", cy: "Gweld yr arolygiad diweddaraf" }
    Published { en: "Published", cy: "Cyhoeddwyd" }
    Sources { en: "Sources", cy: "Ffynonellau" }
    NotesOnSources { en: "Notes on the sources", cy: "Nodiadau ar y ffynonellau" }
    Source { en: "Source:", cy: "Ffynhonnell:" }
    NoAfisInSources { en: "No areas for improvement in the bundled sources", cy: "Dim meysydd i’w gwella yn y ffynonellau sydd wedi’u cynnwys" }
    AfiOne { en: "area for improvement", cy: "maes i’w wella" }
    AfiMany { en: "areas for improvement", cy: "maes i’w gwella" }
    CauseOne { en: "cause of concern", cy: "achos pryder" }
    CauseMany { en: "causes of concern", cy: "achos pryder" }
    EarlierOne { en: "earlier item followed up", cy: "eitem gynharach a ddilynwyd" }
    EarlierMany { en: "earlier items followed up", cy: "eitem gynharach a ddilynwyd" }
    FindingOne { en: "key finding", cy: "canfyddiad allweddol" }
    FindingMany { en: "key findings", cy: "canfyddiad allweddol" }
    ShowDetails { en: "Show details:", cy: "Dangos manylion:" }
    LastInspected { en: "Last inspected:", cy: "Arolygwyd ddiwethaf:" }
    CarriedOver { en: "Carried over", cy: "Wedi’i gario drosodd" }
    CarriedFrom { en: "from the", cy: "o’r" }
    NotReinspected { en: "— not re-inspected in this inspection.", cy: "— heb ei ail-arolygu yn yr arolygiad hwn." }
    GradeNotStated { en: "Grade not stated in source", cy: "Dim gradd yn y ffynhonnell" }
    AreasForImprovement { en: "Areas for improvement", cy: "Meysydd i’w gwella" }
    NoneListedHere { en: "The bundled sources list no areas for improvement here.", cy: "Nid yw’r ffynonellau sydd wedi’u cynnwys yn rhestru meysydd i’w gwella yma." }
    CausesOfConcern { en: "Causes of concern", cy: "Achosion pryder" }
    EarlierItems { en: "Earlier areas for improvement and recommendations", cy: "Meysydd i’w gwella ac argymhellion cynharach" }
    KeyFindings { en: "Key findings", cy: "Canfyddiadau allweddol" }
    FromLabel { en: "From:", cy: "O:" }
    Area { en: "Area", cy: "Maes" }
    History { en: "History", cy: "Hanes" }
    FollowedUpIn { en: "Followed up in", cy: "Dilynwyd yn" }
    CarriedForwardIn { en: "Carried forward as a new area for improvement in", cy: "Wedi’i gario ymlaen fel maes newydd i’w wella yn" }
    ContinuesEarlier { en: "Continues an earlier item", cy: "Yn parhau eitem gynharach" }
    ShowMore { en: "Show more", cy: "Dangos rhagor" }
    NotShown { en: "not shown", cy: "heb eu dangos" }
    Findings { en: "Findings", cy: "Canfyddiadau" }
    NoGradesGiven { en: "This inspection gave no grades. These are its findings, as written.", cy: "Ni roddodd yr arolygiad hwn raddau. Dyma ei ganfyddiadau, fel y’u hysgrifennwyd." }
    Figures { en: "Figures", cy: "Ffigurau" }
    // Grade history, force-in-context figures, export and print.
    ViewHistory { en: "Grade history", cy: "Hanes graddau" }
    ViewFigures { en: "Force in context", cy: "Yr heddlu mewn cyd-destun" }
    HistoryHeading { en: "Grades across inspections", cy: "Graddau ar draws arolygiadau" }
    HistoryIntro { en: "Each row follows one assessed area across inspections, oldest on the left. Select a grade to open that inspection’s card.", cy: "Mae pob rhes yn dilyn un maes a aseswyd ar draws arolygiadau, gyda’r hynaf ar y chwith. Dewiswch radd i agor cerdyn yr arolygiad hwnnw." }
    HistoryChartTitle { en: "Chart of grades by area and inspection", cy: "Siart o raddau fesul maes ac arolygiad" }
    HistoryChartDesc { en: "The table below holds the same grades.", cy: "Mae’r tabl isod yn cynnwys yr un graddau." }
    HistoryTableCaption { en: "Grades by area and inspection", cy: "Graddau fesul maes ac arolygiad" }
    FrameworkChanged { en: "Framework changed", cy: "Newidiodd y fframwaith" }
    NotComparable { en: "not directly comparable", cy: "ddim yn uniongyrchol gymaradwy" }
    NotComparableLong { en: "Framework changed: not directly comparable with the previous grade", cy: "Newidiodd y fframwaith: ddim yn uniongyrchol gymaradwy â’r radd flaenorol" }
    NotStatedShort { en: "Not stated", cy: "Heb ei nodi" }
    NotAssessed { en: "Not in this inspection", cy: "Ddim yn yr arolygiad hwn" }
    CarriedOverFrom { en: "carried over from", cy: "wedi’i gario drosodd o" }
    OpenCard { en: "Open the card:", cy: "Agor y cerdyn:" }
    LoadingHistory { en: "Loading grade history…", cy: "Wrthi’n llwytho hanes graddau…" }
    NoMatchHistory { en: "No areas match these filters", cy: "Nid oes meysydd yn cyfateb i’r hidlwyr hyn" }
    NoLineages { en: "The data follows no areas across inspections.", cy: "Nid yw’r data’n dilyn unrhyw feysydd ar draws arolygiadau." }
    FiguresHeading { en: "Force in context", cy: "Yr heddlu mewn cyd-destun" }
    FiguresIntro { en: "The force’s figures against England and Wales or its most similar forces, as the report gives them.", cy: "Ffigurau’r heddlu o’u cymharu â Chymru a Lloegr neu’r heddluoedd mwyaf tebyg, fel y mae’r adroddiad yn eu rhoi." }
    LoadingFigures { en: "Loading figures…", cy: "Wrthi’n llwytho ffigurau…" }
    NoFigures { en: "This inspection has no ‘Force in context’ figures in the data.", cy: "Nid oes gan yr arolygiad hwn ffigurau ‘Yr heddlu mewn cyd-destun’ yn y data." }
    NoMatchFigures { en: "No figures match these filters", cy: "Nid oes ffigurau’n cyfateb i’r hidlwyr hyn" }
    UnitFigures { en: "figures", cy: "ffigur" }
    Compared { en: "Compared with", cy: "O’i gymharu â" }
    MostSimilarForces { en: "Most similar forces:", cy: "Heddluoedd mwyaf tebyg:" }
    SuffixPer1000 { en: "per 1,000", cy: "fesul 1,000" }
    SuffixFte { en: "FTE", cy: "CALl" }
    SuffixTimes { en: "times", cy: "gwaith" }
    OtherGroup { en: "Other figures", cy: "Ffigurau eraill" }
    ExportHeading { en: "Download or print this view", cy: "Lawrlwytho neu argraffu’r golwg hon" }
    ExportNote { en: "Downloads hold the items shown with the current filters: CSV for spreadsheets, JSON in the published data format.", cy: "Mae’r ffeiliau’n cynnwys yr eitemau a ddangosir gyda’r hidlwyr presennol: CSV ar gyfer taenlenni, JSON yn y fformat data cyhoeddedig." }
    DownloadCsv { en: "Download CSV", cy: "Lawrlwytho CSV" }
    DownloadJson { en: "Download JSON", cy: "Lawrlwytho JSON" }
    JsonEachInspection { en: "JSON for each inspection", cy: "JSON ar gyfer pob arolygiad" }
    PrintView { en: "Print this view", cy: "Argraffu’r golwg hon" }
    PrintedFrom { en: "Printed from:", cy: "Argraffwyd o:" }
    Measure { en: "Measure", cy: "Mesur" }
    Value { en: "Value", cy: "Gwerth" }
    PeriodColumn { en: "Period", cy: "Cyfnod" }
    Language { en: "Language", cy: "Iaith" }
    GradeOutstanding { en: "Outstanding", cy: "Rhagorol" }
    GradeGood { en: "Good", cy: "Da" }
    GradeAdequate { en: "Adequate", cy: "Digonol" }
    GradeRequiresImprovement { en: "Requires improvement", cy: "Angen gwella" }
    GradeInadequate { en: "Inadequate", cy: "Annigonol" }
    GradeUngraded { en: "Ungraded", cy: "Heb ei raddio" }
    StatusOpen { en: "Open", cy: "Agored" }
    StatusMet { en: "Met", cy: "Wedi’i fodloni" }
    StatusInProgress { en: "In progress", cy: "Ar y gweill" }
    StatusNotMet { en: "Not met", cy: "Heb ei fodloni" }
    KindAfi { en: "Area for improvement", cy: "Maes i’w wella" }
    KindCause { en: "Cause of concern", cy: "Achos pryder" }
    KindEarlierAfi { en: "Earlier area for improvement", cy: "Maes cynharach i’w wella" }
    KindEarlierRecommendation { en: "Earlier recommendation", cy: "Argymhelliad cynharach" }
    SwitchLanguage { en: "Cymraeg", cy: "English" }
    A11yLink { en: "Accessibility statement", cy: "Datganiad hygyrchedd" }
    A11yTitle { en: "Accessibility statement", cy: "Datganiad hygyrchedd" }
    A11yIntro { en: "We want as many people as possible to be able to use this viewer, in English and in Welsh. You should be able to use it with a keyboard alone, with a screen reader, zoomed to 200% or on a screen 320 pixels wide, with no meaning carried by colour alone.", cy: "Rydym am i gymaint o bobl â phosibl allu defnyddio’r gwyliwr hwn, yn Gymraeg ac yn Saesneg. Dylech allu ei ddefnyddio gyda bysellfwrdd yn unig, gyda darllenydd sgrin, wedi’i chwyddo i 200% neu ar sgrin 320 picsel o led, heb i unrhyw ystyr ddibynnu ar liw yn unig." }
    A11yStandardTitle { en: "Compliance status", cy: "Statws cydymffurfio" }
    A11yStandard { en: "We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, as the Public Sector Bodies (Websites and Mobile Applications) Accessibility Regulations 2018 require.", cy: "Ein nod yw bodloni Canllawiau Hygyrchedd Cynnwys y We (WCAG) 2.2 ar lefel AA, fel y mae Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) 2018 yn ei gwneud yn ofynnol." }
    A11yTestedTitle { en: "How we tested", cy: "Sut y gwnaethom brofi" }
    A11yTested { en: "Every change is tested automatically in Chromium: axe-core finds no violations in any view or state in either language; a keyboard-only walk-through covers every control; pages are checked at 320 pixels wide and at 200% zoom for horizontal scrolling; and Lighthouse scores accessibility at 100.", cy: "Caiff pob newid ei brofi’n awtomatig yn Chromium: nid yw axe-core yn canfod unrhyw fethiannau mewn unrhyw olwg neu gyflwr yn y naill iaith na’r llall; mae taith drwy bob rheolydd gyda’r bysellfwrdd yn unig; caiff tudalennau eu gwirio ar 320 picsel o led ac ar chwyddo 200% am sgrolio llorweddol; ac mae Lighthouse yn rhoi sgôr hygyrchedd o 100." }
    A11yLimitsTitle { en: "Known limitations", cy: "Cyfyngiadau hysbys" }
    A11yLimits { en: "The inspection reports themselves exist only in English, so their text appears in English on Welsh pages, marked as English for screen readers. Automated tests cannot find every problem, and the viewer has not yet been tested by disabled users.", cy: "Dim ond yn Saesneg y mae’r adroddiadau arolygu eu hunain ar gael, felly mae eu testun yn ymddangos yn Saesneg ar dudalennau Cymraeg, wedi’i farcio’n Saesneg ar gyfer darllenwyr sgrin. Ni all profion awtomatig ddod o hyd i bob problem, ac nid yw pobl anabl wedi profi’r gwyliwr eto." }
    A11yReportTitle { en: "Reporting a problem", cy: "Rhoi gwybod am broblem" }
    A11yReport { en: "If you find a problem, or need the information in another format, contact the organisation whose website shows this viewer. They will pass it on to us and reply within 10 working days. You can write in English or in Welsh.", cy: "Os dewch o hyd i broblem, neu os oes angen yr wybodaeth arnoch mewn fformat arall, cysylltwch â’r sefydliad y mae ei wefan yn dangos y gwyliwr hwn. Byddant yn ei throsglwyddo i ni ac yn ateb o fewn 10 diwrnod gwaith. Gallwch ysgrifennu yn Gymraeg neu yn Saesneg." }
    A11yEnforcementTitle { en: "Enforcement", cy: "Gorfodi" }
    A11yEnforcement { en: "The Equality and Human Rights Commission enforces the accessibility regulations. If you are not happy with how we respond, contact the Equality Advisory and Support Service (EASS).", cy: "Y Comisiwn Cydraddoldeb a Hawliau Dynol sy’n gorfodi’r rheoliadau hygyrchedd. Os nad ydych yn fodlon â’r ffordd yr ydym yn ymateb, cysylltwch â’r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS)." }
    BackToViewer { en: "Back to the viewer", cy: "Yn ôl i’r gwyliwr" }
    EmbedThisView { en: "Embed this view", cy: "Mewnosod yr olwg hon" }
    EmbedHelp { en: "Paste this HTML into your web page to show this view, with its filters. The script sizes the frame to fit its content; without it the frame scrolls.", cy: "Gludwch yr HTML hwn i’ch tudalen we i ddangos yr olwg hon, gyda’i hidlwyr. Mae’r sgript yn addasu maint y ffrâm i ffitio’i chynnwys; hebddi mae’r ffrâm yn sgrolio." }
    EmbedHtmlLabel { en: "HTML to embed this view", cy: "HTML i fewnosod yr olwg hon" }
    Copy { en: "Copy", cy: "Copïo" }
    Copied { en: "Copied", cy: "Wedi’i gopïo" }
    CodeSelected { en: "Code selected: press Ctrl+C (or Cmd+C) to copy", cy: "Cod wedi’i ddewis: pwyswch Ctrl+C (neu Cmd+C) i’w gopïo" }
    OpenFullViewer { en: "Open full viewer", cy: "Agor y gwyliwr llawn" }
    OpensInNewTab { en: "(opens in a new tab)", cy: "(yn agor mewn tab newydd)" }
}

/// What the Welsh grade labels rest on: none of the bundled sources is in Welsh, so none
/// could be confirmed from them.
pub const WELSH_GRADE_NOTE: &str = "The Welsh grade labels (Rhagorol, Da, Digonol, Angen gwella, Annigonol) follow the labels the issue gives; none of the bundled sources is in Welsh, so none could be confirmed against them. 'Heb ei raddio' (Ungraded) is our own rendering.";

pub fn grade(g: Grade) -> T {
    match g {
        Grade::Outstanding => T::GradeOutstanding,
        Grade::Good => T::GradeGood,
        Grade::Adequate => T::GradeAdequate,
        Grade::RequiresImprovement => T::GradeRequiresImprovement,
        Grade::Inadequate => T::GradeInadequate,
        Grade::Ungraded => T::GradeUngraded,
    }
}

pub fn status(s: AfiStatus) -> T {
    match s {
        AfiStatus::Open => T::StatusOpen,
        AfiStatus::Met => T::StatusMet,
        AfiStatus::InProgress => T::StatusInProgress,
        AfiStatus::NotMet => T::StatusNotMet,
    }
}

/// What the Inspection filter's first option stands for in a view: what that view shows when
/// no inspection is chosen (see the URL contract in the README).
pub fn default_inspection(view: View) -> T {
    match view {
        View::Improvements | View::History => T::AllInspections,
        View::Figures => T::NewestWithFigures,
        View::Grades | View::Accessibility => T::NewestInspection,
    }
}

pub fn row_kind(k: RowKind) -> T {
    match k {
        RowKind::AreaForImprovement => T::KindAfi,
        RowKind::CauseOfConcern => T::KindCause,
        RowKind::EarlierAreaForImprovement => T::KindEarlierAfi,
        RowKind::EarlierRecommendation => T::KindEarlierRecommendation,
    }
}

/// "3 areas for improvement" / "3 maes i’w gwella" (Welsh keeps the noun singular after a
/// number).
pub fn count(lang: Lang, n: usize, one: T, many: T) -> String {
    let noun = if n == 1 { one } else { many };
    format!("{} {}", format_number(lang, n), noun.get(lang))
}

/// "Showing 3 of 8 areas".
pub fn showing(lang: Lang, shown: usize, total: usize, unit: T) -> String {
    format!(
        "{} {} {} {} {}",
        T::Showing.get(lang),
        format_number(lang, shown),
        T::Of.get(lang),
        format_number(lang, total),
        unit.get(lang)
    )
}

/// Whole numbers with thousands separators (both languages use "1,308").
pub fn format_number(_lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A `YYYY[-MM[-DD]]` date in words: "13 April 2023" / "13 Ebrill 2023".
pub fn format_date(lang: Lang, date: &str) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const CY: [&str; 12] = [
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ];
    let months = match lang {
        Lang::En => EN,
        Lang::Cy => CY,
    };
    let parts: Vec<&str> = date.split('-').collect();
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| months.get(m.wrapping_sub(1)))
    };
    match parts.as_slice() {
        [y, m, d] => match (month(m), d.parse::<u32>()) {
            (Some(m), Ok(d)) => format!("{d} {m} {y}"),
            _ => date.to_string(),
        },
        [y, m] => month(m).map_or(date.to_string(), |m| format!("{m} {y}")),
        _ => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_inspection_option_says_what_each_view_shows_without_a_choice() {
        assert_eq!(default_inspection(View::Grades), T::NewestInspection);
        assert_eq!(default_inspection(View::Improvements), T::AllInspections);
        assert_eq!(default_inspection(View::History), T::AllInspections);
        assert_eq!(default_inspection(View::Figures), T::NewestWithFigures);
    }

    use super::*;

    /// Strings that are the same in both languages on purpose.
    const SAME_IN_BOTH: &[T] = &[];

    #[test]
    fn every_key_has_both_languages_and_welsh_differs() {
        for &key in T::ALL {
            assert!(!key.en().trim().is_empty(), "{key:?} has no English");
            assert!(!key.cy().trim().is_empty(), "{key:?} has no Welsh");
            if !SAME_IN_BOTH.contains(&key) {
                assert_ne!(
                    key.en(),
                    key.cy(),
                    "{key:?}: Welsh is a copy of the English"
                );
            }
        }
    }

    #[test]
    fn every_grade_and_status_has_a_key() {
        for g in Grade::ALL {
            assert_eq!(grade(g).en(), g.label());
        }
        for s in AfiStatus::ALL {
            assert_eq!(status(s).en(), s.label());
        }
    }

    #[test]
    fn numbers_and_dates_per_language() {
        assert_eq!(format_number(Lang::En, 1308), "1,308");
        assert_eq!(format_number(Lang::Cy, 10000), "10,000");
        assert_eq!(format_number(Lang::En, 999), "999");
        assert_eq!(format_date(Lang::En, "2023-04-13"), "13 April 2023");
        assert_eq!(format_date(Lang::Cy, "2023-04-13"), "13 Ebrill 2023");
        assert_eq!(format_date(Lang::Cy, "2020-02"), "Chwefror 2020");
        assert_eq!(format_date(Lang::Cy, "2012"), "2012");
        assert_eq!(
            showing(Lang::Cy, 3, 8, T::UnitAreas),
            "Yn dangos 3 o 8 maes"
        );
        assert_eq!(
            count(Lang::En, 1, T::AfiOne, T::AfiMany),
            "1 area for improvement"
        );
    }

    #[test]
    fn lang_slugs() {
        assert_eq!(Lang::from_slug("cy"), Some(Lang::Cy));
        assert_eq!(Lang::from_slug("CY"), None);
        assert_eq!(Lang::Cy.other(), Lang::En);
        assert_eq!(Lang::Cy.data_lang(), Some("en"));
        assert_eq!(Lang::En.data_lang(), None);
        assert_eq!(Lang::Cy.data_lang_of(true), None);
        assert_eq!(Lang::Cy.data_lang_of(false), Some("en"));
        assert_eq!(Lang::En.data_lang_of(false), None);
    }
}
