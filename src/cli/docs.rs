//! `completions` (shell completion scripts) and `man` (manual pages).

use super::Io;
use super::args::{CompletionsArgs, ManArgs};
use crate::error::Error;

/// Prints the completion script for a shell.
pub fn completions(args: &CompletionsArgs, io: &mut Io<'_>) -> Result<(), Error> {
    let mut command = super::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "readiness", &mut script);
    let text = String::from_utf8_lossy(&script).into_owned();
    io.deliver(&text, args.output.output.as_deref(), Some(args.output.force))
}

/// Prints the manual page of readiness, or of one of its commands.
pub fn man(args: &ManArgs, io: &mut Io<'_>) -> Result<(), Error> {
    let root = super::command();
    let page = match &args.command {
        None => root,
        Some(name) => {
            let Some(sub) = root.find_subcommand(name).cloned() else {
                let names: Vec<&str> = root.get_subcommands().map(clap::Command::get_name).collect();
                return Err(Error::Usage(format!(
                    "there is no command `{name}`; commands: {}",
                    names.join(", ")
                )));
            };
            sub.name(format!("readiness-{name}")).version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .source(format!("readiness {}", env!("CARGO_PKG_VERSION")))
        .render(&mut roff)
        .map_err(|e| Error::Io(format!("cannot render the manual page: {e}")))?;
    let text = String::from_utf8_lossy(&roff).into_owned();
    io.deliver(&text, args.output.output.as_deref(), Some(args.output.force))
}
