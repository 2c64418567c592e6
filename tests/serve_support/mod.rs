//! What the checks of `readiness serve` share (the browser test and the load benchmark): the
//! real binary started on a free loopback port over a data folder, its admin link read from
//! the first line it prints, stopped with SIGTERM or killed with SIGKILL; and the answers
//! files it keeps, found and parsed as `readiness assess` parses them.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use readiness::answers::{Answers, Syntax, parse_unfinished};
use readiness::io::read_disk;
use readiness::rules::{Framework, RulesLocation, load_without_cases};

/// The `readiness` binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_readiness");

/// How long the server may take to print its admin link.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// A running `readiness serve`.
pub struct Server {
    child: Option<Child>,
    /// The admin page's full URL, as printed: `http://127.0.0.1:PORT/admin/TOKEN`.
    pub admin: String,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The data folder it serves.
    pub data: PathBuf,
    /// Where its standard error goes (shown when a check fails).
    pub log: PathBuf,
}

impl Server {
    /// Starts `readiness serve --listen 127.0.0.1:0 --data DATA` and waits for the admin link on
    /// the first line of its standard output. Panics, with the server's log, when it does not
    /// come.
    pub fn start(data: &Path) -> Server {
        let log = data.with_extension("log");
        let stderr = File::options().create(true).append(true).open(&log).unwrap();
        let mut child = Command::new(BIN)
            .args(["serve", "--listen", "127.0.0.1:0", "--data"])
            .arg(data)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {BIN}: {e}"));
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            // The first line is the admin link; the rest is read and dropped so the pipe never
            // fills.
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let _ = tx.send(line);
            }
        });
        let first = match rx.recv_timeout(START_TIMEOUT) {
            Ok(line) => line,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "`readiness serve` printed no admin link within {START_TIMEOUT:?}; its log:\n{}",
                    std::fs::read_to_string(&log).unwrap_or_default()
                );
            }
        };
        let Some(admin) = first.strip_prefix("Admin page: ").map(str::trim) else {
            let _ = child.kill();
            panic!("the first line of `readiness serve` is not `Admin page: URL`: {first:?}");
        };
        let base = admin_base(admin).unwrap_or_else(|| panic!("not an admin link on 127.0.0.1: {admin:?}"));
        Server {
            child: Some(child),
            admin: admin.to_string(),
            base,
            data: data.to_path_buf(),
            log,
        }
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.as_ref().unwrap().id()
    }

    /// Sends SIGTERM and waits for the server to finish its in-flight requests and exit.
    pub fn terminate(mut self) -> ExitStatus {
        let mut child = self.child.take().unwrap();
        let sent = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success(), "kill -TERM failed");
        wait_timeout(&mut child, Duration::from_secs(30)).unwrap_or_else(|| {
            let _ = child.kill();
            panic!("`readiness serve` did not exit within 30 s of SIGTERM");
        })
    }

    /// Kills the server with SIGKILL (no chance to finish anything) and reaps it.
    pub fn kill(mut self) {
        let mut child = self.child.take().unwrap();
        child.kill().unwrap();
        child.wait().unwrap();
    }

    /// The server's log so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn wait_timeout(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

/// `http://127.0.0.1:PORT` from `http://127.0.0.1:PORT/admin/TOKEN`.
fn admin_base(admin: &str) -> Option<String> {
    let rest = admin.strip_prefix("http://127.0.0.1:")?;
    let (port, path) = rest.split_once('/')?;
    port.parse::<u16>().ok()?;
    path.starts_with("admin/").then(|| format!("http://127.0.0.1:{port}"))
}

/// The built-in framework the server uses by default.
pub fn framework() -> Framework {
    load_without_cases(&RulesLocation::default()).unwrap().framework
}

/// The folder of one assessment.
pub fn assessment_dir(data: &Path, id: &str) -> PathBuf {
    data.join("assessments").join(id)
}

/// The assessment's `assessment.toml`, parsed.
pub fn assessment_file(data: &Path, id: &str) -> toml::Table {
    let path = assessment_dir(data, id).join("assessment.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.parse::<toml::Table>()
        .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()))
}

/// One respondent as `assessment.toml` lists them.
#[derive(Debug, Clone)]
pub struct Listed {
    /// Their id: their answers file is `answers/<id>.toml`.
    pub id: String,
    /// Their name.
    pub name: String,
    /// Their role.
    pub role: String,
    /// The token of their private link.
    pub token: String,
}

/// The respondents `assessment.toml` lists.
pub fn respondents(data: &Path, assessment: &str) -> Vec<Listed> {
    let table = assessment_file(data, assessment);
    let Some(list) = table.get("respondents").and_then(|r| r.as_array()) else {
        return Vec::new();
    };
    list.iter()
        .map(|r| {
            let field = |key: &str| r.get(key).and_then(|v| v.as_str()).unwrap_or_default().to_string();
            Listed {
                id: field("id"),
                name: field("name"),
                role: field("role"),
                token: field("token"),
            }
        })
        .collect()
}

/// The answers file of the respondent whose link ends in `token`.
pub fn answers_path(data: &Path, assessment: &str, token: &str) -> PathBuf {
    let listed = respondents(data, assessment);
    let who = listed
        .iter()
        .find(|r| r.token == token)
        .unwrap_or_else(|| panic!("no respondent of {assessment} has the token of the link; listed: {listed:?}"));
    assert!(
        !who.id.is_empty()
            && who
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "respondent id {:?} is not made of [a-z0-9-]",
        who.id
    );
    assessment_dir(data, assessment)
        .join("answers")
        .join(format!("{}.toml", who.id))
}

/// Parses an answers file as `readiness survey` and `readiness serve` leave it (every answer
/// checked against the framework; required answers may still be missing). A file that does
/// not exist yet has no answers.
pub fn read_answers(framework: &Framework, path: &Path) -> Result<Answers, String> {
    if !path.exists() {
        return Ok(Answers::default());
    }
    let file = read_disk(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse_unfinished(framework, &file, Syntax::Toml).map_err(|d| format!("{}: {d}\n{}", path.display(), file.text))
}

/// The answers of a file as plain text by question id (`yes`, `120`, `dont_know`…).
pub fn values(answers: &Answers) -> BTreeMap<String, String> {
    answers.values.iter().map(|(id, v)| (id.clone(), v.as_text())).collect()
}
