//! `assess`, `explain` and `context`: read the answers, assess them, and write the result.

use std::path::Path;

use super::Io;
use super::args::{AnswersArgs, AssessCommand, ContextCommand, EXPLAIN_FORMATS, ExplainCommand};
use super::rules::load_rules;
use crate::answers::combine::{Respondents, combine};
use crate::answers::{self, Answers, Syntax};
use crate::assess::compare::{Comparison, compare};
use crate::assess::{Assessment, assess as evaluate, explain::explain as trace};
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::io::{answers_files, read_input};
use crate::report::{self, Format, RenderOptions, Section, json};
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

/// A date given on the command line, as `YYYY-MM-DD`.
pub fn parse_date(flag: &str, text: &str) -> Result<String, Error> {
    text.parse::<jiff::civil::Date>().map(|d| d.to_string()).map_err(|_| {
        Error::Usage(format!(
            "{flag}: `{text}` is not a date; write it as YYYY-MM-DD, e.g. 2026-01-15"
        ))
    })
}

/// What changed since the answers in `old`: read and assessed with the same framework.
/// `since_date`, already checked with [`parse_date`], replaces the date the file gives.
pub fn since(p: &Prepared, old: &Path, since_date: Option<&str>, io: &mut Io<'_>) -> Result<Comparison, Error> {
    let old_answers = read_answers(&p.framework, old, io).map_err(|e| match e {
        Error::Answers(Diagnostics(problems)) => Error::Answers(Diagnostics(
            problems
                .into_iter()
                .map(|d| {
                    if d.message.starts_with("the answers were written for framework") {
                        let help = format!(
                            "an earlier assessment is compared with a later one of the same framework ({}): give the earlier answers for it",
                            p.framework.id
                        );
                        d.with_help(help)
                    } else {
                        d
                    }
                })
                .collect(),
        )),
        other => other,
    })?;
    let old_assessment = evaluate(&p.framework, &old_answers);
    if old_assessment.organization.trim() != p.assessment.organization.trim() {
        io.warn(&format!(
            "{}: the earlier answers are for \"{}\", the later ones for \"{}\"",
            old.display(),
            old_assessment.organization,
            p.assessment.organization
        ));
    }
    let mut comparison = compare(&p.framework, &old_answers, &old_assessment, &p.answers, &p.assessment);
    if let Some(date) = since_date {
        comparison.date = Some(date.to_string());
    }
    Ok(comparison)
}

/// The report date: `--date`, else `$SOURCE_DATE_EPOCH` (reproducible builds), else today.
pub fn report_date(arg: Option<&str>) -> Result<String, Error> {
    if let Some(text) = arg {
        return parse_date("--date", text);
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let seconds: i64 = epoch
            .trim()
            .parse()
            .map_err(|_| Error::Usage(format!("SOURCE_DATE_EPOCH: `{epoch}` is not a number of seconds")))?;
        let stamp = jiff::Timestamp::from_second(seconds)
            .map_err(|_| Error::Usage(format!("SOURCE_DATE_EPOCH: {seconds} is out of range")))?;
        return Ok(stamp.to_zoned_datetime(jiff::tz::TimeZone::UTC).date().to_string());
    }
    Ok(jiff::ZonedDateTime::now().date().to_string())
}

/// The format to write: `--format`, else what the template's name says, else what the
/// output file's extension says, else text. An output extension that no allowed format
/// writes is an error, never a file of the wrong kind.
pub fn output_format(
    format: Option<Format>,
    template: Option<&Path>,
    output: Option<&Path>,
    allowed: &[Format],
) -> Result<Format, Error> {
    if let Some(format) = format {
        return Ok(format);
    }
    if let Some(format) = template.and_then(Format::from_template_name) {
        return Ok(format);
    }
    let Some(output) = output else {
        return Ok(Format::Text);
    };
    match Format::from_path(output, allowed) {
        Ok(found) => Ok(found.unwrap_or(Format::Text)),
        Err(ext) => {
            let known: Vec<String> = allowed
                .iter()
                .map(|f| format!("{} (.{})", f.name(), f.extensions()[0]))
                .collect();
            Err(Error::Usage(format!(
                "{}: no format of this command writes .{ext} files\n  help: name the file with one of these extensions, or choose the format with --format: {}",
                output.display(),
                known.join(", ")
            )))
        }
    }
}

/// Refuses an output file whose extension says it is not JSON, for the commands that only
/// write JSON.
pub fn json_output(output: Option<&Path>) -> Result<(), Error> {
    match output.map(|o| Format::from_path(o, &[Format::Json])) {
        Some(Err(ext)) => Err(Error::Usage(format!(
            "{}: this command writes JSON, not .{ext}\n  help: name the file with .json",
            output.map(|o| o.display().to_string()).unwrap_or_default()
        ))),
        _ => Ok(()),
    }
}

/// The assessment and what changed since an earlier one, as `assess --since --format json` prints them.
#[derive(serde::Serialize)]
struct WithSince<'a> {
    #[serde(flatten)]
    assessment: &'a Assessment,
    since: &'a Comparison,
}

/// `assess`: the report, in the format asked for.
pub fn assess(cmd: &AssessCommand, io: &mut Io<'_>) -> Result<(), Error> {
    let output = cmd.output.output.as_deref();
    let format = output_format(cmd.format, cmd.template.as_deref(), output, &Format::ALL)?;
    let templated = format.templates_dir().is_some();
    if !templated && (cmd.section.is_some() || cmd.template.is_some() || cmd.templates.is_some()) {
        return Err(Error::Usage(format!(
            "--section, --template and --templates apply to the text, markdown and html formats, not {}",
            format.name()
        )));
    }
    if cmd.section == Some(Section::Since) && cmd.since.is_none() {
        return Err(Error::Usage(
            "--section since shows what changed since an earlier assessment: name its answers file with --since OLD"
                .into(),
        ));
    }
    let since_date = cmd
        .since_date
        .as_deref()
        .map(|d| parse_date("--since-date", d))
        .transpose()?;
    // Only templates show a date; the timeline's dates in the past are checked against it.
    // JSON and CSV show no date: a malformed SOURCE_DATE_EPOCH only leaves the timeline's
    // past dates unchecked there.
    let today = match report_date(cmd.date.as_deref()) {
        Ok(day) => Some(day),
        Err(e) if templated || cmd.date.is_some() => return Err(e),
        Err(_) => None,
    };
    let date = today.clone().filter(|_| templated);
    let p = prepare_on(&cmd.input, today.as_deref(), io)?;
    if cmd.section == Some(Section::Team) && p.assessment.team.is_none() {
        return Err(Error::Usage(
            "--section team shows a team's answers: name the respondents' files with --team, or assess a file written by `readiness combine`".into(),
        ));
    }
    let since = match &cmd.since {
        Some(old) => Some(since(&p, old, since_date.as_deref(), io)?),
        None => None,
    };
    let text = match (format, date) {
        (Format::Csv, _) => report::csv::action_items(&p.framework, &p.assessment),
        (_, None) => match &since {
            None => json(&p.assessment),
            Some(since) => json(&WithSince {
                assessment: &p.assessment,
                since,
            }),
        },
        (_, Some(date)) => {
            let mut context = report::context(&p.framework, &p.answers, &p.assessment, &date);
            context.since = since;
            let options = RenderOptions {
                templates_dir: cmd.templates.clone(),
                template_file: cmd.template.clone(),
                section: cmd.section,
                ..RenderOptions::default()
            };
            report::render(format, &context, &options).map_err(Error::Template)?
        }
    };
    io.deliver(&text, output, Some(cmd.output.force))
}

/// `explain`: the trace of the assessment, as text or JSON.
pub fn explain(cmd: &ExplainCommand, io: &mut Io<'_>) -> Result<(), Error> {
    let output = cmd.output.output.as_deref();
    let format = output_format(cmd.format, None, output, EXPLAIN_FORMATS)?;
    let p = prepare(&cmd.input, io)?;
    let explanation = trace(&p.framework, &p.answers);
    let text = match format {
        Format::Json => json(&explanation),
        _ => report::explanation(&explanation),
    };
    io.deliver(&text, output, Some(cmd.output.force))
}

/// `context`: the data templates are rendered with, as JSON.
pub fn context(cmd: &ContextCommand, io: &mut Io<'_>) -> Result<(), Error> {
    let output = cmd.output.output.as_deref();
    json_output(output)?;
    let date = report_date(cmd.date.as_deref())?;
    let p = prepare_on(&cmd.input, Some(&date), io)?;
    let context = report::context(&p.framework, &p.answers, &p.assessment, &date);
    io.deliver(&json(&context), output, Some(cmd.output.force))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_flag_then_the_template_then_the_output() {
        let all = &Format::ALL;
        let f = |format, template: Option<&str>, output: Option<&str>| {
            output_format(format, template.map(Path::new), output.map(Path::new), all).ok()
        };
        assert_eq!(
            f(Some(Format::Json), Some("a.html.hbs"), Some("r.md")),
            Some(Format::Json)
        );
        assert_eq!(f(None, Some("a.html.hbs"), Some("r.md")), Some(Format::Html));
        assert_eq!(f(None, None, Some("r.md")), Some(Format::Markdown));
        assert_eq!(f(None, None, Some("report")), Some(Format::Text));
        assert_eq!(f(None, None, None), Some(Format::Text));
        assert_eq!(f(None, None, Some("r.pdf")), None);
        assert!(output_format(None, None, Some(Path::new("e.html")), EXPLAIN_FORMATS).is_err());
    }
}
