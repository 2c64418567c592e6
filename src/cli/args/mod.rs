//! The command line: every command, argument and help text. This file has the commands;
//! `shared.rs` the arguments several commands take (the framework, the answers, where to
//! write); `commands.rs` each command's own, `serve.rs` those of `serve`.

mod commands;
mod serve;
mod shared;

pub use commands::*;
pub use serve::ServeArgs;
pub use shared::*;

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
important tasks, decides which phase the organization is in, lists the tasks that remain and \
recommends next steps with resources.",
    after_help = crate::cli::root_after_help()
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
    Serve(ServeArgs),
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
