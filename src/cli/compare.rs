//! `compare`: what moved between an earlier and a later answers file.

use super::Io;
use super::args::{COMPARE_FORMATS, CompareArgs};
use super::assess::{output_format, parse_date, report_date, since};
use super::prepare::{Prepared, read_answers};
use super::rules::load_rules;
use crate::assess::assess as evaluate;
use crate::error::Error;
use crate::report::{self, Format, RenderOptions, Section, json};

/// Compares OLD with NEW and writes what changed.
pub fn compare(args: &CompareArgs, io: &mut Io<'_>) -> Result<(), Error> {
    let output = args.output.output.as_deref();
    let format = output_format(args.format, None, output, COMPARE_FORMATS)?;
    let since_date = args
        .since_date
        .as_deref()
        .map(|d| parse_date("--since-date", d))
        .transpose()?;
    let loaded = load_rules(&args.rules)?;
    let answers = read_answers(&loaded.framework, &args.new, io)?;
    let assessment = evaluate(&loaded.framework, &answers);
    let p = Prepared {
        framework: loaded.framework,
        answers,
        assessment,
    };
    let comparison = since(&p, &args.old, since_date.as_deref(), io)?;
    let text = match format {
        Format::Json => json(&comparison),
        _ => {
            // The section shows no date of its own; the report's date only fills the context.
            let date = report_date(None)?;
            let mut context = report::context(
                &p.framework,
                &p.answers,
                &p.assessment,
                &date,
                &report::ReportOptions::default(),
                None,
            );
            context.since = Some(comparison);
            let options = RenderOptions {
                section: Some(Section::Since),
                ..RenderOptions::default()
            };
            report::render(format, &context, &options).map_err(Error::Template)?
        }
    };
    io.deliver(&text, output, Some(args.output.force))
}
