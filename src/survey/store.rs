//! The answers file a survey keeps: read and checked once, edited in place, saved whole.
//!
//! The file stays the one a person may have written: answers are set where they are (a
//! comment after a value stays after it), new answers go at the end of their table, and
//! comments and layout elsewhere are left as they were. Saving writes a temporary file and
//! renames it over the old one, so the file on disk is always a whole, valid answers file.

use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, InlineTable, Item, Table, Value};

use crate::answers::{self, AnswerValue, Answers, Dates, META_SECTION, Syntax};
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

/// A new answers file: a comment saying how to go on, and the `[framework]` table.
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
    meta.insert("id", Item::Value(Value::from(framework.id.as_str())));
    meta.insert("version", Item::Value(Value::from(framework.version.as_str())));
    doc.insert(META_SECTION, Item::Table(meta));
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{choice, ctq};

    #[test]
    fn a_new_file_names_the_framework_and_takes_answers_in_order() {
        let fw = ctq();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("answers.toml");
        let (mut file, answers) = AnswersFile::open(
            &path,
            &fw,
            "readiness survey",
            "readiness assess --answers answers.toml",
        )
        .unwrap();
        assert!(answers.values.is_empty());
        file.set(
            "profile.organization",
            Some(&AnswerValue::Text("Nazareth \"Area\"".into())),
        );
        file.set("profile.educators", Some(&AnswerValue::Integer(320)));
        file.set("why.goals", Some(&choice("partly")));
        file.save().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("# Answers for \""), "{text}");
        assert!(text.contains("# Go on answering with: readiness survey\n"), "{text}");
        assert!(
            text.contains("# Assess the answers with: readiness assess --answers answers.toml\n"),
            "{text}"
        );
        assert!(
            text.contains(&format!(
                "[framework]\nid = \"ctq\"\nversion = \"{}\"\n\n[profile]\n",
                fw.version
            )),
            "{text}"
        );
        assert!(
            text.ends_with(
                "[profile]\norganization = 'Nazareth \"Area\"'\neducators = 320\n\n[why]\ngoals = \"partly\"\n"
            ),
            "{text}"
        );
        // What was saved reads back as the same answers (once the survey is done with it).
        drop(file);
        let (_, again) = AnswersFile::open(
            &path,
            &fw,
            "readiness survey",
            "readiness assess --answers answers.toml",
        )
        .unwrap();
        assert_eq!(again.get("profile.educators"), Some(&AnswerValue::Integer(320)));
        assert_eq!(again.get("why.goals"), Some(&choice("partly")));
    }

    #[test]
    fn comments_and_layout_survive_changes() {
        let fw = ctq();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("answers.toml");
        let original = "# Our answers, kept by hand.\n\n\
                        [profile]\n\
                        # who we are\n\
                        organization   = \"Lakeside\"   # the official name\n\
                        org_type = \"district\"\n\n\
                        # Phase one: see the minutes of 3 May\n\
                        [why]\n\
                        goals = \"no\" # to discuss\n\
                        capacity = \"done\"\n";
        std::fs::write(&path, original).unwrap();
        let (mut file, answers) = AnswersFile::open(
            &path,
            &fw,
            "readiness survey",
            "readiness assess --answers answers.toml",
        )
        .unwrap();
        assert_eq!(answers.values.len(), 4);
        file.set("why.goals", Some(&choice("yes")));
        file.set("why.capacity", None);
        file.set("why.possibilities", Some(&choice("partly")));
        file.set("how.fee_based", Some(&choice("no")));
        file.save().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "# Our answers, kept by hand.\n\n\
             [profile]\n\
             # who we are\n\
             organization   = \"Lakeside\"   # the official name\n\
             org_type = \"district\"\n\n\
             # Phase one: see the minutes of 3 May\n\
             [why]\n\
             goals = \"yes\" # to discuss\n\
             possibilities = \"partly\"\n\n\
             [how]\n\
             fee_based = \"no\"\n"
        );
    }

    #[test]
    fn dotted_keys_and_inline_tables_are_edited_where_they_are() {
        let fw = ctq();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("answers.toml");
        std::fs::write(
            &path,
            "profile.organization = \"Lakeside\"\nprofile.org_type = \"school\"\nwhy = { goals = \"no\" }\n",
        )
        .unwrap();
        let (mut file, _) = AnswersFile::open(
            &path,
            &fw,
            "readiness survey",
            "readiness assess --answers answers.toml",
        )
        .unwrap();
        file.set("profile.org_type", Some(&choice("district")));
        file.set("why.goals", Some(&choice("yes")));
        let text = file.text();
        assert!(text.contains("profile.org_type = \"district\""), "{text}");
        assert!(text.contains("goals = \"yes\""), "{text}");
        assert!(text.starts_with("profile.organization = \"Lakeside\"\n"), "{text}");
    }

    #[test]
    fn an_invalid_file_is_reported_and_left_alone() {
        let fw = ctq();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("answers.toml");
        std::fs::write(&path, "[why]\ngoals = \"maybe\"\n").unwrap();
        match AnswersFile::open(
            &path,
            &fw,
            "readiness survey",
            "readiness assess --answers answers.toml",
        ) {
            Err(OpenError::Invalid(d)) => {
                let text = d.to_string();
                assert!(text.contains("answers.toml:2:9"), "{text}");
                assert!(text.contains("not an allowed value"), "{text}");
            }
            other => panic!("{other:?}"),
        }
        std::fs::write(&path, "[why\n").unwrap();
        assert!(matches!(
            AnswersFile::open(
                &path,
                &fw,
                "readiness survey",
                "readiness assess --answers answers.toml"
            ),
            Err(OpenError::Invalid(_))
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "[why\n");
    }

    #[test]
    fn missing_required_answers_do_not_stop_a_file_being_filled_in() {
        let fw = ctq();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("answers.toml");
        std::fs::write(&path, "[profile]\norganization = \"Lakeside\"\n").unwrap();
        let (_, answers) = AnswersFile::open(
            &path,
            &fw,
            "readiness survey",
            "readiness assess --answers answers.toml",
        )
        .unwrap();
        assert_eq!(answers.values.len(), 1);
    }

    #[test]
    fn a_second_survey_on_the_same_file_is_refused_while_the_first_runs() {
        let fw = ctq();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("answers.toml");
        let open = || AnswersFile::open(&path, &fw, "readiness survey", "readiness assess answers.toml");
        let (mut first, _) = open().unwrap();
        match open() {
            Err(OpenError::Io(message)) => assert!(message.contains("another readiness survey"), "{message}"),
            other => panic!("{other:?}"),
        }
        first.set("profile.organization", Some(&AnswerValue::Text("Lakeside".into())));
        first.save().unwrap();
        drop(first);
        let (mut second, answers) = open().unwrap();
        assert_eq!(answers.values.len(), 1, "the first survey's answer is there");
        second.set("why.goals", Some(&choice("yes")));
        second.save().unwrap();
        drop(second);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("organization = \"Lakeside\""), "{text}");
        assert!(text.contains("goals = \"yes\""), "{text}");
        // Nothing is left beside the file: no lock, no temporary file.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_answers_file_is_written_through_the_link() {
        let fw = ctq();
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.toml");
        std::fs::write(&target, "[profile]\norganization = \"Lakeside\"\n").unwrap();
        let link = dir.path().join("answers.toml");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let (mut file, _) = AnswersFile::open(&link, &fw, "readiness survey", "readiness assess").unwrap();
        file.set("why.goals", Some(&choice("yes")));
        file.save().unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert!(std::fs::read_to_string(&target).unwrap().contains("goals = \"yes\""));
    }

    #[test]
    fn a_folder_cannot_be_read() {
        let fw = ctq();
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            AnswersFile::open(
                dir.path(),
                &fw,
                "readiness survey",
                "readiness assess --answers answers.toml"
            ),
            Err(OpenError::Io(_))
        ));
    }

    #[test]
    fn a_note_goes_with_its_answer_and_stays_when_the_answer_changes() {
        let fw = ctq();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("answers.toml");
        std::fs::write(&path, "[why]\n# ours\ngoals = \"partly\" # kept\n").unwrap();
        let (mut file, _) = AnswersFile::open(&path, &fw, "r", "a").unwrap();
        file.set_note("why.goals", Some("Board approved"));
        assert!(
            file.text()
                .contains("goals = { answer = \"partly\", note = \"Board approved\" }"),
            "{}",
            file.text()
        );
        file.set("why.goals", Some(&choice("yes")));
        assert_eq!(file.note("why.goals").as_deref(), Some("Board approved"));
        assert!(file.text().contains("answer = \"yes\""), "{}", file.text());
        assert!(file.text().contains("# ours\n"), "{}", file.text());
        file.set_note("why.goals", Some("  "));
        assert!(file.text().contains("goals = \"yes\""), "{}", file.text());
        assert_eq!(file.note("why.goals"), None);
        // No answer, no note.
        file.set_note("why.possibilities", Some("n"));
        assert!(!file.text().contains("possibilities"), "{}", file.text());
        file.save().unwrap();
        drop(file);
        let (_, again) = AnswersFile::open(&path, &fw, "r", "a").unwrap();
        assert_eq!(again.get("why.goals"), Some(&choice("yes")));
    }
}
