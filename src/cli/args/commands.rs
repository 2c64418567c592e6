//! Each command's own arguments.

use std::path::PathBuf;

use clap::ValueEnum;

use super::shared::{AnswersArgs, OutputArgs, RulesArgs, format_parser};
use crate::report::{Detail, Format, Paper, Section};
use crate::rules::schema::SchemaKind;

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The framework to check.
    #[command(flatten)]
    pub rules: RulesArgs,
    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,
}

/// Arguments of `assess`.
#[derive(Debug, clap::Args)]
pub struct AssessCommand {
    /// The answers.
    #[command(flatten)]
    pub input: AnswersArgs,
    /// Output format [default: from --template's or --output's name, else text].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Render only this piece of the report, to paste into another document.
    #[arg(long, value_enum, conflicts_with = "template")]
    pub section: Option<Section>,
    /// Render with your own Handlebars template; the built-in partials stay available.
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// A folder of NAME.hbs files that replace built-in templates and partials by name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
    /// The report's date, YYYY-MM-DD [default: $SOURCE_DATE_EPOCH if set, else today].
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Add what changed since an earlier answers file of the organization ("Since your last assessment").
    #[arg(long, value_name = "OLD")]
    pub since: Option<PathBuf>,
    /// The day of the earlier assessment, YYYY-MM-DD [default: `assessed` in OLD's `[framework]` table].
    #[arg(long, value_name = "DATE", requires = "since")]
    pub since_date: Option<String>,
    /// How much of the later phases to show: `current` (a few lines each) or `all` (in full).
    #[arg(long, value_enum, value_name = "HOW_MUCH", default_value_t = Detail::Current)]
    pub detail: Detail,
    /// Show question and rule ids beside the words, for rule authors.
    #[arg(long)]
    pub ids: bool,
    /// A brand file (TOML): who prepared the report, a logo, an accent color, a footer line.
    #[arg(long, value_name = "FILE")]
    pub brand: Option<PathBuf>,
    /// The paper to print on (html, pdf, docx) [default: letter for pdf and docx; the printer's for html].
    #[arg(long, value_enum)]
    pub paper: Option<Paper>,
}

/// Arguments of `combine`.
#[derive(Debug, clap::Args)]
pub struct CombineArgs {
    /// The respondents' answers files, or folders of them (their .toml and .json files).
    #[arg(value_name = "FILE|DIR", required = true)]
    pub files: Vec<PathBuf>,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
    /// The framework the answers are written for.
    #[command(flatten)]
    pub rules: RulesArgs,
}

/// Arguments of `compare`.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The earlier answers file.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The later answers file.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Output format [default: from --output's name, else text].
    #[arg(long, value_parser = format_parser(COMPARE_FORMATS))]
    pub format: Option<Format>,
    /// The day of the earlier assessment, YYYY-MM-DD [default: `assessed` in OLD's `[framework]` table].
    #[arg(long, value_name = "DATE")]
    pub since_date: Option<String>,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
    /// The framework to assess both against.
    #[command(flatten)]
    pub rules: RulesArgs,
}

/// The formats `compare` writes.
pub const COMPARE_FORMATS: &[Format] = &[Format::Text, Format::Json, Format::Markdown, Format::Html];

/// Arguments of `batch`.
#[derive(Debug, clap::Args)]
pub struct BatchArgs {
    /// Answers files, or folders of them (their .toml and .json files), one organization each.
    #[arg(value_name = "FILE|DIR", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format [default: from --output's name, else csv].
    #[arg(long, value_parser = format_parser(BATCH_FORMATS))]
    pub format: Option<Format>,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
    /// The framework to assess against.
    #[command(flatten)]
    pub rules: RulesArgs,
}

/// The formats `batch` writes.
pub const BATCH_FORMATS: &[Format] = &[Format::Csv, Format::Json, Format::Markdown, Format::Html];

/// The formats `plan` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// Plain text for a person reading a terminal.
    Text,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// One self-contained HTML page, the timeline drawn as a Gantt chart.
    Html,
    /// One row per item and activity, for a spreadsheet.
    Csv,
    /// The plan as data (fields in the README).
    Json,
    /// A calendar (RFC 5545): due dates and timeline activities as all-day events.
    Ics,
}

impl PlanFormat {
    /// Every format.
    pub const ALL: [PlanFormat; 6] = [
        PlanFormat::Text,
        PlanFormat::Markdown,
        PlanFormat::Html,
        PlanFormat::Csv,
        PlanFormat::Json,
        PlanFormat::Ics,
    ];

    /// The file extensions that mean this format, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            PlanFormat::Text => &["txt", "text"],
            PlanFormat::Markdown => &["md", "markdown"],
            PlanFormat::Html => &["html", "htm"],
            PlanFormat::Csv => &["csv"],
            PlanFormat::Json => &["json"],
            PlanFormat::Ics => &["ics"],
        }
    }
}

/// Arguments of `plan`.
#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// The answers.
    #[command(flatten)]
    pub input: AnswersArgs,
    /// Output format [default: from --output's name, else text].
    #[arg(long, value_enum)]
    pub format: Option<PlanFormat>,
    /// The day the plan is read on: items due before it are overdue, and the timeline's
    /// dates before it are past, YYYY-MM-DD [default: $SOURCE_DATE_EPOCH if set, else today].
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// List the tasks of later phases too.
    #[arg(long)]
    pub all: bool,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Arguments of `feedback-survey`.
#[derive(Debug, clap::Args)]
pub struct FeedbackSurveyArgs {
    /// The answers.
    #[command(flatten)]
    pub input: AnswersArgs,
    /// Output format [default: from --output's name, else markdown].
    #[arg(long, value_parser = format_parser(FEEDBACK_FORMATS))]
    pub format: Option<Format>,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// The formats `feedback-survey` writes.
pub const FEEDBACK_FORMATS: &[Format] = &[Format::Markdown, Format::Html, Format::Csv, Format::Json];

/// Arguments of `explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainCommand {
    /// The answers.
    #[command(flatten)]
    pub input: AnswersArgs,
    /// Output format [default: from --output's name, else text].
    #[arg(long, value_parser = format_parser(EXPLAIN_FORMATS))]
    pub format: Option<Format>,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// The formats `explain` writes.
pub const EXPLAIN_FORMATS: &[Format] = &[Format::Text, Format::Json, Format::Markdown, Format::Html];

/// Arguments of `context`.
#[derive(Debug, clap::Args)]
pub struct ContextCommand {
    /// The answers.
    #[command(flatten)]
    pub input: AnswersArgs,
    /// The report's date, YYYY-MM-DD [default: $SOURCE_DATE_EPOCH if set, else today].
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Arguments of `template`.
#[derive(Debug, clap::Args)]
pub struct TemplateArgs {
    /// Write to this new file instead of standard output (never overwrites).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The framework whose questions to list.
    #[command(flatten)]
    pub rules: RulesArgs,
}

/// Arguments of `survey`.
#[derive(Debug, clap::Args)]
pub struct SurveyArgs {
    /// The answers file to fill in: created if missing, else only unanswered questions are asked
    /// [default: readiness-answers.toml].
    #[arg(value_name = "FILE", conflicts_with = "answers")]
    pub file: Option<PathBuf>,
    /// The answers file, named with an option instead.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Ask every question that applies, with the current answer as the default.
    #[arg(long)]
    pub review: bool,
    /// Ask no question but, for each open task and recommendation of the current phase, who
    /// sees to it, by when and where it stands (saved in the answers file's action plan).
    #[arg(long, conflicts_with = "review")]
    pub plan: bool,
    /// The framework whose questions to ask.
    #[command(flatten)]
    pub rules: RulesArgs,
}

impl SurveyArgs {
    /// The answers file: as named, else the default.
    pub fn path(&self) -> PathBuf {
        self.file
            .clone()
            .or_else(|| self.answers.clone())
            .unwrap_or_else(|| PathBuf::from(crate::survey::DEFAULT_FILE))
    }
}

/// Arguments of `schema`.
#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Which file format.
    #[arg(value_enum)]
    pub kind: SchemaKind,
    /// The framework whose answers schema to print.
    #[command(flatten)]
    pub rules: RulesArgs,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Arguments of `completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Arguments of `man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// The command whose page to print [default: readiness as a whole].
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}
