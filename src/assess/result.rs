//! The result of an assessment: one value that JSON output, reports and tests all see.

use std::sync::Arc;

use crate::id_map::IdMap;
use serde::Serialize;

use super::team::Team;
use super::timeline::TimelineCheck;
use crate::answers::AnswerValue;
use crate::rules::{Priority, ResourceType};

/// Where an organization stands, and what to do next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// The framework that made the assessment.
    pub framework: FrameworkRef,
    /// The organization's name (`profile.organization`).
    pub organization: String,
    /// Every profile answer given, by key (`org_type`, `educators`, ...).
    pub profile: IdMap<AnswerValue>,
    /// The current phase: the earliest phase not met (the last phase when complete).
    pub phase: PhaseRef,
    /// Whether every phase is met.
    pub complete: bool,
    /// Every phase, in order, with its score.
    pub phases: Vec<PhaseResult>,
    /// Important tasks not done, in framework order.
    pub remaining_tasks: Vec<RemainingTask>,
    /// Questions that apply but have no answer, in framework order.
    pub unanswered: Vec<String>,
    /// Questions answered `not_applicable`, left out of the scores, in framework order.
    pub not_applicable: Vec<String>,
    /// Questions answered `dont_know`: scored like no answer, something to find out.
    pub dont_know: Vec<String>,
    /// Answers ignored because their question does not apply.
    pub ignored: Vec<String>,
    /// Next steps: by priority, then in rule-file order.
    pub recommendations: Vec<RecommendationResult>,
    /// For a team's answers: how each respondent answered and where they disagree; left out
    /// of JSON for one organization's own answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<Team>,
    /// What the timeline checks found, when the answers date the framework's timeline;
    /// left out of JSON otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<TimelineCheck>,
}

/// Identifies the framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FrameworkRef {
    /// Framework id.
    pub id: String,
    /// Framework name.
    pub name: String,
    /// Rule-set version.
    pub version: String,
    /// Digest of the rule files (`sha256:...`), to trace an assessment to the rules that made it.
    pub digest: String,
}

/// Identifies a phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhaseRef {
    /// Phase id.
    pub id: String,
    /// Phase name.
    pub name: String,
    /// Phase goal.
    pub goal: String,
}

/// How far one phase has come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhaseResult {
    /// Phase id.
    pub id: String,
    /// Phase name.
    pub name: String,
    /// Score from 0 to 100.
    pub score: u32,
    /// Lowest score at which the phase can be met.
    pub threshold: u32,
    /// Whether the phase is met.
    pub met: bool,
    /// In plain words, what keeps the phase from being met (empty when met).
    pub blockers: Vec<String>,
    /// The same as data, to count across organizations (not in JSON: `blockers` says it).
    #[serde(skip)]
    pub gaps: Vec<Gap>,
}

/// One thing that keeps a phase from being met.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Gap {
    /// The score is below the threshold.
    Score,
    /// A gate does not hold: its reason.
    Gate(String),
    /// An important task is not done: its id.
    Task(String),
}

/// An important task that is not done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemainingTask {
    /// Task question id.
    pub id: String,
    /// Phase id.
    pub phase: String,
    /// The task in the documents' words.
    pub title: String,
    /// The answer given (`in_progress`, `not_started`, ...) or `unanswered`.
    pub status: String,
}

/// A recommendation that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecommendationResult {
    /// Rule id.
    pub id: Arc<str>,
    /// Phase id, or null for rules tied to no phase.
    pub phase: Option<String>,
    /// `high`, `medium` or `low`.
    pub priority: Priority,
    /// One-line summary.
    pub title: Arc<str>,
    /// The advice.
    pub text: Arc<str>,
    /// Question ids whose answers triggered it.
    pub because: Vec<String>,
    /// For a rule that fires on the timeline's findings, those findings in words; left out
    /// of JSON when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
    /// Resources, in the rule's order, without repeats.
    pub resources: Vec<ResourceRef>,
}

/// A resource as listed in a recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResourceRef {
    /// Resource id.
    pub id: Arc<str>,
    /// Title.
    pub title: Arc<str>,
    /// Kind of resource.
    #[serde(rename = "type")]
    pub kind: ResourceType,
    /// Link, or null where no document gives one.
    pub url: Option<Arc<str>>,
    /// Duration or extent, where given.
    pub duration: Option<Arc<str>>,
}
