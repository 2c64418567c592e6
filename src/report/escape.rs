//! Escaping user text for where it is shown: Markdown, HTML (Handlebars' own escaping, and
//! control characters), plain text and the terminal.
//!
//! Nothing a user writes may change the layout around it or reach the terminal as a
//! command: line breaks in a value become spaces wherever a value stands inside a line,
//! and control characters (ESC, BEL, the C1 controls such as CSI) are shown as escapes
//! such as `\u{1b}` instead of being sent.

use std::borrow::Cow;

/// Whether a character ends a line somewhere (CommonMark, terminals, Unicode).
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Text safe to print on a terminal: control characters other than line breaks and tabs are
/// shown as escapes (`\u{1b}`), so that no text can move the cursor, clear the screen,
/// change the window's title or ring the bell.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A value on one line: each line break (`\r\n` counts as one) and tab becomes a space,
/// and other control characters are shown as escapes (see [`terminal_safe`]).
pub fn one_line(text: &str) -> Cow<'_, str> {
    // Printable ASCII (most values) has neither, and is checked a byte at a time.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) || !text.chars().any(|c| c.is_control() || is_line_break(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        if is_line_break(c) || c == '\t' {
            out.push(' ');
        } else if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Escapes a value for the plain-text format, at the end of `out`: on one line, no control
/// characters.
pub fn text_escape_into(text: &str, out: &mut String) {
    out.push_str(&one_line(text));
}

/// Escapes a value for HTML: Handlebars' escaping, and control characters (which HTML
/// does not allow) replaced by U+FFFD.
pub fn html_escape(text: &str) -> String {
    let mut out = String::new();
    html_escape_into(text, &mut out);
    out
}

/// [`html_escape`], written at the end of `out`.
pub fn html_escape_into(text: &str, out: &mut String) {
    if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')) {
        let clean: String = text
            .chars()
            .map(|c| {
                if c.is_control() && !matches!(c, '\n' | '\t' | '\r') {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect();
        out.push_str(&handlebars::html_escape(&clean));
    } else if !text.bytes().any(|b| HTML_SPECIAL.contains(&b)) {
        out.push_str(text); // Nothing to escape: the common case, copied at once.
    } else {
        out.push_str(&handlebars::html_escape(text));
    }
}

/// The characters Handlebars' HTML escaping replaces.
const HTML_SPECIAL: &[u8] = b"<>\"&'`=";

/// Escapes text for Markdown: no HTML can get in, and no character changes the layout.
/// The value is put on one line (see [`one_line`]) without spaces at its ends; Markdown
/// punctuation is escaped with a backslash, and so is a mark that would start a list item
/// or underline a heading at the start of a line (`- `, `+ `, `= `, `1. `). `&` is escaped
/// only where it would start an entity such as `&amp;`.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    markdown_escape_into(text, &mut out);
    out
}

/// [`markdown_escape`], written at the end of `out`.
pub fn markdown_escape_into(text: &str, out: &mut String) {
    let line = one_line(text);
    let text = line.trim_matches(' ');
    out.reserve(text.len());
    // A line-start mark: `-` or `+` and a space (a list item), a run of `=` (a heading's
    // underline), or digits and `.` or `)` and a space (a numbered item).
    let spaced = |rest: &str| rest.is_empty() || rest.starts_with(' ');
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let mark = match text.chars().next() {
        Some('-' | '+') if spaced(&text[1..]) => Some(0),
        Some('=') if text.chars().all(|c| c == '=') => Some(0),
        _ if digits > 0 && text[digits..].starts_with(['.', ')']) && spaced(&text[digits + 1..]) => Some(digits),
        _ => None,
    };
    for (i, c) in text.char_indices() {
        if Some(i) == mark {
            out.push('\\');
            out.push(c);
            continue;
        }
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if starts_entity(&text[i + 1..]) => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
}

/// Whether the text after a `&` makes it an HTML entity (`amp;`, `#38;`, `#x26;`).
fn starts_entity(rest: &str) -> bool {
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !name.is_empty() && rest[name.len()..].starts_with(';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let hostile = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m";
        let safe = terminal_safe(hostile);
        assert!(!safe.chars().any(char::is_control), "{safe}");
        assert_eq!(safe, "\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{9b}31m");
        assert_eq!(terminal_safe("two\nlines\tand a tab"), "two\nlines\tand a tab");
        assert_eq!(one_line("Acme\r\n~~~\n\u{2028}x\u{1b}"), "Acme ~~~  x\\u{1b}");
    }

    #[test]
    fn markdown_values_stay_on_their_line_and_start_no_block() {
        assert_eq!(markdown_escape("Acme\n~~~\n"), "Acme \\~\\~\\~");
        assert_eq!(markdown_escape("\n- item"), "\\- item");
        assert_eq!(markdown_escape("1. first"), "1\\. first");
        assert_eq!(markdown_escape("2024) year"), "2024\\) year");
        assert_eq!(markdown_escape("==="), "\\===");
        assert_eq!(markdown_escape("= not a heading"), "= not a heading");
        assert_eq!(markdown_escape("1.0.0"), "1.0.0");
        assert_eq!(markdown_escape("-5 degrees"), "-5 degrees");
        assert_eq!(markdown_escape("    code"), "code");
        assert_eq!(markdown_escape("a - b + c = 1. d"), "a - b + c = 1. d");
        assert_eq!(
            markdown_escape("<b>x</b> & y &amp;"),
            "&lt;b&gt;x&lt;/b&gt; & y &amp;amp;"
        );
        assert_eq!(markdown_escape("bell\u{7}"), "bell\\\\u{7}");
    }

    #[test]
    fn html_has_no_control_characters() {
        assert_eq!(html_escape("<a>\u{1b}[2J"), "&lt;a&gt;\u{FFFD}[2J");
    }

    #[test]
    fn html_escapes_as_handlebars_does_with_or_without_special_characters() {
        for text in ["", "Plain words, café — 42%", "a<b", "x = \"y\" & 'z' `w`", "é>"] {
            assert_eq!(html_escape(text), handlebars::html_escape(text), "{text}");
        }
    }
}
