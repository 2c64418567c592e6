//! An organization's answers, typed by their questions.

use indexmap::IndexMap;

use crate::id_map::IdMap;
use serde::Serialize;

use super::plan::{Dates, PlanEntry};
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

    /// Whether the answer is written as `text` ([`AnswerValue::as_text`] gives it), without
    /// writing it.
    pub fn written_as(&self, text: &str) -> bool {
        match self {
            AnswerValue::Text(s) | AnswerValue::Choice(s) => s == text,
            AnswerValue::Integer(n) => itoa::Buffer::new().format(*n) == text,
            AnswerValue::NotApplicable => text == NOT_APPLICABLE,
            AnswerValue::DontKnow => text == DONT_KNOW,
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
    pub values: IdMap<AnswerValue>,
    /// A note on an answer (why `partly`, what evidence), by question id.
    pub notes: IndexMap<String, String>,
    /// The framework id the file says it was written for (`[framework] id = ...`).
    pub framework_id: Option<String>,
    /// The framework version the file says it was written for (`[framework] version = ...`).
    pub framework_version: Option<String>,
    /// The day the answers were given (`[framework] assessed = YYYY-MM-DD`), as `YYYY-MM-DD`.
    pub assessed: Option<String>,
    /// Who gave the answers (`[respondent]`), when the file says.
    pub respondent: Option<Respondent>,
    /// For a team's combined answers (`[[respondents]]`): each respondent's own answers,
    /// in the order they were combined. Empty for one organization's own answers.
    pub team: Vec<Member>,
    /// Ids of answers to questions that no longer exist (answers written for another
    /// version of the framework), ignored.
    pub gone: Vec<String>,
    /// Problems that do not stop the answers from being used.
    pub warnings: Vec<Diagnostic>,
    /// The action plan (`[action_plan]`): owner, due date and status by task or recommendation id,
    /// in file order.
    pub plan: IndexMap<String, PlanEntry>,
    /// The timeline's dates (`[timeline]`), by activity id, in file order.
    pub timeline: IdMap<Dates>,
}

/// The table of an answers file that says who answered (`name`, `role`), not a question section.
pub const RESPONDENT_SECTION: &str = "respondent";

/// The array of tables of a team's combined answers file holding each respondent's own answers.
pub const TEAM_SECTION: &str = "respondents";

/// Who gave a set of answers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Respondent {
    /// Their name, when given.
    pub name: Option<String>,
    /// Their role (superintendent, principal, ...), when given.
    pub role: Option<String>,
}

impl Respondent {
    /// "name (role)", "name", or `None` when the respondent is not named. A role alone does
    /// not name anyone.
    pub fn display(&self) -> Option<String> {
        let name = self.name.as_deref().map(str::trim).filter(|n| !n.is_empty())?;
        Some(match self.role.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            Some(role) => format!("{name} ({role})"),
            None => name.to_string(),
        })
    }
}

/// One respondent of a team: who, the file their answers came from, and their answers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Member {
    /// The file their answers were read from, as it was named when they were combined.
    pub file: String,
    /// Who they are (empty when not named).
    pub respondent: Respondent,
    /// Their answers that count (those to questions that apply to their own answers), by id.
    pub values: IdMap<AnswerValue>,
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
