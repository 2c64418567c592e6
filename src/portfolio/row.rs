//! One organization of a portfolio: its row, from its answers file.

use std::path::Path;

use serde::Serialize;

use crate::answers::{AnswerValue, Syntax, parse};
use crate::assess::{Assessment, Gap, assess};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::io::read_disk;
use crate::rules::Framework;

/// One organization's row.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The answers file, as named.
    pub file: String,
    /// The organization's name.
    pub organization: String,
    /// The kind of organization, as written (`district`, ...); null when not given.
    pub org_type: Option<String>,
    /// The kind of organization in words; null when not given.
    pub org_type_label: Option<String>,
    /// Educators the initiative may reach; null when not given.
    pub educators: Option<i64>,
    /// The current phase (the last when complete): `id` and `name`.
    pub phase: PhaseName,
    /// Every phase is met.
    pub complete: bool,
    /// Each phase's score, in order.
    pub scores: Vec<PhaseScore>,
    /// How many important tasks are not done.
    pub open_tasks: usize,
    /// The first recommendation (the highest priority); null when none.
    pub top_recommendation: Option<TopRecommendation>,
    /// What keeps the organization in its phase, in words (for the cohort summary).
    #[serde(skip)]
    pub blockers: Vec<String>,
    /// Every recommendation made (for the cohort summary).
    #[serde(skip)]
    pub recommendations: Vec<TopRecommendation>,
    /// Warnings about the file (answers written for another version, ...).
    #[serde(skip)]
    pub warnings: Vec<Diagnostic>,
}

/// A phase by id and name.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseName {
    /// Phase id.
    pub id: String,
    /// Phase name.
    pub name: String,
}

/// One phase's score.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseScore {
    /// Phase id.
    pub id: String,
    /// Score from 0 to 100.
    pub score: u32,
    /// Whether the phase is met.
    pub met: bool,
}

/// A recommendation by id and title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopRecommendation {
    /// Rule id.
    pub id: String,
    /// Its title.
    pub title: String,
}

/// A file that could not be assessed: its name and why.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The answers file, as named.
    pub file: String,
    /// What is wrong, with line and column where the format gives them.
    pub problems: Diagnostics,
}

/// One file's outcome.
pub type Outcome = Result<Row, Failure>;

/// What keeps an organization in its current phase, in words that are the same for every
/// organization (so that they can be counted across a cohort).
fn blockers(framework: &Framework, a: &Assessment) -> Vec<String> {
    if a.complete {
        return Vec::new();
    }
    let Some(result) = a.phases.iter().find(|p| p.id == a.phase.id) else {
        return Vec::new();
    };
    result
        .gaps
        .iter()
        .map(|gap| match gap {
            Gap::Score => format!("{}: the score is below the {} needed", result.name, result.threshold),
            Gap::Gate(reason) => format!("{}: {reason}", result.name),
            Gap::Task(id) => format!(
                "{}: important task not done: {}",
                result.name,
                framework.questions.get(id).map_or(id.as_str(), |q| q.title.as_str())
            ),
        })
        .collect()
}

/// The row of an assessment.
pub fn row(framework: &Framework, file: &str, a: &Assessment) -> Row {
    let org_type = a.profile.get("org_type").map(AnswerValue::as_text);
    let org_type_label = org_type.as_ref().map(|t| {
        framework
            .questions
            .get("profile.org_type")
            .and_then(|q| q.choices.get(t))
            .cloned()
            .unwrap_or_else(|| t.clone())
    });
    let recommendations: Vec<TopRecommendation> = a
        .recommendations
        .iter()
        .map(|r| TopRecommendation {
            id: r.id.clone(),
            title: r.title.clone(),
        })
        .collect();
    Row {
        file: file.to_string(),
        organization: a.organization.clone(),
        org_type,
        org_type_label,
        educators: match a.profile.get("educators") {
            Some(AnswerValue::Integer(n)) => Some(*n),
            _ => None,
        },
        phase: PhaseName {
            id: a.phase.id.clone(),
            name: a.phase.name.clone(),
        },
        complete: a.complete,
        scores: a
            .phases
            .iter()
            .map(|p| PhaseScore {
                id: p.id.clone(),
                score: p.score,
                met: p.met,
            })
            .collect(),
        open_tasks: a.remaining_tasks.len(),
        top_recommendation: recommendations.first().cloned(),
        blockers: blockers(framework, a),
        recommendations,
        warnings: Vec::new(),
    }
}

/// Reads, parses and assesses one answers file into its row.
pub fn assess_file(framework: &Framework, path: &Path) -> Outcome {
    let name = path.display().to_string();
    let fail = |problems| Failure {
        file: name.clone(),
        problems,
    };
    let file = read_disk(path).map_err(|reason| {
        fail(Diagnostics::one(Diagnostic::error(
            &name,
            None,
            format!("cannot read the file: {reason}"),
        )))
    })?;
    let answers = parse(framework, &file, Syntax::for_name(&file.name)).map_err(fail)?;
    let assessment = assess(framework, &answers);
    let mut row = row(framework, &name, &assessment);
    row.warnings = answers.warnings;
    Ok(row)
}
