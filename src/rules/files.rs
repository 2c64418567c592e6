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
}
