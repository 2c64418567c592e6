//! Running a command: call the library, print the result, and return the exit code.

use std::io::{Read, Write};

use crate::answers::Answers;
use crate::answers::{self, Syntax};
use crate::assessment::Assessment;
use crate::cli::{
    AssessArgs, AssessCommand, CheckArgs, Cli, Command, ContextCommand, ExplainCommand, Format, ReportFormatArg,
    RulesArgs, SchemaArgs, SurveyArgs, TemplateArgs,
};
use crate::diagnostic::{Diagnostics, Severity};
use crate::framework::Framework;
use crate::load::{self, Loaded, RulesLocation};
use crate::source::{SourceFile, read_disk};
use crate::templates::{RenderOptions, ReportFormat};

/// Exit code: success.
pub const EXIT_OK: i32 = 0;
/// Exit code: a file cannot be read or written.
pub const EXIT_IO: i32 = 1;
/// Exit code: wrong command-line usage, or a command that needs a terminal run without one.
pub const EXIT_USAGE: i32 = 2;
/// Exit code: the answers file is invalid.
pub const EXIT_ANSWERS: i32 = 3;
/// Exit code: the rule set is invalid.
pub const EXIT_RULES: i32 = 4;
/// Exit code: a golden test case of the rule set failed.
pub const EXIT_TEST_FAILED: i32 = 5;
/// Exit code: a report template is invalid (syntax, unknown partial, helper or field).
pub const EXIT_TEMPLATE: i32 = 6;
/// Exit code: the person stopped `survey` with Esc or Ctrl-C (128 + SIGINT, as shells do).
pub const EXIT_INTERRUPTED: i32 = 130;

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Assess(args) => assess(&args),
        Command::Explain(args) => explain(&args),
        Command::Context(args) => context(&args),
        Command::Check(args) => check(&args),
        Command::Test(args) => golden(&args),
        Command::Template(args) => template(&args),
        Command::Survey(args) => survey(&args),
        Command::Schema(args) => schema(&args),
        Command::Frameworks => frameworks(),
    }
}

fn report(problems: &Diagnostics) {
    eprintln!("{problems}");
}

/// Where the rules come from, as the command line says.
pub fn rules_location(args: &RulesArgs) -> RulesLocation {
    match (&args.rules, &args.framework) {
        (Some(path), _) => RulesLocation::Path(path.clone()),
        (None, Some(name)) => RulesLocation::BuiltIn(name.clone()),
        (None, None) => RulesLocation::default(),
    }
}

/// Loads the rules, or reports their errors on stderr and returns the exit code.
fn load_rules(args: &RulesArgs) -> Result<Loaded, i32> {
    load::load(&rules_location(args)).map_err(|problems| {
        let errors = problems
            .0
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        report(&Diagnostics(errors));
        EXIT_RULES
    })
}

fn check(args: &CheckArgs) -> i32 {
    let (name, diagnostics) = match load::load(&rules_location(&args.rules)) {
        Ok(loaded) => {
            let f = &loaded.framework;
            (format!("{} {}", f.id, f.version), loaded.warnings)
        }
        Err(problems) => (describe(&args.rules), problems.0),
    };
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = diagnostics.len() - errors;
    let mut out = String::new();
    for d in &diagnostics {
        out.push_str(&format!("{d}\n"));
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    out.push_str(&format!(
        "{name}: {}, {}\n",
        plural(errors, "error"),
        plural(warnings, "warning")
    ));
    // Like a compiler, `check` reports on stderr; its exit code is the verdict.
    eprint!("{out}");
    if errors > 0 || (args.strict && warnings > 0) {
        EXIT_RULES
    } else {
        EXIT_OK
    }
}

fn golden(args: &RulesArgs) -> i32 {
    let loaded = match load_rules(args) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let results = crate::golden::run_all(&loaded.framework);
    let mut out = String::new();
    for r in &results {
        if r.failures.is_empty() {
            out.push_str(&format!("ok     {}\n", r.name));
        } else {
            out.push_str(&format!("FAILED {} ({})\n", r.name, r.location));
            for f in &r.failures {
                out.push_str(&format!("         {f}\n"));
            }
        }
    }
    let failed = results.iter().filter(|r| !r.failures.is_empty()).count();
    if results.is_empty() {
        out.push_str("no test cases: list golden test files under `tests` in the framework manifest\n");
    }
    out.push_str(&format!("{} passed, {failed} failed\n", results.len() - failed));
    let printed = print_stdout(&out);
    if printed != EXIT_OK {
        return printed;
    }
    if failed > 0 { EXIT_TEST_FAILED } else { EXIT_OK }
}

fn template(args: &TemplateArgs) -> i32 {
    let loaded = match load_rules(&args.rules) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let text = crate::starter::render(&loaded.framework);
    deliver(&text, args.output.as_deref(), None)
}

/// Prints to standard output; a closed pipe or full disk gives the I/O exit code.
fn print_stdout(text: &str) -> i32 {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => EXIT_OK,
        Err(_) => EXIT_IO,
    }
}

fn schema(args: &SchemaArgs) -> i32 {
    let value = match crate::schema::file_schema(args.kind) {
        Some(value) => value,
        None => match load_rules(&args.rules) {
            Ok(loaded) => crate::schema::answers(&loaded.framework),
            Err(code) => return code,
        },
    };
    print_stdout(&crate::render::json(&value))
}

fn describe(args: &RulesArgs) -> String {
    match rules_location(args) {
        RulesLocation::Path(p) => p.display().to_string(),
        RulesLocation::BuiltIn(id) => id,
    }
}

fn frameworks() -> i32 {
    for id in load::built_in_ids() {
        match load::load(&RulesLocation::BuiltIn(id.to_string())) {
            Ok(loaded) => {
                let f = &loaded.framework;
                println!("{id}\t{}\t{}", f.version, f.name);
            }
            Err(_) => println!("{id}\t(invalid: run `readiness check --framework {id}`)"),
        }
    }
    EXIT_OK
}

fn read_answers(path: &std::path::Path) -> Result<SourceFile, String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("<stdin>: cannot read standard input: {}", crate::source::io_reason(&e)))?;
        return Ok(SourceFile {
            name: "<stdin>".to_string(),
            text,
        });
    }
    read_disk(path).map_err(|reason| format!("{}: cannot read the file: {reason}", path.display()))
}

/// Loads the rules and the answers, assesses them and prints the warnings on stderr.
fn prepare(input: &AssessArgs) -> Result<(Framework, Answers, Assessment), i32> {
    let loaded = load_rules(&input.rules)?;
    let file = read_answers(&input.answers).map_err(|message| {
        eprintln!("error: {message}");
        EXIT_IO
    })?;
    let answers = answers::parse(&loaded.framework, &file, Syntax::for_name(&file.name))
        .and_then(|mut a| {
            answers::apply_overrides(&loaded.framework, &mut a, &input.set)?;
            Ok(a)
        })
        .map_err(|problems| {
            report(&problems);
            EXIT_ANSWERS
        })?;
    for warning in &answers.warnings {
        eprintln!("{warning}");
    }
    let assessment = crate::evaluate::assess(&loaded.framework, &answers);
    for id in &assessment.ignored {
        eprintln!(
            "warning: {}: `{id}` is ignored: the question does not apply to the other answers",
            file.name
        );
    }
    Ok((loaded.framework, answers, assessment))
}

/// The report date: `--date`, else `$SOURCE_DATE_EPOCH` (reproducible builds), else today.
fn report_date(arg: Option<&str>) -> Result<String, String> {
    if let Some(text) = arg {
        return text
            .parse::<jiff::civil::Date>()
            .map(|d| d.to_string())
            .map_err(|_| format!("--date: `{text}` is not a date; write it as YYYY-MM-DD, e.g. 2026-01-15"));
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let seconds: i64 = epoch
            .trim()
            .parse()
            .map_err(|_| format!("SOURCE_DATE_EPOCH: `{epoch}` is not a number of seconds"))?;
        let stamp = jiff::Timestamp::from_second(seconds)
            .map_err(|_| format!("SOURCE_DATE_EPOCH: {seconds} is out of range"))?;
        return Ok(stamp.to_zoned_datetime(jiff::tz::TimeZone::UTC).date().to_string());
    }
    Ok(jiff::ZonedDateTime::now().date().to_string())
}

/// Writes output to stdout, or atomically to a file, refusing to replace an existing one
/// unless `force` is `Some(true)`; `None` means the command has no `--force`.
fn deliver(text: &str, output: Option<&std::path::Path>, force: Option<bool>) -> i32 {
    let Some(path) = output else {
        return print_stdout(text);
    };
    let force_offered = force.is_some();
    let force = force.unwrap_or(false);
    if !force && path.exists() {
        let hint = if force_offered {
            ", or add --force to replace it"
        } else {
            " or remove it first"
        };
        eprintln!(
            "error: {}: the file exists; it is left as it is\n  help: choose another name{hint}",
            path.display()
        );
        return EXIT_IO;
    }
    let existing = if force {
        crate::output::Existing::Replace
    } else {
        crate::output::Existing::Keep
    };
    match crate::output::write_atomic(path, text.as_bytes(), existing) {
        Ok(()) => {
            eprintln!("wrote {}", path.display());
            EXIT_OK
        }
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_IO
        }
    }
}

fn usage_error(message: &str) -> i32 {
    eprintln!("error: {message}");
    EXIT_USAGE
}

/// The report format: `--format`, else guessed from the template's name, else text.
fn report_format(cmd: &AssessCommand) -> ReportFormatArg {
    if let Some(format) = cmd.format {
        return format;
    }
    let name = cmd
        .template
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.ends_with(".html.hbs") || name.ends_with(".htm.hbs") {
        ReportFormatArg::Html
    } else if name.ends_with(".md.hbs") || name.ends_with(".markdown.hbs") {
        ReportFormatArg::Markdown
    } else {
        ReportFormatArg::Text
    }
}

fn assess(cmd: &AssessCommand) -> i32 {
    let format = report_format(cmd);
    let templated = match format {
        ReportFormatArg::Json => None,
        ReportFormatArg::Text => Some(ReportFormat::Text),
        ReportFormatArg::Markdown => Some(ReportFormat::Markdown),
        ReportFormatArg::Html => Some(ReportFormat::Html),
    };
    if templated.is_none() && (cmd.section.is_some() || cmd.template.is_some() || cmd.templates.is_some()) {
        return usage_error(
            "--section, --template and --templates apply to the text, markdown and html formats, not json",
        );
    }
    let (framework, answers, assessment) = match prepare(&cmd.input) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let output = match templated {
        None => crate::render::json(&assessment),
        Some(report_format) => {
            // Only templates show a date: JSON needs no clock.
            let date = match report_date(cmd.date.as_deref()) {
                Ok(d) => d,
                Err(message) => return usage_error(&message),
            };
            let context = crate::report::context(&framework, &answers, &assessment, &date);
            let options = RenderOptions {
                templates_dir: cmd.templates.clone(),
                template_file: cmd.template.clone(),
                section: cmd.section.map(|s| s.name().to_string()),
            };
            match crate::templates::render(report_format, &context, &options) {
                Ok(text) => text,
                Err(problems) => {
                    report(&problems);
                    return EXIT_TEMPLATE;
                }
            }
        }
    };
    deliver(&output, cmd.output.as_deref(), Some(cmd.force))
}

fn explain(cmd: &ExplainCommand) -> i32 {
    let (framework, answers, _) = match prepare(&cmd.input) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let explanation = crate::explain::explain(&framework, &answers);
    print_stdout(&match cmd.format {
        Format::Text => crate::render::explanation(&explanation),
        Format::Json => crate::render::json(&explanation),
    })
}

fn context(cmd: &ContextCommand) -> i32 {
    let date = match report_date(cmd.date.as_deref()) {
        Ok(d) => d,
        Err(message) => return usage_error(&message),
    };
    let (framework, answers, assessment) = match prepare(&cmd.input) {
        Ok(p) => p,
        Err(code) => return code,
    };
    print_stdout(&crate::render::json(&crate::report::context(
        &framework,
        &answers,
        &assessment,
        &date,
    )))
}

/// The commands that go on with a survey and that assess its answers: the same file and framework.
fn survey_commands(args: &SurveyArgs) -> (String, String) {
    let quote = |s: String| {
        if !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':' | '@' | '+' | ','))
        {
            s
        } else {
            format!("'{}'", s.replace('\'', r"'\''"))
        }
    };
    let file = format!(" --answers {}", quote(args.answers.display().to_string()));
    let mut rules = String::new();
    if let Some(path) = &args.rules.rules {
        rules.push_str(&format!(" --rules {}", quote(path.display().to_string())));
    }
    if let Some(name) = &args.rules.framework {
        rules.push_str(&format!(" --framework {}", quote(name.clone())));
    }
    let resume_file = if args.answers.as_os_str() == crate::survey::DEFAULT_FILE {
        ""
    } else {
        file.as_str()
    };
    (
        format!("readiness survey{resume_file}{rules}"),
        format!("readiness assess{file}{rules}"),
    )
}

/// `survey`: ask the questions on the terminal, saving each answer, then print the assessment.
fn survey(args: &SurveyArgs) -> i32 {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        eprintln!(
            "error: readiness survey asks its questions on a terminal, and this is not one; \
to assess answers from a file or a pipe, use `readiness assess --answers FILE`"
        );
        return EXIT_USAGE;
    }
    let name = args.answers.to_string_lossy();
    if name == "-" || Syntax::for_name(&name) == Syntax::Json {
        eprintln!("error: {name}: readiness survey saves its answers as TOML; give a file name such as answers.toml");
        return EXIT_USAGE;
    }
    let loaded = match load_rules(&args.rules) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let (resume, assess_command) = survey_commands(args);
    let opened = crate::survey::store::AnswersFile::open(&args.answers, &loaded.framework, &resume, &assess_command);
    let (mut file, answers) = match opened {
        Ok(opened) => opened,
        Err(crate::survey::store::OpenError::Io(message)) => {
            eprintln!("error: {message}");
            return EXIT_IO;
        }
        Err(crate::survey::store::OpenError::Invalid(problems)) => {
            report(&problems);
            eprintln!("the file is left as it is: correct it, or give another file with --answers");
            return EXIT_ANSWERS;
        }
    };
    for warning in &answers.warnings {
        eprintln!("{warning}");
    }
    let mode = if args.review {
        crate::survey::Mode::Review
    } else {
        crate::survey::Mode::Unanswered
    };
    match crate::survey::prompt::run(&loaded.framework, &mut file, answers, mode) {
        Ok(crate::survey::prompt::Outcome::Finished) => {
            eprintln!();
            let assess_args = AssessCommand {
                input: AssessArgs {
                    answers: args.answers.clone(),
                    set: Vec::new(),
                    rules: args.rules.clone(),
                },
                format: None,
                section: None,
                template: None,
                templates: None,
                output: None,
                force: false,
                date: None,
            };
            assess(&assess_args)
        }
        Ok(crate::survey::prompt::Outcome::Interrupted) => {
            if args.answers.exists() {
                eprintln!(
                    "stopped: every answer given is saved in {}; to go on, run `{resume}`",
                    args.answers.display()
                );
            } else {
                eprintln!("stopped before any answer was given; to start, run `{resume}`");
            }
            EXIT_INTERRUPTED
        }
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_IO
        }
    }
}
