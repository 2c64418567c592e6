//! The command line: the only code that parses arguments or writes to the terminal. Each
//! command has its file; [`run`] sends a parsed command line to it. Commands write to the
//! streams they are given ([`Io`]) and return an [`Error`], whose code is the exit code.

pub mod args;
mod assess;
mod check;
mod docs;
mod frameworks;
mod io;
mod rules;
mod schema;
pub mod signals;
mod survey;
mod template;

use clap::{CommandFactory, FromArgMatches};

pub use args::{Cli, ColorChoice, Command};
pub use io::Io;

use crate::error::Error;

/// The command line's definition, with the help texts that are built from tables (the exit
/// codes).
pub fn command() -> clap::Command {
    let codes = Error::codes_summary();
    let survey_codes: Vec<String> = Error::CODES
        .iter()
        .filter(|(code, _)| ![5, 6].contains(code))
        .map(|(code, what)| format!("{code} {what}"))
        .collect();
    let root = Cli::command();
    let root_after = root.get_after_help().map(ToString::to_string).unwrap_or_default();
    root.after_help(format!("{root_after}\n\n{codes}"))
        .mut_subcommand("survey", |c| {
            let after = c.get_after_help().map(ToString::to_string).unwrap_or_default();
            c.after_help(format!("{after}\n\nExit codes: {}.", survey_codes.join(", ")))
        })
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
        Command::Explain(args) => assess::explain(&args, io),
        Command::Context(args) => assess::context(&args, io),
        Command::Check(args) => check::check(&args, io),
        Command::Test(args) => check::golden(&args, io),
        Command::Template(args) => template::template(&args, io),
        Command::Survey(args) => survey::survey(&args, io),
        Command::Schema(args) => schema::schema(&args, io),
        Command::Frameworks => frameworks::frameworks(io),
        Command::Completions(args) => docs::completions(&args, io),
        Command::Man(args) => docs::man(&args, io),
    }
}
