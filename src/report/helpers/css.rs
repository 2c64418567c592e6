//! CSS helpers: `css_string`.

/// `text` as a CSS string, quotes included, safe inside a `<style>` element: a quote, a
/// backslash, a line break, `<`, `>` and `&` are written as CSS escapes, so no text can end
/// the string or the element.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:X} ", u32::from(c))),
            c if c.is_control() => out.push_str(&format!("\\{:X} ", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// `{{{css_string text}}}`: the text as a quoted CSS string (use triple braces: it is CSS, not HTML).
handlebars::handlebars_helper!(
    css_string: |s: str| quoted(s)
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_leaves_a_css_string() {
        assert_eq!(quoted("Maple Valley"), "\"Maple Valley\"");
        assert_eq!(quoted("a\"b\\c"), "\"a\\22 b\\5C c\"");
        assert_eq!(quoted("</style><script>"), "\"\\3C /style\\3E \\3C script\\3E \"");
        assert_eq!(quoted("two\nlines"), "\"two\\A lines\"");
    }
}
