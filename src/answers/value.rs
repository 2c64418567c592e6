//! An organization's answers, typed by their questions.

use indexmap::IndexMap;
use serde::Serialize;

use crate::condition;
use crate::diagnostic::Diagnostic;
use crate::rules::{DONT_KNOW, NOT_APPLICABLE};

/// One answer, typed by its question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerValue {
    /// Free text.
    Text(String),
    /// A whole number.
    Integer(i64),
    /// One of the question's allowed values.
    Choice(String),
    /// The question does not apply to the organization (`not_applicable`, where allowed):
    /// left out of the score.
    NotApplicable,
    /// Nobody knows yet (`dont_know`): scored like no answer, and something to find out.
    DontKnow,
}

impl AnswerValue {
    /// Whether the answer equals a literal written in a condition.
    pub fn matches(&self, literal: &str) -> bool {
        match self {
            AnswerValue::Text(s) | AnswerValue::Choice(s) => s == literal,
            AnswerValue::Integer(n) => literal.parse::<i64>() == Ok(*n),
            AnswerValue::NotApplicable => literal == NOT_APPLICABLE,
            AnswerValue::DontKnow => literal == DONT_KNOW,
        }
    }

    /// The answer as written in an answers file (without quotes).
    pub fn as_text(&self) -> String {
        match self {
            AnswerValue::Text(s) | AnswerValue::Choice(s) => s.clone(),
            AnswerValue::Integer(n) => n.to_string(),
            AnswerValue::NotApplicable => NOT_APPLICABLE.to_string(),
            AnswerValue::DontKnow => DONT_KNOW.to_string(),
        }
    }

    /// Whether the answer gives the question a value: not `not_applicable` or `dont_know`.
    pub fn is_given(&self) -> bool {
        !matches!(self, AnswerValue::NotApplicable | AnswerValue::DontKnow)
    }
}

/// As written in an answers file: a number for integers, a string otherwise.
impl Serialize for AnswerValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            AnswerValue::Integer(n) => serializer.serialize_i64(*n),
            AnswerValue::Text(s) | AnswerValue::Choice(s) => serializer.serialize_str(s),
            AnswerValue::NotApplicable => serializer.serialize_str(NOT_APPLICABLE),
            AnswerValue::DontKnow => serializer.serialize_str(DONT_KNOW),
        }
    }
}

/// The answers of one organization, by question id, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    /// Answer by question id.
    pub values: IndexMap<String, AnswerValue>,
    /// A note on an answer (why `partly`, what evidence), by question id.
    pub notes: IndexMap<String, String>,
    /// The framework id the file says it was written for (`[framework] id = ...`).
    pub framework_id: Option<String>,
    /// The framework version the file says it was written for (`[framework] version = ...`).
    pub framework_version: Option<String>,
    /// Problems that do not stop the answers from being used.
    pub warnings: Vec<Diagnostic>,
}

impl Answers {
    /// The answer to a question, if given.
    pub fn get(&self, id: &str) -> Option<&AnswerValue> {
        self.values.get(id)
    }
}

impl condition::Value for AnswerValue {
    fn matches(&self, literal: &str) -> bool {
        AnswerValue::matches(self, literal)
    }

    fn not_applicable(&self) -> bool {
        matches!(self, AnswerValue::NotApplicable)
    }

    fn integer(&self) -> Option<i64> {
        match self {
            AnswerValue::Integer(n) => Some(*n),
            _ => None,
        }
    }
}
