//! Golden tests of a rule set: run each case a framework ships and compare.

use super::assess;
use crate::answers::combine::{Respondents, combine};
use crate::answers::{self, Answers};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::rules::{CaseAnswers, Framework, GoldenCase};

/// The outcome of one golden case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseResult {
    /// The case's name.
    pub name: String,
    /// Where the case is written.
    pub location: String,
    /// Each expectation that did not hold, in words; empty when the case passed.
    pub failures: Vec<String>,
}

fn compare<T: PartialEq + std::fmt::Debug>(failures: &mut Vec<String>, what: &str, expected: Option<&T>, actual: &T) {
    if let Some(expected) = expected
        && expected != actual
    {
        failures.push(format!("{what}: expected {expected:?}, got {actual:?}"));
    }
}

fn list_difference(failures: &mut Vec<String>, what: &str, expected: Option<&Vec<String>>, actual: Vec<String>) {
    let Some(expected) = expected else { return };
    if *expected == actual {
        return;
    }
    let missing: Vec<&String> = expected.iter().filter(|id| !actual.contains(id)).collect();
    let extra: Vec<&String> = actual.iter().filter(|id| !expected.contains(id)).collect();
    let mut message = format!("{what}: expected {expected:?}, got {actual:?}");
    if !missing.is_empty() {
        message.push_str(&format!("; missing {missing:?}"));
    }
    if !extra.is_empty() {
        message.push_str(&format!("; unexpected {extra:?}"));
    }
    if missing.is_empty() && extra.is_empty() {
        message.push_str("; same ids in another order");
    }
    failures.push(message);
}

/// Reads a case's answers, checked against the framework like an answers file (a team's
/// each, then combined); the problems name the case and where it is written.
pub fn case_answers(framework: &Framework, case: &GoldenCase) -> Result<Answers, Diagnostics> {
    let name = format!("{} (case `{}`)", case.location, case.name);
    match &case.answers {
        CaseAnswers::One(table) => answers::from_table(framework, &name, table),
        CaseAnswers::Team(tables) => {
            let mut files = Vec::new();
            let mut problems = Vec::new();
            for (n, table) in tables.iter().enumerate() {
                let name = format!("{} (case `{}`, respondent {})", case.location, case.name, n + 1);
                match answers::from_table(framework, &name, table) {
                    Ok(answers) => files.push(Respondents { name, answers }),
                    Err(d) => problems.extend(d.0),
                }
            }
            if !problems.is_empty() {
                return Err(Diagnostics(problems));
            }
            combine(framework, &files).map(|c| c.answers)
        }
    }
}

/// Reads the answers of every case, reporting every problem in any of them.
pub fn check_cases(framework: &Framework) -> Vec<Diagnostic> {
    framework
        .cases
        .iter()
        .filter_map(|c| case_answers(framework, c).err())
        .flat_map(|d| d.0)
        .collect()
}

/// Runs one case whose answers are read.
pub fn run_case(framework: &Framework, case: &GoldenCase, answers: &Answers) -> CaseResult {
    let a = assess(framework, answers);
    let mut failures = Vec::new();
    compare(&mut failures, "phase", case.phase.as_ref(), &a.phase.id.to_string());
    compare(&mut failures, "complete", case.complete.as_ref(), &a.complete);
    list_difference(
        &mut failures,
        "remaining tasks",
        case.remaining_tasks.as_ref(),
        a.remaining_tasks.iter().map(|t| t.id.to_string()).collect(),
    );
    list_difference(
        &mut failures,
        "recommendations",
        case.recommendations.as_ref(),
        a.recommendations.iter().map(|r| r.id.to_string()).collect(),
    );
    CaseResult {
        name: case.name.clone(),
        location: case.location.clone(),
        failures,
    }
}

/// Runs every case of a framework, in order; the answers of every case must be valid
/// (else every problem in them is returned).
pub fn run_all(framework: &Framework) -> Result<Vec<CaseResult>, Diagnostics> {
    let mut problems = Vec::new();
    let mut results = Vec::new();
    for case in &framework.cases {
        match case_answers(framework, case) {
            Ok(answers) => results.push(run_case(framework, case, &answers)),
            Err(d) => problems.extend(d.0),
        }
    }
    if problems.is_empty() {
        Ok(results)
    } else {
        Err(Diagnostics(problems))
    }
}
