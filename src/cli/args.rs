//! The command line: every command, argument and help text.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::report::{Detail, Format, Paper, Section};
use crate::rules::schema::SchemaKind;

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
important tasks, decides which phase the organization is in, lists the tasks that remain and \
recommends next steps with resources.",
    after_help = super::root_after_help()
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// When to color messages: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, global = true, value_name = "WHEN", default_value_t = ColorChoice::Auto, hide_possible_values = true)]
    pub color: ColorChoice,
    /// Say nothing on success (no "wrote FILE"); errors and warnings are still shown.
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

/// When to color messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Assess a prefilled answers file and print where the organization stands.
    #[command(
        long_about = "Assess a prefilled answers file and print where the organization stands: the \
current phase and what keeps it there, each phase's score, the important tasks that remain, the \
questions left unanswered, and recommendations with resources.\n\n\
The answers file is TOML (JSON if its name ends in .json): a question id `section.name` is the key \
`name` of the table `[section]`. Only profile.organization and profile.org_type are required. \
`readiness template -o answers.toml` writes a blank one; `readiness survey` asks the questions.\n\n\
Text, Markdown and HTML are rendered through Handlebars templates built into the binary: \
--templates DIR replaces any of them by name, --template FILE renders your own, and --section \
renders one piece of the report to paste into another document (an HTML fragment with --format html). \
`readiness context` prints the data the templates see.\n\n\
--format csv writes the action items (the remaining tasks and the recommendations) for a spreadsheet. \
--team assesses several respondents' files (or a folder of them) as one team's combined answers and \
shows how they answered; --since OLD adds what changed since an earlier answers file.\n\n\
Without --format, the format comes from the template's name (.html.hbs, .md.hbs), else from \
the --output file's extension (.html, .md, .json, .txt, .csv, .docx, .pdf), else it is text.\n\n\
Every report starts with a summary (where the organization stands, what keeps it there, the next \
three steps), then what to do now, what comes next, and an appendix with every answer, the \
resources and the method. --format docx writes a Word document; --format pdf prints the HTML \
report with headless Chromium (`chromium` on PATH). --brand FILE adds who prepared the report, a \
logo, an accent color and a footer.",
        after_help = "Examples:\n  readiness assess samples/starting-district.toml\n  \
readiness assess answers.toml --format json\n  \
readiness assess answers.toml -o report.html\n  \
readiness assess answers.toml -o report.pdf --paper a4 --brand brand.toml\n  \
readiness assess answers.toml -o report.docx\n  \
readiness assess answers.toml --detail all --ids\n  \
readiness assess answers.toml --format markdown --section recommendations\n  \
readiness assess answers.toml --template my-report.md.hbs\n  \
cat answers.toml | readiness assess -\n  \
readiness assess answers.toml --set why.theory_of_action=yes\n  \
readiness assess --team samples/team/\n  \
readiness assess samples/starting-district.toml --since samples/history/starting-district-2025.toml\n  \
readiness assess answers.toml --format csv -o action-items.csv\n  \
readiness assess answers.toml --rules my-framework/framework.toml"
    )]
    Assess(AssessCommand),
    /// Combine a team's answers files into one answers file.
    #[command(
        long_about = "Combine several respondents' answers files for one organization (a superintendent, a PD \
director, principals, teacher leaders...) into one answers file that `readiness assess` reads. Each \
question combines by the rule the rule set gives its scale (the [combine] table of the framework \
manifest: lowest, median or majority); the comment after each answer shows how the respondents \
answered, and the file keeps each respondent's own answers, so that assessing it shows the spread \
and where the team disagrees.\n\n\
Files for different organizations (a different name or kind of organization) are an error naming \
both files. Numbers that differ (the educators the initiative may reach) combine to the largest, \
with a warning. `readiness assess --team FILES...` assesses the combination without writing it.",
        after_help = "Examples:\n  readiness combine samples/team/ -o team.toml\n  \
readiness combine superintendent.toml principal.toml coach.toml > team.toml"
    )]
    Combine(CombineArgs),
    /// Compare an earlier answers file with a later one: what moved.
    #[command(
        long_about = "Compare an earlier answers file of an organization (OLD) with a later one (NEW), both \
assessed with the same framework: the phase before and after, each phase's score change, the \
important tasks finished or started, the gates that now hold, the recommendations resolved and \
new, and every answer that changed, with both values in words.\n\n\
OLD written for an older version of the framework is read as `assess` reads it: answers to \
questions that no longer exist are listed, not an error. OLD written for another framework is an \
error. The date of the earlier assessment is `assessed = YYYY-MM-DD` in OLD's [framework] table, \
or --since-date. The Markdown and HTML output is the section \"Since your last assessment\" that \
`readiness assess NEW --since OLD` adds to a full report.",
        after_help = "Examples:\n  readiness compare samples/history/starting-district-2025.toml samples/starting-district.toml\n  \
readiness compare old.toml new.toml --format json\n  \
readiness compare old.toml new.toml --format html --since-date 2025-09-01 -o since.html"
    )]
    Compare(CompareArgs),
    /// Assess many organizations at once: one row each and a cohort summary.
    #[command(
        long_about = "Assess every answers file given (or every .toml and .json file of a folder), one \
organization each, and write one row per file (file, organization, kind, educators, phase, \
complete, each phase's score, open tasks, top recommendation) and a cohort summary (how many in \
each phase, the most common blockers and recommendations), in CSV, JSON, Markdown or HTML.\n\n\
Files are assessed in parallel and written in the order of their paths, so the same files give \
byte-identical output. A file that is not valid is reported on standard error with its line and \
column, counted, and given a row with the error; the rest of the batch still runs, and the exit \
code is then 3. A progress bar shows on a terminal (not with --quiet).",
        after_help = "Examples:\n  readiness batch samples/\n  readiness batch districts/ -o portfolio.csv\n  \
readiness batch districts/*.toml --format html -o portfolio.html"
    )]
    Batch(BatchArgs),
    /// The action plan: open tasks and recommendations with owner, due date and status, and the timeline.
    #[command(
        long_about = "Print the action plan: the open tasks and recommendations of the current phase (and, \
with --all, the tasks of later phases), each with the owner, due date and status the answers file \
gives it in its [action_plan] table, flagged when it is overdue (due before --date) or has no owner; \
then the implementation timeline from the [timeline] table, with what its checks find (activities \
out of order, overlapping, too soon or too far apart, missing dates, dates past for activities not \
done).\n\n\
--format ics writes a calendar (RFC 5545) with an all-day event on each due date and over each \
activity's days, to import into a calendar; the same plan and date give the same file, so \
importing a newer plan updates its events. --format csv writes one row per item and activity.\n\n\
Without --format, the format comes from the --output file's extension (.txt, .md, .html, .csv, \
.json, .ics), else it is text.",
        after_help = "Examples:\n  readiness plan samples/preparing-district.toml\n  \
readiness plan samples/implementing-district.toml --date 2026-11-02\n  \
readiness plan answers.toml --all --format markdown\n  \
readiness plan answers.toml -o plan.ics"
    )]
    Plan(PlanArgs),
    /// The participant feedback survey, tailored to the organization, to send to participants.
    #[command(
        name = "feedback-survey",
        long_about = "Print the participant feedback survey the framework ships (for the default \
framework, CTQ's sample survey questions in their four groups: general questions, the process, the \
content, the application), tailored by the answers file: the organization's name filled in, and \
questions asked only where the answers say they apply (a question on fees only where the plan \
includes fee-based micro-credentials).\n\n\
--format markdown (the default) and html print a page to print or send; csv and json give one row \
or object per question, with the columns a form tool imports (the README documents them).",
        after_help = "Examples:\n  readiness feedback-survey samples/implementing-district.toml\n  \
readiness feedback-survey answers.toml --format html -o survey.html\n  \
readiness feedback-survey answers.toml --format csv -o survey.csv"
    )]
    FeedbackSurvey(FeedbackSurveyArgs),
    /// Explain an assessment: how each score adds up, why each rule fired or not, and what gets to the next phase.
    #[command(
        long_about = "Explain an assessment in words a person follows: for each phase, each answer's points \
and weight and how they add up to the score, which gates were checked and why the phase is met or \
not; for each recommendation rule, whether it fired and which condition decided it; and the fewest \
answer changes that would meet the current phase and move to the next one.",
        after_help = "Examples:\n  readiness explain samples/preparing-district.toml\n  \
readiness explain answers.toml --set how.support_model=yes\n  \
readiness explain answers.toml --format json\n  \
readiness explain answers.toml --format html -o why.html"
    )]
    Explain(ExplainCommand),
    /// Print the data report templates are rendered with, as JSON.
    #[command(
        long_about = "Print the exact context report templates are rendered with, as JSON: every field a \
custom template (--template, --templates) can use. The README documents each field and helper.",
        after_help = "Example:\n  readiness context samples/preparing-district.toml --date 2026-01-15"
    )]
    Context(ContextCommand),
    /// Check a framework's rule files and report every problem, with file, line and column.
    #[command(
        long_about = "Check a framework's rule files and report every problem at once on standard error, each with file, \
line and column and the line itself: syntax errors and misspelt keys, duplicate ids, references to unknown questions, \
phases or resources, condition values a question does not allow, conditional questions that depend \
on later questions, phases with no scored answers, recommendation rules that can never fire, phases \
that can never be met, thresholds and weights out of range, invalid answers in golden test cases; \
and, as warnings, resources with no link.\n\n\
Exits 0 when there are no errors (warnings too with --strict), 4 otherwise.",
        after_help = "Examples:\n  readiness check\n  readiness check --rules my-framework/ --strict"
    )]
    Check(CheckArgs),
    /// Run the golden test cases a framework ships and report each pass or failure.
    #[command(
        long_about = "Run the golden test cases a framework ships (the files listed under `tests` in its \
manifest: answers plus the expected phase, remaining tasks and recommendation ids) and report each \
pass or failure with the difference.\n\nExits 0 when every case passes, 5 when one fails, 4 when the \
rules or a case's answers are invalid.",
        after_help = "Examples:\n  readiness test\n  readiness test --framework dp\n  readiness test --rules my-framework/"
    )]
    Test(RulesArgs),
    /// Print a blank answers file: every question in order, with its text and allowed values.
    #[command(
        long_about = "Print a blank answers file: every question of the framework in order, with its \
text, its condition and its allowed values as comments, ready to fill in and pass to \
`readiness assess`. With --output, write it to a new file; an existing file is never \
overwritten.",
        after_help = "Examples:\n  readiness template > answers.toml\n  readiness template -o answers.toml\n  readiness template --framework dp"
    )]
    Template(TemplateArgs),
    /// Ask the questions one at a time, saving each answer, then sum up where the organization stands.
    #[command(
        long_about = "Ask the readiness survey, then each phase's big questions and important tasks, one \
question at a time on the terminal, and end with a summary that fits one screen (where the \
organization stands, what keeps it there, the next three steps) and the command that writes the \
full report. Questions asked only under a condition are asked when it holds, and \
changing an earlier answer removes the answers to questions that no longer apply.\n\n\
Every answer is saved at once to the answers file, in the format `readiness assess` \
reads; comments and layout written into the file by hand are kept. When the file exists, only \
the questions still unanswered are asked (all of them with --review). A file that is not valid \
is reported and left untouched.\n\n\
At each question: pick `? tell me more` (or type `?`) for the documents' explanation and \
resources, `- skip` (or an empty line) to leave it unanswered, `< back` (or type `<`) to go back \
and change the previous answer. Esc or Ctrl-C stops; the answers given so far are saved and \
the same command goes on later (exit code 130).\n\n\
Prompts are written to standard error and the summary to standard output. The survey needs \
a terminal: to assess answers from a file or a pipe, use `readiness assess FILE`.",
        after_help = super::survey_after_help()
    )]
    Survey(SurveyArgs),
    /// Serve the survey and the reports in a browser, for a team that does not use a terminal.
    #[command(
        long_about = "Serve the survey and the reports in a browser, for a team that does not use a \
terminal. It prints the admin page's address first: keep it private, it opens every assessment. \
There, create an assessment for an organization, add its respondents (name, role) and send each \
one their private link. Respondents answer one question per page, with the survey's wording, \
help, N/A and don't know, and notes; each answer is saved at once in their own answers file \
(DIR/assessments/ID/answers/ID.toml, the format `readiness assess` reads), and opening the link \
again goes on where they stopped. The admin page shows each one's progress, the team's combined \
assessment with the spread and disagreements, the report (HTML, Markdown, Word, PDF where \
Chromium is installed, JSON, CSV), the answers files in a zip, and what changed since an \
earlier assessment of the same organization.\n\n\
It listens on 127.0.0.1:8080 unless told otherwise; another address needs --public, and then \
--tls-cert and --tls-key, or --behind-proxy with a reverse proxy serving HTTPS in front (the \
README shows a Caddy and an nginx setup). Ctrl-C or SIGTERM stops it once the answers being \
saved are saved.",
        after_help = "Examples:\n  readiness serve\n  readiness serve --data district-data --framework dp\n  \
readiness serve --listen 127.0.0.1:0\n  \
readiness serve --listen 0.0.0.0:8443 --public --tls-cert cert.pem --tls-key key.pem\n  \
readiness serve --listen 127.0.0.1:8080 --behind-proxy"
    )]
    Serve(super::serve_args::ServeArgs),
    /// Print the JSON Schema of a file format, for editors with a TOML language server.
    #[command(
        long_about = "Print the JSON Schema of a file format. The schemas of the rule files come from the \
types the program reads them into; the answers schema lists the chosen framework's questions and \
their allowed values. The shipped files point to the copies in `schemas/` with a `#:schema` \
directive, so editors with a TOML language server (Taplo, Even Better TOML) complete and check them.",
        after_help = "Examples:\n  readiness schema answers -o answers.schema.json\n  readiness schema recommendations\n  readiness schema answers --framework dp"
    )]
    Schema(SchemaArgs),
    /// List the built-in frameworks.
    #[command(after_help = "Example:\n  readiness frameworks")]
    Frameworks,
    /// Print a shell completion script.
    #[command(
        long_about = "Print a completion script for a shell, so that the shell completes readiness's \
commands, options and values.",
        after_help = "Examples:\n  readiness completions bash > ~/.local/share/bash-completion/completions/readiness\n  \
readiness completions zsh -o ~/.zfunc/_readiness\n  readiness completions fish > ~/.config/fish/completions/readiness.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), of readiness or of one command.
    #[command(
        long_about = "Print the manual page, in roff for `man`: of readiness as a whole, or of one command.",
        after_help = "Examples:\n  readiness man | man -l -\n  readiness man -o readiness.1\n  readiness man assess -o readiness-assess.1"
    )]
    Man(ManArgs),
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

/// A parser for `--format` that accepts only some of the formats.
fn format_parser(allowed: &'static [Format]) -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(allowed.iter().filter_map(|f| f.to_possible_value()))
        .map(|name: String| Format::from_str(&name, true).unwrap_or(Format::Text))
}

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
