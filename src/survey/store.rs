//! The answers file a survey keeps: read and checked once, edited in place, saved whole.
//!
//! The file stays the one a person may have written: answers are set where they are (a
//! comment after a value stays after it), new answers go at the end of their table, and
//! comments and layout elsewhere are left as they were. Saving writes a temporary file and
//! renames it over the old one, so the file on disk is always a whole, valid answers file.

use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, InlineTable, Item, Table, Value};

use crate::answers::{
    self, AnswerValue, Answers, Dates, META_SECTION, PLAN_DUE, PLAN_OWNER, PLAN_STATUS, PlanEntry, Syntax,
};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::io::{Existing, FileLock, LockError, destination, read_existing, write_atomic};
use crate::rules::Framework;

/// Why an answers file cannot be used.
#[derive(Debug)]
pub enum OpenError {
    /// The file cannot be read: the message says why.
    Io(String),
    /// The file is not valid TOML or holds invalid answers.
    Invalid(Diagnostics),
}

/// An answers file being filled in.
#[derive(Debug)]
pub struct AnswersFile {
    path: PathBuf,
    doc: DocumentMut,
    /// Whether the file exists on disk (it is created on the first save).
    on_disk: bool,
    /// The permissions of the file as it was found, kept across saves.
    permissions: Option<std::fs::Permissions>,
    /// Held while the file is being filled in: no other survey may edit it meanwhile.
    _lock: FileLock,
}

impl AnswersFile {
    /// Opens the answers file at `path` and checks its answers against the framework, as
    /// `readiness assess` would, except that required answers may still be missing. A file
    /// that does not exist yet is an empty set of answers, created on the first save; its
    /// first lines say how to go on (`resume`) and how to assess it (`assess`), as commands.
    pub fn open(
        path: &Path,
        framework: &Framework,
        resume: &str,
        assess: &str,
    ) -> Result<(AnswersFile, Answers), OpenError> {
        // Through a symbolic link, the file edited (and locked) is the link's target.
        let target = destination(path).map_err(OpenError::Io)?;
        let lock = FileLock::acquire(&target).map_err(|e| match e {
            LockError::InUse(lock) => OpenError::Io(format!(
                "{}: another readiness survey is answering in this file; finish or stop it first, \
                 so that neither loses the other's answers\n  help: while a survey runs, it holds the lock {}",
                path.display(),
                lock.display()
            )),
            LockError::Io(reason) => OpenError::Io(format!(
                "{}: cannot lock the file for the survey: {reason}",
                path.display()
            )),
        })?;
        let source = match read_existing(path) {
            Ok(Some(source)) => source,
            Ok(None) => {
                let file = AnswersFile {
                    path: path.to_path_buf(),
                    doc: new_document(framework, resume, assess),
                    on_disk: false,
                    permissions: None,
                    _lock: lock,
                };
                return Ok((file, Answers::default()));
            }
            Err(reason) => {
                return Err(OpenError::Io(format!(
                    "{}: cannot read the file: {reason}",
                    path.display()
                )));
            }
        };
        let answers = answers::parse_unfinished(framework, &source, Syntax::Toml).map_err(OpenError::Invalid)?;
        let doc = source.text.parse::<DocumentMut>().map_err(|err| {
            let message = format!("this is not valid TOML: {}", err.message().trim_end());
            OpenError::Invalid(Diagnostics::one(match err.span() {
                Some(span) => Diagnostic::at(Severity::Error, &source, span, message),
                None => Diagnostic::error(&source.name, None, message),
            }))
        })?;
        let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
        let file = AnswersFile {
            path: path.to_path_buf(),
            doc,
            on_disk: true,
            permissions,
            _lock: lock,
        };
        Ok((file, answers))
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Sets the answer to question `id` (`section.name`), or removes it with `None`. An
    /// existing value is replaced where it stands, keeping the comment after it and the note
    /// on it; a new one goes at the end of its table, which is added at the end of the file
    /// if missing.
    pub fn set(&mut self, id: &str, value: Option<&AnswerValue>) {
        let note = self.note(id);
        self.write(id, value, note.as_deref());
    }

    /// Sets or removes (`None`) the note on the answer to `id`; a question with no answer
    /// takes no note.
    pub fn set_note(&mut self, id: &str, note: Option<&str>) {
        let (section, key) = id.split_once('.').unwrap_or((id, ""));
        let current = match self.doc.get(section).and_then(|t| t.get(key)) {
            Some(Item::Value(Value::InlineTable(t))) => t.get(ANSWER_KEY).cloned(),
            Some(Item::Value(v)) => Some(v.clone()),
            _ => None,
        };
        let Some(mut answer) = current else { return };
        answer.decor_mut().clear();
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        self.replace(section, key, noted(answer, note));
    }

    /// The note on the answer to `id`, if it has one.
    pub fn note(&self, id: &str) -> Option<String> {
        let (section, key) = id.split_once('.').unwrap_or((id, ""));
        match self.doc.get(section).and_then(|t| t.get(key)) {
            Some(Item::Value(Value::InlineTable(t))) => t.get(NOTE_KEY).and_then(Value::as_str).map(str::to_string),
            _ => None,
        }
    }

    fn write(&mut self, id: &str, value: Option<&AnswerValue>, note: Option<&str>) {
        let (section, key) = id.split_once('.').unwrap_or((id, ""));
        let Some(value) = value else {
            if let Some(table) = self.doc.get_mut(section).and_then(Item::as_table_like_mut) {
                table.remove(key);
            }
            return;
        };
        let answer = match value {
            AnswerValue::Integer(n) => Value::from(*n),
            other => Value::from(other.as_text()),
        };
        self.replace(section, key, noted(answer, note));
    }

    /// Puts `new` at `section.key`, where the old value stood (keeping its comments).
    fn replace(&mut self, section: &str, key: &str, mut new: Value) {
        if self.doc.get(section).and_then(Item::as_table_like).is_none() {
            let mut table = Table::new();
            table.decor_mut().set_prefix("\n");
            self.doc.insert(section, Item::Table(table));
        }
        let Some(table) = self.doc.get_mut(section).and_then(Item::as_table_like_mut) else {
            return;
        };
        match table.get_mut(key) {
            Some(Item::Value(old)) => {
                *new.decor_mut() = old.decor().clone();
                *old = new;
            }
            _ => {
                table.insert(key, Item::Value(new));
            }
        }
    }

    /// Sets the dates of a timeline activity in the `[timeline]` table (added at the end of
    /// the file if missing), or removes them with `None`. One day is written as a date
    /// (`training = 2026-02-10`), a range as `{ start = ..., end = ... }`; `done` and
    /// `location` written by hand on the activity stay.
    pub fn set_timeline(&mut self, id: &str, dates: Option<&Dates>) {
        let section = crate::rules::TIMELINE_SECTION;
        let Some(dates) = dates else {
            if let Some(table) = self.doc.get_mut(section).and_then(Item::as_table_like_mut) {
                table.remove(id);
            }
            return;
        };
        let kept: Vec<(String, Value)> = match self.doc.get(section).and_then(|t| t.get(id)) {
            Some(Item::Value(Value::InlineTable(t))) => t
                .iter()
                .filter(|(k, _)| !["date", "start", "end"].contains(k))
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
            _ => Vec::new(),
        };
        let value = if dates.start == dates.end && kept.is_empty() {
            date_value(dates.start)
        } else {
            let mut table = InlineTable::new();
            if dates.start == dates.end {
                table.insert("date", date_value(dates.start));
            } else {
                table.insert("start", date_value(dates.start));
                table.insert("end", date_value(dates.end));
            }
            for (k, v) in kept {
                table.insert(&k, v);
            }
            Value::InlineTable(table)
        };
        self.replace(section, id, value);
    }

    /// Says who answers (`[respondent]`: `name`, and `role` when given), replacing what the
    /// file said. The table goes at the end of the file when missing.
    pub fn set_respondent(&mut self, name: &str, role: Option<&str>) {
        let section = answers::RESPONDENT_SECTION;
        self.replace(section, "name", Value::from(name));
        match role {
            Some(role) => self.replace(section, "role", Value::from(role)),
            None => {
                if let Some(table) = self.doc.get_mut(section).and_then(Item::as_table_like_mut) {
                    table.remove("role");
                }
            }
        }
    }

    /// Sets what the action plan says of a task or recommendation (`[action_plan."id"]`): its
    /// owner, due date and status, each removed when `None`; the entry goes when nothing is
    /// left in it. Other keys and comments written by hand on the entry stay, and a new
    /// entry goes at the end of the file.
    pub fn set_plan(&mut self, id: &str, entry: &PlanEntry) {
        let section = crate::rules::PLAN_SECTION;
        if self.doc.get(section).and_then(Item::as_table_like).is_none() {
            let mut table = Table::new();
            table.set_implicit(true);
            self.doc.insert(section, Item::Table(table));
        }
        let Some(plan) = self.doc.get_mut(section).and_then(Item::as_table_like_mut) else {
            return;
        };
        if plan.get(id).and_then(Item::as_table_like).is_none() {
            let mut table = Table::new();
            table.decor_mut().set_prefix("\n");
            plan.insert(id, Item::Table(table));
        }
        let Some(item) = plan.get_mut(id).and_then(Item::as_table_like_mut) else {
            return;
        };
        let fields = [
            (PLAN_OWNER, entry.owner.as_deref().map(Value::from)),
            (PLAN_DUE, entry.due.map(date_value)),
            (PLAN_STATUS, entry.status.as_deref().map(Value::from)),
        ];
        for (key, value) in fields {
            match (value, item.get_mut(key)) {
                (Some(mut new), Some(Item::Value(old))) => {
                    *new.decor_mut() = old.decor().clone();
                    *old = new;
                }
                (Some(new), _) => {
                    item.insert(key, Item::Value(new));
                }
                (None, _) => {
                    item.remove(key);
                }
            }
        }
        if item.is_empty() {
            plan.remove(id);
        }
        if plan.is_empty() {
            self.doc.remove(section);
        }
    }

    /// The file's text as it would be saved.
    pub fn text(&self) -> String {
        self.doc.to_string()
    }

    /// Writes the file: to a temporary file beside it, then renamed over it.
    pub fn save(&mut self) -> Result<(), String> {
        let existing = if self.on_disk {
            Existing::Replace
        } else {
            Existing::Keep
        };
        write_atomic(&self.path, self.text().as_bytes(), existing)?;
        self.on_disk = true;
        if let Some(permissions) = &self.permissions {
            // The temporary file is private; give the file back the permissions it had.
            let _ = std::fs::set_permissions(&self.path, permissions.clone());
        }
        Ok(())
    }
}

/// A day as a TOML date.
fn date_value(date: jiff::civil::Date) -> Value {
    let day = toml_edit::Date {
        year: u16::try_from(date.year()).unwrap_or(0),
        month: u8::try_from(date.month()).unwrap_or(1),
        day: u8::try_from(date.day()).unwrap_or(1),
    };
    Value::from(toml_edit::Datetime {
        date: Some(day),
        time: None,
        offset: None,
    })
}

/// The keys of an answer with a note: `{ answer = "partly", note = "why" }`.
const ANSWER_KEY: &str = "answer";
const NOTE_KEY: &str = "note";

/// An answer as the file holds it: the value alone, or `{ answer = ..., note = "..." }`.
fn noted(answer: Value, note: Option<&str>) -> Value {
    match note {
        None => answer,
        Some(note) => {
            let mut table = InlineTable::new();
            table.insert(ANSWER_KEY, answer);
            table.insert(NOTE_KEY, Value::from(note));
            Value::InlineTable(table)
        }
    }
}

/// A new answers file: a comment saying how to go on, and the `[framework]` table.
fn new_document(framework: &Framework, resume: &str, assess: &str) -> DocumentMut {
    let mut doc = DocumentMut::new();
    let mut meta = Table::new();
    meta.decor_mut().set_prefix(format!(
        "# Answers for \"{}\" ({} {}).\n\
         # `readiness survey` saves each answer here as soon as it is given.\n\
         # Go on answering with: {resume}\n\
         # Assess the answers with: {assess}\n\n",
        framework.name, framework.id, framework.version
    ));
    meta.insert("id", Item::Value(Value::from(framework.id.as_ref())));
    meta.insert("version", Item::Value(Value::from(framework.version.as_ref())));
    doc.insert(META_SECTION, Item::Table(meta));
    doc
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
