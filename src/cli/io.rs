//! The streams a command writes to, and the ways it writes: results on standard output or
//! to a file, warnings and notes on standard error.

use std::io::{Read, Write};
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::error::{Error, prefixed};
use crate::io::{Existing, write_atomic};
use crate::report::escape::terminal_safe;

/// The streams of a command, and how to write to them.
pub struct Io<'a> {
    /// Standard output: results (text; ANSI styles stripped where colour is off).
    pub stdout: &'a mut dyn Write,
    /// Standard output as it is, for binary results (a DOCX, a PDF) that no filter may touch.
    pub stdout_raw: &'a mut dyn Write,
    /// Standard error: errors, warnings, notes, prompts.
    pub stderr: &'a mut dyn Write,
    /// Standard input (answers given as `-`).
    pub stdin: &'a mut dyn Read,
    /// Whether messages on standard error carry ANSI styles (stripped later where color is off).
    pub styled: bool,
    /// Whether to leave out notes such as "wrote FILE".
    pub quiet: bool,
    /// Whether standard input and standard error are a terminal (`survey` needs one).
    pub terminal: bool,
    /// Whether standard output is a terminal.
    pub stdout_terminal: bool,
    /// The width plain text wraps at on standard output: the terminal's, or `None` (78).
    pub width: Option<usize>,
    /// Whether plain text on standard output may carry terminal hyperlinks (OSC 8): a
    /// terminal known to show them, with colour and styles on.
    pub hyperlinks: bool,
}

impl Io<'_> {
    /// Writes a result to standard output; a closed pipe or a full disk is an I/O error.
    /// A result with no ASCII control character but whitespace (a JSON document, a report
    /// without styles) is written as it is: the filter that strips styles would leave it
    /// unchanged, after reading it byte by byte.
    pub fn print(&mut self, text: &str) -> Result<(), Error> {
        let out = if unstyled(text) {
            &mut *self.stdout_raw
        } else {
            &mut *self.stdout
        };
        out.write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| Error::Io(format!("cannot write to standard output: {e}")))
    }

    /// Writes a line to standard error (a message is lost only if standard error is gone).
    pub fn say(&mut self, text: &str) {
        let _ = writeln!(self.stderr, "{text}");
    }

    /// Shows a warning (or any diagnostic) on standard error.
    pub fn diagnostic(&mut self, d: &Diagnostic) {
        let text = d.render(self.styled);
        self.say(&text);
    }

    /// Shows a warning that has no file or line: `warning: message`.
    pub fn warn(&mut self, message: &str) {
        let text = prefixed("warning", &terminal_safe(message), self.styled);
        self.say(&text);
    }

    /// Shows a note on standard error, unless `--quiet`.
    pub fn note(&mut self, text: &str) {
        if !self.quiet {
            self.say(&terminal_safe(text));
        }
    }

    /// Writes a result to standard output, or atomically to a file. An existing file is
    /// replaced only when `force` is `Some(true)`; `None` means the command offers no
    /// `--force` (it never replaces a file).
    pub fn deliver(&mut self, text: &str, output: Option<&Path>, force: Option<bool>) -> Result<(), Error> {
        let Some(path) = output else {
            return self.print(text);
        };
        self.write_file(text.as_bytes(), path, force)
    }

    /// Writes a binary result (`format` names it: `docx`, `pdf`) to a file like [`Io::deliver`],
    /// or to standard output when that is redirected; never to a terminal, where it would be
    /// noise that can upset the terminal.
    pub fn deliver_bytes(
        &mut self,
        bytes: &[u8],
        format: &str,
        output: Option<&Path>,
        force: Option<bool>,
    ) -> Result<(), Error> {
        if let Some(path) = output {
            return self.write_file(bytes, path, force);
        }
        if self.stdout_terminal {
            return Err(Error::Usage(format!(
                "a {format} file is not for a terminal: write it to a file with `-o report.{format}`, or redirect standard output (`> report.{format}`)"
            )));
        }
        self.stdout_raw
            .write_all(bytes)
            .and_then(|()| self.stdout_raw.flush())
            .map_err(|e| Error::Io(format!("cannot write to standard output: {e}")))
    }

    fn write_file(&mut self, bytes: &[u8], path: &Path, force: Option<bool>) -> Result<(), Error> {
        let replace = force == Some(true);
        if !replace && std::fs::symlink_metadata(path).is_ok() {
            let hint = if force.is_some() {
                "choose another name, or add --force to replace it"
            } else {
                "choose another name or remove it first"
            };
            return Err(Error::Io(format!(
                "{}: the file exists; it is left as it is\n  help: {hint}",
                path.display()
            )));
        }
        let existing = if replace { Existing::Replace } else { Existing::Keep };
        write_atomic(path, bytes, existing).map_err(Error::Io)?;
        self.note(&format!("wrote {}", path.display()));
        Ok(())
    }
}

/// Whether `text` has no ASCII control character but whitespace (tab, newline, form
/// feed, carriage return), so that no ANSI escape sequence starts in it (the property test
/// below checks that C1 controls, U+0080 to U+009F, are left alone by the filter too).
fn unstyled(text: &str) -> bool {
    text.bytes()
        .all(|b| (b >= 0x20 && b != 0x7f) || matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r'))
}

#[cfg(test)]
mod tests {
    use super::unstyled;
    use proptest::prelude::*;

    #[test]
    fn styles_and_controls_are_not_taken_for_plain_text() {
        assert!(unstyled("A report\n\twith « accents », tabs and — dashes.\r\n"));
        for styled in ["\x1b[1mbold\x1b[0m", "bell\x07", "del\x7f", "\x1b]8;;https://x\x1b\\"] {
            assert!(!unstyled(styled), "{styled:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

        /// What is written as it is reads the same as through the filter that strips styles.
        #[test]
        fn plain_text_is_what_stripping_styles_leaves(text in "(\\PC|[\\t\\n\\r\\x0c\\x1b\\x07\\x7f\\u{80}-\\u{9f}\\[;m])*") {
            let stripped = anstream::adapter::strip_str(&text).to_string();
            if unstyled(&text) {
                prop_assert_eq!(stripped, text);
            }
        }
    }
}
