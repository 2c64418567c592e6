//! `readiness survey` driven through a pseudo-terminal, as a person would: keys in, prompts
//! read back, and the saved answers file checked after each scenario.
//!
//! Every key is sent only once the prompt it answers is on the screen, so the tests do not
//! depend on timing. Most scenarios use the two-phase framework in `tests/fixtures/mini`:
//! `one.shared` is asked only when `one.decided` is `yes` or `partly`.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, no_temporary_files_left};
use expectrl::process::Termios;
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Regex, Session};

const TIMEOUT: Duration = Duration::from_secs(20);

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const ESC: &str = "\x1b";
const CTRL_C: &str = "\x03";

fn mini() -> String {
    common::mini_rules().display().to_string()
}

/// A survey running on a pseudo-terminal, and everything it has shown so far.
struct Pty {
    session: OsSession,
    seen: String,
}

impl Pty {
    /// Runs `readiness ARGS` in `dir` on a new pseudo-terminal, through `sh -c` so that
    /// standard output may be redirected (`shell_suffix`, e.g. `> out.txt`).
    fn spawn(dir: &Path, args: &[&str], shell_suffix: &str) -> Pty {
        Pty::spawn_with(dir, args, shell_suffix, true, "")
    }

    /// Like [`Pty::spawn`]; `no_color` says whether `NO_COLOR` is set, and `shell_prefix`
    /// is run by the shell first (e.g. `umask 077; `).
    fn spawn_with(dir: &Path, args: &[&str], shell_suffix: &str, no_color: bool, shell_prefix: &str) -> Pty {
        let mut script = format!("{shell_prefix}exec \"$0\"");
        for i in 0..args.len() {
            script.push_str(&format!(" \"${}\"", i + 1));
        }
        script.push(' ');
        script.push_str(shell_suffix);
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(script)
            .arg(BIN)
            .args(args)
            .current_dir(dir)
            .env_remove("NO_COLOR")
            .env("TERM", "xterm");
        if no_color {
            command.env("NO_COLOR", "1");
        }
        let mut session = Session::spawn(command).expect("the survey starts on a pseudo-terminal");
        session.set_expect_timeout(Some(TIMEOUT));
        Pty {
            session,
            seen: String::new(),
        }
    }

    fn record(&mut self, captures: &expectrl::Captures) {
        self.seen.push_str(&String::from_utf8_lossy(captures.before()));
        for m in captures.matches() {
            self.seen.push_str(&String::from_utf8_lossy(m));
        }
    }

    /// Waits until `text` is shown.
    fn wait_for(&mut self, text: &str) {
        match self.session.expect(text) {
            Ok(captures) => self.record(&captures),
            Err(err) => panic!("waiting for {text:?}: {err}\n--- shown so far:\n{}", self.seen),
        }
    }

    /// Waits for the next progress mark `(N of M)` and returns it.
    fn next_progress(&mut self) -> String {
        match self.session.expect(Regex(r"\(\d+ of \d+\)")) {
            Ok(captures) => {
                self.record(&captures);
                String::from_utf8_lossy(captures.get(0).unwrap()).to_string()
            }
            Err(err) => panic!("waiting for a question: {err}\n--- shown so far:\n{}", self.seen),
        }
    }

    /// Waits for a prompt, then types `keys`.
    fn answer(&mut self, prompt: &str, keys: &str) {
        self.wait_for(prompt);
        self.send(keys);
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("keys reach the survey");
    }

    /// Reads everything up to the end and returns the exit code and all that was shown.
    fn finish(mut self) -> (i32, String) {
        match self.session.expect(Eof) {
            Ok(captures) => self.record(&captures),
            Err(err) => panic!("waiting for the end: {err}\n--- shown so far:\n{}", self.seen),
        }
        let status = self.session.get_process().wait().expect("the survey ends");
        let code = match status {
            WaitStatus::Exited(_, code) => code,
            other => panic!("the survey did not exit by itself: {other:?}\n{}", self.seen),
        };
        (code, self.seen)
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The saved file from its `[framework]` table on (the lines before say how to go on).
fn body(path: &Path) -> String {
    let text = read(path);
    let at = text.find("[framework]").expect("the file names its framework");
    text[at..].to_string()
}

/// Whether the text sets colours or styles (an escape sequence `ESC [ ... m`).
fn has_colours(text: &str) -> bool {
    text.split("\x1b[").skip(1).any(|rest| {
        let params = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ';');
        params.starts_with('m')
    })
}

#[test]
fn a_full_run_saves_every_answer_and_ends_with_the_assessment_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let rules = mini();
    let mut pty = Pty::spawn(dir.path(), &["survey", "--rules", &rules], "> out.txt");
    pty.wait_for("Mini");
    pty.answer("(1 of 6) Name", &format!("Lakeside Elementary{ENTER}"));
    pty.answer("(2 of 6) Kind", &format!("{DOWN}{ENTER}"));
    pty.answer("(3 of 6) Educators", &format!("45{ENTER}"));
    pty.wait_for("Phase 1 of 2: Phase one");
    pty.wait_for("Goal: Decide");
    pty.answer("(4 of 6) Have we decided?", ENTER);
    pty.answer("(5 of 7) Is it shared?", &format!("{DOWN}{ENTER}"));
    pty.answer("(6 of 7) Do the task", ENTER);
    pty.wait_for("Phase 2 of 2: Phase two");
    pty.answer("(7 of 7) Have we acted?", &format!("{DOWN}{DOWN}{ENTER}"));
    let (code, shown) = pty.finish();
    assert_eq!(code, 0, "{shown}");
    let file = dir.path().join("readiness-answers.toml");
    let text = read(&file);
    assert!(
        text.starts_with("# Answers for \"Mini framework\" (mini 0.1.0)"),
        "{text}"
    );
    assert!(
        text.contains(&format!("# Go on answering with: readiness survey --rules {rules}\n")),
        "{text}"
    );
    assert_eq!(
        body(&file),
        "[framework]\nid = \"mini\"\nversion = \"0.1.0\"\n\n\
         [profile]\norganization = \"Lakeside Elementary\"\norg_type = \"district\"\neducators = 45\n\n\
         [one]\ndecided = \"yes\"\nshared = \"partly\"\ntask = \"done\"\n\n\
         [two]\nacted = \"no\"\n"
    );
    // Standard output holds a summary that fits one 80×24 screen, and the command that
    // writes the full report, which works.
    let stdout = read(&dir.path().join("out.txt"));
    assert!(
        stdout.starts_with(
            "Lakeside Elementary is in phase 2 of 2: Phase two. Goal of this phase: Act.\n\nWhat keeps you there:\n"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("The next three steps:"), "{stdout}");
    assert!(
        stdout.lines().count() <= 22,
        "{} lines: {stdout}",
        stdout.lines().count()
    );
    // Every line fits 80 columns, but the command, which is never broken.
    assert!(
        stdout
            .lines()
            .filter(|l| !l.contains("readiness assess"))
            .all(|l| l.chars().count() <= 80),
        "{stdout}"
    );
    let command = format!("readiness assess readiness-answers.toml --rules {rules} --format html -o report.html");
    assert!(stdout.ends_with(&format!("  {command}\n")), "{stdout}");
    let args: Vec<&str> = command.split_whitespace().skip(1).collect();
    let out = Command::new(BIN).args(&args).current_dir(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(read(&dir.path().join("report.html")).contains("<h1>Lakeside Elementary</h1>"));
    // The prompts went to standard error, which is the terminal, without colours.
    assert!(!shown.contains("is in phase"), "{shown}");
    assert!(!has_colours(&shown), "colours: {shown:?}");
    no_temporary_files_left(dir.path());
}

#[test]
fn prompts_have_colours_unless_no_color_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let rules = mini();
    let mut pty = Pty::spawn_with(dir.path(), &["survey", "--rules", &rules], "", false, "");
    pty.answer("(1 of 6) Name", ESC);
    let (code, shown) = pty.finish();
    assert_eq!(code, 130, "{shown}");
    assert!(has_colours(&shown), "{shown:?}");
    assert!(shown.contains("stopped before any answer was given; to start, run `readiness survey --rules"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no file is written");
}

#[test]
fn a_full_run_of_the_default_framework_with_help_on_demand() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(dir.path(), &["survey", "--answers", "lakeside.toml"], "");
    pty.wait_for("Readiness survey");
    // Theory of action `yes` (question 8) adds the shared-theory question; fee-based `yes`
    // (question 13) adds the fee plan: 21 questions apply at first, 23 at the end.
    for n in 1..=23 {
        let of = if n <= 8 {
            21
        } else if n <= 13 {
            22
        } else {
            23
        };
        let progress = format!("({n} of {of})");
        pty.wait_for(&progress);
        match n {
            1 => pty.send(&format!("Lakeside{ENTER}")),
            3 => {
                // Ask for more, read it, then answer.
                pty.send(&format!("?{ENTER}"));
                pty.wait_for("An estimate is fine");
                pty.answer(&format!("{progress} How many educators"), &format!("120{ENTER}"));
            }
            6 => {
                pty.send(&format!("tell{ENTER}"));
                pty.wait_for("Resources:");
                pty.answer(&format!("{progress} Have I (we) envisioned"), ENTER);
            }
            9 => {
                // A conditional question says when it is asked in words, not ids.
                pty.send(&format!("tell{ENTER}"));
                pty.wait_for("Asked only when you answered “Have I (we) determined");
                pty.answer(&format!("{progress} Is this a shared theory"), ENTER);
            }
            16 => {
                // The timeline question offers to enter the dates; the default is not now.
                pty.send(ENTER);
                pty.answer("Enter the dates of the implementation timeline now?", ENTER);
            }
            _ => pty.send(ENTER),
        }
    }
    let (code, shown) = pty.finish();
    assert_eq!(code, 0, "{shown}");
    for phase in [
        "Phase 1 of 3: Understanding your why",
        "Phase 2 of 3: Designing your how",
        "Phase 3 of 3: Implementing your plan",
    ] {
        assert!(shown.contains(phase), "{phase}: {shown}");
    }
    assert!(!shown.contains("why.theory_of_action"), "an id in the survey: {shown}");
    let words = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("micro-credentials?” with “Yes” or “Partly”."), "{shown}");
    assert!(
        shown.contains("Lakeside has met every phase of the framework."),
        "{shown}"
    );
    assert!(
        shown.contains("readiness assess lakeside.toml --format html -o report.html"),
        "{shown}"
    );
    let file = dir.path().join("lakeside.toml");
    let text = read(&file);
    assert!(
        text.contains(
            "[profile]\norganization = \"Lakeside\"\norg_type = \"school\"\neducators = 120\nstage = \"exploring\"\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("theory_of_action = \"yes\"\nshared_theory = \"yes\"\n"),
        "{text}"
    );
    assert!(text.contains("fee_based = \"yes\"\nfee_funding = \"yes\"\n"), "{text}");
    assert!(
        text.contains(
            "[implement]\nfeedback = \"yes\"\nlaunch_event = \"done\"\nsupport = \"done\"\ndata = \"done\"\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("# Assess the answers with: readiness assess lakeside.toml\n"),
        "{text}"
    );
    assert_eq!(
        text.lines()
            .filter(|l| l.contains(" = ") && !l.starts_with('#'))
            .count(),
        23 + 2,
        "23 answers and the framework's id and version: {text}"
    );
}

#[test]
fn an_interrupt_saves_what_was_given_and_a_resume_asks_only_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let rules = mini();
    let file = dir.path().join("answers.toml");
    let args = ["survey", "--answers", "answers.toml", "--rules", rules.as_str()];

    let mut pty = Pty::spawn(dir.path(), &args, "");
    pty.answer("(1 of 6) Name", &format!("Lakeside{ENTER}"));
    pty.answer("(2 of 6) Kind", ENTER);
    pty.answer("(3 of 6) Educators", &format!("12{ENTER}"));
    pty.answer("(4 of 6) Have we decided?", CTRL_C);
    let (code, shown) = pty.finish();
    assert_eq!(code, 130, "{shown}");
    assert!(
        shown.contains(&format!(
            "stopped: every answer given is saved in answers.toml; to go on, run `readiness survey answers.toml --rules {rules}`"
        )),
        "{shown}"
    );
    assert!(!shown.contains("is in phase"), "{shown}");
    assert_eq!(
        body(&file),
        "[framework]\nid = \"mini\"\nversion = \"0.1.0\"\n\n\
         [profile]\norganization = \"Lakeside\"\norg_type = \"school\"\neducators = 12\n"
    );

    let mut pty = Pty::spawn(dir.path(), &args, "");
    assert_eq!(
        pty.next_progress(),
        "(4 of 6)",
        "the first question asked is the first unanswered"
    );
    pty.wait_for("Have we decided?");
    pty.send(&format!("{DOWN}{DOWN}{ENTER}"));
    pty.answer("(5 of 6) Do the task", &format!("{DOWN}{ENTER}"));
    pty.answer("(6 of 6) Have we acted?", ENTER);
    let (code, shown) = pty.finish();
    assert_eq!(code, 0, "{shown}");
    for earlier in ["Name", "Kind", "Educators"] {
        assert!(
            !shown.contains(&format!(" {earlier}")),
            "{earlier} asked again: {shown}"
        );
    }
    assert!(shown.contains("Lakeside is in phase 1 of 2: Phase one."), "{shown}");
    assert_eq!(
        body(&file),
        "[framework]\nid = \"mini\"\nversion = \"0.1.0\"\n\n\
         [profile]\norganization = \"Lakeside\"\norg_type = \"school\"\neducators = 12\n\n\
         [one]\ndecided = \"no\"\ntask = \"in_progress\"\n\n\
         [two]\nacted = \"yes\"\n"
    );

    // Nothing left to ask: the assessment at once.
    let pty = Pty::spawn(dir.path(), &args, "");
    let (code, shown) = pty.finish();
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains("Every question that applies is answered"), "{shown}");
    assert!(shown.contains("Lakeside is in phase 1 of 2: Phase one."), "{shown}");
}

#[test]
fn going_back_and_changing_an_answer_drops_or_asks_the_question_that_depends_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let rules = mini();
    let file = dir.path().join("readiness-answers.toml");
    let mut pty = Pty::spawn(dir.path(), &["survey", "--rules", &rules], "");
    pty.answer("(1 of 6) Name", &format!("Lakeside{ENTER}"));
    pty.answer("(2 of 6) Kind", ENTER);
    pty.answer("(3 of 6) Educators", &format!("30{ENTER}"));
    pty.answer("(4 of 6) Have we decided?", ENTER);
    pty.answer("(5 of 7) Is it shared?", &format!("{DOWN}{ENTER}"));
    pty.wait_for("(6 of 7) Do the task");
    assert!(read(&file).contains("decided = \"yes\"\nshared = \"partly\"\n"));

    // Back twice, to the question the conditional one depends on.
    pty.answer("< back to the previous question", &format!("back{ENTER}"));
    pty.wait_for("(5 of 7) Is it shared?");
    pty.answer("< back to the previous question", &format!("back{ENTER}"));
    pty.wait_for("(4 of 7) Have we decided?");
    pty.answer("tell me more", &format!("{DOWN}{DOWN}{ENTER}"));
    pty.wait_for("The answer to “Is it shared?” is removed: the question no longer applies");
    pty.wait_for("(5 of 6) Do the task");
    assert_eq!(
        body(&file),
        "[framework]\nid = \"mini\"\nversion = \"0.1.0\"\n\n\
         [profile]\norganization = \"Lakeside\"\norg_type = \"school\"\neducators = 30\n\n\
         [one]\ndecided = \"no\"\n"
    );

    // Back again, and `partly`: the conditional question is asked again, unanswered.
    pty.answer("< back to the previous question", &format!("back{ENTER}"));
    pty.wait_for("(4 of 6) Have we decided?");
    // The cursor starts on the current answer, `No`: up once is `Partly`.
    pty.answer("tell me more", &format!("{UP}{ENTER}"));
    pty.answer("(5 of 7) Is it shared?", &format!("{DOWN}{DOWN}{ENTER}"));
    pty.answer("(6 of 7) Do the task", ESC);
    let (code, shown) = pty.finish();
    assert_eq!(code, 130, "{shown}");
    assert_eq!(
        body(&file),
        "[framework]\nid = \"mini\"\nversion = \"0.1.0\"\n\n\
         [profile]\norganization = \"Lakeside\"\norg_type = \"school\"\neducators = 30\n\n\
         [one]\ndecided = \"partly\"\nshared = \"no\"\n"
    );
    no_temporary_files_left(dir.path());
}

#[test]
fn a_skipped_question_stays_unanswered() {
    let dir = tempfile::tempdir().unwrap();
    let rules = mini();
    let file = dir.path().join("readiness-answers.toml");
    let mut pty = Pty::spawn(dir.path(), &["survey", "--rules", &rules], "");
    pty.answer("(1 of 6) Name", &format!("Lakeside{ENTER}"));
    pty.answer("(2 of 6) Kind", ENTER);
    // An empty line skips a typed answer; `- skip` skips a choice.
    pty.answer("(3 of 6) Educators", ENTER);
    pty.wait_for("(skipped)");
    pty.answer("(4 of 6) Have we decided?", &format!("skip{ENTER}"));
    pty.answer("(5 of 6) Do the task", &format!("{DOWN}{DOWN}{ENTER}"));
    pty.answer("(6 of 6) Have we acted?", &format!("skip{ENTER}"));
    let (code, shown) = pty.finish();
    assert_eq!(code, 0, "{shown}");
    assert_eq!(
        body(&file),
        "[framework]\nid = \"mini\"\nversion = \"0.1.0\"\n\n\
         [profile]\norganization = \"Lakeside\"\norg_type = \"school\"\n\n\
         [one]\ntask = \"not_started\"\n"
    );
    assert!(shown.contains("3 questions that apply are not yet answered"), "{shown}");
    assert!(
        shown.contains(&format!("To answer them: readiness survey --rules {rules}")),
        "{shown}"
    );

    // Skipped questions are unanswered: a resume asks them again.
    let mut pty = Pty::spawn(dir.path(), &["survey", "--rules", &rules], "");
    assert_eq!(pty.next_progress(), "(3 of 6)");
    pty.answer("Educators", ESC);
    let (code, _) = pty.finish();
    assert_eq!(code, 130);
}

#[test]
fn review_walks_every_question_with_the_current_answer_as_default() {
    let dir = tempfile::tempdir().unwrap();
    let rules = mini();
    let file = dir.path().join("readiness-answers.toml");
    std::fs::write(
        &file,
        "[profile]\norganization = \"Lakeside\"\norg_type = \"district\"\n\n[one]\ndecided = \"partly\"\n",
    )
    .unwrap();
    let mut pty = Pty::spawn(dir.path(), &["survey", "--rules", &rules, "--review"], "");
    pty.answer("(1 of 7) Name", ENTER);
    pty.wait_for("Lakeside");
    // The cursor starts on the current answer: Enter keeps it.
    pty.answer("(2 of 7) Kind", ENTER);
    pty.answer("(3 of 7) Educators", &format!("8{ENTER}"));
    pty.answer("(4 of 7) Have we decided?", ENTER);
    pty.answer("(5 of 7) Is it shared?", ESC);
    let (code, shown) = pty.finish();
    assert_eq!(code, 130, "{shown}");
    assert_eq!(
        read(&file),
        "[profile]\norganization = \"Lakeside\"\norg_type = \"district\"\neducators = 8\n\n[one]\ndecided = \"partly\"\n"
    );
}

#[test]
fn comments_written_by_hand_survive_a_resume() {
    let dir = tempfile::tempdir().unwrap();
    let rules = mini();
    let file = dir.path().join("ours.toml");
    let original = "# Lakeside's answers, filled in at the March meeting.\n\
                    # Ask Dana before changing the profile.\n\n\
                    [framework]\nid = \"mini\"\nversion = \"0.1.0\"\n\n\
                    [profile]\n\
                    # The name on the charter:\n\
                    organization = \"Lakeside\"   # not \"Lakeside School\"\n\
                    org_type   =   \"school\"\n\n\
                    # Phase one, see the minutes.\n\
                    [one]\n\
                    decided = \"yes\" # voted 5-2\n\n\
                    # End of our notes.\n";
    std::fs::write(&file, original).unwrap();
    let mut pty = Pty::spawn(dir.path(), &["survey", "--answers", "ours.toml", "--rules", &rules], "");
    pty.answer("(3 of 7) Educators", &format!("25{ENTER}"));
    pty.answer("(5 of 7) Is it shared?", ENTER);
    pty.answer("(6 of 7) Do the task", ENTER);
    pty.answer("(7 of 7) Have we acted?", ENTER);
    let (code, shown) = pty.finish();
    assert_eq!(code, 0, "{shown}");
    assert_eq!(
        read(&file),
        "# Lakeside's answers, filled in at the March meeting.\n\
         # Ask Dana before changing the profile.\n\n\
         [framework]\nid = \"mini\"\nversion = \"0.1.0\"\n\n\
         [profile]\n\
         # The name on the charter:\n\
         organization = \"Lakeside\"   # not \"Lakeside School\"\n\
         org_type   =   \"school\"\n\
         educators = 25\n\n\
         # Phase one, see the minutes.\n\
         [one]\n\
         decided = \"yes\" # voted 5-2\n\
         shared = \"yes\"\n\
         task = \"done\"\n\n\
         [two]\n\
         acted = \"yes\"\n\n\
         # End of our notes.\n"
    );
}

#[test]
fn an_invalid_answers_file_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let rules = mini();
    let file = dir.path().join("readiness-answers.toml");
    let original = "# mine\n[one]\ndecided = \"maybe\"\n";
    std::fs::write(&file, original).unwrap();
    let pty = Pty::spawn(dir.path(), &["survey", "--rules", &rules], "");
    let (code, shown) = pty.finish();
    assert_eq!(code, 3, "{shown}");
    assert!(
        shown.contains("error: readiness-answers.toml:3:11: `one.decided`: \"maybe\" is not an allowed value"),
        "{shown}"
    );
    assert!(!shown.contains("(1 of"), "no question is asked: {shown}");
    assert_eq!(read(&file), original);

    std::fs::write(&file, "[one\n").unwrap();
    let (code, shown) = Pty::spawn(dir.path(), &["survey", "--rules", &rules], "").finish();
    assert_eq!(code, 3, "{shown}");
    assert!(shown.contains("not valid TOML"), "{shown}");
    assert_eq!(read(&file), "[one\n");
}

#[test]
fn without_a_terminal_it_stops_at_once_and_points_to_assess() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(BIN)
        .arg("survey")
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Standard input stays open: the survey must not wait for it.
    let stdin = child.stdin.take();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("the survey waited for input that is not a terminal");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.contains("readiness assess FILE"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no file is written");
}

/// The survey's process id: `sh -c` execs the binary, so it is the session's own.
fn pid(pty: &Pty) -> i32 {
    pty.session.get_process().pid().as_raw()
}

#[test]
fn a_survey_killed_from_outside_gives_the_terminal_back_and_leaves_nothing_behind() {
    for (signal, name) in [(15, "TERM"), (1, "HUP"), (2, "INT")] {
        let dir = tempfile::tempdir().unwrap();
        // A terminal as a person has it, echoing what is typed.
        let args = ["survey", "answers.toml", "--rules", &mini()];
        let mut pty = Pty::spawn_with(dir.path(), &args, "", true, "stty echo; ");
        pty.answer("(1 of 6) Name", &format!("Lakeside{ENTER}"));
        pty.wait_for("(2 of 6) Kind");
        // The prompt has put the terminal in raw mode: no echo.
        assert!(!pty.session.is_echo().unwrap());
        assert!(dir.path().join(".readiness-answers.toml.lock").exists());
        let killed = Command::new("kill")
            .args([&format!("-{name}"), &pid(&pty).to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = pty.session.get_process().wait().unwrap();
        assert!(
            matches!(status, WaitStatus::Exited(_, code) if code == 128 + signal),
            "SIG{name}: {status:?}"
        );
        assert!(
            pty.session.is_echo().unwrap(),
            "SIG{name}: the terminal is back in its mode"
        );
        // The answer given is saved; no lock and no temporary file is left.
        assert!(body(&dir.path().join("answers.toml")).contains("organization = \"Lakeside\""));
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        assert_eq!(names, ["answers.toml"], "SIG{name}");
    }
}

#[test]
fn a_second_survey_on_the_same_file_is_refused_and_no_answer_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let rules = mini();
    let mut first = Pty::spawn(dir.path(), &["survey", "answers.toml", "--rules", &rules], "");
    first.answer("(1 of 6) Name", &format!("Lakeside{ENTER}"));
    first.wait_for("(2 of 6) Kind");
    let mut second = Pty::spawn(dir.path(), &["survey", "answers.toml", "--rules", &rules], "");
    second.wait_for("another readiness survey is answering in this file");
    let (code, shown) = second.finish();
    assert_eq!(code, 1, "{shown}");
    first.send(ENTER);
    first.answer("(3 of 6) Educators", &format!("12{ENTER}"));
    first.answer("(4 of 6) Have we decided?", CTRL_C);
    let (code, shown) = first.finish();
    assert_eq!(code, 130, "{shown}");
    assert_eq!(
        body(&dir.path().join("answers.toml")),
        "[framework]\nid = \"mini\"\nversion = \"0.1.0\"\n\n\
         [profile]\norganization = \"Lakeside\"\norg_type = \"school\"\neducators = 12\n"
    );
}

#[cfg(unix)]
#[test]
fn a_new_answers_file_is_readable_by_others_as_the_umask_allows() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    for (umask, mode) in [("022", 0o644), ("077", 0o600)] {
        let file = format!("answers-{umask}.toml");
        let mut pty = Pty::spawn_with(
            dir.path(),
            &["survey", &file, "--rules", &mini()],
            "",
            true,
            &format!("umask {umask}; "),
        );
        pty.answer("(1 of 6) Name", &format!("Lakeside{ENTER}"));
        pty.answer("(2 of 6) Kind", CTRL_C);
        let (code, shown) = pty.finish();
        assert_eq!(code, 130, "{shown}");
        let found = std::fs::metadata(dir.path().join(&file)).unwrap().permissions().mode() & 0o777;
        assert_eq!(found, mode, "umask {umask}: mode {found:o}");
    }
}

#[test]
fn dont_know_and_a_note_are_saved_with_the_answer() {
    let dir = tempfile::tempdir().unwrap();
    let rules = mini();
    let file = dir.path().join("readiness-answers.toml");
    let mut pty = Pty::spawn(dir.path(), &["survey", "--rules", &rules], "");
    pty.answer("(1 of 6) Name", &format!("Lakeside{ENTER}"));
    pty.answer("(2 of 6) Kind", ENTER);
    pty.answer("(3 of 6) Educators", &format!("12{ENTER}"));
    // The note comes first, then the answer it goes with.
    pty.answer("(4 of 6) Have we decided?", &format!("add a note{ENTER}"));
    pty.answer("Note on this answer", &format!("The board meets in May{ENTER}"));
    pty.wait_for("The note is kept with the answer.");
    pty.answer("(4 of 6) Have we decided?", &format!("know{ENTER}"));
    pty.answer("(5 of 6) Do the task", ESC);
    let (code, shown) = pty.finish();
    assert_eq!(code, 130, "{shown}");
    assert_eq!(
        body(&file),
        "[framework]\nid = \"mini\"\nversion = \"0.1.0\"\n\n\
         [profile]\norganization = \"Lakeside\"\norg_type = \"school\"\neducators = 12\n\n\
         [one]\ndecided = { answer = \"dont_know\", note = \"The board meets in May\" }\n"
    );
    // The file assesses, and the answer is something to find out.
    let out = common::readiness(
        dir.path(),
        &[
            "assess",
            "readiness-answers.toml",
            "--format",
            "json",
            "--rules",
            &rules,
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&common::stdout(&out)).unwrap();
    assert_eq!(json["dont_know"], serde_json::json!(["one.decided"]));
}

/// Answers to every question of the default framework but the timeline's, and an action
/// plan written by hand.
const ALL_BUT_THE_TIMELINE: &str = "[profile]\norganization = \"Lakeside\"\norg_type = \"district\"\neducators = 300\nstage = \"planning\"\n\n\
[why]\nvalue_proposition = \"yes\"\npossibilities = \"yes\"\ngoals = \"yes\"\ntheory_of_action = \"yes\"\nshared_theory = \"yes\"\ncapacity = \"done\"\nleader_support = \"done\"\n\n\
[how]\nwhich_microcredentials = \"yes\"\nfee_based = \"no\"\nincentives = \"yes\"\nsupport_model = \"yes\"\npromotion = \"done\"\nrecruitment = \"in_progress\"\n\n\
[implement]\nfeedback = \"yes\"\nlaunch_event = \"not_started\"\nsupport = \"not_started\"\ndata = \"not_started\"\n\n\
# Kept by hand.\n[action_plan.\"how.recruitment\"]\nowner = \"Dana\"\ndue = 2027-09-24\n\n\
[timeline]\ncoaching = { start = 2027-10-20, end = 2028-01-26, location = \"Library\" }\n";

#[test]
fn the_timeline_question_offers_to_enter_the_dates_and_saves_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lakeside.toml");
    std::fs::write(&file, ALL_BUT_THE_TIMELINE).unwrap();
    let mut pty = Pty::spawn(dir.path(), &["survey", "lakeside.toml"], "> out.txt");
    pty.answer("What is the best timeline", ENTER);
    pty.answer(
        "Enter the dates of the implementation timeline now?",
        &format!("y{ENTER}"),
    );
    pty.answer(
        "Recruitment (List all times, dates, locations):",
        &format!("2027-08-30 to 2027-09-24{ENTER}"),
    );
    // A date that is not one is refused where it is typed, and asked again.
    pty.answer(
        "Initial meeting and/or training (Time, date, location):",
        &format!("2027-10-32{ENTER}"),
    );
    pty.wait_for("is not a date");
    for _ in 0.."2027-10-32".len() {
        pty.send("\u{7f}");
    }
    pty.send(&format!("2027-10-06{ENTER}"));
    pty.answer("Survey participants:", ENTER);
    // Coaching keeps its place and location; the new range replaces the old one.
    pty.answer(
        "Coaching sessions/support sessions:",
        &format!("2027-10-13 to 2028-01-19{ENTER}"),
    );
    for _ in 0..4 {
        pty.send(ENTER);
    }
    let (code, shown) = pty.finish();
    assert_eq!(code, 0, "{shown}");
    let text = read(&file);
    assert!(text.contains("timeline = \"yes\""), "{text}");
    assert!(
        text.contains("[action_plan.\"how.recruitment\"]\nowner = \"Dana\"\ndue = 2027-09-24\n"),
        "the action plan is kept: {text}"
    );
    assert!(
        text.contains(
            "[timeline]\ncoaching = { start = 2027-10-13, end = 2028-01-19, location = \"Library\" }\nrecruitment = { start = 2027-08-30, end = 2027-09-24 }\ntraining = 2027-10-06\n"
        ),
        "{text}"
    );
    assert!(
        !text.contains("survey ="),
        "an empty line leaves an activity undated: {text}"
    );
    // The file is a valid answers file with the dates in it.
    let plan = common::stdout(&common::readiness(
        dir.path(),
        &["plan", "lakeside.toml", "--date", "2027-05-03", "--format", "json"],
    ));
    assert!(plan.contains("\"start\": \"2027-08-30\""), "{plan}");
}

#[test]
fn plan_asks_who_sees_to_each_open_item_and_saves_it_in_the_action_plan() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lakeside.toml");
    std::fs::write(&file, ALL_BUT_THE_TIMELINE).unwrap();
    let listed = |dir: &Path| -> serde_json::Value {
        serde_json::from_str(&common::stdout(&common::readiness(
            dir,
            &["plan", "lakeside.toml", "--date", "2027-05-03", "--format", "json"],
        )))
        .unwrap()
    };
    let before = listed(dir.path());
    let items = before["items"].as_array().unwrap();
    let recruitment = items.iter().position(|i| i["id"] == "how.recruitment").unwrap();
    assert!(recruitment > 0, "recommendations come first: {items:?}");
    let first = items[0]["id"].as_str().unwrap().to_string();

    let mut pty = Pty::spawn(dir.path(), &["survey", "lakeside.toml", "--plan"], "> out.txt");
    // The first item: an owner, a due date mistyped then corrected, a status.
    pty.wait_for(&format!("(1 of {})", items.len()));
    pty.wait_for("priority recommendation:");
    pty.answer("Who sees to it?", &format!("Marcus Bell{ENTER}"));
    pty.answer("Due by (YYYY-MM-DD):", &format!("2027-02-30{ENTER}"));
    pty.wait_for("is not a date");
    for _ in 0.."2027-02-30".len() {
        pty.send("\u{7f}");
    }
    pty.send(&format!("2027-06-01{ENTER}"));
    pty.answer("Where it stands:", &format!("Comparing models{ENTER}"));
    // The items between are left as they are.
    for n in 2..=recruitment {
        pty.wait_for(&format!("({n} of {})", items.len()));
        for _ in 0..3 {
            pty.send(ENTER);
        }
    }
    // Recruitment had Dana as its owner: “-” takes her out, the due date stays.
    pty.wait_for(&format!("({} of {})", recruitment + 1, items.len()));
    pty.answer("Who sees to it?", &format!("-{ENTER}"));
    pty.answer("Due by (YYYY-MM-DD):", ENTER);
    pty.answer("Where it stands:", &format!("Flyers out{ENTER}"));
    // Esc stops; what was given is kept.
    if recruitment + 1 < items.len() {
        pty.answer("Who sees to it?", ESC);
    }
    let (code, shown) = pty.finish();
    let text = read(&file);
    assert!(
        text.contains(&format!(
            "[action_plan.{first}]\nowner = \"Marcus Bell\"\ndue = 2027-06-01\nstatus = \"Comparing models\"\n"
        )),
        "{text}"
    );
    assert!(
        text.contains("[action_plan.\"how.recruitment\"]\ndue = 2027-09-24\nstatus = \"Flyers out\"\n"),
        "{text}"
    );
    assert!(text.contains("# Kept by hand.\n"), "{text}");
    // No other item gained an entry, and every answer is as it was.
    assert_eq!(text.matches("[action_plan.").count(), 2, "{text}");
    assert!(text.contains("recruitment = \"in_progress\""), "{text}");
    let after = listed(dir.path());
    assert_eq!(after["items"][0]["owner"], "Marcus Bell");
    assert_eq!(after["items"][recruitment]["owner"], serde_json::Value::Null);
    if recruitment + 1 < items.len() {
        assert_eq!(code, 130, "{shown}");
        assert!(shown.contains("stopped: every answer given is saved"), "{shown}");
    } else {
        assert_eq!(code, 0, "{shown}");
    }
    no_temporary_files_left(dir.path());
}
