//! The `readiness` command: parse the arguments, run, exit with the documented code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use readiness::cli::{self, ColorChoice, Io};

/// `--color` as written on the command line, before clap has parsed it, so that clap's own
/// messages follow it too.
fn color_from_args() -> ColorChoice {
    let args: Vec<String> = std::env::args().collect();
    let mut choice = ColorChoice::Auto;
    for (i, arg) in args.iter().enumerate() {
        let value = match arg.strip_prefix("--color=") {
            Some(v) => Some(v),
            None if arg == "--color" => args.get(i + 1).map(String::as_str),
            None => None,
        };
        choice = match value {
            Some("always") => ColorChoice::Always,
            Some("never") => ColorChoice::Never,
            Some("auto") => ColorChoice::Auto,
            _ => choice,
        };
    }
    choice
}

fn main() -> ExitCode {
    cli::signals::install();
    let cli = match cli::parse(std::env::args_os(), color_from_args()) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    let choice = match cli.color {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    };
    let mut stdout = anstream::AutoStream::new(std::io::stdout(), choice);
    let mut stdout_raw = std::io::stdout();
    let stdout_terminal = std::io::stdout().is_terminal();
    // Text for a terminal wraps at its width (less one column, which some terminals wrap at).
    let width = stdout_terminal
        .then(|| terminal_size::terminal_size_of(std::io::stdout()))
        .flatten()
        .map(|(w, _)| usize::from(w.0).saturating_sub(1).max(40));
    let styled_stdout = match choice {
        anstream::ColorChoice::Never => false,
        anstream::ColorChoice::Always | anstream::ColorChoice::AlwaysAnsi => true,
        anstream::ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let hyperlinks = stdout_terminal && styled_stdout && supports_hyperlinks::supports_hyperlinks();
    let mut stderr = anstream::AutoStream::new(std::io::stderr(), choice);
    let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let mut stdin = std::io::stdin();
    let mut io = Io {
        stdout: &mut stdout,
        stdout_raw: &mut stdout_raw,
        stderr: &mut stderr,
        stdin: &mut stdin,
        styled: true,
        quiet: cli.quiet,
        terminal,
        stdout_terminal,
        width,
        hyperlinks,
    };
    match cli::run(cli, &mut io) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let text = err.render(true);
            if !text.is_empty() {
                let _ = writeln!(stderr, "{text}");
            }
            ExitCode::from(err.code())
        }
    }
}
