//! Arguments several commands take: which framework, which answers, where to write.

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use crate::report::Format;

/// Which framework to use: a built-in one by name, or one on disk.
#[derive(Debug, Clone, clap::Args)]
pub struct RulesArgs {
    /// Load the framework from this manifest (or folder holding framework.toml) instead of a built-in one.
    #[arg(long, value_name = "PATH", conflicts_with = "framework")]
    pub rules: Option<PathBuf>,
    /// Use this built-in framework (see `readiness frameworks`); the default is `ctq`.
    #[arg(long, value_name = "NAME")]
    pub framework: Option<String>,
}

/// Where a command writes: standard output, or a file.
#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With --output, replace the file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// The answers to assess, shared by `assess`, `explain` and `context`.
#[derive(Debug, Clone, clap::Args)]
pub struct AnswersArgs {
    /// The answers file (TOML, or JSON if it ends in .json); `-` reads standard input (TOML).
    /// With --team, several files or a folder of them.
    #[arg(value_name = "FILE", conflicts_with = "answers")]
    pub files: Vec<PathBuf>,
    /// The answers file, named with an option instead.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Assess several respondents' answers files (or the .toml and .json files of a folder)
    /// as one team's: combined by the rule set's rules, with the spread of answers.
    #[arg(long)]
    pub team: bool,
    /// Try an answer without editing the file: `--set why.goals=yes` (repeatable; `ID=` clears an answer).
    #[arg(long = "set", value_name = "ID=VALUE")]
    pub set: Vec<String>,
    /// The framework to assess against.
    #[command(flatten)]
    pub rules: RulesArgs,
}

impl AnswersArgs {
    /// The answers files named, positionally or with `--answers`.
    pub fn paths(&self) -> Vec<&Path> {
        let mut paths: Vec<&Path> = self.files.iter().map(PathBuf::as_path).collect();
        paths.extend(self.answers.as_deref());
        paths
    }

    /// The answers of one file, as `survey` hands them to `assess`.
    pub fn one(path: PathBuf, rules: RulesArgs) -> AnswersArgs {
        AnswersArgs {
            files: vec![path],
            answers: None,
            team: false,
            set: Vec::new(),
            rules,
        }
    }
}

/// A parser for `--format` that accepts only some of the formats.
pub(super) fn format_parser(allowed: &'static [Format]) -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(allowed.iter().filter_map(|f| f.to_possible_value()))
        .map(|name: String| Format::from_str(&name, true).unwrap_or(Format::Text))
}
