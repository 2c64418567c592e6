//! `check` (every problem in a rule set) and `test` (its golden cases).

use super::Io;
use super::args::{CheckArgs, RulesArgs};
use super::rules::{describe, load_rules_with_cases, location};
use crate::assess::golden;
use crate::diagnostic::Severity;
use crate::error::Error;
use crate::rules::load;

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `check`: reports every error and warning on standard error, then a count; the exit
/// code is the verdict.
pub fn check(args: &CheckArgs, io: &mut Io<'_>) -> Result<(), Error> {
    let (name, diagnostics) = match load(&location(&args.rules)) {
        Ok(loaded) => {
            let f = &loaded.framework;
            let mut found = golden::check_cases(f);
            found.extend(loaded.warnings);
            (format!("{} {}", f.id, f.version), found)
        }
        Err(problems) => (describe(&args.rules), problems.0),
    };
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = diagnostics.len() - errors;
    for d in &diagnostics {
        io.diagnostic(d);
    }
    io.say(&format!(
        "{name}: {}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    ));
    if errors > 0 || (args.strict && warnings > 0) {
        // Everything is said above; the error carries only the verdict.
        Err(Error::Rules(crate::diagnostic::Diagnostics(Vec::new())))
    } else {
        Ok(())
    }
}

/// `test`: runs the golden cases and prints each result on standard output.
pub fn golden(args: &RulesArgs, io: &mut Io<'_>) -> Result<(), Error> {
    let loaded = load_rules_with_cases(args)?;
    let results = golden::run_all(&loaded.framework).map_err(Error::Rules)?;
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
    io.print(&out)?;
    if failed > 0 {
        Err(Error::TestsFailed(failed))
    } else {
        Ok(())
    }
}
