//! Reading an answers file (TOML, or JSON by extension) and checking it against a framework.
//!
//! A question id `section.name` is the key `name` of the table `[section]`.

mod check;
mod json_file;
#[cfg(test)]
mod tests;
mod toml_file;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use check::check;
pub use check::from_text;
use json_file::read_json;
use toml_file::read_toml;

use indexmap::IndexMap;

use super::{AnswerValue, Answers, META_SECTION, Member, RESPONDENT_SECTION, Respondent, TEAM_SECTION};
use std::ops::Range;

use std::collections::HashMap;

use super::json;
use crate::diagnostic::{Diagnostic, Diagnostics, LineIndex, Severity, closest, quoted};
use crate::io::SourceFile;
use crate::rules::{AnswerKind, DONT_KNOW, Framework, NOT_APPLICABLE, PLAN_SECTION, Question, TIMELINE_SECTION};

/// The syntax of an answers file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// TOML (the default).
    Toml,
    /// JSON (files ending in `.json`).
    Json,
}

impl Syntax {
    /// The syntax for a file name: JSON for `.json`, TOML otherwise.
    pub fn for_name(name: &str) -> Syntax {
        if name.to_ascii_lowercase().ends_with(".json") {
            Syntax::Json
        } else {
            Syntax::Toml
        }
    }
}

/// A value read from a file, before it is checked against its question.
pub(super) enum RawValue {
    String(String),
    Integer(i64),
    /// A TOML date or date-time, as written.
    Date(String),
    /// `true` or `false`.
    Boolean(bool),
    Other(&'static str),
    /// `{ answer = ..., note = "..." }`: an answer with a note on it.
    Noted(Box<RawValue>, String),
    /// A table that is not an answer with a note: what is wrong with it.
    BadTable(String),
    /// A table with keys other than `answer` and `note` (an entry of `[action_plan]` or
    /// `[timeline]`): its keys and values, in order.
    Fields(Vec<(String, RawValue)>),
}

/// The keys of an answer written as a table: `{ answer = "partly", note = "why" }`.
const ANSWER_KEY: &str = "answer";
const NOTE_KEY: &str = "note";

/// Reads an answer written as a table from its keys and values: `answer` (the answer) and
/// `note` (text), nothing else.
fn noted<V>(entries: impl IntoIterator<Item = (String, V)>, value: impl Fn(V) -> RawValue) -> RawValue {
    let entries: Vec<(String, RawValue)> = entries.into_iter().map(|(k, v)| (k, value(v))).collect();
    if entries.iter().any(|(k, _)| k != ANSWER_KEY && k != NOTE_KEY) {
        return RawValue::Fields(entries);
    }
    let mut answer = None;
    let mut note = None;
    for (key, v) in entries {
        match key.as_str() {
            ANSWER_KEY => answer = Some(v),
            NOTE_KEY => match v {
                RawValue::String(text) => note = Some(text),
                _ => return RawValue::BadTable("`note` must be a text".into()),
            },
            other => {
                return RawValue::BadTable(format!(
                    "unknown key `{other}`: an answer with a note is written {{ answer = ..., note = \"...\" }}"
                ));
            }
        }
    }
    match (answer, note) {
        (Some(RawValue::Noted(..) | RawValue::BadTable(_) | RawValue::Fields(_)), _) => {
            RawValue::BadTable("an answer cannot be a table".into())
        }
        (Some(answer), Some(note)) => RawValue::Noted(Box::new(answer), note),
        (Some(answer), None) => answer,
        (None, _) => RawValue::BadTable(
            "a table here needs `answer`: an answer with a note is written { answer = ..., note = \"...\" }".into(),
        ),
    }
}

pub(super) struct RawAnswer {
    pub(super) section: String,
    pub(super) key: String,
    pub(super) value: RawValue,
    /// Where the value is, as the syntax gives it.
    pub(super) at: At,
    /// Where the key is.
    pub(super) key_at: At,
}

/// Where something is in an answers file: a byte range (TOML), a line and column (JSON),
/// or nowhere known. Lines and columns are worked out only for problems.
#[derive(Debug, Clone)]
pub(super) enum At {
    Span(Range<usize>),
    LineCol(usize, usize),
    Unknown,
}

/// A file being read, with the index of its lines, made when the first problem needs it:
/// a file with many problems finds each one's line at once, not by reading from the start.
struct Source<'a> {
    file: &'a SourceFile,
    lines: std::cell::OnceCell<LineIndex>,
}

impl<'a> Source<'a> {
    fn new(file: &'a SourceFile) -> Source<'a> {
        Source {
            file,
            lines: std::cell::OnceCell::new(),
        }
    }

    fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.file.text))
    }
}

impl std::ops::Deref for Source<'_> {
    type Target = SourceFile;

    fn deref(&self) -> &SourceFile {
        self.file
    }
}

fn error_at(file: &Source<'_>, at: &At, message: impl Into<String>) -> Diagnostic {
    match at {
        At::Span(span) => Diagnostic::at_indexed(Severity::Error, file, file.lines(), span.clone(), message),
        At::LineCol(line, col) => Diagnostic::error(&file.name, Some((*line, *col)), message).with_line_of(&file.text),
        At::Unknown => Diagnostic::error(&file.name, None, message),
    }
}

/// Parses an answers file and checks every answer against the framework's questions.
/// All problems are reported together.
pub fn parse(framework: &Framework, file: &SourceFile, syntax: Syntax) -> Result<Answers, Diagnostics> {
    let file = &Source::new(file);
    let raw = match syntax {
        Syntax::Toml => read_toml(file)?,
        Syntax::Json => read_json(file)?,
    };
    check(framework, file, raw, true)
}

/// Parses an answers file like [`parse`], but lets required answers be missing: for a file
/// still being filled in, such as the one `readiness survey` saves after every answer.
/// Every other problem is an error, as for [`parse`].
pub fn parse_unfinished(framework: &Framework, file: &SourceFile, syntax: Syntax) -> Result<Answers, Diagnostics> {
    let file = &Source::new(file);
    let raw = match syntax {
        Syntax::Toml => read_toml(file)?,
        Syntax::Json => read_json(file)?,
    };
    check(framework, file, raw, false)
}

/// Checks answers already read as a TOML table (a golden case's `answers`) against the
/// framework, exactly as [`parse`] checks a file. `name` names them in messages.
pub fn from_table(framework: &Framework, name: &str, table: &toml::Table) -> Result<Answers, Diagnostics> {
    let file = SourceFile {
        name: name.to_string(),
        text: String::new(),
    };
    let file = Source::new(&file);
    let mut raw = Vec::new();
    let mut problems = Vec::new();
    for (section, value) in table {
        let toml::Value::Table(inner) = value else {
            problems.push(error_at(
                &file,
                &At::Unknown,
                format!("`{section}` must be a table of answers such as [{section}]"),
            ));
            continue;
        };
        for (key, value) in inner {
            let value = match value {
                toml::Value::String(s) => RawValue::String(s.clone()),
                toml::Value::Integer(n) => RawValue::Integer(*n),
                toml::Value::Float(_) => RawValue::Other("a decimal number"),
                toml::Value::Boolean(_) => RawValue::Other("a boolean"),
                toml::Value::Datetime(_) => RawValue::Other("a date"),
                toml::Value::Array(_) => RawValue::Other("a list"),
                toml::Value::Table(t) => noted(t.clone(), |v| match v {
                    toml::Value::String(s) => RawValue::String(s),
                    toml::Value::Integer(n) => RawValue::Integer(n),
                    _ => RawValue::Other("something that is not text or a whole number"),
                }),
            };
            raw.push(RawAnswer {
                section: section.clone(),
                key: key.clone(),
                value,
                at: At::Unknown,
                key_at: At::Unknown,
            });
        }
    }
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }
    let raw = RawFile {
        answers: raw,
        members: Vec::new(),
    };
    check(framework, &file, raw, true)
}

/// An answers file as read, before its answers are checked: the answers, and in a team's
/// combined file each respondent's own.
#[derive(Default)]
struct RawFile {
    answers: Vec<RawAnswer>,
    members: Vec<RawMember>,
}

/// One respondent of a team's combined file (`[[respondents]]`): who (the entries of the
/// [`RESPONDENT_SECTION`]: `file`, `name`, `role`) and their answers.
struct RawMember {
    entries: Vec<RawAnswer>,
}
