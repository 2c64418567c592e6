//! The server's data folder: the admin token, and one folder per assessment holding its
//! manifest and its respondents' answers files.
//!
//! ```text
//! DIR/admin.token                                  the admin link's token (owner-only)
//! DIR/assessments/a1/assessment.toml               the assessment (see [`super::manifest`])
//! DIR/assessments/a1/answers/r1.toml               one answers file per respondent
//! ```
//!
//! Every name on disk is made here (`a1`, `r1`...): nothing a request carries ever becomes
//! a path. Answers files are edited through the terminal survey's own writer
//! ([`crate::survey::store::AnswersFile`]): the change is written to a temporary file,
//! flushed to the disk, renamed over the old file, and the folder flushed too, so an answer
//! is acknowledged only once it is on disk and a crash at any moment leaves every file whole.
//! Requests for the same file wait for each other; requests for different files do not.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use indexmap::IndexMap;

use super::manifest::{Manifest, RespondentEntry};
use super::tokens;
use crate::answers::{self, AnswerValue, Answers, Dates, Syntax};
use crate::io::{Existing, io_reason, read_existing, write_atomic};
use crate::rules::{Framework, Role};
use crate::survey::store::{AnswersFile, OpenError};

/// How many assessments and respondents one server holds at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Assessments in the data folder.
    pub assessments: usize,
    /// Respondents in one assessment.
    pub respondents: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            assessments: 500,
            respondents: 100,
        }
    }
}

/// Why a change to the data was refused or failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// A limit is reached: the message says which, for the person who asked.
    Limit(String),
    /// The question no longer applies to the answers in the file (a page from before
    /// another answer changed): nothing was written.
    NotAsked,
    /// Another program (a terminal survey) is editing the file: nothing was written.
    Busy(String),
    /// A file cannot be read or written: the message says which and why.
    Io(String),
}

/// The assessments in memory, and the respondents' tokens by digest.
#[derive(Debug, Default)]
struct State {
    assessments: IndexMap<String, Manifest>,
    tokens: HashMap<[u8; 32], (String, String)>,
}

/// A respondent found by their link's token.
#[derive(Debug, Clone)]
pub struct Found {
    /// The assessment's id.
    pub assessment: String,
    /// The assessment.
    pub manifest: Manifest,
    /// The respondent.
    pub respondent: RespondentEntry,
}

/// The data folder of a running server.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    framework: Framework,
    admin_token: String,
    limits: Limits,
    state: Mutex<State>,
    /// One lock per answers file, so requests for one file are served one at a time.
    files: Mutex<HashMap<PathBuf, Arc<Mutex<()>>>>,
}

/// Whether `id` is `prefix` followed by a number from 1 (`a1`, `r12`): the only names the
/// server gives folders and files.
pub fn is_id(id: &str, prefix: char) -> bool {
    id.strip_prefix(prefix)
        .is_some_and(|n| !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0'))
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Makes a folder (and its parents) readable by its owner only.
fn private_dir(path: &Path) -> Result<(), String> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(path)
        .map_err(|e| format!("{}: cannot create the folder: {}", path.display(), io_reason(&e)))
}

/// Flushes a folder's entries to the disk, so that a file renamed into it stays after a crash.
fn sync_dir(dir: &Path) -> Result<(), String> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir).and_then(|f| f.sync_all()).map_err(|e| {
            format!(
                "{}: cannot flush the folder to the disk: {}",
                dir.display(),
                io_reason(&e)
            )
        })?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Reads the admin token, or creates it (owner-only) on the first start.
fn admin_token(root: &Path) -> Result<String, String> {
    let path = root.join("admin.token");
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let token = text.trim().to_string();
            if tokens::well_formed(&token) {
                Ok(token)
            } else {
                Err(format!(
                    "{}: this is not an admin token (32 base64url characters)\n  help: remove the file, and a new admin link is made on the next start",
                    path.display()
                ))
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let token = tokens::new_token()?;
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let written = options.open(&path).and_then(|mut f| {
                use std::io::Write;
                f.write_all(format!("{token}\n").as_bytes())?;
                f.sync_all()
            });
            written.map_err(|e| format!("{}: cannot write the admin token: {}", path.display(), io_reason(&e)))?;
            sync_dir(root)?;
            Ok(token)
        }
        Err(e) => Err(format!("{}: cannot read: {}", path.display(), io_reason(&e))),
    }
}

impl Store {
    /// Opens the data folder `root` (created if missing) for `framework`: reads the admin
    /// token (made on the first start) and every assessment. A manifest that cannot be
    /// read is an error naming it; the server does not start over damaged data.
    pub fn open(root: &Path, framework: Framework, limits: Limits) -> Result<Store, String> {
        private_dir(&root.join("assessments"))?;
        let admin_token = admin_token(root)?;
        let mut state = State::default();
        let dir = root.join("assessments");
        let entries = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: cannot read the folder: {}", dir.display(), io_reason(&e)))?;
        let mut ids: Vec<(u64, String)> = entries
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .filter(|name| is_id(name, 'a'))
            .map(|name| (name[1..].parse().unwrap_or(0), name))
            .collect();
        ids.sort();
        for (_, id) in ids {
            let path = dir.join(&id).join("assessment.toml");
            let Some(file) = read_existing(&path)? else { continue };
            let manifest = Manifest::parse(&file.text).map_err(|e| {
                format!(
                    "{}: {e}\n  help: correct the file, or move its folder out of {}",
                    path.display(),
                    dir.display()
                )
            })?;
            for r in &manifest.respondents {
                state
                    .tokens
                    .insert(tokens::digest(&r.token), (id.clone(), r.id.clone()));
            }
            state.assessments.insert(id, manifest);
        }
        Ok(Store {
            root: root.to_path_buf(),
            framework,
            admin_token,
            limits,
            state: Mutex::new(state),
            files: Mutex::default(),
        })
    }

    /// The data folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The framework every assessment of this server answers.
    pub fn framework(&self) -> &Framework {
        &self.framework
    }

    /// The admin link's token.
    pub fn admin_token(&self) -> &str {
        &self.admin_token
    }

    /// The limits on assessments and respondents.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Whether `token` is the admin's.
    pub fn is_admin(&self, token: &str) -> bool {
        tokens::same(token, &self.admin_token)
    }

    /// The respondent whose link has this token.
    pub fn respondent(&self, token: &str) -> Option<Found> {
        if !tokens::well_formed(token) {
            return None;
        }
        let state = lock(&self.state);
        let (aid, rid) = state.tokens.get(&tokens::digest(token))?;
        let manifest = state.assessments.get(aid)?;
        let respondent = manifest.respondent(rid)?;
        tokens::same(&respondent.token, token).then(|| Found {
            assessment: aid.clone(),
            manifest: manifest.clone(),
            respondent: respondent.clone(),
        })
    }

    /// Every assessment, oldest first.
    pub fn assessments(&self) -> Vec<(String, Manifest)> {
        lock(&self.state)
            .assessments
            .iter()
            .map(|(id, m)| (id.clone(), m.clone()))
            .collect()
    }

    /// The assessment with this id.
    pub fn assessment(&self, id: &str) -> Option<Manifest> {
        lock(&self.state).assessments.get(id).cloned()
    }

    fn assessment_dir(&self, id: &str) -> PathBuf {
        self.root.join("assessments").join(id)
    }

    /// The folder of an assessment's answers files.
    pub fn answers_dir(&self, id: &str) -> PathBuf {
        self.assessment_dir(id).join("answers")
    }

    /// A respondent's answers file.
    pub fn answers_path(&self, assessment: &str, respondent: &str) -> PathBuf {
        self.answers_dir(assessment).join(format!("{respondent}.toml"))
    }

    fn write_manifest(&self, id: &str, manifest: &Manifest) -> Result<(), StoreError> {
        let path = self.assessment_dir(id).join("assessment.toml");
        write_atomic(&path, manifest.to_toml().as_bytes(), Existing::Replace).map_err(StoreError::Io)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
                .map_err(|e| StoreError::Io(format!("{}: {}", path.display(), io_reason(&e))))?;
        }
        sync_dir(&self.assessment_dir(id)).map_err(StoreError::Io)
    }

    /// Creates an assessment of `organization`, with the organization's identity answers
    /// (already checked) that every respondent's file starts with. Returns its id.
    pub fn create_assessment(
        &self,
        organization: &str,
        identity: IndexMap<String, String>,
    ) -> Result<String, StoreError> {
        let mut state = lock(&self.state);
        if state.assessments.len() >= self.limits.assessments {
            return Err(StoreError::Limit(format!(
                "this server holds at most {} assessments, and has as many: start another server with another --data folder for more",
                self.limits.assessments
            )));
        }
        let next = state
            .assessments
            .keys()
            .filter_map(|id| id[1..].parse::<u64>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        let id = format!("a{next}");
        let manifest = Manifest {
            organization: organization.to_string(),
            framework: self.framework.id.to_string(),
            created: jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
            identity,
            respondents: Vec::new(),
        };
        private_dir(&self.answers_dir(&id)).map_err(StoreError::Io)?;
        self.write_manifest(&id, &manifest)?;
        sync_dir(&self.root.join("assessments")).map_err(StoreError::Io)?;
        state.assessments.insert(id.clone(), manifest);
        Ok(id)
    }

    /// Adds a respondent to an assessment: a token for their link, and their answers file,
    /// which says who they are and holds the organization's identity answers.
    pub fn add_respondent(
        &self,
        assessment: &str,
        name: &str,
        role: Option<&str>,
    ) -> Result<RespondentEntry, StoreError> {
        let mut state = lock(&self.state);
        let Some(manifest) = state.assessments.get(assessment) else {
            return Err(StoreError::Io(format!("no assessment {assessment}")));
        };
        if manifest.respondents.len() >= self.limits.respondents {
            return Err(StoreError::Limit(format!(
                "an assessment has at most {} respondents, and this one has as many",
                self.limits.respondents
            )));
        }
        let next = manifest
            .respondents
            .iter()
            .filter_map(|r| r.id[1..].parse::<u64>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        let entry = RespondentEntry {
            id: format!("r{next}"),
            name: name.to_string(),
            role: role.map(str::to_string),
            token: tokens::new_token().map_err(StoreError::Io)?,
        };
        let mut updated = manifest.clone();
        updated.respondents.push(entry.clone());
        // The answers file first: a manifest never names a respondent without one.
        let path = self.answers_path(assessment, &entry.id);
        let (mut file, _) = self.open_file(assessment, &path)?;
        for (id, value) in self.identity_answers(&updated) {
            file.set(&id, Some(&value));
        }
        file.set_respondent(name, role);
        file.save().map_err(StoreError::Io)?;
        sync_dir(&self.answers_dir(assessment)).map_err(StoreError::Io)?;
        drop(file);
        self.write_manifest(assessment, &updated)?;
        state
            .tokens
            .insert(tokens::digest(&entry.token), (assessment.to_string(), entry.id.clone()));
        state.assessments.insert(assessment.to_string(), updated);
        Ok(entry)
    }

    /// The answers an assessment sets for every respondent: the organization's name (the
    /// profile question `organization`) and the identity answers the admin chose.
    pub fn identity_answers(&self, manifest: &Manifest) -> Vec<(String, AnswerValue)> {
        let mut out = Vec::new();
        if let Some(q) = organization_question(&self.framework) {
            out.push((q.to_string(), AnswerValue::Text(manifest.organization.clone())));
        }
        for (id, value) in &manifest.identity {
            if let Some(q) = self.framework.questions.get(id)
                && let Ok(v) = answers::from_text(q, value)
            {
                out.push((id.clone(), v));
            }
        }
        out
    }

    fn open_file(&self, assessment: &str, path: &Path) -> Result<(AnswersFile, Answers), StoreError> {
        let resume = "the respondent's link from `readiness serve`".to_string();
        let assess = format!("readiness assess --team {}", self.answers_dir(assessment).display());
        AnswersFile::open(path, &self.framework, &resume, &assess).map_err(|e| match e {
            OpenError::Io(message) if message.contains("another readiness survey") => StoreError::Busy(message),
            OpenError::Io(message) => StoreError::Io(message),
            OpenError::Invalid(problems) => StoreError::Io(problems.render(false)),
        })
    }

    /// A respondent's answers as their file holds them now (none yet when it is missing).
    pub fn read_answers(&self, assessment: &str, respondent: &str) -> Result<Answers, String> {
        let path = self.answers_path(assessment, respondent);
        match read_existing(&path)? {
            None => Ok(Answers::default()),
            Some(file) => answers::parse_unfinished(&self.framework, &file, Syntax::Toml).map_err(|d| d.render(false)),
        }
    }

    /// The note on a respondent's answer to a question.
    pub fn note(&self, assessment: &str, respondent: &str, question: &str) -> Option<String> {
        self.read_answers(assessment, respondent)
            .ok()
            .and_then(|a| a.notes.get(question).cloned())
    }

    /// Saves a respondent's answer to a question, with its note (`None` or blank removes
    /// it), and removes the answers it makes moot; returns the ids removed. Returns only
    /// once the file is on disk. Nothing is written when the question does not apply to
    /// the answers in the file.
    pub fn save_answer(
        &self,
        assessment: &str,
        respondent: &str,
        question: &str,
        value: AnswerValue,
        note: Option<&str>,
    ) -> Result<Vec<String>, StoreError> {
        let path = self.answers_path(assessment, respondent);
        let file_lock = Arc::clone(lock(&self.files).entry(path.clone()).or_default());
        let _serial = lock(&file_lock);
        let (mut file, mut answers) = self.open_file(assessment, &path)?;
        if !crate::survey::applicable(&self.framework, &answers)
            .iter()
            .any(|q| q == question)
        {
            return Err(StoreError::NotAsked);
        }
        let dropped = crate::survey::set_answer(&self.framework, &mut answers, question, value.clone());
        file.set(question, Some(&value));
        file.set_note(question, note);
        for id in &dropped {
            file.set(id, None);
        }
        file.save().map_err(StoreError::Io)?;
        sync_dir(&self.answers_dir(assessment)).map_err(StoreError::Io)?;
        Ok(dropped)
    }

    /// Sets (or with `None` removes) the dates of timeline activities in a respondent's
    /// file, in one write that returns once the file is on disk. Activities not listed
    /// keep their dates; `done` and `location` written on an activity stay while it has
    /// dates.
    pub fn save_timeline(
        &self,
        assessment: &str,
        respondent: &str,
        dates: &[(String, Option<Dates>)],
    ) -> Result<(), StoreError> {
        let path = self.answers_path(assessment, respondent);
        let file_lock = Arc::clone(lock(&self.files).entry(path.clone()).or_default());
        let _serial = lock(&file_lock);
        let (mut file, _) = self.open_file(assessment, &path)?;
        for (id, dates) in dates {
            file.set_timeline(id, dates.as_ref());
        }
        file.save().map_err(StoreError::Io)?;
        sync_dir(&self.answers_dir(assessment)).map_err(StoreError::Io)
    }
}

/// The profile question that names the organization (`profile.organization` in the
/// built-in frameworks): the one whose answer the assessment calls the organization.
pub fn organization_question(framework: &Framework) -> Option<&str> {
    framework
        .questions
        .values()
        .find(|q| q.role == Role::Profile && q.id.split_once('.').is_some_and(|(_, k)| k == "organization"))
        .map(|q| q.id.as_ref())
}
