//! `batch`: many organizations' answers files assessed at once, written row by row.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Io;
use super::args::{BATCH_FORMATS, BatchArgs};
use super::rules::load_rules;
use crate::error::Error;
use crate::io::{AtomicFile, Existing, answers_files};
use crate::portfolio::{Summary, assess_file, in_order};
use crate::report::Format;
use crate::report::portfolio::{PortfolioWriter, summary_lines};

/// The format to write: `--format`, else the output file's extension, else CSV.
fn format(args: &BatchArgs) -> Result<Format, Error> {
    if let Some(format) = args.format {
        return Ok(format);
    }
    let Some(output) = args.output.output.as_deref() else {
        return Ok(Format::Csv);
    };
    match Format::from_path(output, BATCH_FORMATS) {
        Ok(found) => Ok(found.unwrap_or(Format::Csv)),
        Err(ext) => Err(Error::Usage(format!(
            "{}: `batch` does not write .{ext} files\n  help: name the file .csv, .json, .md or .html, or choose the format with --format",
            output.display()
        ))),
    }
}

/// Assesses every file and writes the portfolio; files that could not be assessed are
/// reported and counted, and make the exit code 7.
pub fn batch(args: &BatchArgs, io: &mut Io<'_>) -> Result<(), Error> {
    let format = format(args)?;
    let output = args.output.output.as_deref();
    if let Some(path) = output
        && !args.output.force
        && std::fs::symlink_metadata(path).is_ok()
    {
        return Err(Error::Io(format!(
            "{}: the file exists; it is left as it is\n  help: choose another name, or add --force to replace it",
            path.display()
        )));
    }
    let loaded = load_rules(&args.rules)?;
    let framework = &loaded.framework;
    let inputs: Vec<&Path> = args.inputs.iter().map(PathBuf::as_path).collect();
    let mut paths = answers_files(&inputs).map_err(Error::Io)?;
    paths.sort();
    paths.dedup();
    if paths.is_empty() {
        let named: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Usage(format!(
            "{}: no answers files (.toml or .json) to assess",
            named.join(", ")
        )));
    }

    let mut file = match output {
        Some(path) => {
            let existing = if args.output.force {
                Existing::Replace
            } else {
                Existing::Keep
            };
            Some(AtomicFile::create(path, existing).map_err(Error::Io)?)
        }
        None => None,
    };
    let write_error = |e: std::io::Error| match output {
        Some(path) => Error::Io(format!("{}: cannot write: {e}", path.display())),
        None => Error::Io(format!("cannot write to standard output: {e}")),
    };
    let bar = (io.terminal && !io.quiet).then(|| {
        let bar = indicatif::ProgressBar::new(paths.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} answers files ({eta} left)") {
            bar.set_style(style);
        }
        bar
    });
    let styled = io.styled;
    let stderr = &mut *io.stderr;
    let target: &mut dyn Write = match file.as_mut() {
        Some(f) => f,
        None => &mut *io.stdout,
    };
    let mut summary = Summary::new(framework);
    let mut writer = PortfolioWriter::start(format, framework, target).map_err(write_error)?;
    in_order(
        &paths,
        |path| assess_file(framework, path),
        |outcome| {
            let mut messages = Vec::new();
            match &outcome {
                Ok(row) => messages.extend(row.warnings.iter().map(|w| w.render(styled))),
                Err(failure) => messages.push(failure.problems.render(styled)),
            }
            if !messages.is_empty() {
                let mut say = || {
                    for m in &messages {
                        let _ = writeln!(stderr, "{m}");
                    }
                };
                match &bar {
                    Some(bar) => bar.suspend(say),
                    None => say(),
                }
            }
            writer.row(&outcome).map_err(write_error)?;
            summary.add(&outcome);
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            Ok(())
        },
    )?;
    let data = summary.data(framework);
    writer.finish(&data).map_err(write_error)?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if let (Some(file), Some(path)) = (file, output) {
        file.commit().map_err(Error::Io)?;
        io.note(&format!("wrote {}", path.display()));
    }
    if format == Format::Csv {
        for line in summary_lines(&data) {
            io.note(&line);
        }
    }
    if data.failed > 0 {
        return Err(Error::Batch(format!(
            "{} of {} answers files could not be assessed (see above); the other {} are in the output",
            data.failed, data.files, data.assessed
        )));
    }
    Ok(())
}
