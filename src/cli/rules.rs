//! Loading the framework a command names (`--rules`, `--framework`).

use super::args::RulesArgs;
use crate::diagnostic::{Diagnostics, Severity};
use crate::error::Error;
use crate::rules::{Loaded, RulesLocation, load, load_without_cases};

/// Where the rules come from, as the command line says.
pub fn location(args: &RulesArgs) -> RulesLocation {
    match (&args.rules, &args.framework) {
        (Some(path), _) => RulesLocation::Path(path.clone()),
        (None, Some(name)) => RulesLocation::BuiltIn(name.clone()),
        (None, None) => RulesLocation::default(),
    }
}

/// Loads the rules; an invalid rule set is an error listing its errors (its warnings are
/// for `check`). A built-in framework comes without its golden test cases, which only
/// `test` needs ([`load_rules_with_cases`]).
pub fn load_rules(args: &RulesArgs) -> Result<Loaded, Error> {
    rules_error(load_without_cases(&location(args)))
}

/// [`load_rules`] with the golden test cases.
pub fn load_rules_with_cases(args: &RulesArgs) -> Result<Loaded, Error> {
    rules_error(load(&location(args)))
}

fn rules_error(loaded: Result<Loaded, Diagnostics>) -> Result<Loaded, Error> {
    loaded.map_err(|problems| {
        let errors = problems
            .0
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        Error::Rules(Diagnostics(errors))
    })
}

/// The rules named, for a summary line: a path or a built-in framework's id.
pub fn describe(args: &RulesArgs) -> String {
    match location(args) {
        RulesLocation::Path(p) => p.display().to_string(),
        RulesLocation::BuiltIn(id) => id,
    }
}
