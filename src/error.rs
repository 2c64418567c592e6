//! Why a command failed, and the exit code each reason gives: the one exit-code table.

use std::fmt;

use crate::diagnostic::Diagnostics;
use crate::report::escape::terminal_safe;

/// Why a command failed.
#[derive(Debug)]
pub enum Error {
    /// A file cannot be read or written (the message names it and says why).
    Io(String),
    /// Wrong command-line usage, or a command that needs a terminal run without one.
    Usage(String),
    /// The answers file is invalid.
    Answers(Diagnostics),
    /// The rule set is invalid.
    Rules(Diagnostics),
    /// Golden test cases failed: how many.
    TestsFailed(usize),
    /// A report template (syntax, unknown partial, helper or field) or a brand file is invalid.
    Template(Diagnostics),
    /// Some answers files of a batch could not be assessed; the others were (the message
    /// says how many).
    Batch(String),
    /// The person stopped an interactive command (the message says how to go on).
    Interrupted(String),
}

impl Error {
    /// Every exit code, with what it means, in order: the table `--help` and the README show.
    pub const CODES: &[(u8, &str)] = &[
        (0, "success"),
        (1, "a file cannot be read or written"),
        (2, "wrong command-line usage, or `survey` without a terminal"),
        (3, "the answers file is invalid"),
        (4, "the rule set is invalid"),
        (5, "a golden test case failed"),
        (6, "a report template or brand file is invalid"),
        (7, "`batch`: some answers files could not be assessed (the others were)"),
        (130, "`survey` stopped with Esc or Ctrl-C"),
    ];

    /// The process exit code for this error.
    pub fn code(&self) -> u8 {
        match self {
            Error::Io(_) => 1,
            Error::Usage(_) => 2,
            Error::Answers(_) => 3,
            Error::Rules(_) => 4,
            Error::TestsFailed(_) => 5,
            Error::Template(_) => 6,
            Error::Batch(_) => 7,
            // 128 + SIGINT, as shells report a process stopped with Ctrl-C.
            Error::Interrupted(_) => 130,
        }
    }

    /// The exit codes in one line, for help texts.
    pub fn codes_summary() -> String {
        let parts: Vec<String> = Self::CODES
            .iter()
            .map(|(code, what)| format!("{code} {what}"))
            .collect();
        format!("Exit codes: {}.", parts.join(", "))
    }

    /// The error as shown on standard error, styled (ANSI) when `styled`.
    pub fn render(&self, styled: bool) -> String {
        match self {
            Error::Answers(d) | Error::Rules(d) | Error::Template(d) => d.render(styled),
            Error::Io(m) | Error::Usage(m) | Error::Batch(m) => prefixed("error", &terminal_safe(m), styled),
            Error::TestsFailed(n) => prefixed(
                "error",
                &format!("{n} golden test case{} failed", if *n == 1 { "" } else { "s" }),
                styled,
            ),
            Error::Interrupted(m) => terminal_safe(m).into_owned(),
        }
    }
}

/// `error: message` (or `warning: ...`), the prefix bold and colored like clap's own.
pub fn prefixed(label: &str, message: &str, styled: bool) -> String {
    if !styled {
        return format!("{label}: {message}");
    }
    let color = if label == "error" {
        anstyle::AnsiColor::Red
    } else {
        anstyle::AnsiColor::Yellow
    };
    let style = anstyle::Style::new().bold().fg_color(Some(color.into()));
    format!("{style}{label}:{style:#} {message}")
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_has_its_code_in_the_table() {
        let errors = [
            Error::Io(String::new()),
            Error::Usage(String::new()),
            Error::Answers(Diagnostics(Vec::new())),
            Error::Rules(Diagnostics(Vec::new())),
            Error::TestsFailed(1),
            Error::Template(Diagnostics(Vec::new())),
            Error::Batch(String::new()),
            Error::Interrupted(String::new()),
        ];
        for e in &errors {
            assert!(Error::CODES.iter().any(|(c, _)| *c == e.code()), "{e:?}");
        }
        let mut codes: Vec<u8> = errors.iter().map(Error::code).collect();
        codes.dedup();
        assert_eq!(codes.len(), errors.len(), "each error has its own code");
    }
}
