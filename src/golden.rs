//! Golden tests of a rule set: run each case a framework ships and compare.

use crate::evaluate::assess;
use crate::framework::{Framework, GoldenCase};

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

/// Runs one case.
pub fn run_case(framework: &Framework, case: &GoldenCase) -> CaseResult {
    let a = assess(framework, &case.answers);
    let mut failures = Vec::new();
    compare(&mut failures, "phase", case.phase.as_ref(), &a.phase.id);
    compare(&mut failures, "complete", case.complete.as_ref(), &a.complete);
    list_difference(
        &mut failures,
        "remaining tasks",
        case.remaining_tasks.as_ref(),
        a.remaining_tasks.iter().map(|t| t.id.clone()).collect(),
    );
    list_difference(
        &mut failures,
        "recommendations",
        case.recommendations.as_ref(),
        a.recommendations.iter().map(|r| r.id.clone()).collect(),
    );
    CaseResult {
        name: case.name.clone(),
        location: case.location.clone(),
        failures,
    }
}

/// Runs every case of a framework, in order.
pub fn run_all(framework: &Framework) -> Vec<CaseResult> {
    framework.cases.iter().map(|c| run_case(framework, c)).collect()
}
