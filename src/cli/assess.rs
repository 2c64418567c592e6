//! `assess`, `explain` and `context`: read the answers, assess them, and write the result.

use std::path::Path;

use super::Io;
use super::args::{AssessCommand, ContextCommand, EXPLAIN_FORMATS, ExplainCommand};
use super::prepare::{Prepared, prepare, prepare_on, read_answers};
use crate::assess::compare::{Comparison, compare};
use crate::assess::{Assessment, assess as evaluate, explain::explain as trace};
use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::report::{self, Detail, Format, Paper, RenderOptions, ReportOptions, Section, json};

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
    Ok(super::today::today())
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

/// Refuses options that mean nothing for the format asked for, before any work is done.
fn check_options(cmd: &AssessCommand, format: Format) -> Result<(), Error> {
    let name = format.name();
    if cmd.section.is_some() && !matches!(format, Format::Text | Format::Markdown | Format::Html) {
        return Err(Error::Usage(format!(
            "--section renders one piece of the report to paste into another document: use it with --format text, markdown or html, not {name}"
        )));
    }
    if format.templates_dir().is_none() && (cmd.template.is_some() || cmd.templates.is_some()) {
        return Err(Error::Usage(format!(
            "--template and --templates apply to the text, markdown, html and pdf formats, not {name}"
        )));
    }
    if cmd.paper.is_some() && !matches!(format, Format::Html | Format::Pdf | Format::Docx) {
        return Err(Error::Usage(format!(
            "--paper applies to the html, pdf and docx formats, not {name}"
        )));
    }
    if matches!(format, Format::Json | Format::Csv) && (cmd.brand.is_some() || cmd.ids || cmd.detail != Detail::Current)
    {
        return Err(Error::Usage(format!(
            "--brand, --ids and --detail shape a report for people, not {name}, which always holds the ids"
        )));
    }
    if cmd.section == Some(Section::Since) && cmd.since.is_none() {
        return Err(Error::Usage(
            "--section since shows what changed since an earlier assessment: name its answers file with --since OLD"
                .into(),
        ));
    }
    Ok(())
}

/// `assess`: the report, in the format asked for.
pub fn assess(cmd: &AssessCommand, io: &mut Io<'_>) -> Result<(), Error> {
    let output = cmd.output.output.as_deref();
    let format = output_format(cmd.format, cmd.template.as_deref(), output, &Format::ALL)?;
    check_options(cmd, format)?;
    if format.is_binary() && output.is_none() && io.stdout_terminal {
        // Said before any work is done; `deliver_bytes` refuses it too.
        return io.deliver_bytes(&[], format.name(), None, None);
    }
    let since_date = cmd
        .since_date
        .as_deref()
        .map(|d| parse_date("--since-date", d))
        .transpose()?;
    // Only reports show a date; the timeline's dates in the past are checked against it.
    // JSON and CSV show none: a malformed SOURCE_DATE_EPOCH only leaves the timeline's
    // past dates unchecked there.
    let shows_date = !matches!(format, Format::Json | Format::Csv);
    let today = match report_date(cmd.date.as_deref()) {
        Ok(day) => Some(day),
        Err(e) if shows_date || cmd.date.is_some() => return Err(e),
        Err(_) => None,
    };
    let brand = cmd
        .brand
        .as_deref()
        .map(report::brand::load)
        .transpose()
        .map_err(Error::Template)?;
    let date = today.clone().filter(|_| shows_date);
    let p = prepare_on(&cmd.input, today.as_deref(), io)?;
    // Looked for once the answers are read: a mistake in them is said first, whatever
    // the machine has installed.
    let browser = if format == Format::Pdf {
        Some(report::pdf::find_browser().map_err(Error::Io)?)
    } else {
        None
    };
    if cmd.section == Some(Section::Team) && p.assessment.team.is_none() {
        return Err(Error::Usage(
            "--section team shows a team's answers: name the respondents' files with --team, or assess a file written by `readiness combine`".into(),
        ));
    }
    let since = match &cmd.since {
        Some(old) => Some(since(&p, old, since_date.as_deref(), io)?),
        None => None,
    };
    let Some(date) = date else {
        let text = match (format, &since) {
            (Format::Csv, _) => report::csv::action_items(&p.framework, &p.assessment),
            (_, None) => json(&p.assessment),
            (_, Some(since)) => json(&WithSince {
                assessment: &p.assessment,
                since,
            }),
        };
        return io.deliver(&text, output, Some(cmd.output.force));
    };
    let paper = match format {
        Format::Pdf | Format::Docx => Some(cmd.paper.unwrap_or(Paper::Letter)),
        _ => cmd.paper,
    };
    let options = ReportOptions {
        detail: cmd.detail,
        ids: cmd.ids,
        paper,
    };
    let mut context = report::context(&p.framework, &p.answers, &p.assessment, &date, &options, brand.as_ref());
    context.since = since;
    if format == Format::Docx {
        let bytes = report::docx::document(&context).map_err(Error::Io)?;
        return io.deliver_bytes(&bytes, format.name(), output, Some(cmd.output.force));
    }
    let to_terminal = output.is_none() && format == Format::Text;
    let render = RenderOptions {
        templates_dir: cmd.templates.clone(),
        template_file: cmd.template.clone(),
        section: cmd.section,
        width: if to_terminal { io.width } else { None },
        hyperlinks: to_terminal && io.hyperlinks,
        ..RenderOptions::default()
    };
    let text = report::render(format, &context, &render).map_err(Error::Template)?;
    match browser {
        Some(browser) => {
            let bytes = report::pdf::print(&browser, &text).map_err(Error::Io)?;
            io.deliver_bytes(&bytes, format.name(), output, Some(cmd.output.force))
        }
        None => io.deliver(&text, output, Some(cmd.output.force)),
    }
}

/// The short summary the survey ends with: where the organization stands, what keeps it
/// there and the next three steps, to fit one 80×24 screen.
pub fn brief(p: &Prepared, width: Option<usize>) -> Result<String, Error> {
    let date = report_date(None)?;
    let context = report::context(
        &p.framework,
        &p.answers,
        &p.assessment,
        &date,
        &ReportOptions::default(),
        None,
    );
    let options = RenderOptions {
        width: width.map(|w| w.min(report::wrap::WIDTH)),
        ..RenderOptions::default()
    };
    report::render_data(Format::Text, Some("brief"), &context, &options).map_err(Error::Template)
}

/// `explain`: the trace of the assessment, as text, Markdown, HTML or JSON.
pub fn explain(cmd: &ExplainCommand, io: &mut Io<'_>) -> Result<(), Error> {
    let output = cmd.output.output.as_deref();
    let format = output_format(cmd.format, None, output, EXPLAIN_FORMATS)?;
    let p = prepare(&cmd.input, io)?;
    let explanation = trace(&p.framework, &p.answers);
    let text = match format {
        Format::Json => json(&explanation),
        Format::Markdown | Format::Html => {
            report::explanation_document(format, &p.framework, &explanation).map_err(Error::Template)?
        }
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
    let context = report::context(
        &p.framework,
        &p.answers,
        &p.assessment,
        &date,
        &ReportOptions::default(),
        None,
    );
    io.deliver(&json(&context), output, Some(cmd.output.force))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::{AnswersArgs, RulesArgs};

    #[test]
    fn the_survey_summary_of_every_sample_fits_one_screen() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut count = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let (mut out, mut raw, mut err) = (Vec::new(), Vec::new(), Vec::new());
            let mut input = std::io::empty();
            let mut io = Io {
                stdout: &mut out,
                stdout_raw: &mut raw,
                stderr: &mut err,
                stdin: &mut input,
                styled: false,
                quiet: true,
                terminal: false,
                stdout_terminal: false,
                width: None,
                hyperlinks: false,
            };
            let args = AnswersArgs::one(
                path.clone(),
                RulesArgs {
                    rules: None,
                    framework: None,
                },
            );
            let prepared = prepare(&args, &mut io).unwrap();
            let text = brief(&prepared, None).unwrap();
            // The survey adds at most five lines: how to answer the rest, a blank line and
            // the command for the full report; its prompt is the 24th.
            let lines = text.lines().count();
            assert!(lines <= 18, "{}: {lines} lines\n{text}", path.display());
            assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
            assert!(!text.contains("_"), "an id in {text}");
            count += 1;
        }
        assert!(count >= 5);
    }

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
        assert_eq!(f(None, None, Some("r.pdf")), Some(Format::Pdf));
        assert_eq!(f(None, None, Some("r.docx")), Some(Format::Docx));
        assert_eq!(f(None, None, Some("r.odt")), None);
        assert!(output_format(None, None, Some(Path::new("e.pdf")), EXPLAIN_FORMATS).is_err());
    }
}
