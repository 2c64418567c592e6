//! Wrapping text at word boundaries for plain-text output (reports, `explain`).
//!
//! Lines are filled first-fit, as `textwrap` fills them (words split at spaces, never
//! broken, widths as `textwrap::core::display_width` counts them, terminal escape sequences
//! included), but written straight into one string: a report wraps hundreds of texts, and
//! `textwrap` builds a list of words, a list of lines and a string per line for each. The
//! tests check the two give the same text.

/// The width plain-text output wraps at.
pub const WIDTH: usize = 78;

/// `text` wrapped at `width` columns after `indent`, without a final newline. Lines after
/// the first hang under the text that follows a leading list marker (`- `, `* `, `12. `);
/// words are never split; paragraphs (separated by a blank line) stay apart.
///
/// A one-line text that fits is left as it is, inner spaces included (columns padded with
/// `pad` stay lined up); only a text that does not fit is wrapped.
pub fn wrapped(text: &str, indent: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4 + indent.len());
    wrap_into(text, indent, width, &mut out);
    out
}

/// [`wrapped`], written at the end of `out`.
pub fn wrap_into(text: &str, indent: &str, width: usize, out: &mut String) {
    let one_line = text.trim();
    let indent_width = display_width(indent);
    if !one_line.contains('\n') && indent_width + display_width(one_line) <= width {
        out.push_str(indent);
        out.push_str(one_line);
        return;
    }
    let marker = marker_width(text.trim_start());
    let first_width = width.saturating_sub(indent_width);
    let hanging_width = width.saturating_sub(hanging_display_width(indent, indent_width, marker));
    out.reserve(text.len() + text.len() / 4 + indent.len());
    // Printable ASCII and the ASCII spaces other than the vertical tab (most text): words
    // split at ASCII spaces are those `split_whitespace` finds, and a word's width is its
    // length.
    let plain = text
        .bytes()
        .all(|b| matches!(b, b' '..=b'~' | b'\t' | b'\n' | b'\r' | b'\x0C'));
    let lines = Lines {
        indent,
        marker,
        first_width,
        hanging_width,
    };
    for (i, paragraph) in text.split("\n\n").enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        if plain {
            lines.fill(paragraph.split_ascii_whitespace().map(|w| (w, w.len())), out);
        } else {
            lines.fill(paragraph.split_whitespace().map(|w| (w, display_width(w))), out);
        }
    }
}

/// How a paragraph's lines are laid out.
struct Lines<'a> {
    indent: &'a str,
    /// The spaces lines after the first hang by, under a list marker's text.
    marker: usize,
    first_width: usize,
    hanging_width: usize,
}

impl Lines<'_> {
    /// Writes `words` (each with its width), first-fit: a word goes on the line when it
    /// fits, or when the line has no word yet.
    fn fill<'w>(&self, words: impl Iterator<Item = (&'w str, usize)>, out: &mut String) {
        let mut line = 0;
        let mut used = 0;
        for (word, word_width) in words {
            if used == 0 && line == 0 {
                out.push_str(self.indent);
            } else if used + word_width
                > if line == 0 {
                    self.first_width
                } else {
                    self.hanging_width
                }
            {
                out.push('\n');
                out.push_str(self.indent);
                out.extend(std::iter::repeat_n(' ', self.marker));
                line += 1;
                used = 0;
            } else {
                out.push(' ');
            }
            out.push_str(word);
            // The space after the word counts, as it will be written if another one follows.
            used += word_width + 1;
        }
    }
}

/// The width of a hanging indent: `indent` then `marker` spaces. Added up when `indent`
/// holds no escape character (a space after one could be read as part of its sequence).
fn hanging_display_width(indent: &str, indent_width: usize, marker: usize) -> usize {
    if indent.contains('\x1b') {
        display_width(&format!("{indent}{}", " ".repeat(marker)))
    } else {
        indent_width + marker
    }
}

/// The columns `text` takes on a terminal: its length for printable ASCII (most text),
/// else as `textwrap` counts them (wide characters take two, escape sequences none).
fn display_width(text: &str) -> usize {
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        text.len()
    } else {
        textwrap::core::display_width(text)
    }
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The same wrapping done by `textwrap`, line by line, as it was before [`wrapped`]
    /// wrote lines itself.
    fn by_textwrap(text: &str, indent: &str, width: usize) -> String {
        let one_line = text.trim();
        if !one_line.contains('\n')
            && textwrap::core::display_width(indent) + textwrap::core::display_width(one_line) <= width
        {
            return format!("{indent}{one_line}");
        }
        let hanging = format!("{indent}{}", " ".repeat(marker_width(text.trim_start())));
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

    #[test]
    fn wraps_under_a_list_marker_and_keeps_paragraphs() {
        let text = "- one two three four five six seven\n\n  eight nine";
        assert_eq!(
            wrapped(text, "  ", 16),
            "  - one two\n    three four\n    five six\n    seven\n\n  eight nine"
        );
    }

    #[test]
    fn a_word_longer_than_the_line_has_a_line_of_its_own() {
        assert_eq!(wrapped("a bbbbbbbbbb c", "", 5), "a\nbbbbbbbbbb\nc");
    }

    #[test]
    fn a_one_line_text_that_fits_keeps_its_inner_spaces() {
        assert_eq!(wrapped("  1. Name    42  ", "> ", 20), "> 1. Name    42");
    }

    #[test]
    fn wide_characters_and_escape_sequences_count_as_a_terminal_shows_them() {
        // Each ideograph takes two columns; a hyperlink's escape sequences take none.
        assert_eq!(wrapped("語語 語語 語語", "", 10), "語語 語語\n語語");
        let link = "\x1b]8;;https://example.org\x1b\\guide\x1b]8;;\x1b\\";
        assert_eq!(
            wrapped(&format!("read the {link} now"), "", 14),
            format!("read the {link}\nnow")
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

        /// The same text as `textwrap` gives, whatever the words, spaces, line breaks,
        /// widths and indents.
        #[test]
        fn wraps_as_textwrap_does(
            text in "([- *0-9.\\[\\]a-z]{0,8}|語|é|\u{301}|\x1b\\[1m|\x1b\\]8;;u\x1b\\\\|\t| |\n){0,40}",
            indent in "( |>|-|\x1b|語){0,4}",
            width in 0usize..40,
        ) {
            prop_assert_eq!(wrapped(&text, &indent, width), by_textwrap(&text, &indent, width));
        }

        /// The same for plain ASCII text (read word by word without decoding characters),
        /// with every ASCII space, the vertical tab included.
        #[test]
        fn plain_text_wraps_as_textwrap_does(
            text in "([- *0-9.a-z]{0,8}|\t| |\n|\r|\x0B|\x0C){0,40}",
            indent in "( |>|-){0,4}",
            width in 0usize..40,
        ) {
            prop_assert_eq!(wrapped(&text, &indent, width), by_textwrap(&text, &indent, width));
        }
    }
}
