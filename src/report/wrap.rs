//! Wrapping text at word boundaries for plain-text output (reports, `explain`).

/// The width plain-text output wraps at.
pub const WIDTH: usize = 78;

/// `text` wrapped at `width` columns after `indent`, without a final newline. Lines after
/// the first hang under the text that follows a leading list marker (`- `, `* `, `12. `);
/// words are never split; paragraphs (separated by a blank line) stay apart.
///
/// A one-line text that fits is left as it is, inner spaces included (columns padded with
/// `pad` stay lined up); only a text that does not fit is wrapped.
pub fn wrapped(text: &str, indent: &str, width: usize) -> String {
    let one_line = text.trim();
    if !one_line.contains('\n')
        && textwrap::core::display_width(indent) + textwrap::core::display_width(one_line) <= width
    {
        return format!("{indent}{one_line}");
    }
    let marker = marker_width(text.trim_start());
    let hanging = format!("{indent}{}", " ".repeat(marker));
    let options = textwrap::Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(&hanging)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut lines = Vec::new();
    for (i, paragraph) in text.split("\n\n").enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        let joined = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        for line in textwrap::wrap(&joined, &options) {
            lines.push(line.trim_end().to_string());
        }
    }
    lines.join("\n")
}

/// The width of a list marker at the start of `text`: `- `, `* `, a number and `. `, or a
/// reference number in brackets and a space (`[12] `).
fn marker_width(text: &str) -> usize {
    if text.starts_with("- ") || text.starts_with("* ") {
        return 2;
    }
    if let Some(rest) = text.strip_prefix('[') {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with("] ") {
            return digits + 3;
        }
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && text[digits..].starts_with(". ") {
        digits + 2
    } else {
        0
    }
}
