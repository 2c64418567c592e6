//! `plan` and `feedback-survey`: from an assessment to what the organization does next.

use super::Io;
use super::args::{FEEDBACK_FORMATS, FeedbackSurveyArgs, PlanArgs, PlanFormat};
use super::assess::{output_format, report_date};
use super::prepare::prepare_on;
use crate::error::Error;
use crate::report::{self, Format, RenderOptions, json};

/// The format of `plan`: `--format`, else the output file's extension, else text.
fn plan_format(args: &PlanArgs) -> Result<PlanFormat, Error> {
    if let Some(format) = args.format {
        return Ok(format);
    }
    let Some(output) = args.output.output.as_deref() else {
        return Ok(PlanFormat::Text);
    };
    let Some(ext) = output.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()) else {
        return Ok(PlanFormat::Text);
    };
    PlanFormat::ALL
        .into_iter()
        .find(|f| f.extensions().contains(&ext.as_str()))
        .ok_or_else(|| {
            let known: Vec<String> = PlanFormat::ALL
                .iter()
                .map(|f| format!(".{}", f.extensions()[0]))
                .collect();
            Error::Usage(format!(
                "{}: `readiness plan` writes no .{ext} files\n  help: name the file with one of {}, or choose the format with --format",
                output.display(),
                known.join(", ")
            ))
        })
}

/// `plan`: the open items with owner, due date and status, and the timeline.
pub fn plan(args: &PlanArgs, io: &mut Io<'_>) -> Result<(), Error> {
    let format = plan_format(args)?;
    let date = report_date(args.date.as_deref())?;
    let p = prepare_on(&args.input, Some(&date), io)?;
    let plan = report::plan::plan_info(&p.framework, &p.answers, &p.assessment, &date, args.all);
    let text = match format {
        PlanFormat::Json => {
            let mut plan = plan;
            if let Some(t) = plan.timeline.as_mut() {
                t.chart = None;
            }
            json(&plan)
        }
        PlanFormat::Csv => report::plan::csv(&plan),
        PlanFormat::Ics => report::ics::calendar(&p.framework.id, &plan),
        PlanFormat::Text | PlanFormat::Markdown | PlanFormat::Html => {
            let format = match format {
                PlanFormat::Markdown => Format::Markdown,
                PlanFormat::Html => Format::Html,
                _ => Format::Text,
            };
            let mut context = report::context(
                &p.framework,
                &p.answers,
                &p.assessment,
                &date,
                &report::ReportOptions::default(),
                None,
            );
            context.plan = Some(plan);
            let options = RenderOptions {
                entry: Some("plan-document".into()),
                ..RenderOptions::default()
            };
            report::render(format, &context, &options).map_err(Error::Template)?
        }
    };
    io.deliver(&text, args.output.output.as_deref(), Some(args.output.force))
}

/// `feedback-survey`: the participant survey, tailored by the answers.
pub fn feedback_survey(args: &FeedbackSurveyArgs, io: &mut Io<'_>) -> Result<(), Error> {
    let output = args.output.output.as_deref();
    let format = match (args.format, output) {
        (None, None) => Format::Markdown,
        (format, _) => match output_format(format, None, output, FEEDBACK_FORMATS)? {
            // A file named without an extension gets the default.
            Format::Text => Format::Markdown,
            other => other,
        },
    };
    let p = super::prepare::prepare(&args.input, io)?;
    let Some(survey) = &p.framework.feedback else {
        return Err(Error::Usage(format!(
            "the framework `{}` ships no participant feedback survey\n  help: the default framework (ctq) ships CTQ's sample survey questions: use it, or add `feedback = \"FILE\"` to your framework's manifest",
            p.framework.id
        )));
    };
    let form = report::feedback::form(&p.framework, survey, &p.answers, &p.assessment.organization);
    let publisher = p.framework.publisher.as_deref();
    let text = match format {
        Format::Json => json(&form),
        Format::Csv => report::feedback::csv(&form),
        Format::Html => report::feedback::html(&form, publisher),
        _ => report::feedback::markdown(&form, publisher),
    };
    io.deliver(&text, output, Some(args.output.force))
}
