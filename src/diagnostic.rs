//! Problems found in a user's files, as data: file, line, column, message, help, and the
//! line of the file they are on. Rendering shows `file:line:col` first (editors jump to
//! it), then the offending line with a caret under the span.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::io::SourceFile;
use crate::report::escape::terminal_safe;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The file cannot be used as it is.
    Error,
    /// The file works, but something in it deserves a look.
    Warning,
}

impl Severity {
    /// `error` or `warning`, as a message starts.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The line of a file a problem is on, and the part of it the problem covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The whole line, without its line break.
    pub text: String,
    /// Byte range of the problem within `text` (empty: a point).
    pub span: Range<usize>,
}

/// One problem in one file, at one place.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the user named it (or `built-in:...` for a built-in framework).
    pub file: String,
    /// 1-based line, where the format gives one.
    pub line: Option<usize>,
    /// 1-based column, where the format gives one.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What is allowed or what to do instead.
    pub help: Option<String>,
    /// The offending line, shown under the message.
    #[serde(skip)]
    pub excerpt: Option<Box<Excerpt>>,
}

impl Diagnostic {
    /// An error at a place in a file.
    pub fn error(file: impl Into<String>, pos: Option<(usize, usize)>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: pos.map(|p| p.0),
            column: pos.map(|p| p.1),
            message: message.into(),
            help: None,
            excerpt: None,
        }
    }

    /// A warning at a place in a file.
    pub fn warning(file: impl Into<String>, pos: Option<(usize, usize)>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, pos, message)
        }
    }

    /// A problem at a byte range of a file: line, column and the line itself come from the text.
    pub fn at(severity: Severity, source: &SourceFile, span: Range<usize>, message: impl Into<String>) -> Self {
        let pos = line_col(&source.text, span.start);
        Diagnostic {
            severity,
            excerpt: excerpt(&source.text, span),
            ..Diagnostic::error(&source.name, Some(pos), message)
        }
    }

    /// Like [`Diagnostic::at`], with lines found through `lines`: for many problems in one
    /// large file, each costs a lookup instead of a scan from the file's start.
    pub fn at_indexed(
        severity: Severity,
        source: &SourceFile,
        lines: &LineIndex,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let (line, line_start, line_end) = lines.line_of(span.start);
        let start = floor_char_boundary(&source.text, span.start.min(source.text.len())).max(line_start);
        let column = lines.column(&source.text, line_start, start);
        let excerpt = (line_end - line_start <= MAX_EXCERPT)
            .then(|| {
                excerpt(
                    &source.text[..line_end],
                    span.start.min(line_end)..span.end.min(line_end),
                )
            })
            .flatten();
        Diagnostic {
            severity,
            excerpt,
            ..Diagnostic::error(&source.name, Some((line, column)), message)
        }
    }

    /// Adds the line of `text` at `line`/`column` (1-based, as the diagnostic says) as its excerpt.
    pub fn with_line_of(mut self, text: &str) -> Self {
        if let (Some(line), Some(column)) = (self.line, self.column)
            && let Some(start) = offset_of(text, line, column)
        {
            self.excerpt = excerpt(text, start..start);
        }
        self
    }

    /// Adds a hint on what is allowed.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `file:line:col` (as much of it as is known).
    pub fn location(&self) -> String {
        let mut out = self.file.clone();
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
            if let Some(column) = self.column {
                out.push_str(&format!(":{column}"));
            }
        }
        out
    }

    /// The diagnostic as text, with ANSI styles when `styled` (the CLI strips them where
    /// color is off). The first line is `error: file:line:col: message`.
    pub fn render(&self, styled: bool) -> String {
        let renderer = if styled { Renderer::styled() } else { Renderer::plain() };
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        // Nothing from a file may act on the terminal: control characters show as escapes.
        let title = format!("{}: {}", self.location(), self.message);
        let title = terminal_safe(&title);
        let mut group = Group::with_title(level.primary_title(title.as_ref()));
        if let Some(ex) = &self.excerpt {
            let span = ex.span.start.min(ex.text.len())..ex.span.end.min(ex.text.len());
            group = group.element(
                Snippet::source(ex.text.as_str())
                    .line_start(self.line.unwrap_or(1))
                    .fold(false)
                    .annotation(AnnotationKind::Primary.span(span)),
            );
        }
        let help = self.help.as_deref().map(terminal_safe);
        match (&help, &self.excerpt) {
            (Some(help), Some(_)) => {
                group = group.element(Level::HELP.message(help.as_ref()));
                renderer.render(&[group])
            }
            // With no line to show, the help goes on a line of its own, under the message.
            (Some(help), None) => format!("{}\n  help: {help}", renderer.render(&[group])),
            (None, _) => renderer.render(&[group]),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// Problems that stop a file from being used: one or more diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// One problem.
    pub fn one(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }

    /// Every diagnostic rendered, one after another (see [`Diagnostic::render`]).
    pub fn render(&self, styled: bool) -> String {
        self.0.iter().map(|d| d.render(styled)).collect::<Vec<_>>().join("\n")
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Diagnostics {}

/// The longest line shown under a message, in bytes: a longer one (a minified file) is not
/// worth showing whole.
const MAX_EXCERPT: usize = 500;

/// Where each line of a text starts, to find the line of many offsets quickly.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// The last column worked out: (byte offset, 1-based column); problems come in file
    /// order, so the next one on a long line counts on from there.
    last: std::cell::Cell<(usize, usize)>,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            starts,
            len: text.len(),
            last: std::cell::Cell::new((0, 1)),
        }
    }

    /// The 1-based column, in characters, of byte `offset` on the line starting at `line_start`.
    fn column(&self, text: &str, line_start: usize, offset: usize) -> usize {
        let (last, last_column) = self.last.get();
        let (from, column) = if last >= line_start && last <= offset {
            (last, last_column)
        } else {
            (line_start, 1)
        };
        let column = column + text[from..offset].chars().count();
        self.last.set((offset, column));
        column
    }

    /// The 1-based line holding byte `offset`, and where that line starts and ends (before
    /// its line break).
    pub fn line_of(&self, offset: usize) -> (usize, usize, usize) {
        let offset = offset.min(self.len);
        let i = self.starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let end = self.starts.get(i + 1).map_or(self.len, |next| next - 1);
        (i + 1, self.starts[i], end)
    }
}

/// Turns a byte offset into 1-based line and column numbers (columns count characters).
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(src, offset.min(src.len()));
    let before = &src[..offset];
    let line = memchr_count(before) + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn memchr_count(s: &str) -> usize {
    s.bytes().filter(|&b| b == b'\n').count()
}

/// The byte offset of a 1-based line and column (in characters), if the text has it.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let rest = &text[start..];
    let end = rest.find('\n').unwrap_or(rest.len());
    let within = rest[..end]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(end, |(i, _)| i);
    Some(start + within)
}

/// The line holding `span.start`, and the span within it (cut at the line's end).
fn excerpt(text: &str, span: Range<usize>) -> Option<Box<Excerpt>> {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text[line_start..line_end].trim_end_matches('\r');
    // A very long line (a minified file) is not worth showing whole.
    if line.len() > MAX_EXCERPT || line.chars().any(|c| c.is_control() && c != '\t') {
        return None;
    }
    let from = (start - line_start).min(line.len());
    let to = floor_char_boundary(line, span.end.saturating_sub(line_start).clamp(from, line.len()));
    Some(Box::new(Excerpt {
        text: line.to_string(),
        span: from..to.max(from),
    }))
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A value from a file, quoted for a message: in double quotes, with line breaks, control
/// characters, quotes and backslashes escaped, so that it shows on one line as written.
pub fn quoted(value: &str) -> String {
    format!("\"{}\"", value.escape_debug())
}

/// The closest candidate to `word`, if one is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        let src = "a = 1\nbé = 2\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 6), (2, 1));
        assert_eq!(line_col(src, 9), (2, 3));
    }

    #[test]
    fn closest_finds_typos_only() {
        let ids = ["why.goals", "why.capacity", "how.timeline"];
        assert_eq!(closest("why.goal", ids), Some("why.goals"));
        assert_eq!(closest("zzz", ids), None);
    }

    #[test]
    fn renders_location_first_then_the_line_with_a_caret() {
        let source = SourceFile {
            name: "a.toml".into(),
            text: "[why]\ngoals = \"maybe\"\n".into(),
        };
        let d = Diagnostic::at(Severity::Error, &source, 14..21, "not allowed").with_help("one of yes, no");
        let text = d.render(false);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "error: a.toml:2:9: not allowed");
        assert!(text.contains("2 | goals = \"maybe\""), "{text}");
        assert!(text.contains("^^^^^^^"), "{text}");
        assert!(text.contains("help: one of yes, no"), "{text}");
    }

    #[test]
    fn with_line_of_finds_the_line_from_line_and_column() {
        let d = Diagnostic::error("b.json", Some((2, 3)), "bad").with_line_of("{\n  \"x\": 1\n}");
        assert_eq!(
            d.excerpt,
            Some(Box::new(Excerpt {
                text: "  \"x\": 1".into(),
                span: 2..2
            }))
        );
    }
}
