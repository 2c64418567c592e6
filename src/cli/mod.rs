//! The command line: the only code that parses arguments or writes to the terminal. Each
//! command has its file; [`run`] sends a parsed command line to it. Commands write to the
//! streams they are given ([`Io`]) and return an [`Error`], whose code is the exit code.

pub mod args;
mod assess;
mod batch;
mod check;
mod compare;
mod docs;
mod frameworks;
mod io;
mod plan;
mod prepare;
mod rules;
mod schema;
mod serve;
pub mod signals;
mod survey;
mod team;
mod template;
mod today;

use clap::{CommandFactory, FromArgMatches};

pub use args::{Cli, ColorChoice, Command};
pub use io::Io;

use crate::error::Error;

/// The command line's definition.
pub fn command() -> clap::Command {
    Cli::command()
}

/// The end of `readiness --help`: an example and the exit codes.
fn root_after_help() -> String {
    format!(
        "Example:\n  readiness assess samples/starting-district.toml\n\n{}",
        Error::codes_summary()
    )
}

/// The end of `readiness survey --help`: examples and the exit codes a survey can give.
fn survey_after_help() -> String {
    let codes: Vec<String> = Error::CODES
        .iter()
        .filter(|(code, _)| ![5, 6, 7].contains(code))
        .map(|(code, what)| format!("{code} {what}"))
        .collect();
    format!(
        "Examples:\n  readiness survey\n  readiness survey lakeside.toml\n  \
readiness survey lakeside.toml --review\n  readiness survey --framework dp dp-answers.toml\n\n\
Exit codes: {}.",
        codes.join(", ")
    )
}

/// Parses a command line (the program's name first), or says why it cannot.
pub fn parse<I, T>(args: I, color: ColorChoice) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let color = match color {
        ColorChoice::Auto => clap::ColorChoice::Auto,
        ColorChoice::Always => clap::ColorChoice::Always,
        ColorChoice::Never => clap::ColorChoice::Never,
    };
    let matches = command().color(color).try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// Runs a parsed command line.
pub fn run(cli: Cli, io: &mut Io<'_>) -> Result<(), Error> {
    match cli.command {
        Command::Assess(args) => assess::assess(&args, io),
        Command::Combine(args) => team::combine(&args, io),
        Command::Compare(args) => compare::compare(&args, io),
        Command::Batch(args) => batch::batch(&args, io),
        Command::Plan(args) => plan::plan(&args, io),
        Command::FeedbackSurvey(args) => plan::feedback_survey(&args, io),
        Command::Explain(args) => assess::explain(&args, io),
        Command::Context(args) => assess::context(&args, io),
        Command::Check(args) => check::check(&args, io),
        Command::Test(args) => check::golden(&args, io),
        Command::Template(args) => template::template(&args, io),
        Command::Survey(args) => survey::survey(&args, io),
        Command::Serve(args) => serve::serve(&args, io),
        Command::Schema(args) => schema::schema(&args, io),
        Command::Frameworks => frameworks::frameworks(io),
        Command::Completions(args) => docs::completions(&args, io),
        Command::Man(args) => docs::man(&args, io),
    }
}
