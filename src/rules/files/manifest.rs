//! The manifest of a framework, `framework.toml`: its header, phases, gates and scoring.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::*;

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
