//! One organization of a portfolio: its row, from its answers file.

use std::path::Path;

use serde::Serialize;

use crate::answers::{AnswerValue, Syntax, parse};
use crate::assess::{Gap, Outline, outline};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::io::read_disk;
use crate::rules::{Framework, Role};

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
    /// What keeps the organization in its current phase (for the cohort summary; empty
    /// when complete).
    #[serde(skip)]
    pub gaps: Vec<Gap>,
    /// Every recommendation made, as its index among the framework's rules (for the cohort
    /// summary).
    #[serde(skip)]
    pub recommendations: Vec<usize>,
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

/// What keeps a phase from being met, in words that are the same for every organization
/// (so that they can be counted across a cohort).
pub fn gap_text(framework: &Framework, phase: usize, gap: &Gap) -> String {
    let Some(p) = framework.phases.get(phase) else {
        return String::new();
    };
    match gap {
        Gap::Score => format!("{}: the score is below the {} needed", p.name, p.threshold),
        Gap::Gate(reason) => format!("{}: {reason}", p.name),
        Gap::Task { title, .. } => format!("{}: important task not done: {title}", p.name),
    }
}

/// The answer to the profile question `profile.KEY` (`organization`, `org_type`, ...).
fn profile<'a>(framework: &Framework, o: &'a Outline<'_>, key: &str) -> Option<&'a AnswerValue> {
    framework
        .questions
        .values()
        .find(|q| q.role == Role::Profile && q.id.split_once('.').is_some_and(|(_, k)| k == key))
        .and_then(|q| o.eff.get(&q.id))
}

/// The row of an assessment, from what it decided (little more is copied).
pub fn row(framework: &Framework, file: &str, mut o: Outline<'_>) -> Row {
    let o = &mut o;
    let org_type = profile(framework, o, "org_type").map(AnswerValue::as_text);
    let org_type_label = org_type.as_ref().map(|t| {
        framework
            .questions
            .get("profile.org_type")
            .and_then(|q| q.choices.get(t))
            .cloned()
            .unwrap_or_else(|| t.clone())
    });
    let recommendations: Vec<usize> = o
        .fired
        .iter()
        .filter_map(|(rule, _)| framework.recommendations.iter().position(|r| std::ptr::eq(r, *rule)))
        .collect();
    let top_recommendation = o.fired.first().map(|(rule, _)| TopRecommendation {
        id: rule.id.to_string(),
        title: rule.title.to_string(),
    });
    let gaps = if o.complete {
        Vec::new()
    } else {
        o.phases
            .get_mut(o.current)
            .map(|p| std::mem::take(&mut p.gaps))
            .unwrap_or_default()
    };
    let phase = &framework.phases[o.current];
    Row {
        file: file.to_string(),
        organization: profile(framework, o, "organization")
            .map(AnswerValue::as_text)
            .unwrap_or_default(),
        org_type,
        org_type_label,
        educators: match profile(framework, o, "educators") {
            Some(AnswerValue::Integer(n)) => Some(*n),
            _ => None,
        },
        phase: PhaseName {
            id: phase.id.to_string(),
            name: phase.name.to_string(),
        },
        complete: o.complete,
        scores: o
            .phases
            .iter()
            .map(|p| PhaseScore {
                id: p.id.to_string(),
                score: p.score,
                met: p.met,
            })
            .collect(),
        open_tasks: o.open_tasks(framework),
        top_recommendation,
        gaps,
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
    // The timeline question answered by the dates, as `assess` counts it.
    let answers = crate::assess::timeline::with_dates(framework, &answers).unwrap_or(answers);
    let mut row = row(framework, &name, outline(framework, &answers));
    row.warnings = answers.warnings;
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::assess;

    #[test]
    fn a_row_says_what_the_full_assessment_says() {
        let framework = crate::test_support::ctq();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut checked = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                continue;
            }
            let file = read_disk(&path).unwrap();
            let answers = parse(&framework, &file, Syntax::Toml).unwrap();
            let a = assess(&framework, &answers);
            let row = assess_file(&framework, &path).unwrap();
            assert_eq!(row.organization, a.organization);
            assert_eq!(
                row.org_type.as_deref(),
                a.profile.get("org_type").map(AnswerValue::as_text).as_deref()
            );
            assert_eq!(*row.phase.id, *a.phase.id);
            assert_eq!(row.complete, a.complete);
            let scores: Vec<u32> = a.phases.iter().map(|p| p.score).collect();
            assert_eq!(row.scores.iter().map(|s| s.score).collect::<Vec<_>>(), scores);
            assert_eq!(row.open_tasks, a.remaining_tasks.len());
            let ids: Vec<&str> = a.recommendations.iter().map(|r| &*r.id).collect();
            let row_ids: Vec<&str> = row
                .recommendations
                .iter()
                .map(|i| &*framework.recommendations[*i].id)
                .collect();
            assert_eq!(row_ids, ids);
            checked += 1;
        }
        assert!(checked >= 4);
    }
}
