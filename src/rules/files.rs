//! The rule-set file formats, exactly as they are written on disk.
//!
//! A framework is a manifest (`framework.toml`) that names its questionnaire,
//! recommendation and resource files. Every struct here rejects unknown keys, so
//! a misspelt key is an error with its line and column, never a silent no-op.
//! The documentation of each field is the manual of the format.

use std::ops::Range;

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::io::SourceFile;

/// Where the words of a framework, phase, gate, question or rule come from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The documents the framework is written from (the publisher's words and content).
    #[default]
    Documents,
    /// This rule set's own: inferred or invented, not the publisher's. Reports mark it.
    Ours,
}

/// The manifest of a framework: `framework.toml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    /// Who the framework is, and which other files hold its content.
    pub framework: FrameworkHeader,
    /// Points given to each answer value, by scale name (`[scales.NAME]`).
    #[serde(default)]
    #[schemars(with = "IndexMap<String, IndexMap<String, i64>>")]
    pub scales: IndexMap<String, Spanned<IndexMap<String, Spanned<i64>>>>,
    /// The phases, in the order an organization goes through them.
    #[serde(default)]
    pub phases: Vec<PhaseDef>,
    /// How a team's answers combine into one (`readiness combine`, `readiness assess --team`):
    /// the rule for the questions scored on each scale, by scale name (`[combine]`, e.g.
    /// `answer = "lowest"`). A scale not named here combines by `lowest`.
    #[serde(default)]
    #[schemars(with = "IndexMap<String, CombineRule>")]
    pub combine: IndexMap<String, Spanned<CombineRule>>,
    /// The implementation timeline (`[timeline]`): the activities an organization dates in
    /// its answers file (`[timeline]` there), in order, and the checks on their dates.
    /// Absent when the framework has no timeline.
    #[serde(default)]
    pub timeline: Option<TimelineDef>,
}

/// The `[timeline]` table of a manifest: the activities of an implementation timeline, in
/// the order the documents list them, which must come before which, and how far apart.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimelineDef {
    /// The big question the dates answer, e.g. `how.timeline`. While it has no answer, the
    /// dates count as an answer to it: `complete_answer` when every activity is dated and
    /// the checks find nothing out of order, too soon or too far apart; `partial_answer`
    /// for any other dates. An answer given is never replaced.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub question: Option<Spanned<String>>,
    /// The answer a complete, consistent timeline counts as (with `question`), e.g. `yes`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub complete_answer: Option<Spanned<String>>,
    /// The answer any other dated timeline counts as (with `question`), e.g. `partly`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub partial_answer: Option<Spanned<String>>,
    /// Where the activities come from: `documents` or `ours`; by default the framework's
    /// `source`.
    #[serde(default)]
    pub source: Option<Source>,
    /// The activities, in the order the documents list them (`[[timeline.activities]]`):
    /// an activity that starts before one listed earlier starts is out of order.
    #[serde(default)]
    pub activities: Vec<ActivityDef>,
    /// Which activity must come before which, and how far apart (`[[timeline.order]]`).
    #[serde(default)]
    pub order: Vec<OrderDef>,
}

/// One `[[timeline.activities]]` entry: an activity of the implementation timeline.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityDef {
    /// Stable identifier, the key of the activity in an answers file's `[timeline]` table
    /// (lowercase letters, digits and `_`), e.g. `recruitment`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The activity in the documents' words, e.g. `Recruitment`.
    pub title: String,
    /// What to write down for it, e.g. the documents' `List all times, dates, locations`.
    #[serde(default)]
    pub help: Option<String>,
    /// An important task whose answer `done` marks the activity done (so that dates in the
    /// past are not flagged), e.g. `how.recruitment`. An answers file may also say
    /// `done = true` on the activity.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub task: Option<Spanned<String>>,
    /// Where the activity comes from: `documents` or `ours`; by default the timeline's.
    #[serde(default)]
    pub source: Option<Source>,
}

/// One `[[timeline.order]]` entry: an activity that must come after another.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderDef {
    /// The activity that comes first (an activity id).
    #[schemars(with = "String")]
    pub before: Spanned<String>,
    /// The activity that comes after it: it must not start before `before` ends.
    #[schemars(with = "String")]
    pub after: Spanned<String>,
    /// The fewest days from the end of `before` to the start of `after` (0 to 3650; 0, the
    /// default, only asks that it not start earlier).
    #[serde(default)]
    #[schemars(with = "Option<i64>")]
    pub min_days: Option<Spanned<i64>>,
    /// The most days from the end of `before` to the start of `after` (0 to 3650); a longer
    /// gap is a finding. Absent: any gap is fine.
    #[serde(default)]
    #[schemars(with = "Option<i64>")]
    pub max_days: Option<Spanned<i64>>,
    /// Why, in plain words; shown with the finding when the order or a limit is not kept.
    pub reason: String,
    /// Where the rule comes from: `documents` or `ours`; by default the timeline's.
    #[serde(default)]
    pub source: Option<Source>,
}

/// A kind of problem the timeline checks find in an answers file's dates; a recommendation
/// rule's `timeline` names the kinds that make it fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// An activity has no date while others have.
    Missing,
    /// An activity starts before one that comes before it starts.
    OutOfOrder,
    /// An activity starts before one that comes before it ends.
    Overlap,
    /// An activity starts fewer days after one that comes before it than `min_days`.
    TooSoon,
    /// An activity starts more days after one that comes before it than `max_days`.
    Gap,
    /// An activity's dates are past (before the report's date) and it is not done.
    Past,
}

impl FindingKind {
    /// Every kind, in the order the checks report them.
    pub const ALL: [FindingKind; 6] = [
        FindingKind::Missing,
        FindingKind::OutOfOrder,
        FindingKind::Overlap,
        FindingKind::TooSoon,
        FindingKind::Gap,
        FindingKind::Past,
    ];

    /// The kind as written in a rule file: `out_of_order`, ...
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Missing => "missing",
            FindingKind::OutOfOrder => "out_of_order",
            FindingKind::Overlap => "overlap",
            FindingKind::TooSoon => "too_soon",
            FindingKind::Gap => "gap",
            FindingKind::Past => "past",
        }
    }

    /// The kind in words for a person.
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::Missing => "no date",
            FindingKind::OutOfOrder => "out of order",
            FindingKind::Overlap => "overlap",
            FindingKind::TooSoon => "too soon",
            FindingKind::Gap => "long gap",
            FindingKind::Past => "past, not done",
        }
    }
}

/// How several respondents' answers to one question combine into the team's answer.
/// Every rule looks only at the answers given; a tie goes to the answer that earns fewer
/// points, then to the value listed first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CombineRule {
    /// The answer that earns the fewest points: "yes" only when everyone says yes.
    Lowest,
    /// The middle answer by points (the lower of the two middle ones for an even number).
    Median,
    /// The answer given most often.
    Majority,
}

impl CombineRule {
    /// The rule's name as written in a manifest.
    pub fn name(self) -> &'static str {
        match self {
            CombineRule::Lowest => "lowest",
            CombineRule::Median => "median",
            CombineRule::Majority => "majority",
        }
    }
}

/// The `[framework]` table of a manifest.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrameworkHeader {
    /// Stable identifier, e.g. `ctq`.
    pub id: String,
    /// Name shown in reports.
    pub name: String,
    /// Version of the rule set (semantic versioning), shown in every assessment.
    pub version: String,
    /// Who publishes the framework the rules are written from.
    #[serde(default)]
    pub publisher: Option<String>,
    /// One paragraph on what the framework is for.
    #[serde(default)]
    pub description: Option<String>,
    /// Questionnaire files, relative to this manifest, in the order they are asked.
    #[schemars(with = "Vec<String>")]
    pub questionnaires: Vec<Spanned<String>>,
    /// Recommendation rule files, relative to this manifest.
    #[schemars(with = "Vec<String>")]
    pub recommendations: Vec<Spanned<String>>,
    /// Resource catalogue files, relative to this manifest.
    #[schemars(with = "Vec<String>")]
    pub resources: Vec<Spanned<String>>,
    /// Golden test files (`readiness test`), relative to this manifest.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub tests: Vec<Spanned<String>>,
    /// The participant feedback survey (`readiness feedback-survey`): a feedback file,
    /// relative to this manifest. Absent when the framework ships none.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub feedback: Option<Spanned<String>>,
    /// The profile question in which people say where they think they stand (a choice
    /// question, e.g. `profile.stage`); each phase's `stages` lists the values that fit it,
    /// and a report notes when the answer and the computed phase differ.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub stage_question: Option<Spanned<String>>,
    /// Where the framework's content comes from by default: `documents` (the default) or
    /// `ours`. Each phase, gate, question and rule may say otherwise with its own `source`.
    #[serde(default)]
    pub source: Source,
    /// One plain sentence on how the scores are made and whose method it is (shown in
    /// reports and `explain`), e.g. that the weights and thresholds are this tool's.
    #[serde(default)]
    pub method: Option<String>,
}

/// One `[[phases]]` entry of a manifest.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhaseDef {
    /// Stable identifier, e.g. `why`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Name shown in reports, e.g. `Understanding your why`.
    pub name: String,
    /// The phase's goal, in the documents' words.
    pub goal: String,
    /// The documents' introduction to the phase.
    #[serde(default)]
    pub summary: Option<String>,
    /// Where the phase's goal and summary come from: `documents` or `ours` (this rule set's
    /// reading); by default the framework's `source`.
    #[serde(default)]
    pub source: Option<Source>,
    /// The documents' name for where an organization stands once this phase's resources
    /// are what it needs, e.g. CTQ's `Ready to plan`.
    #[serde(default)]
    pub readiness_label: Option<String>,
    /// Values of the manifest's `stage_question` that describe an organization in this phase.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub stages: Vec<Spanned<String>>,
    /// Lowest score (0 to 100) at which the phase can count as met.
    #[schemars(with = "i64")]
    pub threshold: Spanned<i64>,
    /// Conditions that must all hold for the phase to count as met, whatever its score.
    #[serde(default)]
    pub gates: Vec<GateDef>,
    /// The answers that make up the phase's score, each with its scale and weight.
    #[serde(default)]
    pub scoring: Vec<ScoringDef>,
}

/// One `[[phases.gates]]` entry: a condition a phase cannot be met without.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GateDef {
    /// The condition that must hold (see the condition language in the README).
    #[schemars(with = "String")]
    pub when: Spanned<String>,
    /// Why the gate matters, in plain words; shown when the gate is not met.
    pub reason: String,
    /// Where the gate comes from: `documents` or `ours`; by default the framework's `source`.
    #[serde(default)]
    pub source: Option<Source>,
}

/// One `[[phases.scoring]]` entry: how one answer counts towards the phase score.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoringDef {
    /// The question whose answer is scored.
    #[schemars(with = "String")]
    pub question: Spanned<String>,
    /// The scale (`[scales.NAME]`) that gives points to each of its values.
    #[schemars(with = "String")]
    pub scale: Spanned<String>,
    /// Relative weight of this answer in the phase score (1 to 10).
    #[serde(default = "default_weight")]
    #[schemars(with = "i64")]
    pub weight: Spanned<i64>,
}

fn default_weight() -> Spanned<i64> {
    Spanned::new(0..0, 1)
}

/// A questionnaire file: questions asked in file order.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireFile {
    /// Title and introduction of the questionnaire.
    pub questionnaire: QuestionnaireHeader,
    /// Named sets of allowed values for choice questions: value = label, in order.
    #[serde(default)]
    #[schemars(with = "IndexMap<String, IndexMap<String, String>>")]
    pub choices: IndexMap<String, Spanned<IndexMap<String, String>>>,
    /// The questions, in the order they are asked.
    #[serde(default)]
    pub questions: Vec<QuestionDef>,
}

/// The `[questionnaire]` table of a questionnaire file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireHeader {
    /// Stable identifier, e.g. `survey`.
    pub id: String,
    /// Title shown before the questions.
    pub title: String,
    /// Words shown before the first question.
    #[serde(default)]
    pub intro: Option<String>,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// Free text (a TOML string).
    Text,
    /// A whole number (a TOML integer), optionally bounded by `min` and `max`.
    Integer,
    /// One value of a named choice set (a TOML string).
    Choice,
}

/// What part a question plays in the framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Describes who is answering (the readiness survey); belongs to no phase.
    Profile,
    /// A big question of a phase's checklist.
    BigQuestion,
    /// An important task of a phase; listed as remaining until it is `done`.
    Task,
}

/// One `[[questions]]` entry of a questionnaire file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionDef {
    /// Stable identifier `section.name`; the answers file holds it as key `name` of table `[section]`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Kind of answer: `text`, `integer` or `choice`.
    pub kind: AnswerKind,
    /// Part the question plays: `profile`, `big_question` or `task`.
    pub role: Role,
    /// Phase the question belongs to (required for big questions and tasks).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub phase: Option<Spanned<String>>,
    /// The question or task in the documents' own words.
    pub title: String,
    /// The documents' explanation, shown as help.
    #[serde(default)]
    pub help: Option<String>,
    /// Name of the choice set holding the allowed values (choice questions only).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub choices: Option<Spanned<String>>,
    /// Smallest allowed value (integer questions only).
    #[serde(default)]
    pub min: Option<i64>,
    /// Largest allowed value (integer questions only).
    #[serde(default)]
    pub max: Option<i64>,
    /// Whether an answers file must answer it.
    #[serde(default)]
    pub required: bool,
    /// Condition under which the question is asked; an answer given while it is false is ignored.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub when: Option<Spanned<String>>,
    /// Resources the documents tie to this question, by id.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub resources: Vec<Spanned<String>>,
    /// Words that fit this question for some of its values, replacing the choice set's
    /// labels (value = label): `Decided` rather than `Yes` for a "Which…?" question.
    #[serde(default)]
    #[schemars(with = "Option<IndexMap<String, String>>")]
    pub labels: Option<Spanned<IndexMap<String, String>>>,
    /// One line per value saying what it means for this question (value = rubric), shown
    /// with the choices in the survey, the blank answers file, `explain` and reports.
    #[serde(default)]
    #[schemars(with = "Option<IndexMap<String, String>>")]
    pub rubric: Option<Spanned<IndexMap<String, String>>>,
    /// Whether `not_applicable` is an allowed answer: the question is then left out of its
    /// phase's score, and a condition on it holds only if it names `not_applicable`.
    #[serde(default)]
    pub not_applicable: bool,
    /// Where the question's wording comes from: `documents` or `ours`; by default the
    /// framework's `source`.
    #[serde(default)]
    pub source: Option<Source>,
}

/// A recommendation rules file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecommendationsFile {
    /// The rules, in file order.
    #[serde(default)]
    pub recommendations: Vec<RecommendationDef>,
}

/// How urgent a recommendation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Do this first: it holds the organization in its phase.
    High,
    /// Do this soon.
    Medium,
    /// Worth doing when there is time.
    Low,
}

impl Priority {
    /// `high`, `medium` or `low`, as written in a rule file.
    pub fn name(self) -> &'static str {
        match self {
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }
}

/// One `[[recommendations]]` rule.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecommendationDef {
    /// Stable identifier, e.g. `why-value-proposition`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Phase the rule belongs to; the rule fires only once the organization has reached it.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub phase: Option<Spanned<String>>,
    /// `high`, `medium` or `low`.
    pub priority: Priority,
    /// One-line summary.
    pub title: String,
    /// The advice itself.
    pub text: String,
    /// Condition on the answers under which the rule fires; absent means always.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub when: Option<Spanned<String>>,
    /// Fire only when every phase is met (what follows the framework).
    #[serde(default)]
    pub complete: bool,
    /// Fire only for a team's answers (`readiness combine`, `assess --team`) when the
    /// respondents disagree on at least one question; its `because` lists those questions.
    /// `when` and `phase`, if given, must hold too.
    #[serde(default)]
    pub disagreement: bool,
    /// Resources the recommendation points to, by id, in the order given.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub resources: Vec<Spanned<String>>,
    /// Where the advice comes from: `documents` (what the documents advise, in this rule
    /// set's words) or `ours` (advice the documents do not give); by default the
    /// framework's `source`.
    #[serde(default)]
    pub source: Option<Source>,
    /// Fire only when the checks of the answers' timeline find a problem of one of these
    /// kinds (`missing`, `out_of_order`, `overlap`, `too_soon`, `gap`, `past`); the
    /// recommendation lists those findings. `when` and `phase`, if given, must hold too.
    /// Only in a framework with a `[timeline]`.
    #[serde(default)]
    #[schemars(with = "Vec<FindingKind>")]
    pub timeline: Vec<Spanned<FindingKind>>,
}

/// A participant feedback survey file: the questions an organization sends the educators
/// who took part (`readiness feedback-survey`), in groups.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackFile {
    /// Title and introduction of the survey.
    pub survey: FeedbackHeader,
    /// Named answer scales for `scale` and `choice` questions: value = label, in order.
    #[serde(default)]
    #[schemars(with = "IndexMap<String, IndexMap<String, String>>")]
    pub choices: IndexMap<String, Spanned<IndexMap<String, String>>>,
    /// The groups questions are asked in, in order.
    #[serde(default)]
    pub groups: Vec<FeedbackGroupDef>,
    /// The questions, in the order they are asked within their group.
    #[serde(default)]
    pub questions: Vec<FeedbackQuestionDef>,
}

/// The `[survey]` table of a feedback file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackHeader {
    /// Stable identifier, e.g. `participant-feedback`.
    pub id: String,
    /// Title of the survey; `{organization}` is replaced by the organization's name.
    pub title: String,
    /// Words shown before the first question; `{organization}` is replaced by the
    /// organization's name.
    #[serde(default)]
    pub intro: Option<String>,
    /// Where the survey's questions come from: `documents` or `ours`; by default the
    /// framework's `source`.
    #[serde(default)]
    pub source: Option<Source>,
}

/// One `[[groups]]` entry of a feedback file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackGroupDef {
    /// Stable identifier, e.g. `process`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Title in the documents' words, e.g. `The process`.
    pub title: String,
}

/// What kind of answer a feedback question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackKind {
    /// A line of text.
    ShortText,
    /// A paragraph of text (questions that ask why, or several things at once).
    Paragraph,
    /// One point of an ordered scale (`choices`).
    Scale,
    /// Yes or no.
    YesNo,
    /// One of a set of choices (`choices`).
    Choice,
}

impl FeedbackKind {
    /// The kind as written in a feedback file.
    pub fn name(self) -> &'static str {
        match self {
            FeedbackKind::ShortText => "short_text",
            FeedbackKind::Paragraph => "paragraph",
            FeedbackKind::Scale => "scale",
            FeedbackKind::YesNo => "yes_no",
            FeedbackKind::Choice => "choice",
        }
    }
}

/// The answer a feedback question asks for: its kind and where that choice comes from.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackAnswerDef {
    /// `short_text`, `paragraph`, `scale`, `yes_no` or `choice`.
    pub kind: FeedbackKind,
    /// The name of a `[choices.NAME]` set (for `scale` and `choice` only).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub choices: Option<Spanned<String>>,
    /// Whose choice the kind of answer is: `documents` or `ours` (the documents give the
    /// questions without saying how to answer them). By default the survey's `source`.
    #[serde(default)]
    pub source: Option<Source>,
}

/// One `[[questions]]` entry of a feedback file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackQuestionDef {
    /// Stable identifier, e.g. `process.guidelines`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// The group it is asked in (a `[[groups]]` id).
    #[schemars(with = "String")]
    pub group: Spanned<String>,
    /// The question in the documents' words.
    pub text: String,
    /// The question as the organization's survey asks it, when it differs from `text`:
    /// `{organization}` is replaced by the organization's name. This tool's wording.
    #[serde(default)]
    pub tailored: Option<String>,
    /// The answer it asks for.
    pub answer: FeedbackAnswerDef,
    /// Asked only when this condition on the organization's readiness answers holds (e.g.
    /// only where the plan includes fee-based micro-credentials).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub when: Option<Spanned<String>>,
    /// Whether a participant must answer it.
    #[serde(default)]
    pub required: bool,
    /// Where the question's wording comes from: `documents` or `ours`; by default the
    /// survey's `source`.
    #[serde(default)]
    pub source: Option<Source>,
}

/// A resource catalogue file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResourcesFile {
    /// The resources, in file order.
    #[serde(default)]
    pub resources: Vec<ResourceDef>,
}

/// What kind of thing a resource is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResourceType {
    /// A white paper.
    Paper,
    /// A report.
    Report,
    /// A research study.
    Research,
    /// A case study or a district's story.
    CaseStudy,
    /// A policy brief.
    PolicyBrief,
    /// An article or blog post.
    Article,
    /// A video.
    Video,
    /// A podcast episode or series.
    Podcast,
    /// A webinar.
    Webinar,
    /// A guide.
    Guide,
    /// A tool or template to work with.
    Tool,
    /// An infographic.
    Infographic,
    /// A sample from another district (flyer, slide deck, ...).
    Sample,
    /// A survey or questionnaire.
    Survey,
    /// A platform that issues micro-credentials.
    Platform,
    /// A micro-credential or stack of micro-credentials.
    MicroCredential,
    /// A community to join.
    Community,
    /// Help from people (coaching, contact).
    Service,
}

impl ResourceType {
    /// The type in words for a person: `case study`, `micro-credential`, ...
    pub fn label(self) -> &'static str {
        match self {
            Self::Paper => "paper",
            Self::Report => "report",
            Self::Research => "research",
            Self::CaseStudy => "case study",
            Self::PolicyBrief => "policy brief",
            Self::Article => "article",
            Self::Video => "video",
            Self::Podcast => "podcast",
            Self::Webinar => "webinar",
            Self::Guide => "guide",
            Self::Tool => "tool",
            Self::Infographic => "infographic",
            Self::Sample => "sample",
            Self::Survey => "survey",
            Self::Platform => "platform",
            Self::MicroCredential => "micro-credential",
            Self::Community => "community",
            Self::Service => "service",
        }
    }
}

/// One `[[resources]]` entry of a resource catalogue.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResourceDef {
    /// Stable identifier, e.g. `driving-teacher-learning`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Title in the documents' words.
    pub title: String,
    /// Authors, as the documents give them.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Year (or date) of publication, where given.
    #[serde(default)]
    pub year: Option<String>,
    /// Kind of resource.
    #[serde(rename = "type")]
    pub kind: ResourceType,
    /// Phases the documents place it in.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub phases: Vec<Spanned<String>>,
    /// Duration or extent, where given (e.g. `1 minute`, `14 minutes`).
    #[serde(default)]
    pub duration: Option<String>,
    /// The documents' description.
    pub description: String,
    /// Link, where any document gives one.
    #[serde(default)]
    pub url: Option<String>,
    /// `true` when the documents name the resource without giving an address, so that
    /// having no `url` is expected and `check` does not warn about it.
    #[serde(default)]
    pub no_link: bool,
    /// Other links the documents give for the same resource.
    #[serde(default)]
    pub other_urls: Vec<String>,
}

/// A golden test file: answers and the assessment they must give.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TestsFile {
    /// The cases, run in file order.
    #[serde(default)]
    pub cases: Vec<CaseDef>,
}

/// One `[[cases]]` entry: answers, and what the assessment of them must say.
/// Only the expectations given are checked.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseDef {
    /// A unique name, shown in the report.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// The answers, exactly as in an answers file (`[cases.answers.profile]`, ...).
    #[schemars(with = "serde_json::Map<String, serde_json::Value>")]
    pub answers: Spanned<toml::Table>,
    /// Expected current phase id.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub phase: Option<Spanned<String>>,
    /// Expected `complete`.
    #[serde(default)]
    pub complete: Option<bool>,
    /// Expected remaining task ids, exactly and in order.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub remaining_tasks: Option<Vec<Spanned<String>>>,
    /// Expected recommendation ids, exactly and in order.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub recommendations: Option<Vec<Spanned<String>>>,
}

/// A parsed file and the text it came from (for line numbers).
#[derive(Debug)]
pub struct Parsed<T> {
    /// The file.
    pub file: SourceFile,
    /// What it holds.
    pub data: T,
}

impl<T> Parsed<T> {
    /// An error at a byte range of this file.
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(Severity::Error, &self.file, span, message)
    }

    /// A warning at a byte range of this file.
    pub fn warning(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(Severity::Warning, &self.file, span, message)
    }
}

/// Every file of a framework, parsed but not yet cross-checked.
#[derive(Debug)]
pub struct RawFramework {
    /// The manifest.
    pub manifest: Parsed<ManifestFile>,
    /// The questionnaire files, in manifest order.
    pub questionnaires: Vec<Parsed<QuestionnaireFile>>,
    /// The recommendation files.
    pub recommendations: Vec<Parsed<RecommendationsFile>>,
    /// The resource catalogue files.
    pub resources: Vec<Parsed<ResourcesFile>>,
    /// The golden test files.
    pub tests: Vec<Parsed<TestsFile>>,
    /// The participant feedback survey file, when the manifest names one.
    pub feedback: Option<Parsed<FeedbackFile>>,
}
