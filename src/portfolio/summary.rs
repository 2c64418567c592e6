//! The cohort summary of a portfolio: how many organizations are in each phase, and the
//! blockers and recommendations most of them share. It keeps counts, never rows.

use std::collections::HashMap;

use serde::Serialize;

use super::{Outcome, Row, gap_text};
use crate::assess::Gap;
use crate::rules::Framework;

/// How many of each thing to list as "most common".
pub const TOP: usize = 5;

/// The cohort, counted as rows go by.
#[derive(Debug, Clone)]
pub struct Summary {
    files: usize,
    failed: usize,
    complete: usize,
    phases: Vec<PhaseCount>,
    /// By current phase's index and what keeps organizations there.
    blockers: HashMap<(usize, Gap), usize>,
    /// By index among the framework's rules.
    recommendations: HashMap<usize, usize>,
}

/// How many organizations are in one phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhaseCount {
    /// Phase id.
    pub id: String,
    /// Phase name.
    pub name: String,
    /// Organizations whose current phase it is (complete ones are counted apart).
    pub count: usize,
}

/// Something counted across the cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// A recommendation's id; null for a blocker.
    pub id: Option<String>,
    /// In words.
    pub text: String,
    /// How many organizations.
    pub count: usize,
}

/// The summary as JSON shows it.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryData {
    /// Files given.
    pub files: usize,
    /// Files assessed.
    pub assessed: usize,
    /// Files that could not be assessed.
    pub failed: usize,
    /// Organizations in each phase, in framework order.
    pub phases: Vec<PhaseCount>,
    /// Organizations that met every phase.
    pub complete: usize,
    /// The most common blockers (what keeps organizations in their phase), most common first.
    pub blockers: Vec<Count>,
    /// The most common recommendations, most common first.
    pub recommendations: Vec<Count>,
}

/// The `n` most common, most common first; ties in alphabetical order.
fn top(counts: impl Iterator<Item = Count>, n: usize) -> Vec<Count> {
    let mut all: Vec<Count> = counts.collect();
    all.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
    all.truncate(n);
    all
}

impl Summary {
    /// An empty summary for a framework's phases.
    pub fn new(framework: &Framework) -> Summary {
        Summary {
            files: 0,
            failed: 0,
            complete: 0,
            phases: framework
                .phases
                .iter()
                .map(|p| PhaseCount {
                    id: p.id.to_string(),
                    name: p.name.to_string(),
                    count: 0,
                })
                .collect(),
            blockers: HashMap::new(),
            recommendations: HashMap::new(),
        }
    }

    /// Counts one file's outcome.
    pub fn add(&mut self, outcome: &Outcome) {
        self.files += 1;
        match outcome {
            Err(_) => self.failed += 1,
            Ok(row) => self.add_row(row),
        }
    }

    fn add_row(&mut self, row: &Row) {
        let phase = self.phases.iter().position(|p| p.id == row.phase.id);
        if row.complete {
            self.complete += 1;
        } else if let Some(i) = phase {
            self.phases[i].count += 1;
        }
        if let Some(i) = phase {
            for gap in &row.gaps {
                // Look up before inserting, so that a key is copied only the first time.
                let key = (i, gap.clone());
                match self.blockers.get_mut(&key) {
                    Some(n) => *n += 1,
                    None => {
                        self.blockers.insert(key, 1);
                    }
                }
            }
        }
        for r in &row.recommendations {
            *self.recommendations.entry(*r).or_default() += 1;
        }
    }

    /// Files counted.
    pub fn files(&self) -> usize {
        self.files
    }

    /// Files that could not be assessed.
    pub fn failed(&self) -> usize {
        self.failed
    }

    /// The summary's figures, with the [`TOP`] most common blockers and recommendations.
    pub fn data(&self, framework: &Framework) -> SummaryData {
        SummaryData {
            files: self.files,
            assessed: self.files - self.failed,
            failed: self.failed,
            phases: self.phases.clone(),
            complete: self.complete,
            blockers: top(
                self.blockers.iter().map(|((phase, gap), count)| Count {
                    id: None,
                    text: gap_text(framework, *phase, gap),
                    count: *count,
                }),
                TOP,
            ),
            recommendations: top(
                self.recommendations.iter().filter_map(|(i, count)| {
                    framework.recommendations.get(*i).map(|r| Count {
                        id: Some(r.id.to_string()),
                        text: r.title.to_string(),
                        count: *count,
                    })
                }),
                TOP,
            ),
        }
    }
}
