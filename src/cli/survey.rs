//! `survey`: ask the questions on the terminal, saving each answer, then print the assessment.

use super::Io;
use super::args::{AnswersArgs, SurveyArgs};
use super::rules::load_rules;
use crate::answers::Syntax;
use crate::assess::{assess, open_items};
use crate::error::Error;
use crate::survey::store::{AnswersFile, OpenError};
use crate::survey::{self, Mode, plan_prompt, prompt};

/// A word for a shell: as it is when it is plain, else in single quotes.
fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':' | '@' | '+' | ','))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// The commands that go on with a survey and that assess its answers: the same file and framework.
fn survey_commands(args: &SurveyArgs) -> (String, String) {
    let path = args.path();
    let file = format!(" {}", shell_word(&path.display().to_string()));
    let mut rules = String::new();
    if let Some(rules_path) = &args.rules.rules {
        rules.push_str(&format!(" --rules {}", shell_word(&rules_path.display().to_string())));
    }
    if let Some(name) = &args.rules.framework {
        rules.push_str(&format!(" --framework {}", shell_word(name)));
    }
    let resume_file = if path.as_os_str() == survey::DEFAULT_FILE {
        ""
    } else {
        file.as_str()
    };
    (
        format!("readiness survey{resume_file}{rules}"),
        format!("readiness assess{file}{rules}"),
    )
}

/// Runs the survey; at the end, prints a short summary that fits one screen and the command
/// that writes the full report.
pub fn survey(args: &SurveyArgs, io: &mut Io<'_>) -> Result<(), Error> {
    if !io.terminal {
        return Err(Error::Usage(
            "readiness survey asks its questions on a terminal, and this is not one; \
to assess answers from a file or a pipe, use `readiness assess FILE`"
                .into(),
        ));
    }
    let path = args.path();
    let name = path.to_string_lossy();
    if name == "-" || Syntax::for_name(&name) == Syntax::Json {
        return Err(Error::Usage(format!(
            "{name}: readiness survey saves its answers as TOML; give a file name such as answers.toml"
        )));
    }
    let loaded = load_rules(&args.rules)?;
    let (resume, assess_command) = survey_commands(args);
    let (mut file, answers) =
        AnswersFile::open(&path, &loaded.framework, &resume, &assess_command).map_err(|e| match e {
            OpenError::Io(message) => Error::Io(message),
            OpenError::Invalid(mut problems) => {
                if let Some(last) = problems.0.last_mut()
                    && last.help.is_none()
                {
                    last.help = Some("the file is left as it is: correct it, or give another file".into());
                }
                Error::Answers(problems)
            }
        })?;
    for warning in &answers.warnings {
        io.diagnostic(warning);
    }
    let guard = super::signals::TerminalGuard::take();
    let outcome = if args.plan {
        let assessment = assess(&loaded.framework, &answers);
        let items = open_items(&loaded.framework, &assessment, false);
        plan_prompt::run(&loaded.framework, &mut file, &answers, &items, io.stderr)
    } else {
        let mode = if args.review { Mode::Review } else { Mode::Unanswered };
        prompt::run(&loaded.framework, &mut file, answers, mode, io.stderr)
    }
    .map_err(Error::Io)?;
    drop(guard);
    // The lock goes now: the assessment below only reads the file.
    drop(file);
    match outcome {
        prompt::Outcome::Finished if args.plan => {
            let plan_command = assess_command.replacen("readiness assess", "readiness plan", 1);
            io.print(&format!(
                "The action plan is saved in {}.\nTo read or print it:\n  {plan_command} --format html -o plan.html\n",
                path.display()
            ))
        }
        prompt::Outcome::Finished => {
            io.say("");
            let input = AnswersArgs::one(path, args.rules.clone());
            let prepared = super::prepare::prepare(&input, io)?;
            let brief = super::assess::brief(&prepared, io.width)?;
            let resume = if prepared.assessment.unanswered.is_empty() {
                String::new()
            } else {
                format!("To answer them: {resume}\n")
            };
            io.print(&format!(
                "{brief}{resume}\nThe full report, to read or print:\n  {assess_command} --format html -o report.html\n"
            ))
        }
        prompt::Outcome::Interrupted => Err(Error::Interrupted(if path.exists() {
            format!(
                "stopped: every answer given is saved in {}; to go on, run `{resume}`",
                path.display()
            )
        } else {
            format!("stopped before any answer was given; to start, run `{resume}`")
        })),
    }
}
