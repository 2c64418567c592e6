//! An organization's answers, typed by their questions.

use indexmap::IndexMap;
use serde::Serialize;

use crate::condition;
use crate::diagnostic::Diagnostic;

/// One answer, typed by its question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum AnswerValue {
    /// Free text.
    Text(String),
    /// A whole number.
    Integer(i64),
    /// One of the question's allowed values.
    Choice(String),
}

impl AnswerValue {
    /// Whether the answer equals a literal written in a condition.
    pub fn matches(&self, literal: &str) -> bool {
        match self {
            AnswerValue::Text(s) | AnswerValue::Choice(s) => s == literal,
            AnswerValue::Integer(n) => literal.parse::<i64>() == Ok(*n),
        }
    }

    /// The answer as written in an answers file (without quotes).
    pub fn as_text(&self) -> String {
        match self {
            AnswerValue::Text(s) | AnswerValue::Choice(s) => s.clone(),
            AnswerValue::Integer(n) => n.to_string(),
        }
    }
}

/// The answers of one organization, by question id, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    /// Answer by question id.
    pub values: IndexMap<String, AnswerValue>,
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

    fn integer(&self) -> Option<i64> {
        match self {
            AnswerValue::Integer(n) => Some(*n),
            AnswerValue::Text(_) | AnswerValue::Choice(_) => None,
        }
    }
}
