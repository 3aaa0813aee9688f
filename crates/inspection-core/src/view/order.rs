//! Which inspection is newest, and which one the URL picks.

use crate::model::{Manifest, ManifestEntry};
use crate::url::UrlState;

/// First year of a period such as "2018/19" or "2016"; used to order inspections.
pub fn period_start_year(period: &str) -> Option<u32> {
    let digits: String = period.chars().take_while(|c| c.is_ascii_digit()).collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

/// Manifest entries, newest first (by period, then manifest order).
pub fn newest_first(manifest: &Manifest) -> Vec<&ManifestEntry> {
    let mut entries: Vec<&ManifestEntry> = manifest.inspections.iter().collect();
    crate::sort::sort_by_key(&mut entries, |e| {
        std::cmp::Reverse(period_start_year(&e.period).unwrap_or(0))
    });
    entries
}

/// The inspection a visitor must see as current: the newest in the data.
pub fn newest(manifest: &Manifest) -> Option<&ManifestEntry> {
    newest_first(manifest).into_iter().next()
}

/// The inspection the URL asks for, or the newest when it names none or an unknown one.
pub fn selected_inspection<'a>(
    manifest: &'a Manifest,
    state: &UrlState,
) -> Option<&'a ManifestEntry> {
    state
        .inspection
        .as_deref()
        .and_then(|id| manifest.inspections.iter().find(|e| e.id == id))
        .or_else(|| newest(manifest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_data::{bundled, state};

    #[test]
    fn newest_is_2021_22_whatever_the_manifest_order() {
        let (mut m, _) = bundled();
        m.inspections.reverse();
        assert_eq!(newest(&m).unwrap().id, "gwent-peel-2021-22");
        assert_eq!(
            selected_inspection(&m, &UrlState::default()).unwrap().id,
            "gwent-peel-2021-22"
        );
        let s = state(&[("inspection", "no-such-inspection")]);
        assert_eq!(
            selected_inspection(&m, &s).unwrap().id,
            "gwent-peel-2021-22"
        );
        let s = state(&[("inspection", "gwent-peel-2016-legitimacy")]);
        assert_eq!(
            selected_inspection(&m, &s).unwrap().id,
            "gwent-peel-2016-legitimacy"
        );
    }

    #[test]
    fn period_years_and_dates() {
        assert_eq!(period_start_year("2018/19"), Some(2018));
        assert_eq!(period_start_year("2012"), Some(2012));
        assert_eq!(period_start_year("soon"), None);
        assert_eq!(
            crate::i18n::format_date(crate::i18n::Lang::En, "2020-13"),
            "2020-13"
        );
    }
}
