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
    pub unanswered: Vec<Arc<str>>,
    /// Questions answered `not_applicable`, left out of the scores, in framework order.
    pub not_applicable: Vec<Arc<str>>,
    /// Questions answered `dont_know`: scored like no answer, something to find out.
    pub dont_know: Vec<Arc<str>>,
    /// Answers ignored because their question does not apply.
    pub ignored: Vec<Arc<str>>,
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
    pub id: Arc<str>,
    /// Framework name.
    pub name: Arc<str>,
    /// Rule-set version.
    pub version: Arc<str>,
    /// Digest of the rule files (`sha256:...`), to trace an assessment to the rules that made it.
    pub digest: Arc<str>,
}

/// Identifies a phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhaseRef {
    /// Phase id.
    pub id: Arc<str>,
    /// Phase name.
    pub name: Arc<str>,
    /// Phase goal.
    pub goal: Arc<str>,
}

/// How far one phase has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseResult {
    /// Phase id.
    pub id: Arc<str>,
    /// Phase name.
    pub name: Arc<str>,
    /// Score from 0 to 100.
    pub score: u32,
    /// Lowest score at which the phase can be met.
    pub threshold: u32,
    /// Whether the phase is met.
    pub met: bool,
    /// What keeps the phase from being met (empty when met), in order: the score, the
    /// gates, the tasks. In words, [`PhaseResult::blockers`].
    pub gaps: Vec<Gap>,
}

impl PhaseResult {
    /// In plain words, what keeps the phase from being met (empty when met): the score,
    /// each gate's reason, and the important tasks not done in one line.
    pub fn blockers(&self) -> Vec<String> {
        let mut blockers = Vec::new();
        let mut tasks: Option<String> = None;
        for gap in &self.gaps {
            match gap {
                Gap::Score => blockers.push(format!(
                    "the score is {}, below the {} needed",
                    self.score, self.threshold
                )),
                Gap::Gate(reason) => blockers.push(reason.to_string()),
                Gap::Task { title, .. } => match &mut tasks {
                    Some(line) => {
                        line.push_str("; ");
                        line.push_str(title);
                    }
                    None => tasks = Some(format!("important tasks not done: {title}")),
                },
            }
        }
        blockers.extend(tasks);
        blockers
    }
}

/// As JSON: the fields in order, with `blockers` in words in place of the gaps.
impl Serialize for PhaseResult {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("PhaseResult", 6)?;
        s.serialize_field("id", &self.id)?;
        s.serialize_field("name", &self.name)?;
        s.serialize_field("score", &self.score)?;
        s.serialize_field("threshold", &self.threshold)?;
        s.serialize_field("met", &self.met)?;
        s.serialize_field("blockers", &self.blockers())?;
        s.end()
    }
}

/// One thing that keeps a phase from being met.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Gap {
    /// The score is below the threshold.
    Score,
    /// A gate does not hold: its reason.
    Gate(Arc<str>),
    /// An important task is not done.
    Task {
        /// The task's question id.
        id: Arc<str>,
        /// The task in the documents' words.
        title: Arc<str>,
    },
}

/// An important task that is not done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemainingTask {
    /// Task question id.
    pub id: Arc<str>,
    /// Phase id.
    pub phase: Arc<str>,
    /// The task in the documents' words.
    pub title: Arc<str>,
    /// The answer given (`in_progress`, `not_started`, ...) or `unanswered`.
    pub status: String,
}

/// A recommendation that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecommendationResult {
    /// Rule id.
    pub id: Arc<str>,
    /// Phase id, or null for rules tied to no phase.
    pub phase: Option<Arc<str>>,
    /// `high`, `medium` or `low`.
    pub priority: Priority,
    /// One-line summary.
    pub title: Arc<str>,
    /// The advice.
    pub text: Arc<str>,
    /// Question ids whose answers triggered it.
    pub because: Vec<Arc<str>>,
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
