//! The participant feedback survey a rule set ships.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::*;

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
