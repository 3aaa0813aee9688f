//! The rules a single value must meet wherever it appears: dates, ids, web addresses and
//! manifest file paths. Each `is_*` has a `*_problem` twin that says why a value fails.

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day.
pub fn is_valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let num = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => num(y, 4).is_some(),
        [y, m] => num(y, 4).is_some() && num(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [y, m, d] => {
            let (Some(y), Some(m), Some(d)) = (num(y, 4), num(m, 2), num(d, 2)) else {
                return false;
            };
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&d)
        }
        _ => false,
    }
}

/// Ids are used in URLs and element ids: lowercase ASCII letters, digits and single hyphens
/// (the viewer joins an inspection id and an item id with `--` in element ids, so a double
/// hyphen inside an id could make two items collide).
pub fn is_valid_id(id: &str) -> bool {
    id_problem(id).is_none()
}

/// Why `id` is not a valid id, if it is not.
pub(super) fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("it is empty".into());
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Some(match c {
            'A'..='Z' => format!("it contains the uppercase letter {c:?}"),
            ' ' => "it contains a space".into(),
            c if c.is_whitespace() || c.is_control() => {
                format!("it contains the character U+{:04X}", c as u32)
            }
            c => format!("it contains {c:?}"),
        });
    }
    if id.len() > 80 {
        Some(format!("it is {} characters long", id.len()))
    } else if id.starts_with('-') || id.ends_with('-') {
        Some("it starts or ends with a hyphen".into())
    } else if id.contains("--") {
        Some("it contains a double hyphen".into())
    } else {
        None
    }
}

pub(super) const ID_RULE: &str =
    "expected lowercase letters a-z, digits and single hyphens, at most 80 characters";

/// Only plain web links may ever become `href`s.
pub fn is_safe_url(url: &str) -> bool {
    url_problem(url).is_none()
}

/// Why `url` may not become a link, if it may not.
pub(super) fn url_problem(url: &str) -> Option<String> {
    if let Some(c) = url.chars().find(|c| c.is_control()) {
        return Some(format!(
            "it contains the control character U+{:04X}",
            c as u32
        ));
    }
    if url.chars().any(char::is_whitespace) {
        return Some("it contains whitespace".into());
    }
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return (lower.len() <= "https://".len()).then(|| "it names no host".into());
    }
    if url.starts_with("//") {
        return Some("it is protocol-relative (starts with '//')".into());
    }
    let scheme = url.split_once(':').map(|(s, _)| s).filter(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    Some(match scheme {
        Some(scheme) => format!("it uses the {}: scheme", scheme.to_ascii_lowercase()),
        None => "it is not an absolute web address".into(),
    })
}

/// Manifest file paths are fetched relative to the manifest: no schemes, no escaping upwards.
pub fn is_safe_relative_path(path: &str) -> bool {
    path_problem(path).is_none()
}

/// Why `path` may not be fetched, if it may not.
pub(super) fn path_problem(path: &str) -> Option<String> {
    Some(if path.is_empty() {
        "it is empty".into()
    } else if path.starts_with('/') {
        "it is an absolute path".into()
    } else if path.contains('\\') {
        "it contains a backslash".into()
    } else if path.contains(':') {
        "it contains ':' (a scheme or drive)".into()
    } else if path.contains("..") {
        "it contains '..'".into()
    } else if let Some(c) = path
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/')))
    {
        match c {
            ' ' => "it contains a space".into(),
            c if c.is_whitespace() || c.is_control() => {
                format!("it contains the character U+{:04X}", c as u32)
            }
            c => format!("it contains {c:?}"),
        }
    } else if !path.ends_with(".json") {
        "it does not end in .json".into()
    } else {
        return None;
    })
}
