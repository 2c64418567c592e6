//! `combine`: a team's answers files combined into one answers file.

use std::path::{Path, PathBuf};

use super::Io;
use super::args::CombineArgs;
use super::prepare::read_team;
use super::rules::load_rules;
use crate::answers::team_file;
use crate::error::Error;

/// Combines the respondents' files and writes the team's answers file.
pub fn combine(args: &CombineArgs, io: &mut Io<'_>) -> Result<(), Error> {
    let output = args.output.output.as_deref();
    if let Some(path) = output
        && let Some(ext) = path.extension()
        && !ext.eq_ignore_ascii_case("toml")
    {
        return Err(Error::Usage(format!(
            "{}: `combine` writes an answers file in TOML, not .{}\n  help: name the file with .toml",
            path.display(),
            ext.to_string_lossy()
        )));
    }
    let loaded = load_rules(&args.rules)?;
    let paths: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    let answers = read_team(&loaded.framework, &paths, io)?;
    let text = team_file::render(&loaded.framework, &answers);
    io.deliver(&text, output, Some(args.output.force))
}
