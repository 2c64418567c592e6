//! `template`: the blank answers file.

use super::Io;
use super::args::TemplateArgs;
use super::rules::load_rules;
use crate::answers::blank;
use crate::error::Error;

/// Prints the blank answers file, or writes it to a new file (never over an existing one).
pub fn template(args: &TemplateArgs, io: &mut Io<'_>) -> Result<(), Error> {
    let loaded = load_rules(&args.rules)?;
    let text = blank::render(&loaded.framework);
    io.deliver(&text, args.output.as_deref(), None)
}
