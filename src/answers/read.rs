//! Reading an answers file (TOML, or JSON by extension) and checking it against a framework.
//!
//! A question id `section.name` is the key `name` of the table `[section]`.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

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

fn read_toml(file: &Source<'_>) -> Result<RawFile, Diagnostics> {
    let text = &file.text;
    let table = DeTable::parse(text).map_err(|err| {
        let at = err.span().map_or(At::Unknown, At::Span);
        Diagnostics::one(
            error_at(
                file,
                &at,
                format!("this is not valid TOML: {}", err.message().trim_end()),
            )
            .with_help("an answers file holds tables such as [profile] with lines such as org_type = \"district\""),
        )
    })?;
    let mut out = RawFile::default();
    let mut problems = Vec::new();
    for (section, value) in table.get_ref() {
        let name = section.get_ref();
        match value.get_ref() {
            DeValue::Table(inner) => toml_section(name, inner, &mut out.answers),
            DeValue::Array(items) if name == TEAM_SECTION => {
                for item in items.iter() {
                    let DeValue::Table(member) = item.get_ref() else {
                        problems.push(error_at(
                            file,
                            &At::Span(item.span()),
                            format!("each entry of `{TEAM_SECTION}` must be a table: write it as [[{TEAM_SECTION}]]"),
                        ));
                        continue;
                    };
                    let mut entries = Vec::new();
                    for (key, value) in member {
                        match value.get_ref() {
                            DeValue::Table(inner) => toml_section(key.get_ref(), inner, &mut entries),
                            _ => entries.push(toml_answer(RESPONDENT_SECTION, key, value)),
                        }
                    }
                    out.members.push(RawMember { entries });
                }
            }
            _ => problems.push(error_at(
                file,
                &At::Span(section.span()),
                format!("`{name}` must be a table of answers such as [{name}]"),
            )),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Diagnostics(problems))
    }
}

fn toml_section(section: &str, inner: &DeTable<'_>, out: &mut Vec<RawAnswer>) {
    for (key, value) in inner {
        out.push(toml_answer(section, key, value));
    }
}

fn toml_answer(section: &str, key: &Spanned<toml::de::DeString<'_>>, value: &Spanned<DeValue<'_>>) -> RawAnswer {
    RawAnswer {
        section: section.to_string(),
        key: key.get_ref().to_string(),
        value: toml_value(value),
        at: At::Span(value.span()),
        key_at: At::Span(key.span()),
    }
}

fn toml_value(value: &Spanned<DeValue<'_>>) -> RawValue {
    match value.get_ref() {
        DeValue::String(s) => RawValue::String(s.to_string()),
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => RawValue::Integer(n),
            Err(_) => RawValue::Other("a number too large"),
        },
        DeValue::Float(_) => RawValue::Other("a decimal number"),
        DeValue::Boolean(b) => RawValue::Boolean(*b),
        DeValue::Datetime(d) => RawValue::Date(d.to_string()),
        DeValue::Array(_) => RawValue::Other("a list"),
        DeValue::Table(t) => noted(t.iter().map(|(k, v)| (k.get_ref().to_string(), v)), |v| {
            match v.get_ref() {
                DeValue::Table(_) => RawValue::BadTable("an answer cannot be a table".into()),
                _ => toml_value(v),
            }
        }),
    }
}

fn read_json(file: &Source<'_>) -> Result<RawFile, Diagnostics> {
    // A byte order mark is allowed at the start, as in TOML.
    let bom = if file.text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let text = &file.text[bom..];
    serde_json::from_str::<serde_json::Value>(text).map_err(|err| {
        let message = err.to_string();
        let message = message.rfind(" at line ").map_or(message.as_str(), |i| &message[..i]);
        let column = err.column().max(1) + usize::from(err.line() == 1 && bom > 0);
        Diagnostics(vec![
            error_at(
                file,
                &At::LineCol(err.line(), column),
                format!("this is not valid JSON: {message}"),
            )
            .with_help(
                "an answers file in JSON is an object of sections, e.g. {\"profile\": {\"org_type\": \"district\"}}",
            ),
        ])
    })?;
    // serde_json found the text valid; a pass over it finds where each key and value is.
    let span = |r: &Range<usize>| At::Span(bom + r.start..bom + r.end);
    let Some(sections) = json::members(text, 0) else {
        return Err(Diagnostics(vec![error_at(
            file,
            &span(&(0..0)),
            "the answers must be a JSON object of sections, e.g. {\"profile\": {...}}",
        )]));
    };
    let mut out = RawFile::default();
    let mut problems = Vec::new();
    let mut seen = HashMap::new();
    for section in &sections {
        if let Some(first) = seen.insert(section.key.as_str(), section.key_span.start) {
            problems.push(duplicate(file, &span(&section.key_span), &section.key, bom + first));
            continue;
        }
        if let Some(inner) = json::members(text, section.value_span.start) {
            json_section(file, text, bom, &section.key, &inner, &mut out.answers, &mut problems);
        } else if let Some(items) =
            json::elements(text, section.value_span.start).filter(|_| section.key == TEAM_SECTION)
        {
            for item in items {
                let Some(member) = json::members(text, item.start) else {
                    problems.push(error_at(
                        file,
                        &span(&item),
                        format!("each entry of `{TEAM_SECTION}` must be an object"),
                    ));
                    continue;
                };
                let mut entries = Vec::new();
                let (tables, plain): (Vec<_>, Vec<_>) = member
                    .into_iter()
                    .partition(|m| json::members(text, m.value_span.start).is_some());
                json_section(file, text, bom, RESPONDENT_SECTION, &plain, &mut entries, &mut problems);
                for table in tables {
                    let inner = json::members(text, table.value_span.start).unwrap_or_default();
                    json_section(file, text, bom, &table.key, &inner, &mut entries, &mut problems);
                }
                out.members.push(RawMember { entries });
            }
        } else {
            problems.push(error_at(
                file,
                &span(&section.value_span),
                format!("`{}` must be an object of answers", section.key),
            ));
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Diagnostics(problems))
    }
}

/// A key given twice in one object: an error at the second, saying where the first is.
fn duplicate(file: &Source<'_>, at: &At, key: &str, first: usize) -> Diagnostic {
    let (line, _, _) = file.lines().line_of(first);
    error_at(file, at, format!("`{key}` is given twice"))
        .with_help(format!("the first is on line {line}; keep one of them"))
}

/// The answers of one JSON object, each with where its key and value are; a key given twice
/// is a problem.
fn json_section(
    file: &Source<'_>,
    text: &str,
    bom: usize,
    section: &str,
    inner: &[json::Member],
    out: &mut Vec<RawAnswer>,
    problems: &mut Vec<Diagnostic>,
) {
    let span = |r: &Range<usize>| At::Span(bom + r.start..bom + r.end);
    let mut seen = HashMap::new();
    for member in inner {
        if let Some(first) = seen.insert(member.key.as_str(), member.key_span.start) {
            let key = format!("{section}.{}", member.key);
            problems.push(duplicate(file, &span(&member.key_span), &key, bom + first));
            continue;
        }
        let raw = &text[member.value_span.clone()];
        let value = match serde_json::from_str::<serde_json::Value>(raw) {
            Ok(serde_json::Value::Number(n)) if n.as_i64().is_none() && !raw.contains(['.', 'e', 'E']) => {
                RawValue::Other("a number too large")
            }
            Ok(value) => json_value(value),
            Err(_) => RawValue::Other("something that is not text or a whole number"),
        };
        out.push(RawAnswer {
            section: section.to_string(),
            key: member.key.clone(),
            value,
            at: span(&member.value_span),
            key_at: span(&member.key_span),
        });
    }
}

fn json_value(value: serde_json::Value) -> RawValue {
    match value {
        serde_json::Value::String(s) => RawValue::String(s),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => RawValue::Integer(i),
            None => RawValue::Other("a decimal number"),
        },
        serde_json::Value::Bool(b) => RawValue::Boolean(b),
        serde_json::Value::Null => RawValue::Other("null"),
        serde_json::Value::Array(_) => RawValue::Other("a list"),
        serde_json::Value::Object(o) => noted(o, |v| match v {
            serde_json::Value::String(s) => RawValue::String(s),
            serde_json::Value::Number(n) => n
                .as_i64()
                .map_or(RawValue::Other("a decimal number"), RawValue::Integer),
            serde_json::Value::Bool(b) => RawValue::Boolean(b),
            _ => RawValue::Other("something that is not text or a whole number"),
        }),
    }
}

/// Which part of a file answers come from: the file's own answers, or one respondent's in
/// a team's combined file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Top,
    Member,
}

fn check(framework: &Framework, file: &Source<'_>, raw: RawFile, require: bool) -> Result<Answers, Diagnostics> {
    let mut problems = Vec::new();
    let (meta, rest): (Vec<RawAnswer>, Vec<RawAnswer>) =
        raw.answers.into_iter().partition(|a| a.section == META_SECTION);
    let (planned, rest): (Vec<RawAnswer>, Vec<RawAnswer>) = rest
        .into_iter()
        .partition(|a| a.section == PLAN_SECTION || a.section == TIMELINE_SECTION);
    let mut answers = Answers::default();
    if !read_meta(framework, file, meta, &mut answers, &mut problems) {
        return Err(Diagnostics(problems));
    }
    // Answers written for another version: ids that no longer exist are warnings.
    let other_version = answers
        .framework_version
        .as_ref()
        .filter(|v| **v != framework.version)
        .cloned();
    if let Some(v) = &other_version {
        answers.warnings.push(Diagnostic::warning(
            &file.name,
            None,
            format!(
                "the answers were written for version {v}; this is {} {}",
                framework.id, framework.version
            ),
        ));
    }
    let old = other_version.is_some();
    super::plan::read(framework, planned, &mut answers, &mut problems, &|at, message| {
        error_at(file, at, message)
    });
    let (who, values, notes) = check_part(framework, file, rest, Part::Top, old, &mut answers.gone, &mut problems);
    answers.values = values;
    answers.notes = notes;
    answers.respondent = who.respondent;
    for member in raw.members {
        let (who, values, _notes) = check_part(
            framework,
            file,
            member.entries,
            Part::Member,
            old,
            &mut answers.gone,
            &mut problems,
        );
        answers.team.push(Member {
            file: who.file.unwrap_or_default(),
            respondent: who.respondent.unwrap_or_default(),
            values,
        });
    }
    if !answers.gone.is_empty() {
        answers.warnings.push(Diagnostic::warning(
            &file.name,
            None,
            format!(
                "these answers are ignored: their questions no longer exist: {}",
                answers.gone.join(", ")
            ),
        ));
    }
    for question in framework.questions.values().filter(|_| require) {
        if question.required
            && !answers.values.contains_key(&question.id)
            && !problems
                .iter()
                .any(|p| p.message.starts_with(&format!("`{}`:", question.id)))
        {
            let (section, key) = question.id.split_once('.').unwrap_or((&question.id, ""));
            problems.push(
                Diagnostic::error(
                    &file.name,
                    None,
                    format!("missing required answer `{}` ({})", question.id, question.title),
                )
                .with_help(format!("add `{key} = ...` under [{section}]: {}", question.expected())),
            );
        }
    }
    if problems.is_empty() {
        Ok(answers)
    } else {
        Err(Diagnostics(problems))
    }
}

/// Reads the `[framework]` table: the framework, version and date the answers were written
/// for. `false` when they were written for another framework (nothing else is checked then).
fn read_meta(
    framework: &Framework,
    file: &Source<'_>,
    meta: Vec<RawAnswer>,
    answers: &mut Answers,
    problems: &mut Vec<Diagnostic>,
) -> bool {
    let mut same_framework = true;
    for entry in meta {
        if entry.key == "assessed" {
            let text = match &entry.value {
                RawValue::Date(s) | RawValue::String(s) => s.clone(),
                _ => String::new(),
            };
            match text.parse::<jiff::civil::Date>() {
                Ok(date) if text.len() == 10 => answers.assessed = Some(date.to_string()),
                _ => problems.push(
                    error_at(file, &entry.at, format!("`{META_SECTION}.assessed` must be a date"))
                        .with_help("write the day the answers were given as YYYY-MM-DD, e.g. assessed = 2026-01-15"),
                ),
            }
            continue;
        }
        let value = match entry.value {
            RawValue::String(s) => s,
            _ => {
                problems.push(error_at(
                    file,
                    &entry.at,
                    format!("`{META_SECTION}.{}` must be a text", entry.key),
                ));
                continue;
            }
        };
        match entry.key.as_str() {
            "id" => {
                if value != framework.id {
                    let builtin = crate::rules::built_in_ids().contains(&value.as_str());
                    let help = if builtin {
                        format!(
                            "assess them with `--framework {value}`, or change `id` to \"{}\"",
                            framework.id
                        )
                    } else {
                        format!(
                            "assess them with `--rules PATH` for that framework, or change `id` to \"{}\"",
                            framework.id
                        )
                    };
                    problems.push(
                        error_at(
                            file,
                            &entry.at,
                            format!(
                                "the answers were written for framework `{value}`, not `{}`",
                                framework.id
                            ),
                        )
                        .with_help(help),
                    );
                    same_framework = false;
                }
                answers.framework_id = Some(value);
            }
            "version" => answers.framework_version = Some(value),
            other => problems.push(
                error_at(
                    file,
                    &entry.key_at,
                    format!("unknown key `{other}` in [{META_SECTION}]"),
                )
                .with_help(
                    "[framework] holds `id`, `version` and `assessed`: the framework the answers were written for, and when",
                ),
            ),
        }
    }
    same_framework
}

/// Who answered, as a part of a file says: `[respondent]`, or a `[[respondents]]` entry.
#[derive(Default)]
struct Who {
    file: Option<String>,
    respondent: Option<Respondent>,
}

/// Checks one part's answers against the framework's questions; problems go to `problems`,
/// ids of questions that no longer exist (when `old`, the file is for another version) to `gone`.
fn check_part(
    framework: &Framework,
    file: &Source<'_>,
    raw: Vec<RawAnswer>,
    part: Part,
    old: bool,
    gone: &mut Vec<String>,
    problems: &mut Vec<Diagnostic>,
) -> (Who, IndexMap<String, AnswerValue>, IndexMap<String, String>) {
    let mut who = Who::default();
    let mut values = IndexMap::new();
    let mut unknown = 0;
    let mut notes = IndexMap::new();
    for answer in raw {
        if answer.section == RESPONDENT_SECTION {
            respondent_entry(file, answer, part, &mut who, problems);
            continue;
        }
        if answer.section == META_SECTION {
            problems.push(error_at(
                file,
                &answer.key_at,
                format!("[{META_SECTION}] belongs at the top of the file, not in a respondent's answers"),
            ));
            continue;
        }
        let id = format!("{}.{}", answer.section, answer.key);
        let Some(question) = framework.questions.get(&id) else {
            if old {
                if !gone.contains(&id) {
                    gone.push(id);
                }
                continue;
            }
            let mut d = error_at(file, &answer.key_at, format!("unknown question `{id}`"));
            // Suggestions for the first few: a file of thousands of unknown keys is no typo.
            unknown += 1;
            let suggestion = (unknown <= 100)
                .then(|| closest(&id, framework.questions.keys().map(String::as_str)))
                .flatten();
            if let Some(best) = suggestion {
                d = d.with_help(format!("did you mean `{best}`?"));
            } else {
                d = d.with_help("`readiness template` lists every question");
            }
            problems.push(d);
            continue;
        };
        let (value, note) = match answer.value {
            RawValue::Noted(value, note) => (*value, Some(note)),
            other => (other, None),
        };
        match typed(question, value) {
            Ok(value) => {
                if let Some(note) = note.filter(|n| !n.trim().is_empty()) {
                    notes.insert(id.clone(), note.trim().to_string());
                }
                values.insert(id, value);
            }
            Err(message) => {
                problems.push(
                    error_at(file, &answer.at, format!("`{id}`: {message}"))
                        .with_help(format!("expected {}", question.expected())),
                );
            }
        }
    }
    (who, values, notes)
}

/// One entry of `[respondent]` (`name`, `role`) or of a `[[respondents]]` entry (also `file`).
fn respondent_entry(file: &Source<'_>, entry: RawAnswer, part: Part, who: &mut Who, problems: &mut Vec<Diagnostic>) {
    let table = match part {
        Part::Top => format!("[{RESPONDENT_SECTION}]"),
        Part::Member => format!("[[{TEAM_SECTION}]]"),
    };
    let allowed = match part {
        Part::Top => "`name` and `role`: who gave these answers",
        Part::Member => "`file`, `name` and `role`, and the respondent's answers in tables such as [respondents.why]",
    };
    let RawValue::String(value) = entry.value else {
        problems.push(
            error_at(file, &entry.at, format!("`{}` in {table} must be a text", entry.key))
                .with_help(format!("{table} holds {allowed}")),
        );
        return;
    };
    let respondent = who.respondent.get_or_insert_with(Respondent::default);
    match (entry.key.as_str(), part) {
        ("name", _) => respondent.name = Some(value),
        ("role", _) => respondent.role = Some(value),
        ("file", Part::Member) => who.file = Some(value),
        (other, _) => problems.push(
            error_at(file, &entry.key_at, format!("unknown key `{other}` in {table}"))
                .with_help(format!("{table} holds {allowed}")),
        ),
    }
}

fn typed(question: &Question, value: RawValue) -> Result<AnswerValue, String> {
    match (question.kind, value) {
        (_, RawValue::Noted(..)) => Err("an answer cannot be a table".to_string()),
        (_, RawValue::BadTable(message)) => Err(message),
        (_, RawValue::Fields(fields)) => Err(fields
            .iter()
            .find_map(|(key, value)| match (key.as_str(), value) {
                (ANSWER_KEY, _) | (NOTE_KEY, RawValue::String(_)) => None,
                (NOTE_KEY, _) => Some("`note` must be a text".to_string()),
                (other, _) => Some(format!(
                    "unknown key `{other}`: an answer with a note is written {{ answer = ..., note = \"...\" }}"
                )),
            })
            .unwrap_or_default()),
        (AnswerKind::Choice, RawValue::String(s)) if s == NOT_APPLICABLE && question.not_applicable => {
            Ok(AnswerValue::NotApplicable)
        }
        (AnswerKind::Choice, RawValue::String(s)) if s == DONT_KNOW && question.dont_know => Ok(AnswerValue::DontKnow),
        (AnswerKind::Text, RawValue::String(s)) => {
            if question.required && s.trim().is_empty() {
                Err("the answer is empty".to_string())
            } else {
                Ok(AnswerValue::Text(s))
            }
        }
        (AnswerKind::Choice, RawValue::String(s)) => {
            if question.choices.contains_key(&s) {
                Ok(AnswerValue::Choice(s))
            } else {
                Err(format!("{} is not an allowed value", quoted(&s)))
            }
        }
        (AnswerKind::Integer, RawValue::Integer(n)) => {
            if question.min.is_some_and(|min| n < min) || question.max.is_some_and(|max| n > max) {
                Err(format!("{n} is out of range"))
            } else {
                Ok(AnswerValue::Integer(n))
            }
        }
        (AnswerKind::Integer, RawValue::String(s)) => Err(format!(
            "found the text {} where a number is wanted (write it without quotes)",
            quoted(&s)
        )),
        (AnswerKind::Choice, RawValue::Integer(n)) => {
            Err(format!("found the number {n} where one of the values is wanted"))
        }
        (AnswerKind::Text, RawValue::Integer(n)) => Err(format!(
            "found the number {n} where a text is wanted (put it in quotes)"
        )),
        (_, RawValue::Date(_)) => Err("found a date".to_string()),
        (_, RawValue::Boolean(_)) => Err("found a boolean".to_string()),
        (_, RawValue::Other(what)) => Err(format!("found {what}")),
    }
}

/// Reads an answer typed as plain text (a `--set` value, a reply at a prompt), checked like
/// an answer in a file: a whole number for integer questions, one of the values for choices.
pub fn from_text(question: &Question, text: &str) -> Result<AnswerValue, String> {
    let raw = match (question.kind, text.parse::<i64>()) {
        (AnswerKind::Integer, Ok(n)) => RawValue::Integer(n),
        (AnswerKind::Integer, Err(_)) => return Err(format!("{} is not a whole number", quoted(text))),
        _ => RawValue::String(text.to_string()),
    };
    typed(question, raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{choice, mini};

    fn read(name: &str, text: &str) -> Result<Answers, Diagnostics> {
        let file = SourceFile {
            name: name.to_string(),
            text: text.to_string(),
        };
        parse(&mini(), &file, Syntax::for_name(name))
    }

    const REQUIRED: &str = "[profile]\norganization = \"Test\"\norg_type = \"school\"\n";

    #[test]
    fn answers_are_typed_by_their_question() {
        let a = read(
            "a.toml",
            &format!("{REQUIRED}educators = 12\n\n[one]\ndecided = \"yes\"\n"),
        )
        .unwrap();
        assert_eq!(a.get("profile.educators"), Some(&AnswerValue::Integer(12)));
        assert_eq!(a.get("one.decided"), Some(&choice("yes")));
        let json = read(
            "a.json",
            r#"{"profile": {"organization": "Test", "org_type": "school"}, "one": {"decided": "no"}}"#,
        )
        .unwrap();
        assert_eq!(json.get("one.decided"), Some(&choice("no")));
    }

    #[test]
    fn every_problem_is_reported_with_its_place_and_what_is_allowed() {
        let d = read(
            "a.toml",
            &format!("{REQUIRED}educators = \"many\"\n\n[one]\ndecidd = \"yes\"\nshared = \"maybe\"\n"),
        )
        .unwrap_err();
        let found: Vec<(Option<usize>, &str, Option<&str>)> =
            d.0.iter()
                .map(|d| (d.line, d.message.as_str(), d.help.as_deref()))
                .collect();
        assert_eq!(
            found,
            [
                (
                    Some(4),
                    "`profile.educators`: found the text \"many\" where a number is wanted (write it without quotes)",
                    Some("expected a whole number of at least 1")
                ),
                (
                    Some(7),
                    "unknown question `one.decidd`",
                    Some("did you mean `one.decided`?")
                ),
                (
                    Some(8),
                    "`one.shared`: \"maybe\" is not an allowed value",
                    Some("expected one of \"yes\", \"partly\", \"no\", \"dont_know\"")
                ),
            ]
        );
    }

    #[test]
    fn missing_required_answers_are_errors_unless_the_file_is_unfinished() {
        let text = "[one]\ndecided = \"yes\"\n";
        let d = read("a.toml", text).unwrap_err();
        assert_eq!(d.0.len(), 2, "{d}");
        assert!(
            d.0[0]
                .message
                .starts_with("missing required answer `profile.organization`")
        );
        let file = SourceFile {
            name: "a.toml".into(),
            text: text.into(),
        };
        assert!(parse_unfinished(&mini(), &file, Syntax::Toml).is_ok());
    }

    #[test]
    fn a_syntax_error_points_at_the_line_in_toml_and_json() {
        let toml = read("a.toml", "[profile\n").unwrap_err();
        assert_eq!(toml.0[0].line, Some(1));
        assert!(toml.0[0].message.starts_with("this is not valid TOML"));
        let json = read("a.json", "{\n  \"profile\": {,}\n}").unwrap_err();
        assert_eq!((json.0[0].line, json.0[0].column), (Some(2), Some(15)));
        assert!(json.0[0].excerpt.is_some());
    }

    #[test]
    fn a_table_is_read_like_a_file() {
        let table: toml::Table = toml::from_str(&format!("{REQUIRED}[one]\ndecided = 3\n")).unwrap();
        let d = from_table(&mini(), "case", &table).unwrap_err();
        assert_eq!(d.0[0].file, "case");
        assert!(d.0[0].message.contains("found the number 3"), "{d}");
    }

    #[test]
    fn an_answer_may_carry_a_note_in_toml_and_json() {
        let a = read(
            "a.toml",
            &format!("{REQUIRED}\n[one]\ndecided = {{ answer = \"partly\", note = \" Board yes, staff not yet \" }}\n"),
        )
        .unwrap();
        assert_eq!(a.get("one.decided"), Some(&choice("partly")));
        assert_eq!(
            a.notes.get("one.decided").map(String::as_str),
            Some("Board yes, staff not yet")
        );
        let json = read(
            "a.json",
            r#"{"profile": {"organization": "Test", "org_type": "school"}, "one": {"decided": {"answer": "no", "note": "n"}}}"#,
        )
        .unwrap();
        assert_eq!(json.notes.get("one.decided").map(String::as_str), Some("n"));
    }

    #[test]
    fn a_table_that_is_not_an_answer_with_a_note_is_an_error() {
        for (table, expected) in [
            ("{ note = \"n\" }", "needs `answer`"),
            ("{ answer = \"yes\", notes = \"n\" }", "unknown key `notes`"),
            ("{ answer = \"yes\", note = 3 }", "`note` must be a text"),
            ("{ answer = { answer = \"yes\" } }", "cannot be a table"),
            (
                "{ answer = \"maybe\", note = \"n\" }",
                "\"maybe\" is not an allowed value",
            ),
        ] {
            let d = read("a.toml", &format!("{REQUIRED}\n[one]\ndecided = {table}\n")).unwrap_err();
            assert!(d.0[0].message.contains(expected), "{table}: {d}");
            assert_eq!(d.0[0].line, Some(6), "{table}");
        }
    }

    #[test]
    fn dont_know_is_for_big_questions_and_tasks_and_not_applicable_only_where_allowed() {
        let a = read("a.toml", &format!("{REQUIRED}\n[one]\ndecided = \"dont_know\"\n")).unwrap();
        assert_eq!(a.get("one.decided"), Some(&AnswerValue::DontKnow));
        let profile = read("a.toml", "[profile]\norganization = \"T\"\norg_type = \"dont_know\"\n").unwrap_err();
        assert!(profile.0[0].message.contains("not an allowed value"), "{profile}");
        let na = read("a.toml", &format!("{REQUIRED}\n[one]\ndecided = \"not_applicable\"\n")).unwrap_err();
        assert!(na.0[0].message.contains("not an allowed value"), "{na}");
    }
}
