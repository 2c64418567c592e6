//! The shape of ids and links, and "unknown id" messages with a did-you-mean.

use crate::diagnostic::closest;

pub(super) fn is_question_id(id: &str) -> bool {
    let part = |s: &str| {
        s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    matches!(id.split_once('.'), Some((a, b)) if part(a) && part(b))
}

/// A link reports can print as is: http(s), with nothing that ends a link in Markdown or HTML.
pub fn is_web_link(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '(' | ')' | '`'))
}

pub(super) fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

pub(super) fn unknown(kind: &str, id: &str, known: Vec<&str>) -> (String, Option<String>) {
    let message = format!("unknown {kind} `{id}`");
    let help = match closest(id, known.iter().copied()) {
        Some(best) => Some(format!("did you mean `{best}`?")),
        None if known.len() <= 12 => Some(format!("known {kind}s: {}", known.join(", "))),
        None => None,
    };
    (message, help)
}
