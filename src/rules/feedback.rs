//! The participant feedback survey a rule set may ship: its groups and questions, as
//! loaded and checked.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::files::FeedbackKind;
use crate::condition::Condition;

/// A participant feedback survey: the questions an organization sends its participants.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FeedbackSurvey {
    /// Stable identifier.
    pub id: String,
    /// Title (`{organization}` replaced when it is tailored).
    pub title: String,
    /// Introduction (`{organization}` replaced when it is tailored).
    pub intro: Option<String>,
    /// The groups, in order, each with its questions.
    pub groups: Vec<FeedbackGroup>,
    /// The answer scales, by name: value = label, in order.
    pub choices: IndexMap<String, IndexMap<String, String>>,
}

/// A group of feedback questions.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FeedbackGroup {
    /// Stable identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// The questions, in order.
    pub questions: Vec<FeedbackQuestion>,
}

/// One feedback question.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FeedbackQuestion {
    /// Stable identifier.
    pub id: String,
    /// The question in the documents' words.
    pub text: String,
    /// The question as an organization's survey asks it, when it differs.
    pub tailored: Option<String>,
    /// The kind of answer.
    pub kind: FeedbackKind,
    /// The choices of a scale or choice question, value = label, in order.
    pub choices: IndexMap<String, String>,
    /// Whether the kind of answer is this rule set's choice, not the documents'.
    pub kind_ours: bool,
    /// Asked only when this condition on the readiness answers holds.
    pub when: Option<Condition>,
    /// Whether a participant must answer.
    pub required: bool,
    /// Whether the wording is this rule set's own.
    pub ours: bool,
}
