//! What most commands do first: load the rules, read the answers (one file, or a team's),
//! lay `--set` over them and assess them, showing warnings on standard error.

use std::path::Path;

use super::Io;
use super::args::AnswersArgs;
use super::rules::load_rules;
use crate::answers::combine::{Respondents, combine};
use crate::answers::{self, Answers, Syntax};
use crate::assess::Assessment;
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::io::{answers_files, read_input};
use crate::rules::Framework;

/// A framework, answers read against it, and their assessment.
pub struct Prepared {
    /// The framework.
    pub framework: Framework,
    /// The answers, with any `--set` laid over them.
    pub answers: Answers,
    /// The assessment.
    pub assessment: Assessment,
}

/// Reads one answers file (or standard input for `-`) against the framework, and shows its
/// warnings on standard error.
pub fn read_answers(framework: &Framework, path: &Path, io: &mut Io<'_>) -> Result<Answers, Error> {
    if path.is_dir() {
        return Err(Error::Usage(format!(
            "{}: is a folder, not an answers file\n  help: add --team to assess its answers files as one team's, or use `readiness batch {}` to assess each organization",
            path.display(),
            path.display()
        )));
    }
    let file = read_input(path, io.stdin).map_err(|message| {
        let missing = path.as_os_str() != "-" && !path.exists();
        if missing {
            Error::Io(format!(
                "{message}\n  help: make one with `readiness template -o {}`, or answer the questions with `readiness survey {}`",
                path.display(),
                path.display()
            ))
        } else {
            Error::Io(message)
        }
    })?;
    let answers = answers::parse(framework, &file, Syntax::for_name(&file.name)).map_err(Error::Answers)?;
    for warning in &answers.warnings {
        io.diagnostic(warning);
    }
    Ok(answers)
}

/// Reads a team's answers files (files, or folders of them) and combines them; every
/// problem in every file is reported together.
pub fn read_team(framework: &Framework, paths: &[&Path], io: &mut Io<'_>) -> Result<Answers, Error> {
    let files = answers_files(paths).map_err(Error::Io)?;
    if files.is_empty() {
        let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Usage(format!(
            "{}: no answers files (.toml or .json) to combine",
            named.join(", ")
        )));
    }
    let mut read = Vec::new();
    let mut problems = Vec::new();
    for path in &files {
        match read_answers(framework, path, io) {
            Ok(answers) => read.push(Respondents {
                name: path.display().to_string(),
                answers,
            }),
            Err(Error::Answers(d)) => problems.extend(d.0),
            Err(other) => return Err(other),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Answers(Diagnostics(problems)));
    }
    let combined = combine(framework, &read).map_err(Error::Answers)?;
    for warning in &combined.warnings {
        io.warn(warning);
    }
    Ok(combined.answers)
}

/// Loads the rules and the answers (one file, or a team's), assesses them, and shows the
/// warnings on standard error. Dates in the past are not checked ([`prepare_on`]).
pub fn prepare(input: &AnswersArgs, io: &mut Io<'_>) -> Result<Prepared, Error> {
    prepare_on(input, None, io)
}

/// Like [`prepare`], as of a day (`YYYY-MM-DD`, already checked): the timeline's dates
/// before it are checked for activities not done. The answers handed on hold the timeline
/// question answered by the dates where it had no answer, with a note saying so.
pub fn prepare_on(input: &AnswersArgs, today: Option<&str>, io: &mut Io<'_>) -> Result<Prepared, Error> {
    let paths = input.paths();
    let Some(first) = paths.first() else {
        return Err(Error::Usage(
            "no answers file given: name one, e.g. `readiness assess answers.toml`\n  \
help: make one with `readiness template -o answers.toml`, or answer the questions with `readiness survey`"
                .to_string(),
        ));
    };
    if paths.len() > 1 && !input.team {
        return Err(Error::Usage(format!(
            "{} answers files given, and only one is assessed at a time\n  help: add --team to assess them as one team's answers, or use `readiness batch` to assess each organization",
            paths.len()
        )));
    }
    let loaded = load_rules(&input.rules)?;
    let framework = loaded.framework;
    let (mut answers, name) = if input.team {
        (read_team(&framework, &paths, io)?, "the team's answers".to_string())
    } else {
        (read_answers(&framework, first, io)?, display_name(first))
    };
    answers::apply_overrides(&framework, &mut answers, &input.set).map_err(Error::Answers)?;
    let today = today.and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let assessment = crate::assess::assess_on(&framework, &answers, today);
    let answers = crate::assess::timeline::with_dates(&framework, &answers).unwrap_or(answers);
    for id in &assessment.ignored {
        io.warn(&format!(
            "{name}: `{id}` is ignored: the question does not apply to the other answers"
        ));
    }
    Ok(Prepared {
        framework,
        answers,
        assessment,
    })
}

/// A path as messages name it (`<stdin>` for `-`).
fn display_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}
