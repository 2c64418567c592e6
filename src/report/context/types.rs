//! The fields of the report context, each documented: what a template can use.

use serde::Serialize;

use crate::assess::compare::Comparison;
use crate::report::brand::Brand;
use crate::report::format::{Detail, Paper};
use crate::report::plan::PlanInfo;
use crate::report::team::TeamInfo;
use crate::rules::{Priority, ResourceType};

/// The data every report template is rendered with.
#[derive(Debug, Clone, Serialize)]
pub struct ReportContext {
    /// The program that made the report.
    pub generator: Generator,
    /// The report's date, `YYYY-MM-DD`.
    pub date: String,
    /// The report's date in words, e.g. `January 15, 2026`.
    pub date_long: String,
    /// What the report shows: detail, ids, paper.
    pub options: ReportOptions,
    /// Who prepared the report, their logo, accent color and footer (`--brand`); null when
    /// none is given.
    pub brand: Option<Brand>,
    /// The framework and the digest of its files.
    pub framework: FrameworkInfo,
    /// The answer to the organization's name.
    pub organization: String,
    /// Every profile question, in order, with its answer (or none).
    pub profile: Vec<AnswerInfo>,
    /// Where the organization stands, in one sentence.
    pub headline: String,
    /// The current phase (the last one when `complete`).
    pub phase: CurrentPhase,
    /// Every phase is met.
    pub complete: bool,
    /// A note when the stage the organization gave differs from the computed phase; null otherwise.
    pub stage_note: Option<String>,
    /// Every phase in order, with its progress.
    pub phases: Vec<PhaseInfo>,
    /// What to do now, each item once: the recommendations and the current phase's remaining
    /// tasks, a task that is also a recommendation as one item; most important first.
    pub actions: Vec<ActionInfo>,
    /// The three most important actions: the executive summary's next steps.
    pub next_steps: Vec<NextStep>,
    /// The phases after the current one, with their remaining tasks.
    pub later_phases: Vec<LaterPhase>,
    /// Important tasks not done, in framework order.
    pub remaining_tasks: Vec<TaskInfo>,
    /// Every question that applies, by part (the profile, then each phase): the answers in
    /// words with their notes, and the questions not yet answered.
    pub answers: Vec<AnswerGroup>,
    /// Questions that apply and have no answer, in order.
    pub unanswered: Vec<QuestionRef>,
    /// Questions answered `not_applicable`, left out of the scores, with any note (the reason).
    pub not_applicable: Vec<AnswerInfo>,
    /// Questions answered `dont_know`: things to find out, with any note.
    pub to_find_out: Vec<AnswerInfo>,
    /// When the report shows something this rule set wrote itself (marked `ours`), the
    /// sentence that says what the marks mean; null otherwise.
    pub ours_note: Option<String>,
    /// Ids of answers ignored because their question does not apply.
    pub ignored: Vec<String>,
    /// Recommendations, by priority then rule order.
    pub recommendations: Vec<RecommendationInfo>,
    /// Every resource the report shows, once, grouped by type in the order the report first
    /// shows them; each has its `number`.
    pub resources_by_type: Vec<ResourceGroup>,
    /// How the assessment is made, in one paragraph, and whose method it is where the
    /// framework says.
    pub method: String,
    /// For a team's answers, how each respondent answered and where they disagree; null otherwise.
    pub team: Option<TeamInfo>,
    /// What changed since an earlier assessment (`assess --since`); null otherwise.
    pub since: Option<Comparison>,
    /// The action plan and the timeline, when the answers file gives an owner, a due date
    /// or a status to an item (`[action_plan]`) or dates the timeline (`[timeline]`); null
    /// otherwise.
    pub plan: Option<PlanInfo>,
}

/// What a report shows, as chosen on the command line.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReportOptions {
    /// `current` (later phases in a few lines) or `all` (every phase in full).
    pub detail: Detail,
    /// Show question and rule ids, for authors (`--ids`).
    pub ids: bool,
    /// The paper printed on (`a4`, `letter`); null for the printer's own.
    pub paper: Option<Paper>,
}

/// The program that made the report.
#[derive(Debug, Clone, Serialize)]
pub struct Generator {
    /// `readiness`.
    pub name: String,
    /// Its version.
    pub version: String,
}

/// The framework a report was made with.
#[derive(Debug, Clone, Serialize)]
pub struct FrameworkInfo {
    /// Stable identifier.
    pub id: String,
    /// Name.
    pub name: String,
    /// Version of the rule set.
    pub version: String,
    /// Who publishes it; null when not given.
    pub publisher: Option<String>,
    /// `sha256:` and the hex SHA-256 of the rule files: traces the report to its rules.
    pub digest: String,
}

/// A question with its answer.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerInfo {
    /// Question id.
    pub id: String,
    /// The question.
    pub question: String,
    /// The answer as written (a value, a number or text); null when unanswered.
    pub answer: Option<String>,
    /// The answer in words (the label that fits the question, `Not applicable`, `Don't
    /// know`); null when unanswered.
    pub label: Option<String>,
    /// What the answer means for this question, where the rule set says; else null.
    pub rubric: Option<String>,
    /// The note given with the answer (why, what evidence); null when none.
    pub note: Option<String>,
    /// Whether the question's wording is this rule set's own, not the documents'.
    pub ours: bool,
}

/// The answers to one part of the questionnaires.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerGroup {
    /// `Profile`, or the phase's name.
    pub title: String,
    /// Phase id; null for the profile.
    pub phase: Option<String>,
    /// Each question that applies and is answered, in order, with its answer.
    pub answers: Vec<AnswerInfo>,
    /// Each question that applies and is not yet answered, in order.
    pub unanswered: Vec<AnswerInfo>,
}

/// The current phase.
#[derive(Debug, Clone, Serialize)]
pub struct CurrentPhase {
    /// Phase id.
    pub id: String,
    /// Position, from 1.
    pub number: usize,
    /// How many phases there are.
    pub of: usize,
    /// Name.
    pub name: String,
    /// Goal.
    pub goal: String,
    /// The documents' introduction to the phase; null when none.
    pub summary: Option<String>,
    /// Whether the goal is this rule set's own reading, not the documents' words (marked `*`).
    pub ours: bool,
    /// In plain words, what keeps the organization in this phase (empty when complete).
    pub blockers: Vec<String>,
}

/// One phase's progress.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseInfo {
    /// Phase id.
    pub id: String,
    /// Position, from 1.
    pub number: usize,
    /// Name.
    pub name: String,
    /// Goal.
    pub goal: String,
    /// Score from 0 to 100.
    pub score: u32,
    /// Score needed.
    pub threshold: u32,
    /// Whether the phase is met.
    pub met: bool,
    /// Whether this is the current phase (false for every phase when complete).
    pub current: bool,
    /// `met`, `current` or `not met`.
    pub status: String,
    /// The status in words: `met`, `current phase`, `not yet met`.
    pub status_label: String,
    /// What keeps the phase from being met; empty when met.
    pub blockers: Vec<String>,
    /// Whether the goal is this rule set's own reading, not the documents' words (marked `*`).
    pub ours: bool,
    /// The documents' name for being ready for this phase (`Ready to plan`); null when none.
    pub readiness_label: Option<String>,
}

/// A question by id and title.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionRef {
    /// Question id.
    pub id: String,
    /// The question's title.
    pub title: String,
    /// Phase id; null for profile questions.
    pub phase: Option<String>,
}

/// An important task that remains.
#[derive(Debug, Clone, Serialize)]
pub struct TaskInfo {
    /// Question id.
    pub id: String,
    /// Phase id.
    pub phase: String,
    /// Phase name.
    pub phase_name: String,
    /// The task.
    pub title: String,
    /// `in_progress`, `not_started` or `unanswered`.
    pub status: String,
    /// The status in words: `in progress`, `not started`, `not yet answered`.
    pub status_label: String,
    /// The documents' guidance for the task; null when none.
    pub guidance: Option<String>,
    /// Resources the documents tie to the task.
    pub resources: Vec<ResourceInfo>,
}

/// One recommendation.
#[derive(Debug, Clone, Serialize)]
pub struct RecommendationInfo {
    /// Rule id.
    pub id: String,
    /// Phase id; null for rules about the profile or what follows the framework.
    pub phase: Option<String>,
    /// Phase name; null when `phase` is.
    pub phase_name: Option<String>,
    /// `high`, `medium` or `low`.
    pub priority: Priority,
    /// One-line summary.
    pub title: String,
    /// The advice.
    pub text: String,
    /// The answers that triggered it (empty for what follows a complete framework).
    pub because: Vec<AnswerInfo>,
    /// Whether the advice is this rule set's own, not the documents' (marked `*`).
    pub ours: bool,
    /// Its resources, in order.
    pub resources: Vec<ResourceInfo>,
}

/// One thing to do: a recommendation, a remaining task, or a task that is also a
/// recommendation (one item that says both).
#[derive(Debug, Clone, Serialize)]
pub struct ActionInfo {
    /// Position among the actions, from 1.
    pub number: usize,
    /// What to do.
    pub title: String,
    /// `high`, `medium` or `low` for a recommendation; null for a task no rule recommends.
    pub priority: Option<Priority>,
    /// In words: the priority, and for a task its status, e.g. `High priority; important
    /// task of this phase, not started`.
    pub label: String,
    /// Phase id; null for advice about the profile or what follows the framework.
    pub phase: Option<String>,
    /// Phase name; null when `phase` is.
    pub phase_name: Option<String>,
    /// The remaining task this item is; null for a recommendation alone.
    pub task: Option<TaskState>,
    /// The id of the recommendation rule this item is; null for a task alone.
    pub recommendation: Option<String>,
    /// The recommendation's advice; null for a task alone.
    pub text: Option<String>,
    /// Whether the advice is this rule set's own, not the documents' (marked `*`).
    pub ours: bool,
    /// The documents' guidance for the task; null for a recommendation alone or when none.
    pub guidance: Option<String>,
    /// The answers that triggered the recommendation, other than the task's own.
    pub because: Vec<AnswerInfo>,
    /// The resources of the recommendation and of the task, each once.
    pub resources: Vec<ResourceInfo>,
}

/// Where a remaining task stands.
#[derive(Debug, Clone, Serialize)]
pub struct TaskState {
    /// Question id.
    pub id: String,
    /// `in_progress`, `not_started` or `unanswered`.
    pub status: String,
    /// The status in words.
    pub status_label: String,
}

/// One of the three most important things to do next.
#[derive(Debug, Clone, Serialize)]
pub struct NextStep {
    /// The action's position in `actions`, from 1.
    pub number: usize,
    /// What to do.
    pub title: String,
    /// The action's label: priority and status in words.
    pub label: String,
}

/// A phase after the current one.
#[derive(Debug, Clone, Serialize)]
pub struct LaterPhase {
    /// Phase id.
    pub id: String,
    /// Position, from 1.
    pub number: usize,
    /// Name.
    pub name: String,
    /// Goal.
    pub goal: String,
    /// Whether the goal is this rule set's own reading, not the documents' words (marked `*`).
    pub ours: bool,
    /// The documents' introduction to the phase; null when none.
    pub summary: Option<String>,
    /// Its important tasks not done, with guidance and resources.
    pub tasks: Vec<TaskInfo>,
}

/// A resource as a report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceInfo {
    /// Stable identifier.
    pub id: String,
    /// Its number in `resources_by_type`, from 1 (printed reports refer to it as `[n]`);
    /// null when the report does not list it.
    pub number: Option<usize>,
    /// Title.
    pub title: String,
    /// Type id (`paper`, `case_study`, ...).
    #[serde(rename = "type")]
    pub kind: ResourceType,
    /// Type in words (`paper`, `case study`, ...).
    pub type_label: String,
    /// Authors joined with commas; null when none are given.
    pub authors: Option<String>,
    /// Year or date; null when none is given.
    pub year: Option<String>,
    /// Duration or extent; null when none is given.
    pub duration: Option<String>,
    /// Description.
    pub description: String,
    /// Link; null where no document gives one.
    pub url: Option<String>,
}

/// Resources of one type.
#[derive(Debug, Clone, Serialize)]
pub struct ResourceGroup {
    /// Type id.
    #[serde(rename = "type")]
    pub kind: ResourceType,
    /// Type in words, singular (`case study`).
    pub label: String,
    /// The group's heading: the type in words, plural and capitalized (`Case studies`).
    pub title: String,
    /// The resources, in catalog order.
    pub resources: Vec<ResourceInfo>,
}
