//! A questionnaire file: choice sets and questions, in the order they are asked.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::*;

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
