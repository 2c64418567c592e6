//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Where a school, district or state agency stands in building a micro-credential
/// strategy for its educators, and what to do next.
#[derive(Debug, Parser)]
#[command(
    name = "readiness",
    version,
    about,
    long_about = "Where a school, district or state agency stands in building a micro-credential \
strategy for its educators, and what to do next.\n\n\
A declarative rule set (by default CTQ's framework \"Developing a micro-credential strategy\", \
built in) scores the answers to a readiness survey and to each phase's big questions and \
important tasks, decides which phase the organisation is in, lists the tasks that remain and \
recommends next steps with resources.",
    after_help = "Example:\n  readiness assess --answers samples/starting-district.toml\n\n\
Exit codes: 0 success, 1 a file cannot be read or written, 2 wrong command-line usage, \
3 the answers file is invalid, 4 the rule set is invalid, 5 a golden test case failed, \
6 a report template is invalid, 130 `survey` stopped with Esc or Ctrl-C."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Assess a prefilled answers file and print where the organisation stands.
    #[command(
        long_about = "Assess a prefilled answers file and print where the organisation stands: the \
current phase and what keeps it there, each phase's score, the important tasks that remain, the \
questions left unanswered, and recommendations with resources.\n\n\
The answers file is TOML (JSON if its name ends in .json): a question id `section.name` is the key \
`name` of the table `[section]`. Only profile.organization and profile.org_type are required.\n\n\
Text, Markdown and HTML are rendered through Handlebars templates built into the binary: \
--templates DIR replaces any of them by name, --template FILE renders your own, and --section \
renders one piece of the report to paste into another document (an HTML fragment with --format html). \
`readiness context` prints the data the templates see.",
        after_help = "Examples:\n  readiness assess --answers samples/starting-district.toml\n  \
readiness assess --answers answers.toml --format json\n  \
readiness assess --answers answers.toml --format html --output report.html\n  \
readiness assess --answers answers.toml --format markdown --section recommendations\n  \
readiness assess --answers answers.toml --template my-report.md.hbs\n  \
cat answers.toml | readiness assess --answers -\n  \
readiness assess --answers answers.toml --set why.theory_of_action=yes\n  \
readiness assess --answers answers.toml --rules my-framework/framework.toml"
    )]
    Assess(AssessCommand),
    /// Explain an assessment: how each score adds up, why each rule fired or not, and what gets to the next phase.
    #[command(
        long_about = "Explain an assessment in words a person follows: for each phase, each answer's points \
and weight and how they add up to the score, which gates were checked and why the phase is met or \
not; for each recommendation rule, whether it fired and which condition decided it; and the fewest \
answer changes that would meet the current phase and move to the next one.",
        after_help = "Examples:\n  readiness explain --answers samples/preparing-district.toml\n  \
readiness explain --answers answers.toml --set how.support_model=yes\n  \
readiness explain --answers answers.toml --format json"
    )]
    Explain(ExplainCommand),
    /// Print the data report templates are rendered with, as JSON.
    #[command(
        long_about = "Print the exact context report templates are rendered with, as JSON: every field a \
custom template (--template, --templates) can use. The README documents each field and helper.",
        after_help = "Example:\n  readiness context --answers samples/preparing-district.toml --date 2026-01-15"
    )]
    Context(ContextCommand),
    /// Check a framework's rule files and report every problem, with file, line and column.
    #[command(
        long_about = "Check a framework's rule files and report every problem at once on standard error, each with file, \
line and column: syntax errors and misspelt keys, duplicate ids, references to unknown questions, \
phases or resources, condition values a question does not allow, conditional questions that depend \
on later questions, phases with no scored answers, recommendation rules that can never fire, phases \
that can never be met, thresholds and weights out of range; and, as warnings, resources with no link.\n\n\
Exits 0 when there are no errors (warnings too with --strict), 4 otherwise.",
        after_help = "Examples:\n  readiness check\n  readiness check --rules my-framework/ --strict"
    )]
    Check(CheckArgs),
    /// Run the golden test cases a framework ships and report each pass or failure.
    #[command(
        long_about = "Run the golden test cases a framework ships (the files listed under `tests` in its \
manifest: answers plus the expected phase, remaining tasks and recommendation ids) and report each \
pass or failure with the difference.\n\nExits 0 when every case passes, 5 when one fails, 4 when the \
rules are invalid.",
        after_help = "Examples:\n  readiness test\n  readiness test --framework dp\n  readiness test --rules my-framework/"
    )]
    Test(RulesArgs),
    /// Print a blank answers file: every question in order, with its text and allowed values.
    #[command(
        long_about = "Print a blank answers file: every question of the framework in order, with its \
text, its condition and its allowed values as comments, ready to fill in and pass to \
`readiness assess --answers`. With --output, write it to a new file; an existing file is never \
overwritten.",
        after_help = "Examples:\n  readiness template > answers.toml\n  readiness template --output answers.toml\n  readiness template --framework dp"
    )]
    Template(TemplateArgs),
    /// Ask the questions one at a time, saving each answer, then print the assessment.
    #[command(
        long_about = "Ask the readiness survey, then each phase's big questions and important tasks, one \
question at a time on the terminal, and print the assessment at the end (the same as \
`readiness assess`). Questions asked only under a condition are asked when it holds, and \
changing an earlier answer removes the answers to questions that no longer apply.\n\n\
Every answer is saved at once to the answers file, in the format `readiness assess --answers` \
reads; comments and layout written into the file by hand are kept. When the file exists, only \
the questions still unanswered are asked (all of them with --review). A file that is not valid \
is reported and left untouched.\n\n\
At each question: pick `? tell me more` (or type `?`) for the documents' explanation and \
resources, `- skip` (or an empty line) to leave it unanswered, `< back` (or type `<`) to go back \
and change the previous answer. Esc or Ctrl-C stops; the answers given so far are saved and \
the same command goes on later (exit code 130).\n\n\
Prompts are written to standard error and the assessment to standard output. The survey needs \
a terminal: to assess answers from a file or a pipe, use `readiness assess --answers FILE`.",
        after_help = "Examples:\n  readiness survey\n  readiness survey --answers lakeside.toml\n  \
readiness survey --answers lakeside.toml --review\n  readiness survey --framework dp --answers dp-answers.toml\n\n\
Exit codes: 0 finished, 1 the file cannot be read or written, 2 not a terminal or wrong usage, \
3 the answers file is invalid, 4 the rule set is invalid, 130 stopped with Esc or Ctrl-C."
    )]
    Survey(SurveyArgs),
    /// Print the JSON Schema of a file format, for editors with a TOML language server.
    #[command(
        long_about = "Print the JSON Schema of a file format. The schemas of the rule files come from the \
types the program reads them into; the answers schema lists the chosen framework's questions and \
their allowed values. The shipped files point to the copies in `schemas/` with a `#:schema` \
directive, so editors with a TOML language server (Taplo, Even Better TOML) complete and check them.",
        after_help = "Examples:\n  readiness schema answers > answers.schema.json\n  readiness schema recommendations\n  readiness schema answers --framework dp"
    )]
    Schema(SchemaArgs),
    /// List the built-in frameworks.
    #[command(after_help = "Example:\n  readiness frameworks")]
    Frameworks,
}

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

/// The answers to assess, shared by `assess`, `explain` and `context`.
#[derive(Debug, clap::Args)]
pub struct AssessArgs {
    /// The answers file (TOML, or JSON if it ends in .json); `-` reads standard input (TOML).
    #[arg(long, value_name = "FILE")]
    pub answers: PathBuf,
    /// Try an answer without editing the file: `--set why.goals=yes` (repeatable; `ID=` clears an answer).
    #[arg(long = "set", value_name = "ID=VALUE")]
    pub set: Vec<String>,
    /// The framework to assess against.
    #[command(flatten)]
    pub rules: RulesArgs,
}

/// Arguments of `assess`.
#[derive(Debug, clap::Args)]
pub struct AssessCommand {
    /// The answers.
    #[command(flatten)]
    pub input: AssessArgs,
    /// Output format [default: text; with --template, guessed from its name: .html or .md].
    #[arg(long, value_enum)]
    pub format: Option<ReportFormatArg>,
    /// Render only this piece of the report, to paste into another document.
    #[arg(long, value_enum, conflicts_with = "template")]
    pub section: Option<Section>,
    /// Render with your own Handlebars template; the built-in partials stay available.
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// A folder of NAME.hbs files that replace built-in templates and partials by name.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With --output, replace the file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// The report's date, YYYY-MM-DD [default: $SOURCE_DATE_EPOCH if set, else today].
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

/// Arguments of `explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainCommand {
    /// The answers.
    #[command(flatten)]
    pub input: AssessArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Arguments of `context`.
#[derive(Debug, clap::Args)]
pub struct ContextCommand {
    /// The answers.
    #[command(flatten)]
    pub input: AssessArgs,
    /// The report's date, YYYY-MM-DD [default: $SOURCE_DATE_EPOCH if set, else today].
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

/// Output formats of `explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text for a person.
    Text,
    /// JSON for programs.
    Json,
}

/// Output formats of `assess`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormatArg {
    /// Plain text for a person reading a terminal.
    Text,
    /// JSON for programs (fields documented in the README).
    Json,
    /// GitHub-flavoured Markdown, for documents and pandoc.
    Markdown,
    /// One self-contained HTML page (a fragment with --section).
    Html,
}

/// The pieces of a report `--section` renders on their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Section {
    /// Where the organisation stands: current phase, goal, what keeps it there.
    Summary,
    /// Each phase's progress.
    Phases,
    /// The important tasks that remain, with guidance.
    Tasks,
    /// The recommendations with their resources.
    Recommendations,
    /// Every resource the report cites, grouped by type.
    Resources,
}

impl Section {
    /// The section's template name.
    pub fn name(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Phases => "phases",
            Section::Tasks => "tasks",
            Section::Recommendations => "recommendations",
            Section::Resources => "resources",
        }
    }
}

/// Arguments of `template`.
#[derive(Debug, clap::Args)]
pub struct TemplateArgs {
    /// Write to this new file instead of standard output (refuses to overwrite).
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The framework whose questions to list.
    #[command(flatten)]
    pub rules: RulesArgs,
}

/// Arguments of `survey`.
#[derive(Debug, clap::Args)]
pub struct SurveyArgs {
    /// The answers file to fill in: created if missing, else only unanswered questions are asked.
    #[arg(long, value_name = "FILE", default_value = crate::survey::DEFAULT_FILE)]
    pub answers: PathBuf,
    /// Ask every question that applies, with the current answer as the default.
    #[arg(long)]
    pub review: bool,
    /// The framework whose questions to ask.
    #[command(flatten)]
    pub rules: RulesArgs,
}

/// Arguments of `schema`.
#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Which file format.
    #[arg(value_enum)]
    pub kind: crate::schema::SchemaKind,
    /// The framework whose answers schema to print.
    #[command(flatten)]
    pub rules: RulesArgs,
}
